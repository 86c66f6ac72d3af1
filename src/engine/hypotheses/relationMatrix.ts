// The sampled rows of a table as a matrix of figures, one shared buffer reused by every
// search, and what a column of it looks like (fractions, percentages).
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_NUMBER } from '../read/grid';

/** The sampled rows' figures, one flat array per property: row i, column position k at i · width + k. */
export interface Matrix {
  rows: number[];
  width: number;
  v: Float64Array;
  u: Float64Array;
  has: Uint8Array;
  pct: Uint8Array;
  /** Per column position: how many of its cells hold a value, and how many a percentage. */
  values: Int32Array;
  percents: Int32Array;
}

/**
 * An empty matrix. A run has one (Run.relations.matrix), its buffers grown as needed: a
 * search builds a matrix per table and class of rows, and never uses two at once.
 */
export function newMatrix(): Matrix {
  return { rows: [], width: 0, v: new Float64Array(0), u: new Float64Array(0), has: new Uint8Array(0), pct: new Uint8Array(0), values: new Int32Array(0), percents: new Int32Array(0) };
}

/**
 * The figures of the sampled rows in the given columns, written into m (by default a new
 * matrix; the run's one is overwritten by the next call).
 */
export function matrix(g: Grid, rows: number[], cols: number[], m: Matrix = newMatrix()): Matrix {
  const width = cols.length;
  const size = rows.length * width;
  if (m.v.length < size) {
    const capacity = Math.max(size, 2 * m.v.length);
    m.v = new Float64Array(capacity);
    m.u = new Float64Array(capacity);
    m.has = new Uint8Array(capacity);
    m.pct = new Uint8Array(capacity);
  }
  if (m.values.length < width) {
    m.values = new Int32Array(Math.max(width, 2 * m.values.length));
    m.percents = new Int32Array(m.values.length);
  }
  m.rows = rows;
  m.width = width;
  const { v, u, has, pct, values, percents } = m;
  values.fill(0, 0, width);
  percents.fill(0, 0, width);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const base = i * width;
    // The row's first cell id once: a cell of a later column is that plus its column.
    const first = g.cellId(r, 0);
    const length = g.rowLength(r);
    for (let k = 0; k < width; k++) {
      const c = cols[k];
      const at = base + k;
      // One lookup for the cell's kind, figure, unit and format (beyond the row's length: empty).
      const id = c < length ? first + c : -1;
      const kind = id < 0 ? K_EMPTY : g.kindById(id);
      if (kind !== K_NUMBER && kind !== K_DASH) {
        // empty, text, error: 0 and no value
        v[at] = 0;
        u[at] = 0;
        has[at] = 0;
        pct[at] = 0;
        continue;
      }
      v[at] = g.numById(id);
      u[at] = g.unitById(id);
      has[at] = 1;
      pct[at] = kind === K_NUMBER && g.pctById(id) ? 1 : 0;
      values[k]++;
      percents[k] += pct[at];
    }
  }
  return m;
}

export function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor((i * xs.length) / n)]);
  return out;
}

/** Every figure of the column is a plain fraction (|x| ≤ 1.5, not formatted as percent). */
export function fractionColumn(m: Matrix, i: number): boolean {
  let any = false;
  for (let k = 0; k < m.rows.length; k++) {
    const at = k * m.width + i;
    if (!m.has[at]) continue;
    if (m.pct[at] || Math.abs(m.v[at]) > 1.5) return false;
    any = true;
  }
  return any;
}

/** Most figures of the column (in these rows) are percentages. */
export function percentColumn(m: Matrix, i: number): boolean {
  const all = m.values[i];
  return all > 0 && m.percents[i] * 2 > all;
}
