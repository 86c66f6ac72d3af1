// Checking one table: decide its derived cells (totals, groups, relations, shares,
// template rules) and judge each one. Pure; the collector gathers the checks.
import type { CheckCollector } from './result/collector';
import type { ColumnRelation } from './hypotheses/columnRelations';
import { discoverColumnRelations } from './hypotheses/columnRelations';
import type { Formula } from './judge/formula';
import type { Grid } from './read/grid';
import { K_ERROR, K_NUMBER } from './read/grid';
import { checkCell, errorValueCheck, okMessage, type CheckOptions } from './judge/makeCheck';
import { recogniseTemplate, type TemplateInfo } from './hypotheses/regionTemplates';
import { discoverRowRatios } from './hypotheses/rowRatios';
import type { Table } from './tables/tableFinder';
import { detectTotals } from './hypotheses/totals';
import { labelOf } from './tables/rowLabels';
import type { TotalRow } from './hypotheses/totalRow';
import { isDifferenceHeader, isNonAdditiveHeader, L_NON_ADDITIVE } from './tables/labels';
import type { Check } from './types';
import { cellAddress, columnName } from './read/address';
import { tableTypedUnits, typedUnitAt, type TypedUnits } from './judge/granularity';
import { checkFormulaTotals } from './hypotheses/formulaTotals';
import { relationVerdict } from './judge/relationJudgement';
import { softenMarginalErrors } from './judge/roundingNoise';
import { anomalousRows } from './judge/rowAnomaly';
import { E_PART_MISSING, nonAdditiveColumns, rangeFindingAt, skipped, statusAt, totalEvidence, totalVerdict } from './judge/totalJudgement';
import { R_PERCENT_LABEL, tableRowFacts, type RowFacts } from './tables/rowLabels';
import { L_TOTAL } from './tables/labels';
import { totalBasis } from './judge/totalBasis';
import { sortedRows } from './tables/sortedRows';
import { Run } from './scratch';

export interface CheckTableOptions {
  /** Word tables hold only text: numbers typed as text are then no finding. */
  textNumbers: 'warn' | 'accept';
}

export interface CheckedTable {
  table: Table;
  template: TemplateInfo;
  totals: TotalRow[];
  relations: ColumnRelation[];
  notes: string[];
}

/** Share rows: most figures are percentages (or the label says %). */
function isShareRow(g: Grid, t: Table, r: number, facts: RowFacts): boolean {
  const f = facts.of(r);
  // A median, an average or a rate is no amount, whatever its cells' format.
  if (f & L_NON_ADDITIVE) return true;
  const percentLabel = (f & R_PERCENT_LABEL) !== 0;
  if (g.percentCells === 0) return percentLabel && !hasNumber(g, t, r);
  let pct = 0;
  let all = 0;
  for (const c of t.numCols) {
    if (g.kind(r, c) !== K_NUMBER) continue;
    all++;
    if (g.pct(r, c)) pct++;
  }
  if (all === 0) return percentLabel;
  return pct * 2 > all || (pct > 0 && percentLabel);
}

/** A header row of the template's helpers (`Kolumn: A B C …`, `Ange nämnd:`), by its first cell. */
const HELPER_ROW = /^\s*(?:kolumn|ange nämnd)\b/i;
/** A header that only names a unit. */
const UNIT_ONLY = /^\(?\s*(?:tkr|mnkr|kr|%|tusentals kronor)\s*\)?$/i;

/** What headingOf reads of a table, worked out once for all its columns: the header rows that may name a column, and the title as headings are compared with it. */
interface HeadingRows {
  rows: number[];
  title: string;
}

function headingRows(g: Grid, t: Table): HeadingRows {
  return { rows: t.headerRows.filter((r) => !HELPER_ROW.test(g.textAt(r, t.c0))), title: t.title.replace(/\s+/g, ' ').trim() };
}

/**
 * A column's heading for people: the longest text its header rows give it, leaving out the
 * template's helper rows (`Kolumn: A B C …`, `Ange nämnd:`), bare letters and units.
 */
