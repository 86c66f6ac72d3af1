// The quick look of long tables: a few rows first, for one candidate or for a pair's three
// signed sums or the runs beside a Totalt at once; a candidate that fails it is not scored.
import { LONGEST_RUN, WIDEST_RUN, type Candidate } from './relationCandidates';
import type { Matrix } from './relationMatrix';
import { closeEnough, FAILS, HOLDS, NONE, pairVerdict, plainlyFails, signedPairVerdict, verdictAt, withinTolerance } from './relationVerdict';

/** Tables longer than this get the quick look. */
export const LOOK_FROM = 20;

/**
 * Long tables: a quick look at a few rows first; a relation that holds in most rows
 * cannot fail in nearly all of them. True when the candidate fails the look: of up to
 * ten scorable rows (every fourth row), at least eight seen and fewer than three hold.
 */
export function failsQuickLook(m: Matrix, yi: number, cand: Candidate): boolean {
  const { ti, tc } = cand;
  if (cand.kind === 'sum' && ti.length === 2) {
    // The loop of quickLookVerdicts, with the pair's columns and signs held in locals.
    const k0 = ti[0];
    const c0 = tc[0];
    const k1 = ti[1];
    const c1 = tc[1];
    const rows = m.rows.length;
    let h = 0;
    let seen = 0;
    for (let q = 0; q < rows && seen < 10; q += 4) {
      const verdict = pairVerdict(m, q, yi, k0, c0, k1, c1);
      if (verdict === NONE) continue;
      seen++;
      if (verdict === HOLDS) h++;
      if (lookDecided(seen, h)) break;
    }
    return failsLook(seen, h);
  }
  return quickLookVerdicts(m, yi, cand);
}

/** The counters of the run quick looks, one set per run (Run.relations.look). */
export class QuickLookScratch {
  readonly runSeen = new Int32Array(LONGEST_RUN + 1);
  readonly runHeld = new Int32Array(LONGEST_RUN + 1);
  readonly rightSeen = new Int32Array(WIDEST_RUN + 1);
  readonly rightHeld = new Int32Array(WIDEST_RUN + 1);
}

/**
 * The quick look of the three signed sums of columns a and b — variant 0: a + b, 1: a − b,
 * 2: b − a (sumCandidates' pair candidates) — in one pass over the rows, reading each
 * row's figures once for all three: bit k set when variant k fails the look, exactly when
 * failsQuickLook says so for that candidate. 0 in short tables, which get no look.
 */
export function pairFailsQuickLook(m: Matrix, yi: number, a: number, b: number): number {
  const rows = m.rows.length;
  if (rows <= LOOK_FROM) return 0;
  const { v, u, has: h, width } = m;
  // Rows seen and held per variant, in locals: the three variants written out, no loop over
  // them (a loop with the counters in arrays made the whole engine 1–4 % slower at 10k).
  let seen0 = 0;
  let held0 = 0;
  let seen1 = 0;
  let held1 = 0;
  let seen2 = 0;
  let held2 = 0;
  let open = 7; // variants whose look is not decided yet
  for (let q = 0; q < rows && open !== 0; q += 4) {
    const base = q * width;
    const y = base + yi;
    if (!h[y]) continue;
    const vy = v[y];
    const va = v[base + a];
    const vb = v[base + b];
    if (vy === 0 && va === 0 && vb === 0) continue;
    const n = h[base + a] + h[base + b];
    const uy = u[y];
    const umax = Math.max(Math.max(uy, u[base + a]), u[base + b]);
    // pairVerdict's 0 + c0 · v0 + c1 · v1 with coefficients ±1 (1 · x = x, −1 · x = −x exactly);
    // most sums are plainly out of tolerance, and get no full verdict.
    if (open & 1) {
      const value = 0 + va + vb;
      const verdict = plainlyFails(vy, value, umax, n) ? FAILS : signedPairVerdict(vy, uy, value, umax, n, va, vb);
      if (verdict !== NONE) {
        seen0++;
        if (verdict === HOLDS) held0++;
        if (lookDecided(seen0, held0)) open &= ~1;
      }
    }
    if (open & 2) {
      const value = 0 + va - vb;
      const verdict = plainlyFails(vy, value, umax, n) ? FAILS : signedPairVerdict(vy, uy, value, umax, n, va, vb);
      if (verdict !== NONE) {
        seen1++;
        if (verdict === HOLDS) held1++;
        if (lookDecided(seen1, held1)) open &= ~2;
      }
    }
    if (open & 4) {
      const value = 0 + vb - va;
      const verdict = plainlyFails(vy, value, umax, n) ? FAILS : signedPairVerdict(vy, uy, value, umax, n, va, vb);
      if (verdict !== NONE) {
        seen2++;
        if (verdict === HOLDS) held2++;
        if (lookDecided(seen2, held2)) open &= ~4;
      }
    }
  }
  return (failsLook(seen0, held0) ? 1 : 0) | (failsLook(seen1, held1) ? 2 : 0) | (failsLook(seen2, held2) ? 4 : 0);
}

