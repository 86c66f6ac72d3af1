// The region's three workbooks (checks.md section 5): recognised from titles and
// header words, each adds the relations its template defines on top of the generic checks.
import type { ColumnRelation } from './columnRelations';
import type { Grid } from '../read/grid';
import { labelOf } from '../tables/rowLabels';
import type { Table } from '../tables/tableFinder';
import type { TableKind } from '../types';
import { unitIn, yearIn, type Unit } from '../tables/labels';
import { columnRoles, isBudgetfordelning, type Role, type RoleMemo } from './templateRoles';

export interface TemplateInfo {
  kind: TableKind;
  relations: ColumnRelation[];
  /** Rows the generic total detection must leave alone (the Utgående row of växlingar). */
  excludedRows: Set<number>;
  /** Columns that are shares: never footed. */
  ratioCols: Set<number>;
  /** Budgetfördelning: columns B, C, D by letter. */
  letters?: Map<string, number>;
  /** Budgetväxlingar: the rows and the Totalt column. */
  vaxling?: { ingaende: number; utgaende: number; moves: number[]; totalCol: number; postCols: number[] };
  unit: Unit | null;
}

function allHeaderText(g: Grid, t: Table): string {
  const parts = [t.title];
  for (const r of t.headerRows) for (let c = t.c0; c <= Math.max(t.c1, t.c0 + 12); c++) parts.push(g.textAt(r, c));
  return parts.join(' ');
}

function tableUnit(g: Grid, t: Table, text: string): Unit | null {
  void g;
  void t;
  return unitIn(text);
}

/** The template of table t; `roles` is the run's memo of header words (none: read afresh). */
export function recogniseTemplate(g: Grid, t: Table, roles?: RoleMemo): TemplateInfo {
  const text = allHeaderText(g, t);
  const base: TemplateInfo = { kind: 'generic', relations: [], excludedRows: new Set(), ratioCols: new Set(), unit: tableUnit(g, t, text) };
  if (/fördelning av budgetramen|budgetramens fördelningsgrund/i.test(text)) return budgetfordelning(g, t, base, undefined, roles);
  const byRole = columnRoles(t.header, t.numCols, roles);
  if (isBudgetfordelning(byRole)) return budgetfordelning(g, t, base, byRole);
  if (/budgetväxling|omdisponering|ramjustering/i.test(text)) {
    // Row labels only when the title says växlingar: most tables never need them.
    const labels = t.bodyRows.map((r) => labelOf(g, t, r));
    const ing = t.bodyRows.find((r, i) => /^ingående\b/i.test(labels[i]));
    const utg = t.bodyRows.find((r, i) => /^utgående\b/i.test(labels[i]));
    if (ing !== undefined && utg !== undefined && utg > ing) return budgetvaxlingar(g, t, base, ing, utg);
  }
  if (/åtgärd|handlingsplan|resultatförbättrande/i.test(text)) return atgardslista(g, t, base);
  return base;
}

function rel(y: number, terms: [number, number][], rows: number[], den: [number, number][] = [], factor = 1): ColumnRelation {
  return {
    y,
    kind: den.length ? 'ratio' : 'sum',
    terms: terms.map(([c, coef]) => ({ c, coef })),
    den: den.map(([c, coef]) => ({ c, coef })),
    factor,
    rows,
    subtraction: !den.length && terms.length === 2 && terms.some(([, k]) => k < 0),
    source: 'template',
  };
}

function budgetfordelning(g: Grid, t: Table, info: TemplateInfo, byRole?: Map<Role, number>, memo?: RoleMemo): TemplateInfo {
  info.kind = 'budgetfordelning';
  // Columns by role from their headers; the letter row or the seed's positions when the headers say too little.
  const roles = byRole ?? columnRoles(t.header, t.numCols, memo);
  if (isBudgetfordelning(roles)) return byRoles(g, t, info, roles);
  // Column letters from the "Kolumn: A B C …" row, else by position from the label column.
  const letters = new Map<string, number>();
  for (const r of t.headerRows) {
    const first = g.textAt(r, t.c0);
    if (!/^kolumn\b/i.test(first)) continue;
    for (let c = t.c0; c <= t.c1 + 1; c++) {
      const m = /([A-J])\s*$/.exec(g.textAt(r, c));
      if (m) letters.set(m[1], c);
    }
  }
  if (letters.size < 8) {
    const a = Math.max(0, t.labelCol);
    'ABCDEFGHIJ'.split('').forEach((L, i) => letters.set(L, a + i));
  }
  info.letters = letters;
  const L = (x: string) => letters.get(x)!;
  const rows = t.bodyRows;
  info.relations.push(rel(L('D'), [[L('B'), 1], [L('C'), 1]], rows));
  info.relations.push(rel(L('H'), [[L('D'), 1], [L('G'), -1]], rows));
  info.relations.push(rel(L('J'), [[L('I'), 1]], rows, [[L('E'), 1], [L('I'), -1]], 100));
  info.ratioCols.add(L('J'));
  info.unit = info.unit ?? 'tkr';
  return info;
}