function headingOf(g: Grid, h: HeadingRows, c: number): string {
  let best = '';
  for (const r of h.rows) {
    const text = g.textAt(r, c).replace(/\s+/g, ' ').trim();
    if (text.length <= 1 || text === h.title || UNIT_ONLY.test(text)) continue;
    if (text.length > best.length) best = text;
  }
  return best;
}

/** Headings longer than this are cut in messages. */
const HEADING_CHARS = 32;

/** Any figure (a number, not a dash) in the table's columns of row r. */
function hasNumber(g: Grid, t: Table, r: number): boolean {
  for (const c of t.numCols) if (g.kind(r, c) === K_NUMBER) return true;
  return false;
}

/** A relation in the words a controller uses: the columns' headings, with their letters. */
function describeRelation(g: Grid, t: Table, rel: ColumnRelation): string {
  const h = headingRows(g, t);
  const name = (c: number) => {
    const letter = columnName(c);
    const heading = headingOf(g, h, c);
    if (!heading) return letter;
    return `${heading.length > HEADING_CHARS ? `${heading.slice(0, HEADING_CHARS - 1).trimEnd()}…` : heading} (${letter})`;
  };
  const part = (ts: { c: number; coef: number }[]) =>
    ts.map((x, i) => `${x.coef < 0 ? ' − ' : i ? ' + ' : ''}${name(x.c)}`).join('');
  if (rel.kind === 'sum') return part(rel.terms);
  return `${rel.factor === 100 ? '100 · ' : ''}(${part(rel.terms)}) / (${part(rel.den)})`;
}

/** Checks table t of grid g into `out`; `run` is the scratch of the checkWorkbook run (a fresh one by default). */
export function checkTable(g: Grid, t: Table, out: CheckCollector, opts: CheckTableOptions, run: Run = new Run()): CheckedTable {
  // The evaluations and evidence kept for this table's checks start afresh (the last table's are done with).
  run.formula.kept.clear();
  run.evidence.clear();
  const template = recogniseTemplate(g, t, run.roles);
  const notes: string[] = [];
  const findingMark = out.findingMark();
  const rowFacts = tableRowFacts(g, t, run.rowFacts);
  const shareRows = t.bodyRows.filter((r) => isShareRow(g, t, r, rowFacts));
  // Most tables have no share rows: then the amount rows are the body rows themselves (never changed).
  const shareSet = shareRows.length ? new Set(shareRows) : null;
  const amountRows = shareSet ? t.bodyRows.filter((r) => !shareSet.has(r)) : t.bodyRows;

  const relations = tableRelations(g, t, template, shareRows, amountRows, run);
  const ratioCols = new Set(template.ratioCols);
  for (const rel of relations) if (rel.kind === 'ratio') ratioCols.add(rel.y);
  const changeCols = new Set(relations.filter((r) => r.subtraction).map((r) => r.y));
  // Footing: never shares, averages or indices (their total is no sum).
  const footCols = t.numCols.filter((c) => !ratioCols.has(c) && !isNonAdditiveHeader(t.header.get(c) ?? '', run.labels) && !mostlyPercent(g, amountRows, c) && !constantColumn(g, amountRows, c));

  const totals = detectTotals(g, t, footCols, template.excludedRows, run.totals, run.footCells, run.rowFacts);
  // The rows each total row closes, by row (an array over the table's rows: looked up for every relation row).
  const closedBy: (number[] | undefined)[] = new Array(t.r1 - t.r0 + 1);
  for (const tot of totals) closedBy[tot.row - t.r0] = tot.closes;

  // Each total row, then each relation, judged as a whole before any of its cells is coloured.
  const typed = tableTypedUnits(g, t, run.typedUnits);
  const tableHasFormulas = checkTotalRows(g, t, totals, footCols, template, typed, out, run, notes);
  checkRelations(g, t, relations, closedBy, template, typed, out, run, notes);

  // Share rows: quotients of two amount rows, in the columns that are not differences.
  // A difference column's share row is a difference of shares (percentage points), never a
  // share of its differences: headed as a change, it takes no row ratio even when no relation
  // among the amounts was found (one wrong figure may hide it).
  const ratioColsForRows = footCols.filter((c) => !changeCols.has(c) && !isDifferenceHeader(t.header.get(c) ?? ''));
  for (const rr of discoverRowRatios(g, shareRows, amountRows, ratioColsForRows)) {
    const what = `100 · rad ${rr.num + 1} / rad ${rr.den + 1}`;
    for (const c of rr.cols) {
      const f: Formula = { kind: 'ratio', num: [{ r: rr.num, c, coef: 1 }], den: [{ r: rr.den, c, coef: 1 }], factor: rr.factor };
      checkCell(g, 'ratio', rr.y, c, f, { what }, out, run.checks);
    }
  }

  // Budgetväxlingar: Utgående = Ingående + Σ växlingar, in every column.
  if (template.vaxling) {
    const v = template.vaxling;
    for (const c of [...v.postCols, v.totalCol]) {
      const f: Formula = { kind: 'sum', terms: [v.ingaende, ...v.moves].map((r) => ({ r, c, coef: 1 })) };
      checkCell(g, 'rollforward', v.utgaende, c, f, { what: 'ingående ram plus växlingarna' }, out, run.checks);
    }
  }

  // Totals the controller's own formulas state, where no reading above claimed the cell.
  if (tableHasFormulas ?? hasFormulas(g, t)) checkFormulaTotals(g, t, tableRowFacts(g, t, run.rowFacts), out, run.checks);

  // Inputs: numbers typed as text (a derived cell keeps this warning too: its status is the worst of its checks), and error values.
  if (g.flaggedInputs > 0) checkInputs(g, t, out, opts);
  softenMarginalErrors(out, findingMark);
  return { table: t, template, totals, relations, notes };
}