/** The outcome of a finished look: eight rows or more seen, fewer than three held. */
function failsLook(seen: number, held: number): boolean {
  return seen >= 8 && held < 3;
}

function quickLookVerdicts(m: Matrix, yi: number, cand: Candidate): boolean {
  const rows = m.rows.length;
  let h = 0;
  let seen = 0;
  for (let q = 0; q < rows && seen < 10; q += 4) {
    const verdict = verdictAt(m, q, yi, cand);
    if (verdict === NONE) continue;
    seen++;
    if (verdict === HOLDS) h++;
    if (lookDecided(seen, h)) break;
  }
  return failsLook(seen, h);
}

/**
 * The quick look of the runs of k = 3 … columns right before yi, within from … yi − 1
 * (sumCandidates' runs: Totalt beside its posts), in one pass over the rows: bit k set
 * when the run of k columns fails the look, exactly when failsQuickLook says so for
 * that candidate. 0 in short tables, which get no look.
 */
export function runsFailQuickLook(m: Matrix, yi: number, from: number, look: QuickLookScratch = new QuickLookScratch()): number {
  const rows = m.rows.length;
  if (rows <= LOOK_FROM) return 0;
  const RUN_SEEN = look.runSeen;
  const RUN_HELD = look.runHeld;
  const { v, u, has: h } = m;
  const longest = Math.min(LONGEST_RUN, yi - from);
  let open = 0; // runs whose look is not decided yet
  for (let k = 3; k <= longest; k++) {
    open |= 1 << k;
    RUN_SEEN[k] = RUN_HELD[k] = 0;
  }
  for (let q = 0; q < rows && open !== 0; q += 4) {
    const base = q * m.width;
    const y = base + yi;
    if (!h[y]) continue;
    const vy = v[y];
    // sumVerdict's counts, grown one column at a time from yi − 1 leftwards (the order
    // does not matter to a count or a maximum).
    let n = 0;
    let umax = u[y];
    for (let k = 1; k <= longest; k++) {
      const at = base + yi - k;
      n += h[at];
      umax = Math.max(umax, u[at]);
      if ((open & (1 << k)) === 0) continue;
      // The sum itself in sumVerdict's order, from the run's first column on (coefficients 1).
      let value = 0;
      for (let j = yi - k; j < yi; j++) value += v[base + j];
      const verdict = plainlyFails(vy, value, umax, n) ? FAILS : runVerdict(v, base + yi - k, base + yi - 1, vy, u[y], value, umax, n);
      if (verdict === NONE) continue;
      RUN_SEEN[k]++;
      if (verdict === HOLDS) RUN_HELD[k]++;
      if (lookDecided(RUN_SEEN[k], RUN_HELD[k])) open &= ~(1 << k);
    }
  }
  let fails = 0;
  for (let k = 3; k <= longest; k++) if (failsLook(RUN_SEEN[k], RUN_HELD[k])) fails |= 1 << k;
  return fails;
}

