// Collects checks per cell and turns them into the sorted result list: a cell's
// status is the worst of its checks (checks.md section 1).
//
// Most checked cells reconcile, and a large workbook has hundreds of thousands of them.
// Their checks are logged compactly (figures in flat number arrays, the inputs as the
// formula they came from) and become Check objects only when someone asks for the
// list; statuses and findings can be read without building them.
import { cellAddress } from '../read/address';
import { inputsOf, rangesInColumn, rowInputs, rowRuns, type Formula, type RowShape } from '../judge/formula';
import type { Grid } from '../read/grid';
import type { Check, CheckedCell, Rule, Status } from '../types';
import { float64s, Growing, int32s } from './growing';

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One number per cell that orders cells by row, then column (Excel has at most 16 384 columns). */
const keyOf = (r: number, c: number): number => r * 65536 + c;

const STATUS_CODE: Readonly<Record<Status, number>> = { ok: 0, warning: 1, error: 2 };
const STATUS_OF: readonly Status[] = ['ok', 'warning', 'error'];

// A cell's five numbers, at CELL · cell number: row, column, status, first and last check
// (the checks of one cell are chained by K_NEXT). One array for them all, grown at once.
const CELL = 5;
const C_ROW = 0;
const C_COL = 1;
const C_STATUS = 2;
const C_FIRST = 3;
const C_LAST = 4;
// A check's three numbers, at CK · check number: the next check of its cell (−1: none), its
// group (−1: a check given whole) and the column (Σ of rows) or row (a row relation) the
// group's formula is applied to.
const CK = 3;
const K_NEXT = 0;
const K_GROUP = 1;
const K_PARAM = 2;

/** Where a reconciled check's inputs come from: the formula, kept by reference. */
const SRC_COLUMN = 0; // Σ of rows (an array) in a column (the parameter)
const SRC_ROW = 1; // a row relation (a shape) in a row (the parameter)
const SRC_FORMULA = 2; // any other formula object (never changed after it was logged)

/** The figures of a check that reconciles, logged without building the Check object. */
export interface ReconciledFigures {
  expected: number;
  actual: number;
  difference: number;
  tolerance: number;
  message: string;
  basis?: string;
}

export interface StatusCounts {
  cells: number;
  ok: number;
  warning: number;
  error: number;
}

/** Checks logged in one loop share their rule, message and formula: one group for them all. */
interface CheckGroup {
  rule: Rule;
  message: string;
  basis: string | undefined;
  source: number;
  ref: number[] | RowShape | Formula;
  /** For a column sum: its rows as runs, worked out once for all the group's columns. */
  runs: Int32Array | null;
}

export class CheckCollector {
  private grid: Grid | null;
  /** Grid id → cell number + 1 (0: not checked); replaced by `order` once sealed. */
  private slotOf: Int32Array | null;
  private order: Int32Array | null = null;
  /** Cells the grid does not store (none in practice): kept apart, merged when listing. */
  private readonly outside = new Map<number, number>();

  /** Cells, CELL numbers each (C_*), by cell number. */
  private readonly cells: Growing<Int32Array>;
  /** Checks, CK numbers each (K_*), by check number. */
  private readonly checks: Growing<Int32Array>;
  /** expected, actual, difference, tolerance of check k at 4k … 4k + 3. */
  private readonly ckFigures: Growing<Float64Array>;
  /** Checks given whole (findings, error values, cross-table checks), by check number. */
  private readonly whole = new Map<number, Check>();
  private readonly groups: CheckGroup[] = [];
  /** Whole checks that are findings (warning or error), as check number, row, column: few. */
  private readonly findingLog: number[] = [];

  constructor(grid: Grid) {
    this.grid = grid;
    this.slotOf = new Int32Array(grid.cellCount);
    // About one cell in four of a sheet with tables is checked: room for that from the
    // start, so the arrays seldom grow (each growth copies them).
    const room = Math.max(16, grid.cellCount >> 2);
    this.cells = new Growing(int32s, CELL * room);
    this.checks = new Growing(int32s, CK * room);
    this.ckFigures = new Growing(float64s, 4 * room);
  }

