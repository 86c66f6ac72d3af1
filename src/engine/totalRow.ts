// A total row as found, and what its SUM formulas cover (checks.md 4.8: formula-range).
import type { Grid } from './grid';
import type { Rule } from './types';

export interface TotalRow {
  row: number;
  /** Rows summed (top-level items: data rows, group rows or earlier totals). */
  items: number[];
  rule: Rule;
  /** Data rows closed, transitively (for the tolerance of relations on this row). */
  closes: number[];
  /** Rows covered by a SUM formula in this row, per column, when it differs from `items`. */
  formulaMismatch: Map<number, { missing: number[]; extra: number[] }>;
  hardCoded: boolean;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

const SUM_FORMULA = /^=\s*(?:SUM|SUMMA)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

/** SUM(X4:X12) in a cell of row r over its own column: the first and last row it covers. */
export function sumFormulaRange(g: Grid, r: number, c: number): [number, number] | null {
  const f = g.cell(r, c)?.formula;
  if (!f || f.length < 8) return null;
  const s = f.charCodeAt(1) | 32;
  if (s !== 115 /* s */ && f.charCodeAt(1) !== 32) return null;
  const m = SUM_FORMULA.exec(f);
  if (!m) return null;
  if (columnIndex(m[1]) !== c || columnIndex(m[3]) !== c) return null;
  const a = Number(m[2]) - 1;
  const b = Number(m[4]) - 1;
  return [Math.min(a, b), Math.max(a, b)];
}

export function firstSumFormula(g: Grid, r: number, cols: number[]): number[] | null {
  for (const c of cols) {
    const range = sumFormulaRange(g, r, c);
    if (!range) continue;
    const rows: number[] = [];
    for (let k = range[0]; k <= range[1] && k < r; k++) rows.push(k);
    return rows;
  }
  return null;
}

export function makeTotal(g: Grid, r: number, itemRows: number[], rule: Rule, footCols: number[], closes: number[]): TotalRow {
  const mismatch = new Map<number, { missing: number[]; extra: number[] }>();
  let formulas = 0;
  for (const c of footCols) {
    if (g.cell(r, c)?.formula) formulas++;
    const fr = sumFormulaRange(g, r, c);
    if (!fr) continue;
    const [from, to] = fr;
    const missing = itemRows.filter((k) => (k < from || k > to) && g.has(k, c));
    const extra: number[] = [];
    if (to - from + 1 !== itemRows.length - missing.length) {
      const want = new Set(itemRows);
      for (let k = from; k <= to && extra.length < 100; k++) if (!want.has(k) && k !== r && g.has(k, c)) extra.push(k);
    }
    if (missing.length || extra.length) mismatch.set(c, { missing, extra });
  }
  return { row: r, items: itemRows, rule, closes, formulaMismatch: mismatch, hardCoded: formulas === 0 };
}
