// A row's label (the text that names it) and per-row facts worked out once per table.
import type { Grid } from '../read/grid';
import { K_TEXT } from '../read/grid';
import { labelFacts, type LabelMemo } from './labels';
import type { Table } from './tableFinder';

export function labelOf(g: Grid, t: Table, r: number): string {
  if (t.labelCol >= 0 && g.kind(r, t.labelCol) === K_TEXT) return g.textAt(r, t.labelCol);
  for (let c = t.c0; c <= t.c1; c++) if (g.kind(r, c) === K_TEXT) return g.textAt(r, c);
  return '';
}

/** Bits of RowFacts.of besides the label's own (labels.ts L_*: 1, 2, 4, 8 and 128). */
export const R_NO_LABEL = 16;
/** A text-only row of the table (Table.textRows). */
export const R_TEXT_ROW = 32;
const R_KNOWN = 64;
/** The label has a % sign (a row of shares, whatever its cells' format). */
export const R_PERCENT_LABEL = 256;

/**
 * The label facts of a table's rows (L_* bits, R_NO_LABEL, R_TEXT_ROW, R_PERCENT_LABEL), each label read once.
 * One reused array indexed by row − r0: a run has one instance (Run.rowFacts), valid for the
 * table passed to the last `tableRowFacts` call.
 */
export class RowFacts {
  private g!: Grid;
  private t!: Table;
  private r0 = 0;
  private n = 0;
  private bits = new Uint16Array(256);

  constructor(private readonly labels?: LabelMemo) {}

  reset(g: Grid, t: Table): this {
    // Asked again for the table it holds (checkTable, detectTotals and the formula totals
    // each ask): the labels read so far stand, and are not read again.
    if (g === this.g && t === this.t) return this;
    const n = t.r1 - t.r0 + 2;
    if (this.bits.length < n) this.bits = new Uint16Array(Math.max(n, this.bits.length * 2));
    const bits = this.bits;
    bits.fill(0, 0, n);
    this.g = g;
    this.t = t;
    this.r0 = t.r0;
    this.n = n;
    for (const r of t.textRows) if (r >= t.r0 && r <= t.r1) bits[r - t.r0] = R_TEXT_ROW;
    return this;
  }

  /** The facts of row r (a row of the table). */
  of(r: number): number {
    const i = r - this.r0;
    const b = this.bits[i];
    if (b & R_KNOWN) return b;
    const label = labelOf(this.g, this.t, r);
    const f = b | R_KNOWN | labelFacts(label, this.labels) | (label === '' ? R_NO_LABEL : 0) | (label.includes('%') ? R_PERCENT_LABEL : 0);
    this.bits[i] = f;
    return f;
  }

  /** True when row r is a text-only row of the table (rows outside it are not). */
  isTextRow(r: number): boolean {
    const i = r - this.r0;
    return i >= 0 && i < this.n && (this.bits[i] & R_TEXT_ROW) !== 0;
  }
}

/** The RowFacts set up for table t: the run's one reused instance, or a fresh one. */
export function tableRowFacts(g: Grid, t: Table, facts: RowFacts = new RowFacts()): RowFacts {
  return facts.reset(g, t);
}