  /** Cell number of (r, c), or −1 when it has no check yet. Only while checks are added (before seal). */
  private cellOf(r: number, c: number): number {
    if (!this.grid || !this.slotOf) throw new Error('CheckCollector: the sheet is done; no checks can be added or looked up.');
    const id = this.grid.cellId(r, c);
    if (id < 0) return (this.outside.get(keyOf(r, c)) ?? 0) - 1;
    return this.slotOf[id] - 1;
  }

  /** A new cell (r, c), whose grid id is `id` (−1: one the grid does not store). */
  private newCell(r: number, c: number, id: number, slotOf: Int32Array): number {
    const at = this.cells.grow(CELL);
    const cells = this.cells.data;
    cells[at + C_ROW] = r;
    cells[at + C_COL] = c;
    cells[at + C_STATUS] = 0;
    cells[at + C_FIRST] = -1;
    cells[at + C_LAST] = -1;
    const n = at / CELL;
    if (id < 0) this.outside.set(keyOf(r, c), n + 1);
    else slotOf[id] = n + 1;
    return n;
  }

  /** Attach the check just logged to cell (r, c), unless the cell has the same one. */
  private append(r: number, c: number, status: number): number {
    if (!this.grid || !this.slotOf) throw new Error('CheckCollector: the sheet is done; no checks can be added or looked up.');
    // cellOf, with the grid id kept for a new cell: one lookup per check.
    const id = this.grid.cellId(r, c);
    let cell = id < 0 ? (this.outside.get(keyOf(r, c)) ?? 0) - 1 : this.slotOf[id] - 1;
    const k = this.checks.length / CK - 1;
    if (cell < 0) cell = this.newCell(r, c, id, this.slotOf);
    else {
      const same = this.sameCheck(cell, k);
      if (same >= 0) {
        this.dropLast();
        return same;
      }
    }
    const cells = this.cells.data;
    const at = CELL * cell;
    if (cells[at + C_FIRST] < 0) {
      cells[at + C_FIRST] = k;
      cells[at + C_STATUS] = status;
    } else {
      this.checks.data[CK * cells[at + C_LAST] + K_NEXT] = k;
      if (status > cells[at + C_STATUS]) cells[at + C_STATUS] = status;
    }
    cells[at + C_LAST] = k;
    return k;
  }

  /**
   * The same rule with the same inputs twice (two readings agreeing) is one check: the
   * number of the cell's check that check k repeats, or −1.
   */
  private sameCheck(cell: number, k: number): number {
    const rule = this.ruleOf(k);
    const expected = this.expectedOf(k);
    let inputs: string[] | null = null;
    for (let i = this.firstCheck(cell); i >= 0; i = this.nextCheck(i)) {
      // Rule and expected figure first: the inputs (strings) only when both agree.
      if (this.ruleOf(i) !== rule || this.expectedOf(i) !== expected) continue;
      inputs ??= this.check(k).inputs;
      if (sameList(this.check(i).inputs, inputs)) return i;
    }
    return -1;
  }

  private firstCheck(cell: number): number {
    return this.cells.data[CELL * cell + C_FIRST];
  }

  private nextCheck(k: number): number {
    return this.checks.data[CK * k + K_NEXT];
  }

  private groupOf(k: number): number {
    return this.checks.data[CK * k + K_GROUP];
  }

  private statusOf(cell: number): number {
    return this.cells.data[CELL * cell + C_STATUS];
  }

  private ruleOf(k: number): Rule {
    const g = this.groupOf(k);
    return g >= 0 ? this.groups[g].rule : this.whole.get(k)!.rule;
  }

  private expectedOf(k: number): number | null {
    return this.groupOf(k) >= 0 ? this.ckFigures.data[4 * k] : this.whole.get(k)!.expected;
  }

