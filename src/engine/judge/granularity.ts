// The unit figures were typed in. Published tables are typed from rounded figures: a column
// (or a row: older years with one decimal, recent ones in whole units) of whole numbers shown
// as `35.0` was rounded to whole units, whatever its number format claims, so its rounding
// tolerance is that of whole units.
import type { Grid } from '../read/grid';
import { K_NUMBER } from '../read/grid';

/** The share of whole figures that shows a column was typed in whole units. */
const WHOLE_SHARE = 0.8;
/** A row shows its unit only with at least this many figures. */
const MIN_FIGURES = 3;

export interface TypedUnits {
  /** Per column: 1 when its figures were typed in whole units (coarser than shown). */
  col: ReadonlyMap<number, number>;
  /** Per row: 1 when all its figures are whole though shown with decimals. */
  row: ReadonlyMap<number, number>;
}

/** No column or row typed coarser than shown (most tables; shared: never changed). */
const AS_SHOWN: ReadonlyMap<number, number> = new Map();

export function typedUnits(g: Grid, rows: readonly number[], cols: readonly number[]): TypedUnits {
  // Made only when a column or row is typed coarser than shown.
  let col: Map<number, number> | null = null;
  let row: Map<number, number> | null = null;
  const n = cols.length;
  // One pass over the cells: per column, whole figures, other figures and whether any shows
  // decimals; and the power of ten its non-zero figures are all multiples of (roundedTo).
  const whole = new Int32Array(n);
  const other = new Int32Array(n);
  const finer = new Uint8Array(n);
  const rounded = new PowersOfTen(n);
  for (const r of rows) {
    let rowWhole = 0;
    let rowFiner = false;
    let rowOther = false;
    // The row's first cell id once: a cell of a later column is that plus its column (within the row's length).
    const first = g.cellId(r, 0);
    const length = g.rowLength(r);
    for (let i = 0; i < n; i++) {
      // One cell lookup for kind, figure, unit and format (this pass reads every cell of the table).
      const c = cols[i];
      if (c >= length) continue;
      const id = first + c;
      if (g.kindById(id) !== K_NUMBER || g.pctById(id)) continue;
      const x = g.numById(id);
      const unit = g.unitById(id);
      if (rounded.open(i)) rounded.add(i, x, unit);
      if (isWhole(x)) {
        whole[i]++;
        rowWhole++;
        if (unit < 1) {
          finer[i] = 1;
          rowFiner = true;
        }
      } else {
        other[i]++;
        rowOther = true;
      }
    }
    if (!rowOther && rowFiner && rowWhole >= MIN_FIGURES) (row ??= new Map()).set(r, Math.max(1, rowRoundedTo(g, r, cols)));
  }
  // Nearly every figure whole: the column was typed in whole units (a few computed figures
  // among them do not make its other figures more precise).
  for (let i = 0; i < n; i++) if (finer[i] && whole[i] >= MIN_FIGURES && whole[i] >= WHOLE_SHARE * (whole[i] + other[i])) (col ??= new Map()).set(cols[i], 1);
  // Figures typed in thousands (624 000, 625 000): every non-zero figure of the column a multiple of 10^k.
  for (let i = 0; i < n; i++) {
    const p = rounded.of(i);
    if (p > (col?.get(cols[i]) ?? 0)) (col ??= new Map()).set(cols[i], p);
  }
  return { col: col ?? AS_SHOWN, row: row ?? AS_SHOWN };
}

/**
 * Per column, while its figures are read row by row: the largest power of ten (10 … 10^6)
 * that every non-zero figure is a multiple of, how many there are, and whether any is shown
 * finer (roundedFigures, for all columns in one pass over the table).
 */
class PowersOfTen {
  private readonly p: Float64Array;
  private readonly figures: Int32Array;
  private readonly shownFiner: Uint8Array;

  constructor(n: number) {
    this.p = new Float64Array(n).fill(1e6);
    this.figures = new Int32Array(n);
    this.shownFiner = new Uint8Array(n);
  }

