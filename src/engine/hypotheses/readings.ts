// Readings of a total row: which rows it might sum, and how well each reconciles.
import type { FootCells } from '../tables/footCells';
import { K_DASH, K_ERROR, K_NUMBER, K_TEXT } from '../read/grid';
import { judgeStatus, S_ERROR, S_OK } from '../judge/tolerance';

/** A top-level row since the header: a data row, a group row or an earlier total. Never changed once made. */
export interface Item {
  readonly row: number;
  readonly total: boolean;
  /** Data rows a total closes; null for a data row (it closes itself). */
  readonly closes: readonly number[] | null;
  /** Found by arithmetic alone (no label, no formula): may be a coincidence. */
  readonly weak: boolean;
}

const DATA_ITEMS_SIZE = 4096;

/** How well a reading reconciles: see scoreRows. */
export interface ReadingScore {
  /** Footing cells that reconcile (ok or within rounding); -1 when a strict reading is rejected. */
  good: number;
  bad: number;
  /** Sizable cells (not 0–9 whole units) that are exact. */
  okCount: number;
  /** Sizable cells exact or off by little beside the figure. */
  closeCount: number;
  exact: number;
  /** Cells within rounding only, and not closely (a small count off by 2 of 5): weak agreement. */
  loose: number;
}

export function newReadingScore(): ReadingScore {
  return { good: 0, bad: 0, okCount: 0, closeCount: 0, exact: 0, loose: 0 };
}

/** The scratch of scoring readings, one per run (Run.totals.readings): no garbage per reading. */
export class ReadingsScratch {
  /**
   * A data item depends on its row alone and is never changed, so one object per row number
   * serves every table of the run (a small cache: rows that collide just get a new object).
   */
  readonly dataItems: (Item | undefined)[] = new Array<Item | undefined>(DATA_ITEMS_SIZE).fill(undefined);
  /** The result of the last scoreItems call: callers read it at once (no object per reading). */
  readonly score: ReadingScore = newReadingScore();
  /** The rows of the items being scored, copied into one reused array. */
  itemRows = new Int32Array(64);
  /** The rows below a head tried as its parts (hypotheses/parts: at most MAX_RUN). */
  readonly runRows = new Int32Array(MAX_RUN);
  private nodes = new Int32Array(64);
  private detail = new Uint8Array(64);

  /** The node lists of finding groups (hypotheses/parts), room for n rows; reused by every table. */
  groupNodes(n: number): { nodes: Int32Array; detail: Uint8Array } {
    if (this.nodes.length < n) {
      this.nodes = new Int32Array(Math.max(n, 2 * this.nodes.length));
      this.detail = new Uint8Array(this.nodes.length);
    }
    return { nodes: this.nodes, detail: this.detail };
  }
}

export function dataItem(row: number, rs: ReadingsScratch): Item {
  const dataItems = rs.dataItems;
  const slot = row & (DATA_ITEMS_SIZE - 1);
  let x = dataItems[slot];
  if (x === undefined || x.row !== row) dataItems[slot] = x = { row, total: false, closes: null, weak: false };
  return x;
}

export function totalItem(row: number, closes: number[], weak: boolean): Item {
  return { row, total: true, closes, weak };
}

/** The longest run of rows tried as the parts of a total. */
export const MAX_RUN = 30;

function scored(score: ReadingScore, good: number, bad: number, okCount: number, closeCount: number, exact: number, loose = 0): Readonly<ReadingScore> {
  score.loose = loose;
  score.good = good;
  score.bad = bad;
  score.okCount = okCount;
  score.closeCount = closeCount;
  score.exact = exact;
  return score;
}

/**
 * How many footing cells of row r reconcile with the sum of rows[from..to); good is -1 when
 * the reading must be rejected (strict: every cell must be ok and at least two non-zero).
 * Only cells where at least minFigures of the rows hold a figure other than 0 are weighed.
 * The result is written into `into` (by default a new object).
 */
export function scoreRows(cells: FootCells, r: number, rows: ArrayLike<number>, from: number, to: number, strict: boolean, into: ReadingScore = newReadingScore(), minFigures = 0): Readonly<ReadingScore> {
  let good = 0;
  let bad = 0;
  let okNonzero = 0;
  let close = 0;
  let exact = 0;
  let loose = 0;
  for (let ci = 0; ci < cells.count; ci++) {
    if (!cells.has(r, ci)) continue;
    let s = 0;
    let n = 0;
    let umax = 0;
    let err = false;
    let nonzero = 0;
    for (let i = from; i < to; i++) {
      const k = rows[i];
      const kind = cells.kind(k, ci);
      if (kind === K_ERROR) err = true;
      else if (kind === K_NUMBER || kind === K_DASH) n++;
      const x = cells.num(k, ci);
      // A text among figures ("(NA)", "(S)") stands for a part that is there but not shown.
      if (x !== 0 || kind === K_TEXT) nonzero++;
      s += x;
      const u = cells.unit(k, ci);
      if (u > umax) umax = u;
    }
    // A blank is not a zero: a column whose inputs are all blank says nothing of the reading.
    // Nor, with minFigures 2, does one with a single figure: a "sum" of one is that figure repeated.
    if (err || n === 0 || nonzero < minFigures) continue;
    const y = cells.num(r, ci);
    const uy = cells.unit(r, ci);
    const st = judgeStatus(y, s, uy, umax, n);
    // Evidence for a total found by arithmetic: exact, and no small count (0–9 whole units).
    const sizable = n >= 1 && y !== 0 && Math.abs(y) >= 10 * uy;
    if (st === S_OK && sizable) okNonzero++;
    // Close agreement (exact, or off by rounding that is small beside the figure) is evidence too.
    const isClose = st !== S_ERROR && sizable && (st === S_OK || Math.abs(y - s) <= 0.02 * Math.abs(y));
    if (isClose) close++;
    else if (st !== S_OK && st !== S_ERROR) loose++;
    if (st === S_OK) exact++;
    if (st !== S_ERROR) good++;
    else bad++;
    if (strict && (st !== S_OK || n < 2)) return scored(into, -1, bad, okNonzero, close, exact);
  }
  if (strict && okNonzero < 2) return scored(into, -1, bad, okNonzero, close, exact);
  return scored(into, good, bad, okNonzero, close, exact, loose);
}