/**
 * The relations of table t: the template's first; discovered ones for the columns it leaves
 * open. Amount rows and share rows are searched apart: a relation that holds for amounts does
 * not carry over to shares, except a difference (a change is a change).
 */
function tableRelations(g: Grid, t: Table, template: TemplateInfo, shareRows: number[], amountRows: number[], run: Run): ColumnRelation[] {
  const relations: ColumnRelation[] = [...template.relations];
  const fixed = new Set(template.relations.map((r) => r.y));
  const inAmounts = discoverColumnRelations(g, t, amountRows, { ratios: true }, run.relations).filter((r) => !fixed.has(r.y));
  const inShares = discoverColumnRelations(g, t, shareRows, { ratios: false }, run.relations).filter((r) => !fixed.has(r.y));
  const amountY = new Set(inAmounts.map((r) => r.y));
  for (const rel of inAmounts) {
    const carry = rel.subtraction ? shareRows : [];
    relations.push({ ...rel, rows: sortedRows(rel.rows, carry) });
  }
  for (const rel of inShares) {
    if (amountY.has(rel.y)) {
      // Shares of a column the amounts define: only the amounts' differences apply.
      continue;
    }
    const carry = rel.subtraction ? amountRows : [];
    relations.push({ ...rel, rows: sortedRows(rel.rows, carry) });
  }
  return relations;
}

/**
 * Footing, groups, totals of totals, formula ranges: each total row is a hypothesis, judged
 * from the evidence of all its columns before any cell is coloured; its cells are checked
 * when it stands. Notes go to `notes`. Returns whether the table has formulas, when that had
 * to be found out (undefined otherwise). (Apart from checkTable, so that each part is
 * compiled, and recompiled, on its own.)
 */