/**
 * The quick look of the runs of k = 2 … columns right after yi, within a table of nCols
 * columns (rightRunCandidates: a Totalt that stands before its posts), in one pass over the
 * rows: bit k set when the run of k columns fails the look, exactly when failsQuickLook says
 * so for that candidate. 0 in short tables, which get no look.
 */
export function rightRunsFailQuickLook(m: Matrix, yi: number, nCols: number, look: QuickLookScratch = new QuickLookScratch()): number {
  const rows = m.rows.length;
  if (rows <= LOOK_FROM) return 0;
  const SEEN = look.rightSeen;
  const HELD = look.rightHeld;
  const { v, u, has: h } = m;
  const longest = Math.min(WIDEST_RUN, nCols - 1 - yi);
  let open = 0; // runs whose look is not decided yet
  for (let k = 2; k <= longest; k++) {
    open |= 1 << k;
    SEEN[k] = HELD[k] = 0;
  }
  for (let q = 0; q < rows && open !== 0; q += 4) {
    const base = q * m.width;
    const y = base + yi;
    if (!h[y]) continue;
    const vy = v[y];
    // sumVerdict's sum, counts and maximum (pairVerdict's for two columns), grown one column
    // at a time from yi + 1 rightwards: the run's own order, so each sum is the one it would
    // add up (coefficients 1: 0 + 1 · a + 1 · b … is 0 + a + b …, to the last bit).
    let value = 0;
    let n = 0;
    let umax = u[y];
    for (let k = 1; k <= longest && open >>> k !== 0; k++) {
      const at = y + k;
      value += v[at];
      n += h[at];
      umax = Math.max(umax, u[at]);
      if ((open & (1 << k)) === 0) continue;
      const verdict = plainlyFails(vy, value, umax, n) ? FAILS : runVerdict(v, y + 1, y + k, vy, u[y], value, umax, n);
      if (verdict === NONE) continue;
      SEEN[k]++;
      if (verdict === HOLDS) HELD[k]++;
      if (lookDecided(SEEN[k], HELD[k])) open &= ~(1 << k);
    }
  }
  let fails = 0;
  for (let k = 2; k <= longest; k++) if (failsLook(SEEN[k], HELD[k])) fails |= 1 << k;
  return fails;
}

/**
 * sumVerdict's verdict of a run of columns (flat positions first … last, coefficients 1) whose
 * sum, count of values and largest unit are known, for the few sums not plainly out of
 * tolerance: only these need to know whether any figure is non-zero, and the largest figure
 * (a plainly failing sum has a non-zero figure: all zeros add up to 0 exactly).
 */
function runVerdict(v: Float64Array, first: number, last: number, vy: number, uy: number, value: number, umax: number, n: number): number {
  let anyNonzero = vy !== 0;
  let scaleOf = Math.abs(vy);
  for (let at = first; at <= last; at++) {
    if (v[at] !== 0) anyNonzero = true;
    if (Math.abs(v[at]) > scaleOf) scaleOf = Math.abs(v[at]);
  }
  if (!anyNonzero) return NONE;
  const diff = Math.abs(vy - value);
  return !withinTolerance(vy, uy, value, diff, umax, n) ? FAILS : closeEnough(vy, uy, value, diff, 0.02 * scaleOf) ? HOLDS : NONE;
}

/**
 * The rest of the look cannot change its outcome: three rows hold already (it passes),
 * or eight rows are seen and even the at most 10 − seen rows still to come cannot bring
 * the holds to three (it fails). Stopping there gives the answer of the full look.
 */
function lookDecided(seen: number, h: number): boolean {
  return h >= 3 || (seen >= 8 && h + (10 - seen) < 3);
}
