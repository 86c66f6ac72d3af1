// The figures of a table's footing columns, read from the grid once per table: finding the
// total rows reads each of them many times over (every reading tried, every run of rows).
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_NUMBER } from '../read/grid';
import type { Table } from './tableFinder';
import { tableTypedUnits, type TypedUnitsMemo } from '../judge/granularity';

/**
 * Kind, figure and unit (as Grid.kind/num/unit give them) of the rows of one table in its
 * footing columns, addressed by row and column position (index in `cols`). One instance is
 * reset per table (a run has one, Run.footCells). Its arrays are reused for every table
 * (row-major: (r − r0) · columns + column position) and grown as needed. Only rows of the
 * table may be asked for: the accessors are one array read each, small enough for the
 * compiler to inline wherever they are called (a table's rows are all non-empty, so a copy
 * costs no more than the sheet's own cells).
 */
export class FootCells {
  g!: Grid;
  cols: number[] = [];
  private r0 = 0;
  private nc = 0;
  private kinds = new Uint8Array(1024);
  private nums = new Float64Array(1024);
  private units = new Float64Array(1024);
  /** Per column position: the unit its figures were typed in, when coarser than shown (judge/granularity). */
  private floors: number[] = [];

  constructor(private readonly typedUnits?: TypedUnitsMemo) {}

  reset(g: Grid, t: Table, cols: number[]): this {
    this.g = g;
    this.cols = cols;
    const typed = tableTypedUnits(g, t, this.typedUnits);
    // Whole units only: a coarser typed unit (thousands) widens a check's tolerance, but would
    // make too few figures sizable to serve as evidence when finding totals.
    this.floors = cols.map((c) => Math.min(1, typed.col.get(c) ?? 0));
    this.r0 = t.r0;
    this.nc = cols.length;
    const n = (t.r1 - t.r0 + 1) * cols.length;
    if (this.kinds.length < n) {
      const size = Math.max(n, this.kinds.length * 2);
      this.kinds = new Uint8Array(size);
      this.nums = new Float64Array(size);
      this.units = new Float64Array(size);
    }
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