function checkTotalRows(g: Grid, t: Table, totals: TotalRow[], footCols: number[], template: TemplateInfo, typed: TypedUnits, out: CheckCollector, run: Run, notes: string[]): boolean | undefined {
  let tableHasFormulas: boolean | undefined;
  const facts = tableRowFacts(g, t, run.rowFacts);
  // The total rows by row, and those whose reading stands (all, until the verdicts say otherwise).
  const totalRowSet = new Map<number, TotalRow>();
  const standing = new Map<number, TotalRow>();
  for (const x of totals) {
    totalRowSet.set(x.row, x);
    standing.set(x.row, x);
  }
  const evidence = totals.map((tot) => totalEvidence(g, tot, footCols, facts, totalRowSet, typed, run.formula, run.evidence));
  const dropCols = nonAdditiveColumns(evidence, footCols.length);
  for (let i = 0; i < footCols.length; i++)
    if (dropCols[i]) notes.push(`Kolumnen ${columnName(footCols[i])} (${t.header.get(footCols[i]) || 'utan rubrik'}) stämmer inte med någon summarad i tabellen ${tableName(t)}; den verkar inte vara en summerbar kolumn och har inte kontrollerats.`);
  const isTemplate = template.kind !== 'generic';
  // Rows standing above their parts that a labelled total sums as items (Summa = the group
  // rows): the labelled total corroborates them. Only the heads are looked up (few rows).
  const heads = new Set<number>();
  for (const x of totals) if (x.items.length && x.items[0] > x.row) heads.add(x.row);
  const itemOfLabelled = new Set<number>();
  if (heads.size) for (const x of totals) if (facts.of(x.row) & L_TOTAL) for (const i of x.items) if (heads.has(i)) itemOfLabelled.add(i);
  // Totals whose reading stands, decided in order: a later total that sums an earlier one
  // that does not stand is judged again without it.
  for (let ei = 0; ei < evidence.length; ei++) {
    let e = evidence[ei];
    const tot = e.tot;
    // (Only once some total has fallen: until then every total row stands.)
    if (standing.size < totalRowSet.size && tot.items.some((x) => totalRowSet.has(x) && !standing.has(x))) e = totalEvidence(g, tot, footCols, facts, standing, typed, run.formula, run.evidence);
    const rowFacts = facts.of(tot.row);
    const labelled = (rowFacts & L_TOTAL) !== 0;
    const hasFormula = rowHasFormula(g, tot.row, footCols);
    // Nothing states this row is a total: no total label, no formula, no labelled total summing
    // it as one of its items (Summa = the group rows).
    const unstated = !labelled && !hasFormula && !itemOfLabelled.has(tot.row);
    // A row shown to stand above its parts by arithmetic alone.
    const arithmeticOnly = unstated && tot.items.length > 0 && tot.items[0] > tot.row;
    const verdict = totalVerdict(e, dropCols, isTemplate, arithmeticOnly, labelled);
    if (!verdict.stands) standing.delete(tot.row);
    const label = labelOf(g, t, tot.row);
    if (!verdict.stands) {
      if (verdict.judged > 0 && (label || tot.formulaMismatch.size || !tot.hardCoded))
        notes.push(`Raden ${label ? `«${label}» ` : ''}(rad ${tot.row + 1}) stämmer inte med någon läsning av raderna ${tot.rule === 'subtotal-sum' || tot.items[0] > tot.row ? 'under' : 'ovanför'} i de flesta kolumner; den har inte färgats. Kontrollera den för hand.`);
      continue;
    }
    const what = tot.rule === 'subtotal-sum' ? 'summan av raderna under' : tot.rule === 'total-of-totals' ? 'summan av delsummorna' : 'summan av raderna';
    const basis = totalBasis(label, rowFacts, tot, verdict.good, verdict.judged, template.kind, hasFormula, run.bases);
    // Nothing but the figures says this row is a total (no template either): red needs a typing slip.
    const o: CheckOptions = { what, okText: okMessage(tot.rule, what, run.checks), basis, unitFloor: undefined, figuresOnly: unstated && !isTemplate };
    // One formula per total row, moved from column to column (the collector keeps its rows and column, not it).
    const f: Formula & { kind: 'column' } = { kind: 'column', c: 0, rows: tot.items };
    const unknownParts: string[] = [];
    for (let i = 0; i < footCols.length; i++) {
      if (statusAt(e, i) === E_PART_MISSING) unknownParts.push(columnName(footCols[i]));
      if (skipped(e, i)) continue;
      const c = footCols[i];
      f.c = c;
      o.unitFloor = typedUnitAt(typed, tot.row, c) || undefined;
      const k = checkCell(g, tot.rule, tot.row, c, f, o, out, run.checks, e.figures.at(i));
      if (k === null) continue;
      const mm = rangeFindingAt(e, i) ? tot.formulaMismatch.get(c) : undefined;
      if (mm) out.add(tot.row, c, { ...formulaRangeCheck(out.check(k), mm, tot.row, c), basis });
    }
    if (unknownParts.length)
      notes.push(`Raden ${label ? `«${label}» ` : ''}(rad ${tot.row + 1}) har inte kontrollerats i kolumn ${unknownParts.join(', ')}: någon av delarna saknar värde (en text som "(S)" eller "x"), och det som saknas är inte noll.`);
    if (tot.hardCoded && tot.rule !== 'subtotal-sum' && (tableHasFormulas ??= hasFormulas(g, t))) {
      notes.push(`Raden ${tot.row + 1} (${label || 'summa'}) är inskriven som tal, inte som formel.`);
    }
  }
  return tableHasFormulas;
}