  /** Column i may still be a multiple of a power of ten (add has work to do). */
  open(i: number): boolean {
    return this.p[i] !== 0;
  }

  /** Figure x (a number, no percentage) of column i, with its display unit. */
  add(i: number, figure: number, unit: number): void {
    let p = this.p[i];
    // A column already shown to be no multiple of 10 looks at nothing more (roundedFigures stops).
    if (p === 0) return;
    const x = Math.abs(figure);
    if (x === 0) return;
    this.figures[i]++;
    while (p >= 10 && !isWhole(x / p)) p /= 10;
    if (p < 10) p = 0;
    else if (unit < p) this.shownFiner[i] = 1;
    this.p[i] = p;
  }

  /** roundedTo of column i. */
  of(i: number): number {
    return this.figures[i] >= MIN_ROUNDED && this.shownFiner[i] ? this.p[i] : 0;
  }
}

/**
 * The typed units of the table being checked, worked out once (the footing and the checks
 * both ask, one after the other): the last table's are kept, per run.
 */
export class TypedUnitsMemo {
  table: object | null = null;
  units: TypedUnits | null = null;
}

/** typedUnits of a table's body rows and numeric columns, remembered for the last table in `memo` when given. */
export function tableTypedUnits(g: Grid, t: { bodyRows: number[]; numCols: number[] }, memo?: TypedUnitsMemo): TypedUnits {
  if (!memo) return typedUnits(g, t.bodyRows, t.numCols);
  if (memo.table !== t || !memo.units) {
    memo.units = typedUnits(g, t.bodyRows, t.numCols);
    memo.table = t;
  }
  return memo.units;
}

/** The largest power of ten (10 … 10^6) every non-zero figure of row r is a multiple of (at least three of them); else 0. */
function rowRoundedTo(g: Grid, r: number, cols: readonly number[]): number {
  const seen = roundedFigures(g, cols, () => r, (i) => cols[i]);
  return seen.figures >= MIN_FIGURES ? seen.p : 0;
}

/**
 * Of the non-zero figures (no percentages) in the cells (rowAt(i), colAt(i)) for i over `line`:
 * how many, the power of ten they all are multiples of, and whether any is shown finer.
 */
function roundedFigures(g: Grid, line: readonly number[], rowAt: (i: number) => number, colAt: (i: number) => number): { p: number; figures: number; shownFiner: boolean } {
  let p = 1e6;
  let figures = 0;
  let shownFiner = false;
  for (let i = 0; i < line.length; i++) {
    const r = rowAt(i);
    const c = colAt(i);
    if (g.kind(r, c) !== K_NUMBER || g.pct(r, c)) continue;
    const x = Math.abs(g.num(r, c));
    if (x === 0) continue;
    figures++;
    while (p >= 10 && !isWhole(x / p)) p /= 10;
    if (p < 10) return { p: 0, figures, shownFiner };
    if (g.unit(r, c) < p) shownFiner = true;
  }
  return { p, figures, shownFiner };
}

/** A column shows it was typed in thousands only with this many non-zero figures. */
const MIN_ROUNDED = 5;

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** The typed unit of cell (r, c): the coarser of its column's and its row's. */
export function typedUnitAt(t: TypedUnits, r: number, c: number): number {
  const a = t.col.get(c) ?? 0;
  const b = t.row.get(r) ?? 0;
  return a > b ? a : b;
}

/**
 * The unit a derived cell showing x (in steps of shownUnit) was typed in: a whole figure (at
 * least 10) shown with decimals was rounded to whole units (a total typed as 6 781 over parts
 * with three decimals, shown as 6 781,0), so it is judged in whole units; any other cell in
 * the unit it shows.
 */
export function ownTypedUnit(x: number, shownUnit: number, percent: boolean): number {
  if (shownUnit >= 1 || !(shownUnit > 0) || percent) return shownUnit;
  return isWhole(x) && Math.abs(x) >= 10 ? 1 : shownUnit;
}
