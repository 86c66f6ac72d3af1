// Budgetväxlingar against the budgetfördelning (checks.md 5.2): Ingående ram = Summa B,
// Σ växlingar = Summa C, Utgående ram = Summa D, compared in the coarser unit. A unit
// label contradicted by the figures (about a factor 1 000) is read in the unit that fits.
import { cellAddress, qualified } from '../read/address';
import type { CheckedTable } from '../checkTable';
import type { SheetWork } from '../checkWorkbook';
import type { Grid } from '../read/grid';
import { displayOf, hasValue, unitOf } from '../read/grid';
import { UNIT_FACTOR, type Unit } from '../tables/labels';
import { clean, fmt } from '../judge/makeCheck';
import { judge } from '../judge/tolerance';
import type { Check } from '../types';

interface Located {
  work: SheetWork & { grid: Grid };
  table: CheckedTable;
}

function find(work: SheetWork[], kind: string): Located | null {
  for (const w of work) {
    const grid = w.grid;
    if (grid) for (const t of w.tables) if (t.template.kind === kind) return { work: { ...w, grid }, table: t };
  }
  return null;
}

const UNIT_NAME: Readonly<Record<Unit, string>> = { kr: 'kr', tkr: 'tkr', mnkr: 'mnkr', mdkr: 'mdkr' };

export function checkCrossTables(work: SheetWork[]): void {
  const F = find(work, 'budgetfordelning');
  const V = find(work, 'budgetvaxlingar');
  if (!F || !V || !F.table.template.letters || !V.table.template.vaxling) return;
  const summa = [...F.table.totals].reverse().find((t) => t.rule === 'column-sum' || t.rule === 'total-of-totals');
  if (!summa) return;
  const fg = F.work.grid;
  const vg = V.work.grid;
  const L = F.table.template.letters;
  if (L.get('B') === undefined || L.get('C') === undefined || L.get('D') === undefined) return;
  const v = V.table.template.vaxling;
  const T = v.totalCol;
  const fUnit: Unit = F.table.template.unit ?? 'tkr';
  const vUnit: Unit = V.table.template.unit ?? fUnit;
  const nominal = UNIT_FACTOR[vUnit] / UNIT_FACTOR[fUnit];
  // Which factor do the figures say? Compare the Ingående ram with Summa B.
  let k = nominal;
  const ing = displayOf(vg.at(v.ingaende, T));
  const sumB = displayOf(fg.at(summa.row, L.get('B')!));
  let labelWrong = false;
  if (ing !== 0 && sumB !== 0) {
    const ratio = Math.abs(sumB / ing);
    const options = [1e-3, 1, 1e3, 1e6];
    const best = options.reduce((a, b) => (Math.abs(Math.log10(ratio / b)) < Math.abs(Math.log10(ratio / a)) ? b : a));
    if (Math.abs(Math.log10(ratio / best)) < 0.5 && best !== nominal) {
      k = best;
      labelWrong = true;
    }
  }
  const fName = UNIT_NAME[fUnit];
  const vName = labelWrong ? unitNameFor(UNIT_FACTOR[fUnit] * k) : UNIT_NAME[vUnit];
  const warnLabel = labelWrong ? ` Enhetsangivelsen i ${V.work.grid.name} (${UNIT_NAME[vUnit]}) ser fel ut: talen är i ${vName}.` : '';
  const fRef = (r: number, c: number) => qualified(fg.name, cellAddress(r, c));
  const vRef = (r: number, c: number) => qualified(vg.name, cellAddress(r, c));

  // Ingående ram (växlingar, Totalt) = Summa B; Utgående ram = Summa D.
  for (const [row, letter, what] of [
    [v.ingaende, 'B', 'Ingående ram'],
    [v.utgaende, 'D', 'Utgående ram'],
  ] as const) {
    const c = L.get(letter);
    if (c === undefined) continue;
    const x = fg.at(summa.row, c);
    const check = crossCheck(vg, row, T, [{ g: fg, r: summa.row, c }], 1 / k, [fRef(summa.row, c)], `${what} mot Summa ${letter} i ${fg.name}`, vName, fName, warnLabel);
    if (check && hasValue(x)) V.work.collector.add(row, T, check);
  }
  // Σ växlingar (Totalt) = Summa C, reported on the budgetfördelning's cell.
  const cC = L.get('C');
  if (cC !== undefined) {
    const inputs = v.moves.map((r) => ({ g: vg, r, c: T }));
    const check = crossCheck(fg, summa.row, cC, inputs, k, v.moves.length ? [vRef(v.moves[0], T).replace(/!(.*)$/, `!$1:${cellAddress(v.moves[v.moves.length - 1], T)}`)] : [], `Summa växlingar i ${vg.name}`, fName, vName, warnLabel);
    if (check) F.work.collector.add(summa.row, cC, check);
  }
}

function unitNameFor(kr: number): string {
  if (kr >= 1e9) return 'mdkr';
  if (kr >= 1e6) return 'mnkr';
  if (kr >= 1e3) return 'tkr';
  return 'kr';
}

/** Derived cell (r, c) of grid g against the sum of inputs from another table, times factor. */
function crossCheck(
  g: Grid,
  r: number,
  c: number,
  inputs: { g: Grid; r: number; c: number }[],
  factor: number,
  inputRefs: string[],
  what: string,
  yUnitName: string,
  xUnitName: string,
  suffix: string,
): Check | null {
  const y = g.at(r, c);
  if (y.kind !== 'number' && y.kind !== 'dash') return null;
  let sum = 0;
  let n = 0;
  let coarse = 0;
  for (const i of inputs) {
    const x = i.g.at(i.r, i.c);
    if (x.kind === 'error') return null;
    if (hasValue(x)) n++;
    sum += displayOf(x);
    const u = unitOf(x) * factor;
    if (u > coarse) coarse = u;
  }
  const expected = sum * factor;
  const actual = displayOf(y);
  const uy = unitOf(y);
  const j = judge({ actual, expected, unitY: uy, inputUnit: coarse, n, roundUnit: Math.max(uy, coarse) });
  const scale = y.kind === 'number' ? y.scale : 1;
  const status = j.status;
  const word = status === 'ok' ? 'Stämmer' : status === 'warning' ? 'Avrundningsdifferens' : 'Stämmer inte';
  const message = `${what}: ${fmt(sum)} ${xUnitName} motsvarar ${fmt(expected)} ${yUnitName}, cellen visar ${fmt(actual)} ${yUnitName}${status === 'ok' ? '' : ` (diff ${fmt(j.difference)} ${yUnitName})`}. ${word}.${suffix}`;
  return {
    rule: 'cross-table',
    status,
    expected: clean(expected / scale),
    actual: clean(actual / scale),
    difference: clean(j.difference / scale),
    tolerance: clean(j.tolerance / scale),
    inputs: inputRefs,
    message,
    ...(status === 'warning' ? { detail: 'rounding' as const } : {}),
  };
}