/**
 * Cross-footing and shares between columns: each relation is a hypothesis about its column,
 * judged from all its rows before any cell is coloured; its cells are checked when it stands.
 */
function checkRelations(g: Grid, t: Table, relations: ColumnRelation[], closedBy: (number[] | undefined)[], template: TemplateInfo, typed: TypedUnits, out: CheckCollector, run: Run, notes: string[]): void {
  // Each closed row's tolerance worked out once per relation, for the judgement and the checks alike.
  const closedTolerances = run.closedTolerances.reset(g, relations, t.r0, t.r1, run.formula);
  const rowAllowanceOf = (rel: ColumnRelation, ri: number) => (r: number): number | undefined => {
    const closed = closedBy[r - t.r0];
    return closed && rel.kind === 'sum' ? closedTolerances.of(ri, r, closed) : undefined;
  };
  const verdicts = relations.map((rel, ri) => relationVerdict(g, rel, rowAllowanceOf(rel, ri), (r) => relationUnitFloor(rel, typed, r), (r) => closedBy[r - t.r0], run.formula, closedTolerances, ri));
  // A row that breaks relations sharing no cell is another kind of row: set aside in all of them.
  const anomalies = anomalousRows(relations, verdicts);
  for (const [r, list] of anomalies) {
    for (const i of list) verdicts[i].skip[relations[i].rows.indexOf(r)] = 1;
    const cols = list.map((i) => columnName(relations[i].y)).join(', ');
    const label = labelOf(g, t, r);
    notes.push(`Rad ${r + 1}${label ? ` («${label}»)` : ''} stämmer inte med sambanden i kolumnerna ${cols}, som annars stämmer. Sambanden har inga celler gemensamt, så ett enda fel förklarar det inte: raden verkar vara av ett annat slag och har inte färgats. Kontrollera den för hand.`);
  }
  for (let ri = 0; ri < relations.length; ri++) {
    const rel = relations[ri];
    const verdict = verdicts[ri];
    const rule = rel.kind === 'ratio' ? 'ratio' : 'row-relation';
    const what = describeRelation(g, t, rel);
    const floor = (r: number): number => relationUnitFloor(rel, typed, r);
    const rowAllowance = rowAllowanceOf(rel, ri);
    if (!verdict.stands) {
      notes.push(`Kolumnen ${columnName(rel.y)} ser ut att vara ${what} i ${verdict.holds} av ${verdict.judged} rader men inte i de övriga; den har inte färgats. Kontrollera den för hand.`);
      continue;
    }
    // A difference headed as one (Förändring, Avvikelse, Netto) is stated by its header: the
    // header names the reading the figures found. Any other found relation rests on figures alone.
    const header = t.header.get(rel.y) ?? '';
    const headed = rel.source === 'found' && rel.subtraction && isDifferenceHeader(header);
    const basis =
      rel.source === 'template'
        ? `mallen ${template.kind}: ${what}`
        : `${headed ? `rubriken «${header}» och ` : ''}sambandet ${what} stämmer i ${verdict.holds} av ${verdict.judged} rader`;
    const o: CheckOptions = { what, atLeast: undefined, okText: okMessage(rule, what, run.checks), basis, unitFloor: undefined, figuresOnly: rel.source === 'found' && !headed };
    const f: Formula & { kind: 'row' } = { kind: 'row', r: 0, shape: rel };
    for (let i = 0; i < rel.rows.length; i++) {
      if (verdict.skip[i]) continue;
      const r = rel.rows[i];
      o.atLeast = rowAllowance(r);
      o.unitFloor = floor(r) || undefined;
      f.r = r;
      checkCell(g, rule, r, rel.y, f, o, out, run.checks, verdict.figures.at(i));
    }
  }
}

