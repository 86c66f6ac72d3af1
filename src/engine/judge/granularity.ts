// The unit a column's figures were typed in. Published tables are typed from rounded
// figures: a column of whole numbers shown as `35.0` was rounded to whole units, whatever
// its number format claims, so its rounding tolerance is that of whole units.
import type { Grid } from '../grid';
import { K_NUMBER } from '../grid';

/** Per column of cols: the coarsest unit its figures among rows are all multiples of (1 or 0 for none known). */
export function typedUnits(g: Grid, rows: readonly number[], cols: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of cols) {
    let whole = 0;
    let other = 0;
    let finer = false;
    for (const r of rows) {
      if (g.kind(r, c) !== K_NUMBER || g.pct(r, c)) continue;
      const x = g.num(r, c);
      if (Math.abs(x - Math.round(x)) > 1e-9 * Math.max(1, Math.abs(x))) other++;
      else {
        whole++;
        if (g.unit(r, c) < 1) finer = true;
      }
    }
    // Nearly every figure whole: the column was typed in whole units (a few computed
    // figures among them do not make its other figures more precise).
    if (finer && whole >= 3 && whole >= WHOLE_SHARE * (whole + other)) out.set(c, 1);
  }
  return out;
}

/** The share of whole figures that shows a column was typed in whole units. */
const WHOLE_SHARE = 0.8;