/** The template's relations among the columns whose roles are known (checks.md 5.1). */
function byRoles(g: Grid, t: Table, info: TemplateInfo, roles: Map<Role, number>): TemplateInfo {
  info.letters = new Map(roles);
  const rows = t.bodyRows;
  const R = (x: Role) => roles.get(x);
  const [B, C, D, E, G, H, I, J] = [R('B'), R('C'), R('D'), R('E'), R('G'), R('H'), R('I'), R('J')];
  if (B !== undefined && C !== undefined && D !== undefined) info.relations.push(rel(D, [[B, 1], [C, 1]], rows));
  // Prognosavvikelse: fördelad ram − prognos, or the other way round where the region writes it so (the rows decide).
  if (D !== undefined && G !== undefined && H !== undefined) {
    const sign = fitsBetter(g, rows, H, D, G) ? 1 : -1;
    info.relations.push(rel(H, [[D, sign], [G, -sign]], rows));
  }
  if (I !== undefined && E !== undefined && J !== undefined) {
    info.relations.push(rel(J, [[I, 1]], rows, [[E, 1], [I, -1]], 100));
    info.ratioCols.add(J);
  }
  info.unit = info.unit ?? 'tkr';
  return info;
}

/** h = a − b holds in at least as many rows as h = b − a. */
function fitsBetter(g: Grid, rows: number[], h: number, a: number, b: number): boolean {
  let plus = 0;
  let minus = 0;
  for (const r of rows) {
    if (!g.has(r, h) || !g.has(r, a) || !g.has(r, b)) continue;
    const y = g.num(r, h);
    const d = g.num(r, a) - g.num(r, b);
    const u = Math.max(g.unit(r, h), g.unit(r, a), g.unit(r, b), 1e-9);
    if (Math.abs(y - d) <= 1.5 * u) plus++;
    if (Math.abs(y + d) <= 1.5 * u) minus++;
  }
  return plus >= minus;
}

function budgetvaxlingar(g: Grid, t: Table, info: TemplateInfo, ing: number, utg: number): TemplateInfo {
  info.kind = 'budgetvaxlingar';
  const totalCol = [...t.numCols].reverse().find((c) => /totalt?/i.test(t.header.get(c) ?? '')) ?? t.numCols[t.numCols.length - 1];
  const postCols = t.numCols.filter((c) => c > t.labelCol && c < totalCol);
  const moves = t.bodyRows.filter((r) => r > ing && r < utg);
  info.vaxling = { ingaende: ing, utgaende: utg, moves, totalCol, postCols };
  info.excludedRows.add(utg);
  if (postCols.length)
    info.relations.push(rel(totalCol, postCols.map((c) => [c, 1] as [number, number]), t.bodyRows));
  return info;
}

function atgardslista(g: Grid, t: Table, info: TemplateInfo): TemplateInfo {
  info.kind = 'atgardslista';
  // Förändring = Ack utfall <år> − Ack utfall <fg år>.
  for (const y of t.numCols) {
    if (!/förändring/i.test(t.header.get(y) ?? '')) continue;
    const ack = t.numCols
      .filter((c) => c < y && /ack/i.test(t.header.get(c) ?? '') && yearIn(t.header.get(c) ?? '') !== null)
      .map((c) => ({ c, year: yearIn(t.header.get(c) ?? '')! }));
    if (ack.length < 2) continue;
    ack.sort((a, b) => b.year - a.year);
    if (ack[0].year === ack[1].year) continue;
    info.relations.push(rel(y, [[ack[0].c, 1], [ack[1].c, -1]], t.bodyRows));
  }
  void g;
  return info;
}