/** scoreRows over the rows of items[from..to); the result is rs.score, overwritten by the next call. */
export function scoreItems(cells: FootCells, r: number, items: readonly Item[], from: number, to: number, strict: boolean, rs: ReadingsScratch): Readonly<ReadingScore> {
  const n = to - from;
  if (rs.itemRows.length < n) rs.itemRows = new Int32Array(Math.max(n, rs.itemRows.length * 2));
  const itemRows = rs.itemRows;
  for (let i = 0; i < n; i++) itemRows[i] = items[from + i].row;
  return scoreRows(cells, r, itemRows, 0, n, strict, rs.score);
}

/**
 * Readings of a total row offered in order: the first that reconciles every cell closely
 * wins (later offers are ignored). A reading that reconciles only because small figures
 * are forgiven their rounding (−7 against −5, within 2,5) is held back while later readings
 * are tried: an exact one beats it, else finish() takes it. Failing all, the one that
 * reconciles the most. One instance is reset per row.
 */
export class ReadingPick {
  chosen: Item[] | null = null;
  /** The reading reconciling the most cells so far (the first of equals), and how many. */
  bestItems: Item[] | null = null;
  bestScore = 0;
  /** The first reading that reconciles every cell, but some only loosely. */
  private tentative: Item[] | null = null;
  private r = -1;
  /** Rows no reading of this total may sum (count rows under a money total). */
  private forbidden: ((row: number) => boolean) | null = null;

  constructor(
    private readonly cells: FootCells,
    private readonly rs: ReadingsScratch,
  ) {}

  /** Start over for total row r; readings that sum a forbidden row are not taken. */
  reset(r: number, forbidden: ((row: number) => boolean) | null = null): void {
    this.r = r;
    this.forbidden = forbidden;
    this.chosen = null;
    this.bestItems = null;
    this.bestScore = 0;
    this.tentative = null;
  }

  get done(): boolean {
    return this.chosen !== null;
  }

  /** No more readings: a reading held back is taken now, if none closer won. */
  finish(): void {
    if (!this.chosen && this.tentative) this.chosen = this.tentative;
  }

  /** Offers rd itself (kept as it is when it wins). */
  offer(rd: Item[]): void {
    if (this.chosen || this.sumsForbidden(rd, 0, rd.length)) return;
    const s = scoreItems(this.cells, this.r, rd, 0, rd.length, false, this.rs);
    this.take(rd, s.good, s.bad, s.loose);
  }

  /** Offers list[from..to); copied only when it wins (list may change later). */
  offerSlice(list: readonly Item[], from: number, to: number): void {
    if (this.chosen || this.sumsForbidden(list, from, to)) return;
    const s = scoreItems(this.cells, this.r, list, from, to, false, this.rs);
    if (this.wins(s.good, s.bad, s.loose)) this.take(list.slice(from, to), s.good, s.bad, s.loose);
  }

  private sumsForbidden(list: readonly Item[], from: number, to: number): boolean {
    const f = this.forbidden;
    if (!f) return false;
    for (let i = from; i < to; i++) if (!list[i].total && f(list[i].row)) return true;
    return false;
  }

  private wins(good: number, bad: number, loose: number): boolean {
    if (bad === 0 && good > 0) return loose === 0 || !this.tentative;
    return !this.bestItems || good > this.bestScore;
  }

  private take(rd: Item[], good: number, bad: number, loose: number): void {
    if (bad === 0 && good > 0) {
      if (loose === 0) this.chosen = rd;
      else this.tentative ??= rd;
    } else if (!this.bestItems || good > this.bestScore) {
      this.bestItems = rd;
      this.bestScore = good;
    }
  }
}

/** Rows with any non-zero figure among items[from..to): rows of zeros add nothing to a sum. */
export function contributing(cells: FootCells, items: readonly Item[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (hasFigure(cells, items[i].row)) n++;
  return n;
}

/** Row r has a non-zero figure in a footing column. */
export function hasFigure(cells: FootCells, r: number): boolean {
  for (let ci = 0; ci < cells.count; ci++) if (cells.num(r, ci) !== 0) return true;
  return false;
}

/** The position of the first footing column with a non-zero figure in row r, or -1. */
export function firstFigureColumn(cells: FootCells, r: number, from = 0): number {
  for (let ci = from; ci < cells.count; ci++) if (cells.kind(r, ci) === K_NUMBER && cells.num(r, ci) !== 0) return ci;
  return -1;
}
