// checks.md section 3: ok when the derived cell equals the expected figure rounded to
// the cell's display unit; warning when the difference is within rounding of the
// inputs, 0.5 · u · (n + 1); error otherwise. All figures in display terms.
import type { Status } from './types';

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

export function judge(j: JudgeInput): Judgement {
  const u = j.inputUnit > j.unitY ? j.inputUnit : j.unitY;
  const own = 0.5 * u * (j.n + 1);
  const tolerance = Math.max(own, j.atLeast ?? 0);
  const difference = j.actual - j.expected;
  const ru = Math.max(j.unitY, j.roundUnit ?? 0);
  const scale = Math.max(1, Math.abs(j.actual), Math.abs(j.expected));
  const okExact = Math.abs(roundTo(j.expected, ru) - roundTo(j.actual, ru)) <= 1e-9 * scale;
  if (okExact) return { status: 'ok', difference, tolerance };
  if (Math.abs(difference) <= tolerance * (1 + 1e-9) + 1e-12 * scale) return { status: 'warning', difference, tolerance };
  return { status: 'error', difference, tolerance };
}

/** Own tolerance of a relation, for adding up over the rows a total closes. */
export function ownTolerance(unitY: number, inputUnit: number, n: number): number {
  return 0.5 * Math.max(unitY, inputUnit) * (n + 1);
}
