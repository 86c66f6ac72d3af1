// Whether a total row's reading stands (checks.md 4.9): the evidence of every footing
// column of the row is pooled before any of its cells is judged. A reading that fails in
// most columns misread the structure, not the figures: the row is then left uncoloured
// and the sheet's notes say so.
import { alignPercentSum, EvaluatedFigures, evaluate, FormulaScratch, type Formula } from './formula';
import type { Grid } from '../read/grid';
import { K_DASH, K_NUMBER, K_TEXT } from '../read/grid';
import { L_COUNT, L_PART } from '../tables/labels';
import type { RowFacts } from '../tables/rowLabels';
import { judgeStatus, S_ERROR, S_OK } from './tolerance';
import { sumFormulaRange, type RowRange, type TotalRow } from '../hypotheses/totalRow';
import { ownFormula, sumsExactly } from './ownFormula';
import { typedUnitAt, type TypedUnits } from './granularity';
import { ARITHMETIC_MIN_GOOD, isSizable, MIN_CORROBORATING_CELLS, NON_ADDITIVE_MIN_ROWS, rowCorroborates } from './policy';

/** What one footing cell of a total row says under the row's reading. */
export const E_NONE = -1; // nothing to judge: not a figure, or no input holds a value
export const E_TRUST_FORMULA = -2; // the cell's own formula reproduces its value and says otherwise
export const E_PART_MISSING = -3; // a part is withheld ("(S)", "(D)", "x"): not available is not zero

export interface TotalEvidence {
  tot: TotalRow;
  /** Footing columns: the row's cells, by position. */
  n: number;
  /**
   * Per footing column (by position), four codes at 4 · (from + i): its status (S_OK,
   * S_WARNING, S_ERROR, E_NONE, E_TRUST_FORMULA or E_PART_MISSING); 1 when it is sizable and
   * good; 1 when its SUM formula covers other rows than the reading and the row corroborates
   * the reading (a range finding); 1 when totalVerdict leaves it unjudged. Read them with
   * statusAt, sizableGoodAt, rangeFindingAt and skipped.
   */
  codes: Int8Array;
  from: number;
  formulas: number;
  /** Per footing column: what the reading gives there, for the check to reuse. */
  figures: EvaluatedFigures;
  /** What statedBy reads: the row's grid and footing columns. */
  g: Grid;
  footCols: number[];
}

const STATUS = 0;
const SIZABLE_GOOD = 1;
const RANGE_FINDING = 2;
const SKIP = 3;
const CODES = 4;

export function statusAt(e: TotalEvidence, i: number): number {
  return e.codes[CODES * (e.from + i) + STATUS];
}

export function sizableGoodAt(e: TotalEvidence, i: number): boolean {
  return e.codes[CODES * (e.from + i) + SIZABLE_GOOD] !== 0;
}

export function rangeFindingAt(e: TotalEvidence, i: number): boolean {
  return e.codes[CODES * (e.from + i) + RANGE_FINDING] !== 0;
}

/** Column i is not judged under the reading (set by totalVerdict). */
export function skipped(e: TotalEvidence, i: number): boolean {
  return e.codes[CODES * (e.from + i) + SKIP] !== 0;
}

/**
 * The codes of the evidence of one table's total rows, in one array reused for every table
 * (Run.evidence, emptied when a table's check starts) rather than arrays per total row. An
 * evidence keeps the array it was given: when the store grows, what it wrote stays where it is.
 */
export class EvidenceStore {
  codes = new Int8Array(4096);
  private used = 0;

  clear(): void {
    this.used = 0;
  }

  /** Room for n columns, their status E_NONE and the rest 0; returns the first slot. */
  take(n: number): number {
    const from = this.used;
    const to = from + n;
    if (CODES * to > this.codes.length) this.codes = new Int8Array(Math.max(CODES * to, 2 * this.codes.length));
    this.codes.fill(0, CODES * from, CODES * to);
    for (let i = from; i < to; i++) this.codes[CODES * i + STATUS] = E_NONE;
    this.used = to;
    return from;
  }
}

export interface TotalVerdict {
  stands: boolean;
  good: number;
  judged: number;
}