  /**
   * Log a check: its group and parameter, and its figures from `fig` (zeros for a whole
   * check). The figures are read here from the object, not passed one by one: a figure
   * passed to a call that is not inlined is boxed, and there is one per check.
   */
  private push(group: number, param: number, fig: ReconciledFigures | null): void {
    const at = this.checks.grow(CK);
    const checks = this.checks.data;
    checks[at + K_NEXT] = -1;
    checks[at + K_GROUP] = group;
    checks[at + K_PARAM] = param;
    const f = this.ckFigures.grow(4);
    const figures = this.ckFigures.data;
    figures[f] = fig ? fig.expected : 0;
    figures[f + 1] = fig ? fig.actual : 0;
    figures[f + 2] = fig ? fig.difference : 0;
    figures[f + 3] = fig ? fig.tolerance : 0;
  }

  private dropLast(): void {
    const k = this.checks.length / CK - 1;
    this.whole.delete(k);
    this.checks.length -= CK;
    this.ckFigures.length -= 4;
  }

  /** Add a whole check. Returns its number (the number of the same check when the cell had it already). */
  add(r: number, c: number, check: Check): number {
    this.push(-1, 0, null);
    const k0 = this.checks.length / CK - 1;
    this.whole.set(k0, check);
    const k = this.append(r, c, STATUS_CODE[check.status]);
    if (k === k0 && check.status !== 'ok') this.findingLog.push(k, r, c);
    return k;
  }

  /** A mark in the log of findings, to read the findings added after it. */
  findingMark(): number {
    return this.findingLog.length;
  }

  /** The findings added since `mark`: check number, cell and the check. */
  findingsSince(mark: number): { k: number; r: number; c: number; check: Check }[] {
    const out: { k: number; r: number; c: number; check: Check }[] = [];
    for (let i = mark; i < this.findingLog.length; i += 3) {
      const k = this.findingLog[i];
      out.push({ k, r: this.findingLog[i + 1], c: this.findingLog[i + 2], check: this.whole.get(k)! });
    }
    return out;
  }

  /** Replace whole check k of cell (r, c) by its judgement restated; the cell's status follows. */
  restate(k: number, r: number, c: number, check: Check): void {
    if (!this.whole.has(k)) throw new Error('CheckCollector.restate: only a whole check can be restated.');
    this.whole.set(k, check);
    const cell = this.cellOf(r, c);
    let worst = 0;
    for (let i = this.firstCheck(cell); i >= 0; i = this.nextCheck(i)) {
      const w = this.whole.get(i);
      if (w && STATUS_CODE[w.status] > worst) worst = STATUS_CODE[w.status];
    }
    this.cells.data[CELL * cell + C_STATUS] = worst;
  }

  /** The group for these checks: the last one again when it matches (checks come in loops). */
  private groupFor(rule: Rule, message: string, basis: string | undefined, source: number, ref: number[] | RowShape | Formula): number {
    const last = this.groups.length - 1;
    const g = this.groups[last];
    if (g && g.rule === rule && g.message === message && g.basis === basis && g.source === source && g.ref === ref) return last;
    this.groups.push({ rule, message, basis, source, ref, runs: null });
    return last + 1;
  }

  /**
   * Log a check that reconciles: its figures now, its Check object (with the inputs of
   * formula f, which may be changed after this call) only when listed.
   */
  addReconciled(r: number, c: number, rule: Rule, fig: ReconciledFigures, f: Formula): number {
    if (f.kind === 'column') this.push(this.groupFor(rule, fig.message, fig.basis, SRC_COLUMN, f.rows), f.c, fig);
    else if (f.kind === 'row') this.push(this.groupFor(rule, fig.message, fig.basis, SRC_ROW, f.shape), f.r, fig);
    else this.push(this.groupFor(rule, fig.message, fig.basis, SRC_FORMULA, f), 0, fig);
    return this.append(r, c, 0);
  }

