// Readings of a total row: which rows it might sum, and how well each reconciles.
import type { Grid } from './grid';
import { K_DASH, K_ERROR, K_NUMBER } from './grid';
import { judge } from './tolerance';

/** A top-level row since the header: a data row, a group row or an earlier total. */
export interface Item {
  row: number;
  total: boolean;
  closes: number[];
  /** Found by arithmetic alone (no label, no formula): may be a coincidence. */
  weak?: boolean;
}

/** The longest run of rows tried as the parts of a total. */
export const MAX_RUN = 30;

/**
 * How many footing cells of row r reconcile with the sum of `rows`; -1 when the reading
 * must be rejected (strict: every cell must be ok and at least two non-zero).
 */
export function scoreReading(g: Grid, r: number, rows: number[], cols: number[], strict: boolean): { good: number; bad: number; okCount: number; closeCount: number; exact: number } {
  let good = 0;
  let bad = 0;
  let okNonzero = 0;
  let close = 0;
  let exact = 0;
  for (const c of cols) {
    if (!g.has(r, c)) continue;
    let s = 0;
    let n = 0;
    let umax = 0;
    let err = false;
    for (const k of rows) {
      const kind = g.kind(k, c);
      if (kind === K_ERROR) err = true;
      else if (kind === K_NUMBER || kind === K_DASH) n++;
      s += g.num(k, c);
      const u = g.unit(k, c);
      if (u > umax) umax = u;
    }
    if (err) continue;
    const y = g.num(r, c);
    const st = judge({ actual: y, expected: s, unitY: g.unit(r, c), inputUnit: umax, n }).status;
    // Evidence for a total found by arithmetic: exact, and no small count (0–9 whole units).
    const sizable = n >= 1 && y !== 0 && Math.abs(y) >= 10 * g.unit(r, c);
    if (st === 'ok' && sizable) okNonzero++;
    // Close agreement (exact, or off by rounding that is small beside the figure) is evidence too.
    if (st !== 'error' && sizable && (st === 'ok' || Math.abs(y - s) <= 0.02 * Math.abs(y))) close++;
    if (st === 'ok') exact++;
    if (st !== 'error') good++;
    else bad++;
    if (strict && (st !== 'ok' || n < 2)) return { good: -1, bad, okCount: okNonzero, closeCount: close, exact };
  }
  if (strict && okNonzero < 2) return { good: -1, bad, okCount: okNonzero, closeCount: close, exact };
  return { good, bad, okCount: okNonzero, closeCount: close, exact };
}

/**
 * Readings of a total row offered in order: the first that reconciles every cell wins
 * (later offers are ignored); else the one reconciling the most.
 */
export class ReadingPick {
  chosen: Item[] | null = null;
  best: { items: Item[]; score: number } | null = null;

  constructor(
    private readonly g: Grid,
    private readonly r: number,
    private readonly cols: number[],
  ) {}

  get done(): boolean {
    return this.chosen !== null;
  }

  offer(rd: Item[]): void {
    if (this.chosen) return;
    const s = scoreReading(this.g, this.r, rd.map((x) => x.row), this.cols, false);
    if (s.bad === 0 && s.good > 0) this.chosen = rd;
    else if (!this.best || s.good > this.best.score) this.best = { items: rd, score: s.good };
  }
}

/** Rows with any non-zero figure: rows of zeros add nothing to a sum. */
export function contributing(g: Grid, rows: Item[], cols: number[]): number {
  let n = 0;
  for (const x of rows) if (cols.some((c) => g.num(x.row, c) !== 0)) n++;
  return n;
}
