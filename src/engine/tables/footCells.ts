// The figures of a table's footing columns, read from the grid once per table: finding the
// total rows reads each of them many times over (every reading tried, every run of rows).
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_NUMBER } from '../read/grid';
import type { Table } from './tableFinder';
import { tableTypedUnits, type TypedUnits, type TypedUnitsMemo } from '../judge/granularity';

/**
 * Beyond this many cells (rows × footing columns) a table is read from the grid instead of
 * copied: a sparse table of many rows and columns (a row of 16 384 figures above a million
 * rows of one) would need far more than the sheet's own cells.
 */
const MAX_COPIED = 1 << 22;

/** FootCells.sign of a column not worked out yet. */
const UNKNOWN = 2;

/**
 * Kind, figure and unit (as Grid.kind/num/unit give them) of the rows of one table in its
 * footing columns, addressed by row and column position (index in `cols`). One instance is
 * reset per table (a run has one, Run.footCells); use what reset returns. Its arrays are
 * reused for every table (row-major: (r − r0) · columns + column position) and grown as
 * needed. Only rows of the table may be asked for: the accessors are one array read each,
 * small enough for the compiler to inline wherever they are called. A table too large to
 * copy (MAX_COPIED) gets a GridFootCells, which reads the grid.
 */
export class FootCells {
  g!: Grid;
  cols: number[] = [];
  protected r0 = 0;
  protected nc = 0;
  private kinds = new Uint8Array(1024);
  private nums = new Float64Array(1024);
  private units = new Float64Array(1024);
  /** Per column position: the unit its figures were typed in, when coarser than shown (judge/granularity). */
  protected floors: number[] = [];
  /** Per column position: the sign all its figures share (see sign), and its largest unit. */
  private signs = new Int8Array(16);
  private maxUnits = new Float64Array(16);
  /** Cells copied for the table (rows × columns). */
  private size = 0;

  /** `maxCopied`: the largest table copied, in cells (a test may set a smaller one). */
  constructor(
    private readonly typedUnits?: TypedUnitsMemo,
    private readonly maxCopied = MAX_COPIED,
  ) {}

  /** The footing cells of table t in columns `cols`: this instance, or a GridFootCells for a table too large to copy. */
  reset(g: Grid, t: Table, cols: number[]): FootCells {
    this.g = g;
    this.cols = cols;
    const typed = tableTypedUnits(g, t, this.typedUnits);
    // Whole units only: a coarser typed unit (thousands) widens a check's tolerance, but would
    // make too few figures sizable to serve as evidence when finding totals.
    this.floors = cols.map((c) => Math.min(1, typed.col.get(c) ?? 0));
    this.r0 = t.r0;
    this.nc = cols.length;
    const n = (t.r1 - t.r0 + 1) * cols.length;
    if (n > this.maxCopied) return new GridFootCells(g, t, cols, this.floors, typed);
    if (this.kinds.length < n) {
      const size = Math.max(n, this.kinds.length * 2);
      this.kinds = new Uint8Array(size);
      this.nums = new Float64Array(size);
      this.units = new Float64Array(size);
    }
    if (this.signs.length < cols.length) {
      this.signs = new Int8Array(Math.max(cols.length, 2 * this.signs.length));
      this.maxUnits = new Float64Array(this.signs.length);
    }
    // Worked out for a column when first asked (few are).
    this.signs.fill(UNKNOWN, 0, cols.length);
    this.size = n;
    const kindStore = this.kinds;
    const numStore = this.nums;
    const unitStore = this.units;
    const floors = this.floors;
    const anyRowFloor = typed.row.size > 0;
    for (let r = t.r0, i = 0; r <= t.r1; r++) {
      // A row's typed unit looked up once per row (and not at all when no row has one).
      const rowFloor = anyRowFloor ? Math.min(1, typed.row.get(r) ?? 0) : 0;
      // The row's first cell id once: a cell of a later column is that plus its column.
      const first = g.cellId(r, 0);
      const length = g.rowLength(r);
      for (let ci = 0; ci < cols.length; ci++, i++) {
        // A cell beyond the row's stored cells is empty.
        const c = cols[ci];
        if (c >= length) {
          kindStore[i] = K_EMPTY;
          numStore[i] = 0;
          unitStore[i] = 0;
          continue;
        }
        const id = first + c;
        kindStore[i] = g.kindById(id);
        numStore[i] = g.numById(id);
        const u = g.unitById(id);
        const floor = rowFloor > floors[ci] ? rowFloor : floors[ci];
        unitStore[i] = u > 0 && u < floor ? floor : u;
      }
    }
    return this;
  }

  /**
   * The sign every figure of column position ci shares: 1 when none is below 0, −1 when none
   * is above 0 (and some below), 0 when both occur. A running sum over the column's rows then
   * only grows (1) or only falls (−1), whatever rows it takes.
   */
  sign(ci: number): number {
    if (this.signs[ci] === UNKNOWN) this.bound(ci);
    return this.signs[ci];
  }

  /** The largest unit of column position ci's cells (0 when none shows a unit). */
  maxUnit(ci: number): number {
    if (this.signs[ci] === UNKNOWN) this.bound(ci);
    return this.maxUnits[ci];
  }

  /** sign and maxUnit of column position ci, from its cells. */
  private bound(ci: number): void {
    let below = false;
    let above = false;
    let unit = 0;
    for (let i = ci; i < this.size; i += this.nc) {
      const x = this.nums[i];
      if (x < 0) below = true;
      else if (x > 0) above = true;
      if (this.units[i] > unit) unit = this.units[i];
    }
    this.signs[ci] = below ? (above ? 0 : -1) : 1;
    this.maxUnits[ci] = unit;
  }

  get count(): number {
    return this.nc;
  }

  /** Kind of row r (a row of the table) in column position ci. */
  kind(r: number, ci: number): number {
    return this.kinds[(r - this.r0) * this.nc + ci];
  }

  num(r: number, ci: number): number {
    return this.nums[(r - this.r0) * this.nc + ci];
  }

  unit(r: number, ci: number): number {
    return this.units[(r - this.r0) * this.nc + ci];
  }

  /** Grid.has: a number or a dash. */
  has(r: number, ci: number): boolean {
    const k = this.kinds[(r - this.r0) * this.nc + ci];
    return k === K_NUMBER || k === K_DASH;
  }
}

/** The footing cells of a table too large to copy, read from the grid: the same answers, more slowly. */
class GridFootCells extends FootCells {
  constructor(g: Grid, t: Table, cols: number[], floors: number[], private readonly typed: TypedUnits) {
    super();
    this.g = g;
    this.cols = cols;
    this.floors = floors;
    this.r0 = t.r0;
    this.nc = cols.length;
  }

  kind(r: number, ci: number): number {
    return this.g.kind(r, this.cols[ci]);
  }

  num(r: number, ci: number): number {
    return this.g.num(r, this.cols[ci]);
  }

  /** Not worked out for a table read from the grid: both signs may occur. */
  sign(): number {
    return 0;
  }

  maxUnit(): number {
    return Infinity;
  }

  unit(r: number, ci: number): number {
    const u = this.g.unit(r, this.cols[ci]);
    const floor = Math.max(this.floors[ci], Math.min(1, this.typed.row.get(r) ?? 0));
    return u > 0 && u < floor ? floor : u;
  }

  has(r: number, ci: number): boolean {
    const k = this.kind(r, ci);
    return k === K_NUMBER || k === K_DASH;
  }
}