  /** Check number k as the Check object of the report (built anew for logged checks). */
  check(k: number): Check {
    const whole = this.whole.get(k);
    if (whole) return whole;
    const g = this.groups[this.groupOf(k)];
    const fig = this.ckFigures.data;
    const check: Check = {
      rule: g.rule,
      status: 'ok',
      expected: fig[4 * k],
      actual: fig[4 * k + 1],
      difference: fig[4 * k + 2],
      tolerance: fig[4 * k + 3],
      inputs: inputsOfGroup(g, this.checks.data[CK * k + K_PARAM]),
      message: g.message,
    };
    if (g.basis) check.basis = g.basis;
    return check;
  }

  /** How many cells have a check. */
  private get cellCount(): number {
    return this.cells.length / CELL;
  }

  has(r: number, c: number): boolean {
    return this.cellOf(r, c) >= 0;
  }

  /** No more checks: the grid is let go (the result may outlive it), cells kept in order. */
  seal(): void {
    if (!this.slotOf) return;
    this.order = this.ordered();
    this.slotOf = null;
    this.grid = null;
  }

  /** Cell numbers ordered by row, then column: grid ids run in that order. */
  private ordered(): Int32Array {
    if (this.order) return this.order;
    const order = new Int32Array(this.cellCount);
    const slots = this.slotOf!;
    let n = 0;
    for (let id = 0; id < slots.length; id++) if (slots[id] !== 0) order[n++] = slots[id] - 1;
    for (const x of this.outside.values()) order[n++] = x - 1;
    const cells = this.cells.data;
    const key = (x: number): number => keyOf(cells[CELL * x + C_ROW], cells[CELL * x + C_COL]);
    if (this.outside.size) order.sort((a, b) => key(a) - key(b));
    return order;
  }

  private cellObject(n: number): CheckedCell {
    const checks: Check[] = [];
    for (let k = this.firstCheck(n); k >= 0; k = this.nextCheck(k)) checks.push(this.check(k));
    const row = this.cells.data[CELL * n + C_ROW];
    const col = this.cells.data[CELL * n + C_COL];
    return { address: cellAddress(row, col), row, col, status: STATUS_OF[this.statusOf(n)], checks };
  }

  /** The checked cells ordered by row, then column. */
  list(): CheckedCell[] {
    const out: CheckedCell[] = [];
    this.forEachCell((cell) => out.push(cell));
    return out;
  }

  /** The checked cells ordered by row, then column, built one at a time and not kept. */
  forEachCell(visit: (cell: CheckedCell) => void): void {
    for (const n of this.ordered()) visit(this.cellObject(n));
  }

  /** The cells that do not reconcile (warnings and errors), ordered; no objects for the rest. */
  findings(): CheckedCell[] {
    const out: CheckedCell[] = [];
    for (const n of this.ordered()) if (this.statusOf(n) !== 0) out.push(this.cellObject(n));
    return out;
  }

  /** Every checked cell's position and status, ordered, without building cell objects. */
  forEachStatus(visit: (row: number, col: number, status: Status) => void): void {
    const cells = this.cells.data;
    for (const n of this.ordered()) visit(cells[CELL * n + C_ROW], cells[CELL * n + C_COL], STATUS_OF[cells[CELL * n + C_STATUS]]);
  }

  counts(): StatusCounts {
    const out = { cells: this.cellCount, ok: 0, warning: 0, error: 0 };
    const cells = this.cells.data;
    for (let n = 0; n < out.cells; n++) {
      const st = cells[CELL * n + C_STATUS];
      if (st === 0) out.ok++;
      else if (st === 1) out.warning++;
      else out.error++;
    }
    return out;
  }
}

/** The inputs of a logged check: its group's formula applied to its column or row. */
function inputsOfGroup(g: CheckGroup, param: number): string[] {
  switch (g.source) {
    case SRC_COLUMN:
      return rangesInColumn((g.runs ??= rowRuns(g.ref as number[])), param);
    case SRC_ROW:
      return rowInputs(param, g.ref as RowShape);
    default:
      return inputsOf(g.ref as Formula);
  }
}
