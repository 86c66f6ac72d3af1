// Does a difference look like a slip of the hand (checks.md 4.9)? When a table's structure
// is read from its figures alone — no label, no formula, no template says what the cell is —
// a failing cell is either a wrong figure or a row the reading does not fit (a series break,
// an item the table does not show). A typing slip tells them apart: when one slip in the cell
// or in one of its inputs (two digits swapped, one digit wrong, a digit dropped or doubled,
// a flipped sign, a unit slip, a row left out or counted twice) makes the check reconcile,
// the figure is wrong; a difference no slip explains is left for a person to look at.
import type { Formula } from './formula';
import { termsOf } from './formula';
import type { Grid } from '../read/grid';
import { K_NUMBER } from '../read/grid';

/** Digits beyond this many are not compared one by one (no one types them). */
const MAX_DIGITS = 15;
/**
 * Inputs weighed digit by digit, at most: a failing total over thousands of rows still gets
 * its answer at once (every input is still tried as left out, counted twice or sign-flipped).
 */
const MAX_DIGIT_INPUTS = 300;
/** Unit slips: the figure typed in a unit 10, 100 or 1 000 times too large or too small. */
const UNIT_FACTORS: readonly number[] = [10, 100, 1000, 0.1, 0.01, 0.001];

/**
 * Call `visit` with every figure a person might have meant when typing x (shown in steps of
 * `unit`), until it returns true. Returns whether one did.
 */
export function someMeantFigure(x: number, unit: number, visit: (meant: number) => boolean): boolean {
  if (visit(-x)) return true;
  for (const f of UNIT_FACTORS) if (visit(x * f)) return true;
  const step = unit > 0 ? unit : 1;
  const n = Math.round(Math.abs(x) / step);
  const s = String(n);
  if (s.length > MAX_DIGITS || !/^\d+$/.test(s)) return false;
  const sign = x < 0 ? -1 : 1;
  const back = (t: string) => visit(sign * Number(t) * step);
  for (let i = 0; i < s.length; i++) {
    // Two neighbouring digits swapped.
    if (i + 1 < s.length && s[i] !== s[i + 1] && back(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2))) return true;
    // One digit wrong, dropped or doubled.
    for (let d = 0; d <= 9; d++) if (String(d) !== s[i] && back(s.slice(0, i) + d + s.slice(i + 1))) return true;
    if (s.length > 1 && back(s.slice(0, i) + s.slice(i + 1))) return true;
    if (back(s.slice(0, i) + s[i] + s.slice(i))) return true;
  }
  return false;
}

/**
 * Whether one slip explains why a derived cell showing `actual` (in steps of shownUnit) fails
 * f, which gives `expected`: a slip in the cell itself, or in one input (also a row left out
 * of the sum or counted twice), after which the check is within `tolerance`. Quotients are
 * not weighed.
 */
export function explainedBySlip(g: Grid, f: Formula, actual: number, shownUnit: number, expected: number, tolerance: number): boolean {
  if (f.kind === 'ratio' || (f.kind === 'row' && f.shape.kind === 'ratio')) return true;
  const within = (y: number, e: number) => Math.abs(y - e) <= tolerance * (1 + 1e-9) + 1e-12 * Math.max(1, Math.abs(y));
  if (someMeantFigure(actual, shownUnit, (y) => within(y, expected))) return true;
  let digitInputs = 0;
  for (const t of termsOf(f)) {
    if (g.kind(t.r, t.c) !== K_NUMBER) continue;
    const x = g.num(t.r, t.c);
    if (x === 0) continue;
    const withMeant = (meant: number) => within(actual, expected + t.coef * (meant - x));
    // Left out of the sum, counted twice, or its sign flipped.
    if (withMeant(0) || withMeant(2 * x) || withMeant(-x)) return true;
    if (digitInputs++ < MAX_DIGIT_INPUTS && someMeantFigure(x, g.unit(t.r, t.c), withMeant)) return true;
  }
  return false;
}