function checkInputs(g: Grid, t: Table, out: CheckCollector, opts: CheckTableOptions): void {
  for (const r of t.bodyRows) {
    for (const c of t.numCols) {
      const k = g.kind(r, c);
      if (k !== K_ERROR && !(k === K_NUMBER && g.fromText(r, c))) continue;
      const x = g.at(r, c);
      if (x.kind === 'number' && x.fromText && opts.textNumbers === 'warn') {
        out.add(r, c, {
          rule: 'text-number',
          status: 'warning',
          expected: null,
          actual: x.display / x.scale,
          difference: null,
          tolerance: null,
          inputs: [],
          message: `Talet i ${cellAddress(r, c)} är lagrat som text; det räknas som ${x.display}.`,
          detail: undefined,
        });
      } else if (x.kind === 'error') {
        out.add(r, c, errorValueCheck(`${cellAddress(r, c)} innehåller felvärdet ${x.text}.`, []));
      }
    }
  }
}

/**
 * A column that holds one and the same figure in every row, its "total" rows included (a
 * unit column: 1000, 1000, …), is no amount: its total is no sum (checks.md 4.9: repeated
 * values prove nothing). A column of equal parts has a total that differs from them.
 */
function constantColumn(g: Grid, rows: number[], c: number): boolean {
  let all = 0;
  let first = NaN;
  for (const r of rows) {
    if (g.kind(r, c) !== K_NUMBER) continue;
    const x = g.num(r, c);
    if (all++ === 0) first = x;
    else if (x !== first) return false;
  }
  // Zeros are no unit: a column of zeros totals to zero.
  return all >= 4 && first !== 0;
}

function mostlyPercent(g: Grid, rows: number[], c: number): boolean {
  if (g.percentCells === 0) return false;
  let pct = 0;
  let all = 0;
  for (const r of rows) {
    if (g.kind(r, c) !== K_NUMBER) continue;
    all++;
    if (g.pct(r, c)) pct++;
  }
  return all > 0 && pct * 2 > all;
}


function hasFormulas(g: Grid, t: Table): boolean {
  for (const r of t.bodyRows) for (const c of t.numCols) if (g.hasFormula(r, c)) return true;
  return false;
}

function formulaRangeCheck(sumCheck: Check, mm: { missing: number[]; extra: number[] }, r: number, c: number): Check {
  const parts: string[] = [];
  if (mm.missing.length) parts.push(`utelämnar rad ${mm.missing.map((x) => x + 1).join(', ')}`);
  if (mm.extra.length) parts.push(`tar med rad ${mm.extra.map((x) => x + 1).join(', ')}`);
  return {
    rule: 'formula-range',
    status: sumCheck.status === 'error' ? 'error' : 'warning',
    expected: sumCheck.expected,
    actual: sumCheck.actual,
    difference: sumCheck.difference,
    tolerance: sumCheck.tolerance,
    inputs: sumCheck.inputs,
    message: `SUMMA-formeln i ${cellAddress(r, c)} ${parts.join(' och ')}.`,
  };
}

function tableName(t: Table): string {
  return t.title ? `«${t.title}»` : `på rad ${t.r0 + 1}–${t.r1 + 1}`;
}

/** Some footing cell of row r has a formula. */
function rowHasFormula(g: Grid, r: number, cols: number[]): boolean {
  for (const c of cols) if (g.hasFormula(r, c)) return true;
  return false;
}


/** The typed unit of a relation's columns: the coarsest among its derived column and inputs. */
function relationUnitFloor(rel: ColumnRelation, typed: TypedUnits, r: number): number {
  // Most tables are typed as shown: nothing to look up.
  if (rel.kind !== 'sum' || (typed.col.size === 0 && typed.row.size === 0)) return 0;
  let u = typedUnitAt(typed, r, rel.y);
  for (const t of rel.terms) u = Math.max(u, typedUnitAt(typed, r, t.c));
  return u;
}
