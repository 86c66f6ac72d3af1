// The unit figures were typed in. Published tables are typed from rounded figures: a column
// (or a row: older years with one decimal, recent ones in whole units) of whole numbers shown
// as `35.0` was rounded to whole units, whatever its number format claims, so its rounding
// tolerance is that of whole units.
import type { Grid } from '../grid';
import { K_NUMBER } from '../grid';

/** The share of whole figures that shows a column was typed in whole units. */
const WHOLE_SHARE = 0.8;
/** A row shows its unit only with at least this many figures. */
const MIN_FIGURES = 3;

export interface TypedUnits {
  /** Per column: 1 when its figures were typed in whole units (coarser than shown). */
  col: Map<number, number>;
  /** Per row: 1 when all its figures are whole though shown with decimals. */
  row: Map<number, number>;
}

export function typedUnits(g: Grid, rows: readonly number[], cols: readonly number[]): TypedUnits {
  const col = new Map<number, number>();
  const row = new Map<number, number>();
  for (const c of cols) {
    let whole = 0;
    let other = 0;
    let finer = false;
    for (const r of rows) {
      if (g.kind(r, c) !== K_NUMBER || g.pct(r, c)) continue;
      if (isWhole(g.num(r, c))) {
        whole++;
        if (g.unit(r, c) < 1) finer = true;
      } else other++;
    }
    // Nearly every figure whole: the column was typed in whole units (a few computed
    // figures among them do not make its other figures more precise).
    if (finer && whole >= MIN_FIGURES && whole >= WHOLE_SHARE * (whole + other)) col.set(c, 1);
  }
  for (const r of rows) {
    let whole = 0;
    let finer = false;
    let other = false;
    for (const c of cols) {
      if (g.kind(r, c) !== K_NUMBER || g.pct(r, c)) continue;
      if (!isWhole(g.num(r, c))) {
        other = true;
        break;
      }
      whole++;
      if (g.unit(r, c) < 1) finer = true;
    }
    if (!other && finer && whole >= MIN_FIGURES) row.set(r, 1);
  }
  return { col, row };
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** The typed unit of cell (r, c): the coarser of its column's and its row's. */
export function typedUnitAt(t: TypedUnits, r: number, c: number): number {
  const a = t.col.get(c) ?? 0;
  const b = t.row.get(r) ?? 0;
  return a > b ? a : b;
}
