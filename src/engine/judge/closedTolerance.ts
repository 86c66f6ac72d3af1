// The tolerance a relation may use on a total row: its own rounding on every row the total
// closes (checks.md 3). A table's totals close the same data rows over and over (each Summa
// its group, Summa totalt all of them), and the judgement and the checks both ask: each
// closed row's tolerance is worked out once per relation, and each total row's sum once.
import { evaluate, type Evaluation, type Formula, type FormulaScratch } from './formula';
import type { Grid } from '../read/grid';
import { K_DASH, K_NUMBER } from '../read/grid';
import { ownTolerance } from './tolerance';
import type { ColumnRelation } from '../hypotheses/columnRelations';

/** Not worked out yet (a tolerance is never NaN: units and counts are finite). */
const UNKNOWN = NaN;
/** A closed row without a value in the relation's column: it adds nothing. */
const NO_VALUE = -1;

/**
 * The closed-row tolerances of a table's relations, by relation and row − r0. A run has one
 * (Run.closedTolerances), reset per table; its arrays are reused and grown as needed.
 */
export class ClosedTolerances {
  private g!: Grid;
  private relations: readonly ColumnRelation[] = [];
  private fs!: FormulaScratch;
  private r0 = 0;
  private n = 0;
  /** At ri · n + row − r0: relation ri's own tolerance on the row (NO_VALUE, or UNKNOWN when not asked yet). */
  private own = new Float64Array(256);
  /** At ri · n + row − r0: relation ri's sum over the rows the total row closes (UNKNOWN when not asked yet). */
  private closed = new Float64Array(256);
  private readonly f: Formula & { kind: 'row' } = { kind: 'row', r: 0, shape: { kind: 'sum', terms: [], den: [], factor: 1 } };

  /** Start over for the relations of the table spanning rows r0..r1. */
  reset(g: Grid, relations: readonly ColumnRelation[], r0: number, r1: number, fs: FormulaScratch): this {
    const n = r1 - r0 + 1;
    const size = n * relations.length;
    if (this.own.length < size) {
      const grown = Math.max(size, this.own.length * 2);
      this.own = new Float64Array(grown);
      this.closed = new Float64Array(grown);
    }
    this.own.fill(UNKNOWN, 0, size);
    this.closed.fill(UNKNOWN, 0, size);
    this.g = g;
    this.relations = relations;
    this.fs = fs;
    this.r0 = r0;
    this.n = n;
    return this;
  }

  /** The sum of relation ri's own tolerance over `rows`, the rows total row r closes. */
  of(ri: number, r: number, rows: readonly number[]): number {
    const i = r - this.r0;
    const at = ri * this.n + i;
    const inside = i >= 0 && i < this.n;
    if (inside && !Number.isNaN(this.closed[at])) return this.closed[at];
    // Added up in the order of `rows`, as one pass over them would: the same sum to the last bit.
    let sum = 0;
    for (const k of rows) {
      const own = this.ownAt(ri, k);
      if (own !== NO_VALUE) sum += own;
    }
    if (inside) this.closed[at] = sum;
    return sum;
  }

  /**
   * Relation ri was evaluated on row r, its column holding a value there (a number of unit
   * uy, or a dash: 0): its own tolerance there is known, and is not evaluated again when a
   * total row that closes r asks (the judgement evaluates every row before its totals).
   */
  evaluated(ri: number, r: number, uy: number, ev: Evaluation): void {
    const i = r - this.r0;
    if (i >= 0 && i < this.n) this.own[ri * this.n + i] = ownTolerance(uy, ev.inputUnit, ev.n);
  }

  /** Relation ri's own tolerance on row r, or NO_VALUE when its column holds no value there. */
  private ownAt(ri: number, r: number): number {
    const i = r - this.r0;
    const at = ri * this.n + i;
    const inside = i >= 0 && i < this.n;
    if (inside && !Number.isNaN(this.own[at])) return this.own[at];
    const g = this.g;
    const rel = this.relations[ri];
    const y = rel.y;
    const k = g.kind(r, y);
    let own = NO_VALUE;
    if (k === K_NUMBER || k === K_DASH) {
      this.f.r = r;
      this.f.shape = rel;
      const ev = evaluate(g, this.f, this.fs);
      own = ownTolerance(k === K_NUMBER ? g.unit(r, y) : 0, ev.inputUnit, ev.n);
    }
    if (inside) this.own[at] = own;
    return own;
  }
}
