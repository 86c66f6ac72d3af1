// A total row as found, and what its SUM formulas cover (checks.md 4.8: formula-range).
import type { Grid } from '../read/grid';
import type { Rule } from '../types';

export interface TotalRow {
  row: number;
  /** Rows summed (top-level items: data rows, group rows or earlier totals). */
  items: number[];
  rule: Rule;
  /** Data rows closed, transitively (for the tolerance of relations on this row). */
  closes: number[];
  /** Rows covered by a SUM formula in this row, per column, when it differs from `items`. */
  formulaMismatch: ReadonlyMap<number, { missing: number[]; extra: number[] }>;
  hardCoded: boolean;
}

/** The formulaMismatch of a total whose formulas cover its items exactly (shared: never mutated). */
export const NO_MISMATCH: ReadonlyMap<number, { missing: number[]; extra: number[] }> = new Map();

/** First and last row (0-based) of a range. */
export interface RowRange {
  from: number;
  to: number;
}

/** JavaScript's RegExp \s: Unicode white space and line terminators. */
function isSpace(ch: number): boolean {
  if (ch <= 32) return ch === 32 || (ch >= 9 && ch <= 13);
  if (ch < 0xa0) return false;
  return ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

function skipSpaces(f: string, i: number): number {
  while (i < f.length && isSpace(f.charCodeAt(i))) i++;
  return i;
}

/** ASCII letter, either case (what [A-Z] matches under the i flag). */
function isLetter(ch: number): boolean {
  const l = ch | 32;
  return l >= 97 && l <= 122;
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

/**
 * Reads `$?[A-Z]{1,3}$?\d+` at i, a reference into column c: returns the index after it, or
 * -1 (also when it reads another column), and leaves its 1-based row number in out.from
 * (first) or out.to.
 */
function reference(f: string, i: number, c: number, out: RowRange, first: boolean): number {
  if (f.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  while (i < f.length && isLetter(f.charCodeAt(i))) col = col * 26 + ((f.charCodeAt(i++) | 32) - 96);
  if (i === lettersFrom || i - lettersFrom > 3) return -1;
  if (f.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  while (i < f.length && isDigit(f.charCodeAt(i))) row = row * 10 + (f.charCodeAt(i++) - 48);
  if (i === digitsFrom) return -1;
  if (col - 1 !== c) return -1;
  // Beyond 15 digits the running value may round differently from Number().
  const refRow = i - digitsFrom > 15 ? Number(f.substring(digitsFrom, i)) : row;
  if (first) out.from = refRow;
  else out.to = refRow;
  return i;
}

/**
 * `=SUM(X4:X12)` or `=SUMMA(…)` (any case, spaces and `$` allowed) over column c: sets out to
 * the rows covered (out is written to also when it returns false). A hand-written reading of
 * /^=\s*(?:SUM|SUMMA)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i
 * (no match array per cell).
 */
export function parseSumFormula(f: string, c: number, out: RowRange): boolean {
  if (f.charCodeAt(0) !== 61 /* = */) return false;
  let i = skipSpaces(f, 1);
  if ((f.charCodeAt(i) | 32) !== 115 || (f.charCodeAt(i + 1) | 32) !== 117 || (f.charCodeAt(i + 2) | 32) !== 109) return false; // sum
  i += 3;
  if ((f.charCodeAt(i) | 32) === 109 && (f.charCodeAt(i + 1) | 32) === 97) i += 2; // summa
  if (f.charCodeAt(i) !== 40 /* ( */) return false;
  i = reference(f, skipSpaces(f, i + 1), c, out, true);
  if (i < 0) return false;
  i = skipSpaces(f, i);
  if (f.charCodeAt(i) !== 58 /* : */) return false;
  i = reference(f, skipSpaces(f, i + 1), c, out, false);
  if (i < 0) return false;
  const a = out.from - 1;
  const b = out.to - 1;
  i = skipSpaces(f, i);
  if (f.charCodeAt(i) !== 41 /* ) */) return false;
  if (skipSpaces(f, i + 1) !== f.length) return false;
  out.from = Math.min(a, b);
  out.to = Math.max(a, b);
  return true;
}

/** SUM(X4:X12) in a cell of row r over its own column: sets out to the first and last row it covers. */
export function sumFormulaRange(g: Grid, r: number, c: number, out: RowRange): boolean {
  if (!g.hasFormula(r, c)) return false;
  const f = g.cell(r, c)?.formula;
  return f ? sumRangeOf(f, c, out) : false;
}

/**
 * parseSumFormula after a quick look at the first characters (most formulas are no SUM), and
 * Excel's own way of writing one read in a single pass: what the totals use.
 */
export function sumRangeOf(f: string, c: number, out: RowRange): boolean {
  if (f.length < 8) return false;
  const s = f.charCodeAt(1) | 32;
  if (s !== 115 /* s */ && f.charCodeAt(1) !== 32) return false;
  return plainSumRange(f, c, out) || parseSumFormula(f, c, out);
}

/**
 * `=SUM(B4:B12)` as Excel stores it (upper case, no spaces, no `$`): parseSumFormula's
 * reading for the common case in one pass (false when f is written any other way).
 */
function plainSumRange(f: string, c: number, out: RowRange): boolean {
  if (f.charCodeAt(1) !== 83 || f.charCodeAt(2) !== 85 || f.charCodeAt(3) !== 77 || f.charCodeAt(4) !== 40) return false; // SUM(
  const first = plainReference(f, 5, c);
  if (first < 0) return false;
  const i = first % REF_AT;
  if (f.charCodeAt(i) !== 58 /* : */) return false;
  const second = plainReference(f, i + 1, c);
  if (second < 0) return false;
  const j = second % REF_AT;
  if (j !== f.length - 1 || f.charCodeAt(j) !== 41 /* ) */) return false;
  const a = (first - i) / REF_AT;
  const b = (second - j) / REF_AT;
  out.from = Math.min(a, b) - 1;
  out.to = Math.max(a, b) - 1;
  return true;
}

/** plainReference's result: row · REF_AT + the index after the reference (formulas are shorter). */
const REF_AT = 65536;

/**
 * `B12` at i, upper-case letters and at most nine digits, in column c: its 1-based row and
 * the index after it, as row · REF_AT + index; −1 otherwise.
 */
function plainReference(f: string, i: number, c: number): number {
  let col = 0;
  const lettersFrom = i;
  for (let ch = f.charCodeAt(i); ch >= 65 && ch <= 90; ch = f.charCodeAt(++i)) col = col * 26 + (ch - 64);
  if (i === lettersFrom || i - lettersFrom > 3 || col - 1 !== c) return -1;
  const digitsFrom = i;
  let row = 0;
  for (let ch = f.charCodeAt(i); ch >= 48 && ch <= 57; ch = f.charCodeAt(++i)) row = row * 10 + (ch - 48);
  if (i === digitsFrom || i - digitsFrom > 9 || i >= REF_AT) return -1;
  return row * REF_AT + i;
}

/**
 * The first SUM formula in row r over its own column, among cols: sets out to the rows it
 * covers above r (empty, to < from, when it covers none) and returns true; false when none.
 */
export function firstSumFormula(g: Grid, r: number, cols: number[], out: RowRange): boolean {
  for (let i = 0; i < cols.length; i++) {
    if (!sumFormulaRange(g, r, cols[i], out)) continue;
    if (out.to > r - 1) out.to = r - 1;
    return true;
  }
  return false;
}

export function makeTotal(g: Grid, r: number, itemRows: number[], rule: Rule, footCols: number[], closes: number[]): TotalRow {
  let mismatch: Map<number, { missing: number[]; extra: number[] }> | null = null;
  let formulas = 0;
  let range: RowRange | null = null;
  for (const c of footCols) {
    const f = g.hasFormula(r, c) ? g.cell(r, c)?.formula : undefined;
    if (!f) continue;
    formulas++;
    if (!sumRangeOf(f, c, (range ??= { from: 0, to: 0 }))) continue;
    const { from, to } = range;
    const missing = missingRows(g, itemRows, from, to, c);
    // The range can only hold extra rows when its length differs from the items it covers.
    const extra = to - from + 1 !== itemRows.length - (missing?.length ?? 0) ? extraRows(g, r, itemRows, from, to, c) : null;
    if (missing || extra?.length) (mismatch ??= new Map()).set(c, { missing: missing ?? [], extra: extra?.length ? extra : [] });
  }
  return { row: r, items: itemRows, rule, closes, formulaMismatch: mismatch ?? NO_MISMATCH, hardCoded: formulas === 0 };
}

/** Items outside from..to with a value in column c; null when there is none. */
function missingRows(g: Grid, itemRows: number[], from: number, to: number, c: number): number[] | null {
  // Mostly the range covers every item (a SUM over the rows it closes): then nothing is looked up.
  let lo = Infinity;
  let hi = -Infinity;
  for (const k of itemRows) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo >= from && hi <= to) return null;
  let out: number[] | null = null;
  for (const k of itemRows) if ((k < from || k > to) && g.has(k, c)) (out ??= []).push(k);
  return out;
}

/** Rows in from..to (at most 100) with a value in column c that are neither items nor the total row r. */
function extraRows(g: Grid, r: number, itemRows: number[], from: number, to: number, c: number): number[] {
  const want = new Set(itemRows);
  const extra: number[] = [];
  for (let k = from; k <= to && extra.length < 100; k++) if (!want.has(k) && k !== r && g.has(k, c)) extra.push(k);
  return extra;
}
