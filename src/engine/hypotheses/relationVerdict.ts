// The verdict of a candidate formula in one sampled row: holds, fails, or says nothing
// (out of tolerance fails; within tolerance and close holds).
import type { Candidate } from './relationCandidates';
import type { Matrix } from './relationMatrix';
import { judgeStatus, roundTo, S_ERROR } from '../judge/tolerance';

// The verdict of one row. A row "holds" when the candidate is within tolerance there and
// close (see closeEnough); it "fails" when out of tolerance; otherwise it says nothing.
export const NONE = -1;
export const FAILS = 0;
export const HOLDS = 1;

/** withinTolerance's bound: 0.5 · u · (n + 1), with a margin, and room for the value's last bits. */
function toleranceBound(value: number, umax: number, n: number): number {
  return 0.5 * umax * (n + 1) * (1 + 1e-9) + 1e-12 * Math.max(1, Math.abs(value));
}

/** Not an error: within 0.5 · u · (n + 1), or equal once rounded (checks.md 3). */
export function withinTolerance(vy: number, uy: number, value: number, diff: number, umax: number, n: number): boolean {
  const ok = diff <= toleranceBound(value, umax, n);
  if (!ok && n === 0) return judgeStatus(vy, value, uy, 0, n) !== S_ERROR;
  return ok;
}

/**
 * The quick looks' first test: true only when withinTolerance is false, decided without its
 * rare case (no inputs: judged by rounding), which keeps this small enough to be inlined in
 * the looks' loops. False says nothing: the full verdict decides.
 */
export function plainlyFails(vy: number, value: number, umax: number, n: number): boolean {
  return n !== 0 && Math.abs(vy - value) > toleranceBound(value, umax, n);
}

/**
 * Within tolerance is not yet agreement: equal once rounded, or close to the size of the
 * figures. With small counts (0, 1, 2) anything lies within ±1 of anything: such rows
 * neither confirm nor refute a relation.
 */
export function closeEnough(vy: number, uy: number, value: number, diff: number, near: number): boolean {
  // The cheap test first: rounding only decides when the figures are not that close.
  if (diff <= near) return true;
  return Math.abs(roundTo(vy, uy) - roundTo(value, uy)) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Verdict for y = c0 · a + c1 · b in row i: the common case, two columns and signs. */
export function pairVerdict(m: Matrix, i: number, yi: number, k0: number, c0: number, k1: number, c1: number): number {
  const { v, u, has: h } = m;
  const b = i * m.width;
  const y = b + yi;
  if (!h[y]) return NONE;
  const vy = v[y];
  const v0 = v[b + k0];
  const v1 = v[b + k1];
  if (vy === 0 && v0 === 0 && v1 === 0) return NONE;
  // The same arithmetic, in the same order, as sumVerdict's loop.
  const value = 0 + c0 * v0 + c1 * v1;
  const n = h[b + k0] + h[b + k1];
  const umax = Math.max(Math.max(u[y], u[b + k0]), u[b + k1]);
  return signedPairVerdict(vy, u[y], value, umax, n, v0, v1);
}

/** The verdict of a pair's sum once the row's figures are read (value = the signed sum). */
export function signedPairVerdict(vy: number, uy: number, value: number, umax: number, n: number, v0: number, v1: number): number {
  const diff = Math.abs(vy - value);
  if (!withinTolerance(vy, uy, value, diff, umax, n)) return FAILS;
  let scaleOf = Math.abs(vy);
  if (Math.abs(v0) > scaleOf) scaleOf = Math.abs(v0);
  if (Math.abs(v1) > scaleOf) scaleOf = Math.abs(v1);
  return closeEnough(vy, uy, value, diff, 0.02 * scaleOf) ? HOLDS : NONE;
}

/** Verdict for a sum of any length in row i. */
function sumVerdict(m: Matrix, i: number, yi: number, cand: Candidate): number {
  const { v, u, has: h } = m;
  const { ti, tc } = cand;
  const b = i * m.width;
  const y = b + yi;
  if (!h[y]) return NONE;
  const vy = v[y];
  let value = 0;
  let n = 0;
  let anyNonzero = vy !== 0;
  let scaleOf = Math.abs(vy);
  let umax = u[y];
  for (let j = 0; j < ti.length; j++) {
    const k = b + ti[j];
    value += tc[j] * v[k];
    n += h[k];
    if (v[k] !== 0) anyNonzero = true;
    if (Math.abs(v[k]) > scaleOf) scaleOf = Math.abs(v[k]);
    umax = Math.max(umax, u[k]);
  }
  if (!anyNonzero) return NONE;
  const diff = Math.abs(vy - value);
  if (!withinTolerance(vy, u[y], value, diff, umax, n)) return FAILS;
  return closeEnough(vy, u[y], value, diff, 0.02 * scaleOf) ? HOLDS : NONE;
}

/** Verdict for a quotient (a share) in row i. */
function ratioVerdict(m: Matrix, i: number, yi: number, cand: Candidate): number {
  const { v, u, has: h } = m;
  const { ti, di, tc, dc, factor } = cand;
  const b = i * m.width;
  const y = b + yi;
  if (!h[y]) return NONE;
  const vy = v[y];
  let num = 0;
  let n = 0;
  let anyNonzero = vy !== 0;
  for (let j = 0; j < ti.length; j++) {
    const k = b + ti[j];
    num += tc[j] * v[k];
    n += h[k];
    if (v[k] !== 0) anyNonzero = true;
  }
  if (!anyNonzero) return NONE;
  let den = 0;
  for (let j = 0; j < di.length; j++) {
    den += dc[j] * v[b + di[j]];
    n += h[b + di[j]];
  }
  if (den === 0) return NONE;
  const value = (factor * num) / den;
  let umax = u[y];
  for (let j = 0; j < ti.length; j++) umax = Math.max(umax, Math.abs((factor * tc[j]) / den) * u[b + ti[j]]);
  for (let j = 0; j < di.length; j++) umax = Math.max(umax, Math.abs((factor * num * dc[j]) / (den * den)) * u[b + di[j]]);
  const diff = Math.abs(vy - value);
  if (!withinTolerance(vy, u[y], value, diff, umax, n)) return FAILS;
  return closeEnough(vy, u[y], value, diff, 0.1 * Math.abs(value)) ? HOLDS : NONE;
}

/** Verdict of the candidate in row i (given by matrix index). */
export function verdictAt(m: Matrix, i: number, yi: number, cand: Candidate): number {
  if (cand.kind === 'ratio') return ratioVerdict(m, i, yi, cand);
  const { ti, tc } = cand;
  return ti.length === 2 ? pairVerdict(m, i, yi, ti[0], tc[0], ti[1], tc[1]) : sumVerdict(m, i, yi, cand);
}