/** The evidence of one total row, column by column. */
export function totalEvidence(
  g: Grid,
  tot: TotalRow,
  footCols: number[],
  facts: RowFacts,
  totalRows: ReadonlyMap<number, TotalRow>,
  typed: TypedUnits,
  fs: FormulaScratch = new FormulaScratch(),
  store: EvidenceStore = new EvidenceStore(),
): TotalEvidence {
  const n = footCols.length;
  const from = store.take(n);
  const codes = store.codes;
  const figures = new EvaluatedFigures(n, fs.kept);
  const f: Formula & { kind: 'column' } = { kind: 'column', c: 0, rows: tot.items };
  const r = tot.row;
  let formulas = 0;
  for (let i = 0; i < n; i++) if (g.hasFormula(r, footCols[i])) formulas++;
  // The row's SUM formulas: the range most of them cover. A formula whose range differs from
  // theirs is the odd one out (a finding); formulas that agree with each other and not with
  // our reading state the reading themselves.
  const ranges = tot.formulaMismatch.size ? sumRanges(g, r, footCols) : null;
  const common = ranges ? commonRange(ranges) : null;
  for (let i = 0; i < n; i++) {
    const c = footCols[i];
    const k = g.kind(r, c);
    if (k !== K_NUMBER && k !== K_DASH) continue;
    f.c = c;
    const ev = alignPercentSum(g, r, c, f, evaluate(g, f, fs));
    if (ev.error) {
      codes[CODES * (from + i) + STATUS] = S_OK; // an error value is a fact of the inputs, judged by its own rule
      continue;
    }
    figures.set(i, ev);
    // A blank is not a zero: with no input holding a value there is nothing to compare.
    if (ev.n === 0) continue;
    const y = k === K_NUMBER ? g.num(r, c) : 0;
    const u = k === K_NUMBER ? g.unit(r, c) : 0;
    const st = judgeStatus(y, ev.value, u, Math.max(ev.inputUnit, typedUnitAt(typed, r, c)), ev.n);
    const mm = tot.formulaMismatch.get(c);
    if (mm) {
      const own = ranges!.get(c);
      const oddOneOut = common !== null && own !== undefined && own !== common.key && common.count >= 2;
      const explained = oddOneOut || coversForbidden(mm.extra, tot, facts, totalRows);
      if (explained) codes[CODES * (from + i) + RANGE_FINDING] = 1;
      else if (st !== S_OK) {
        // The controller's formula covers other rows than our reading, and nothing in the
        // row says ours is right: trust the formula.
        const own = ownFormula(g, r, c);
        if (own?.holds) {
          codes[CODES * (from + i) + STATUS] = E_TRUST_FORMULA;
          continue;
        }
      }
    } else if (st !== S_OK && g.hasFormula(r, c)) {
      const own = ownFormula(g, r, c);
      if (own?.holds && !sumsExactly(own.terms, tot.items, c)) {
        codes[CODES * (from + i) + STATUS] = E_TRUST_FORMULA;
        continue;
      }
    }
    // A part withheld or not available ("(S)", "(NA)") is unknown, not zero: a sum
    // that misses it proves nothing. Looked at only when the cell fails (most reconcile).
    if (st === S_ERROR && someItemIsText(g, tot.items, c)) {
      codes[CODES * (from + i) + STATUS] = E_PART_MISSING;
      continue;
    }
    codes[CODES * (from + i) + STATUS] = st;
    if (st !== S_ERROR && isSizable(y, u)) codes[CODES * (from + i) + SIZABLE_GOOD] = 1;
  }
  return { tot, n, codes, from, formulas, figures, g, footCols };
}

/**
 * Cells of the row whose SUM formula covers exactly the reading's rows and reconciles: the
 * reading written down. Only a failing cell needs them: parsing them all would cost every total.
 */
function statedBy(e: TotalEvidence): number {
  const { g, footCols, tot } = e;
  const r = tot.row;
  let n = 0;
  const range = { from: 0, to: 0 };
  for (let i = 0; i < e.n; i++) if (statusAt(e, i) === S_OK && g.hasFormula(r, footCols[i]) && !tot.formulaMismatch.has(footCols[i]) && sumFormulaRange(g, r, footCols[i], range)) n++;
  return n;
}

/**
 * A statistical flag for a figure that exists but is not shown: "(S)" suppressed, "(D)"
 * withheld, "(NA)" not available, a footnote "(\\3)", SCB's ".." and "x". A plain "N/A" or
 * "–" in a business sheet means there is nothing: it adds nothing to the sum.
 */
const WITHHELD = /^(?:\(.{1,6}\)|\.\.|x)$/i;

