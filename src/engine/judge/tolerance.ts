// checks.md section 3: ok when the derived cell equals the expected figure rounded to
// the cell's display unit; warning when the difference is within rounding of the
// inputs, 0.5 · u · (n + 1); error otherwise. All figures in display terms.
import type { Status } from '../types';
import { isComputedNoise } from './policy';

export interface Judgement {
  status: Status;
  difference: number;
  tolerance: number;
}

/** Round x to a multiple of unit, halves away from zero, forgiving binary noise. */
export function roundTo(x: number, unit: number): number {
  if (!(unit > 0)) return x;
  const q = Math.abs(x) / unit;
  return Math.sign(x) * Math.floor(q + 0.5 + 1e-9) * unit;
}

/**
 * x and y are not within 1e-9 of the larger figure once rounded to `unit` (roundTo moves each
 * by at most half a unit): they lie more than four units and a millionth of the figures
 * apart. The cheap test before roundTo in hot loops; generous by design, so where it says
 * nothing the rounding decides as before. False for a negative or NaN unit.
 */
export function farApart(x: number, y: number, unit: number): boolean {
  return unit >= 0 && Math.abs(x - y) > 4 * unit + 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** roundTo(x, unit) is a finite figure: x is, and neither x / unit nor the rounded figure can overflow. */
function roundsSafely(x: number, unit: number): boolean {
  const a = Math.abs(x);
  return a < 1e300 && (!(unit > 0) || (unit < 1e300 && a < 1e300 * unit));
}

export interface JudgeInput {
  actual: number;
  expected: number;
  /** Display unit of the derived cell. */
  unitY: number;
  /** The largest display unit among the inputs, expressed in the derived cell's terms. */
  inputUnit: number;
  /** Inputs that hold a value (numbers and dashes). */
  n: number;
  /** A larger tolerance granted from elsewhere (a total row's closed rows). */
  atLeast?: number;
  /** Round to this coarser unit when deciding ok (comparisons across tables). */
  roundUnit?: number;
}

/** Status codes of judgeStatus, in order of severity (ok < warning < error). */
export const S_OK = 0;
export const S_WARNING = 1;
export const S_ERROR = 2;
const STATUS_OF: readonly Status[] = ['ok', 'warning', 'error'];

/**
 * The status of judge() as a code, without building a result object: for the loops that
 * try many readings and relations. The one implementation of the rule; judge() calls it.
 */
export function judgeStatus(actual: number, expected: number, unitY: number, inputUnit: number, n: number, atLeast = 0, roundUnit = 0): number {
  const u = inputUnit > unitY ? inputUnit : unitY;
  const own = 0.5 * u * (n + 1);
  const tolerance = Math.max(own, atLeast);
  const ru = Math.max(unitY, roundUnit);
  const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
  // Equal figures are ok (when their rounding cannot overflow), and figures far apart are
  // not: the rounding of both is worked out in between only.
  if ((actual === expected && roundsSafely(actual, ru)) || (!farApart(expected, actual, ru) && Math.abs(roundTo(expected, ru) - roundTo(actual, ru)) <= 1e-9 * scale)) return S_OK;
  if (Math.abs(actual - expected) <= tolerance * (1 + 1e-9) + 1e-12 * scale) return S_WARNING;
  if (isComputedNoise(actual, expected, unitY, inputUnit)) return S_WARNING;
  return S_ERROR;
}

/** The status a judgeStatus code stands for. */
export function statusName(code: number): Status {
  return STATUS_OF[code];
}

/** The tolerance judge() reports: the inputs' rounding, or the larger one granted. */
export function toleranceOf(unitY: number, inputUnit: number, n: number, atLeast = 0): number {
  return Math.max(0.5 * Math.max(inputUnit, unitY) * (n + 1), atLeast);
}

export function judge(j: JudgeInput): Judgement {
  const atLeast = j.atLeast ?? 0;
  const code = judgeStatus(j.actual, j.expected, j.unitY, j.inputUnit, j.n, atLeast, j.roundUnit ?? 0);
  return { status: STATUS_OF[code], difference: j.actual - j.expected, tolerance: toleranceOf(j.unitY, j.inputUnit, j.n, atLeast) };
}

/** Own tolerance of a relation, for adding up over the rows a total closes. */
export function ownTolerance(unitY: number, inputUnit: number, n: number): number {
  return 0.5 * Math.max(unitY, inputUnit) * (n + 1);
}
