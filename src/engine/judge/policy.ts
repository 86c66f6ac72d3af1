// The judgement's constants and its one notion of "close" and of a majority (checks.md
// 4.9). Every hypothesis — a total row, a column relation — is decided here from the
// evidence pooled over its whole row or column.

/** A figure counts as evidence only when it is sizable: not 0 and not a small count (0–9 units). */
export const SIZABLE_UNITS = 10;
/** Agreement within this share of the figure (after rounding) counts as close. */
export const CLOSE_SHARE = 0.02;
/** A total's error stands only when at least this many other sizable cells of its row reconcile. */
export const MIN_CORROBORATING_CELLS = 1;
/** A column whose every total fails, in at least this many total rows, is no amount column. */
export const NON_ADDITIVE_MIN_ROWS = 2;
/** A relation whose errors exceed this share of its judged rows (at least one allowed) does not stand. */
export const RELATION_MAX_ERROR_SHARE = 1 / 3;
/** A relation must hold in at least this many rows before it may call a cell wrong. */
export const RELATION_MIN_HOLDS = 3;
/** Against each failing cell of a total row, this many reconciling cells (a single failure needs two). */
export const TOTAL_GOOD_PER_BAD = 8;

export function isSizable(y: number, unit: number): boolean {
  return y !== 0 && Math.abs(y) >= SIZABLE_UNITS * unit;
}

/**
 * A structure found by arithmetic alone (a row that is the sum of the rows below it, no label,
 * no formula) needs this many reconciling cells before it may call one of its cells wrong.
 */
export const ARITHMETIC_MIN_GOOD = 4;

/** The rest of a row corroborates its failing cells: one failure against two, more against eight each. */
export function rowCorroborates(good: number, bad: number): boolean {
  return bad === 1 ? good >= 2 : good >= TOTAL_GOOD_PER_BAD * bad;
}

/** Failures few enough for a relation confirmed by the rest of its column. */
export function relationErrorsAllowed(judged: number): number {
  return Math.max(1, Math.floor(RELATION_MAX_ERROR_SHARE * judged));
}

/**
 * Figures shown with more digits than anyone typed (General format, a computed 33,245844269)
 * carry no display rounding: a difference this small beside the figure is rounding.
 */
export const PRECISION_SHARE = 1e-3;
/** Display units finer than this come from computed figures, not from typing. */
export const COMPUTED_UNIT = 1e-3;

export function isComputedNoise(actual: number, expected: number, unitY: number, inputUnit: number): boolean {
  if (unitY >= COMPUTED_UNIT && inputUnit >= COMPUTED_UNIT) return false;
  return Math.abs(actual - expected) <= PRECISION_SHARE * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Strictly more for than against. */
export function majority(forCount: number, againstCount: number): boolean {
  return forCount > againstCount;
}

/**
 * A difference at most this many times the rounding tolerance is still rounding where the
 * table shows its figures were rounded on their own (published statistics: a total rounded
 * from unrounded parts, seasonally adjusted components). The worst case 0.5 · u · (n + 1)
 * assumes every shown figure is the exact one rounded once; figures rounded twice, or parts
 * adjusted apart from their total, go a little beyond it.
 */
export const MARGINAL_FACTOR = 2;
/** A table shows its figures were rounded when at least this many of its checks are rounding differences. */
export const ROUNDING_NOISE_MIN = 2;

/**
 * An unlabelled row found by arithmetic may have one failing column when at least this many
 * other sizable columns are exact: a wrong figure in a total row must not hide the row.
 */
export const ARITHMETIC_FAULT_MIN_EXACT = 5;