function someItemIsText(g: Grid, items: readonly number[], c: number): boolean {
  for (const r of items) if (g.kind(r, c) === K_TEXT && WITHHELD.test(g.textAt(r, c).trim())) return true;
  return false;
}

/** The SUM range of each footing cell of row r that has one, as "from:to". */
function sumRanges(g: Grid, r: number, footCols: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const range: RowRange = { from: 0, to: 0 };
  for (const c of footCols) if (sumFormulaRange(g, r, c, range)) out.set(c, `${range.from}:${range.to}`);
  return out;
}

/** The range most formulas share, and how many share it. */
function commonRange(ranges: Map<number, string>): { key: string; count: number } | null {
  const counts = new Map<string, number>();
  let best: { key: string; count: number } | null = null;
  for (const key of ranges.values()) {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (!best || n > best.count) best = { key, count: n };
  }
  return best && rowCorroborates(best.count, ranges.size - best.count) ? best : null;
}

/** A SUM that covers a count row in a money total, a "varav" row or another total counts something twice. */
function coversForbidden(extra: number[], tot: TotalRow, facts: RowFacts, totalRows: ReadonlyMap<number, TotalRow>): boolean {
  const countTotal = (facts.of(tot.row) & L_COUNT) !== 0;
  for (const x of extra) {
    if (totalRows.has(x)) return true;
    // A row that a total among this one's items closes already: counted twice.
    for (const item of tot.items) if (totalRows.get(item)?.closes.includes(x)) return true;
    const f = facts.of(x);
    if (f & L_PART) return true;
    if (f & L_COUNT && !countTotal) return true;
  }
  return false;
}


/**
 * Columns that no total of the table reconciles, while they fail in at least two total rows
 * and other columns reconcile there: averages, rates and indices whatever their heading says.
 */
export function nonAdditiveColumns(evidence: TotalEvidence[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let fails = 0;
    let good = 0;
    for (const e of evidence) {
      const s = statusAt(e, i);
      if (s === S_ERROR) {
        if (othersReconcile(e, i)) fails++;
      } else if (s >= S_OK && sizableGoodAt(e, i)) good++;
    }
    if (fails >= NON_ADDITIVE_MIN_ROWS && good === 0) out[i] = 1;
  }
  return out;
}

function othersReconcile(e: TotalEvidence, skipI: number): boolean {
  for (let j = 0; j < e.n; j++) if (j !== skipI && sizableGoodAt(e, j)) return true;
  return false;
}

/**
 * Whether the reading stands: nothing fails, or every failing cell is corroborated (the
 * row's other cells reconcile under the same reading by a majority, the template says so,
 * or a SUM formula's range explains the difference). Marks the columns it leaves unjudged
 * in the evidence (skipped).
 */
export function totalVerdict(e: TotalEvidence, dropCols: Uint8Array, template: boolean, arithmeticOnly = false, labelled = false): TotalVerdict {
  const n = e.n;
  let good = 0;
  let bad = 0;
  let sizable = 0;
  let judged = 0;
  let unexplained = 0;
  for (let i = 0; i < n; i++) {
    const s = statusAt(e, i);
    if (s < S_OK || dropCols[i]) {
      e.codes[CODES * (e.from + i) + SKIP] = 1;
      continue;
    }
    judged++;
    if (s === S_ERROR) {
      bad++;
      if (!rangeFindingAt(e, i)) unexplained++;
    } else {
      good++;
      if (sizableGoodAt(e, i)) sizable++;
    }
  }
  if (judged === 0) return { stands: false, good, judged };
  if (bad === 0 || template || unexplained === 0) return { stands: true, good, judged };
  if (arithmeticOnly && good < ARITHMETIC_MIN_GOOD) return { stands: false, good, judged };
  // A SUM formula that states the reading counts twice: it is the reading written down.
  // A row labelled as a total whose one failing cell stands beside a sizable cell that
  // reconciles exactly under the same reading: label and figures agree on the structure.
  if (labelled && bad === 1 && exactSizable(e) >= 1) return { stands: true, good, judged };
  return { stands: sizable >= MIN_CORROBORATING_CELLS && rowCorroborates(good + statedBy(e), bad), good, judged };
}

/** Sizable cells of the row that reconcile exactly (ok, not within rounding). */
function exactSizable(e: TotalEvidence): number {
  let n = 0;
  for (let i = 0; i < e.n; i++) if (statusAt(e, i) === S_OK && sizableGoodAt(e, i)) n++;
  return n;
}
