// How well a candidate formula holds over a table's sampled rows: holds, fails, and the
// evidence (rows where every input matters and the figures agree closely).
import type { Grid } from './grid';
import { K_DASH, K_NUMBER } from './grid';
import { LONGEST_RUN, type Candidate } from './relationCandidates';
import { judgeStatus, roundTo, S_ERROR } from './tolerance';

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

// The one matrix, its buffers grown as needed: a search builds a matrix per table and
// class of rows, and never uses two at once.
const M: Matrix = { rows: [], width: 0, v: new Float64Array(0), u: new Float64Array(0), has: new Uint8Array(0), pct: new Uint8Array(0), values: new Int32Array(0), percents: new Int32Array(0) };

/**
 * The figures of the sampled rows in the given columns. Returns a shared matrix that the
 * next call overwrites.
 */
export function matrix(g: Grid, rows: number[], cols: number[]): Matrix {
  const width = cols.length;
  const size = rows.length * width;
  const m = M;
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
    for (let k = 0; k < width; k++) {
      const c = cols[k];
      const at = base + k;
      const kind = g.kind(r, c);
      if (kind !== K_NUMBER && kind !== K_DASH) {
        // empty, text, error: 0 and no value
        v[at] = 0;
        u[at] = 0;
        has[at] = 0;
        pct[at] = 0;
        continue;
      }
      v[at] = g.num(r, c);
      u[at] = g.unit(r, c);
      has[at] = 1;
      pct[at] = kind === K_NUMBER && g.pct(r, c) ? 1 : 0;
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

export interface Score {
  holds: number;
  nontrivial: number;
  fails: number;
  /** Bit j set when term j was non-zero in a row where the candidate held. */
  nonzeroMask: number;
  /** Rows where it held with every input and the derived cell non-zero: real evidence. */
  informative: number;
  /** The derived figure of the first informative row, and whether another one differed. */
  firstY: number;
  varied: boolean;
}

// The verdict of one row. A row "holds" when the candidate is within tolerance there and
// close (see closeEnough); it "fails" when out of tolerance; otherwise it says nothing.
const NONE = -1;
const FAILS = 0;
const HOLDS = 1;

/** Not an error: within 0.5 · u · (n + 1), or equal once rounded (checks.md 3). */
function withinTolerance(vy: number, uy: number, value: number, diff: number, umax: number, n: number): boolean {
  const ok = diff <= 0.5 * umax * (n + 1) * (1 + 1e-9) + 1e-12 * Math.max(1, Math.abs(value));
  if (!ok && n === 0) return judgeStatus(vy, value, uy, 0, n) !== S_ERROR;
  return ok;
}

/**
 * Within tolerance is not yet agreement: equal once rounded, or close to the size of the
 * figures. With small counts (0, 1, 2) anything lies within ±1 of anything: such rows
 * neither confirm nor refute a relation.
 */
function closeEnough(vy: number, uy: number, value: number, diff: number, near: number): boolean {
  // The cheap test first: rounding only decides when the figures are not that close.
  if (diff <= near) return true;
  return Math.abs(roundTo(vy, uy) - roundTo(value, uy)) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Verdict for y = c0 · a + c1 · b in row i: the common case, two columns and signs. */
function pairVerdict(m: Matrix, i: number, yi: number, k0: number, c0: number, k1: number, c1: number): number {
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
function signedPairVerdict(vy: number, uy: number, value: number, umax: number, n: number, v0: number, v1: number): number {
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
function verdictAt(m: Matrix, i: number, yi: number, cand: Candidate): number {
  if (cand.kind === 'ratio') return ratioVerdict(m, i, yi, cand);
  const { ti, tc } = cand;
  return ti.length === 2 ? pairVerdict(m, i, yi, ti[0], tc[0], ti[1], tc[1]) : sumVerdict(m, i, yi, cand);
}

/**
 * A row where the candidate holds: note which terms were non-zero, and whether the row
 * is evidence.
 */
function recordHold(m: Matrix, i: number, yi: number, cand: Candidate, s: Score): void {
  const { v, u } = m;
  const { ti, di } = cand;
  const b = i * m.width;
  const vy = v[b + yi];
  let nonzeroTerms = 0;
  let scaleOf = Math.abs(vy);
  for (let j = 0; j < ti.length; j++) {
    const x = v[b + ti[j]];
    if (x !== 0) {
      s.nonzeroMask |= 1 << j;
      nonzeroTerms++;
    }
    if (Math.abs(x) > scaleOf) scaleOf = Math.abs(x);
  }
  // Evidence needs every input to matter; a long sum (Totalt of many posts) at least two.
  let allNonzero = vy !== 0 && (ti.length > 2 ? nonzeroTerms >= 2 : nonzeroTerms === ti.length);
  for (let j = 0; j < di.length; j++) if (v[b + di[j]] === 0) allNonzero = false;
  // Evidence: every input non-zero, and the figures agree closely, not just within
  // the rounding of coarse display units (1 − 12 = −11 against −12 proves nothing).
  // Small counts (0–9 in whole units) agree by chance too often to prove anything.
  if (allNonzero && scaleOf >= 10 * u[b + yi]) {
    s.informative++;
    if (Number.isNaN(s.firstY)) s.firstY = vy;
    else if (vy !== s.firstY) s.varied = true;
  }
}

export function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** A blank Score, to be filled by score() (one per search, not one per candidate). */
export function newScore(): Score {
  return { holds: 0, nontrivial: 0, fails: 0, nonzeroMask: 0, informative: 0, firstY: NaN, varied: false };
}

/** Tables longer than this get the quick look. */
const LOOK_FROM = 20;

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
    return seen >= 8 && h < 3;
  }
  return quickLookVerdicts(m, yi, cand);
}

const SEEN = new Int32Array(3);
const HELD = new Int32Array(3);

/**
 * The quick look of the three signed sums of columns a and b — variant 0: a + b, 1: a − b,
 * 2: b − a (sumCandidates' pair candidates) — in one pass over the rows, reading each
 * row's figures once for all three: bit k set when variant k fails the look, exactly when
 * failsQuickLook says so for that candidate. 0 in short tables, which get no look.
 */
export function pairFailsQuickLook(m: Matrix, yi: number, a: number, b: number): number {
  const rows = m.rows.length;
  if (rows <= LOOK_FROM) return 0;
  const { v, u, has: h } = m;
  let open = 7; // variants whose look is not decided yet
  for (let k = 0; k < 3; k++) SEEN[k] = HELD[k] = 0;
  for (let q = 0; q < rows && open !== 0; q += 4) {
    const base = q * m.width;
    const y = base + yi;
    if (!h[y]) continue;
    const vy = v[y];
    const va = v[base + a];
    const vb = v[base + b];
    if (vy === 0 && va === 0 && vb === 0) continue;
    const n = h[base + a] + h[base + b];
    const umax = Math.max(Math.max(u[y], u[base + a]), u[base + b]);
    for (let k = 0; k < 3; k++) {
      if ((open & (1 << k)) === 0) continue;
      // pairVerdict's 0 + c0 · v0 + c1 · v1 with coefficients ±1 (1 · x = x, −1 · x = −x exactly).
      const value = k === 0 ? 0 + va + vb : k === 1 ? 0 + va - vb : 0 + vb - va;
      const verdict = signedPairVerdict(vy, u[y], value, umax, n, va, vb);
      if (verdict === NONE) continue;
      SEEN[k]++;
      if (verdict === HOLDS) HELD[k]++;
      if (lookDecided(SEEN[k], HELD[k])) open &= ~(1 << k);
    }
  }
  let fails = 0;
  for (let k = 0; k < 3; k++) if (SEEN[k] >= 8 && HELD[k] < 3) fails |= 1 << k;
  return fails;
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
  return seen >= 8 && h < 3;
}

const RUN_SEEN = new Int32Array(LONGEST_RUN + 1);
const RUN_HELD = new Int32Array(LONGEST_RUN + 1);

/**
 * The quick look of the runs of k = 3 … columns right before yi, within from … yi − 1
 * (sumCandidates' runs: Totalt beside its posts), in one pass over the rows: bit k set
 * when the run of k columns fails the look, exactly when failsQuickLook says so for
 * that candidate. 0 in short tables, which get no look.
 */
export function runsFailQuickLook(m: Matrix, yi: number, from: number): number {
  const rows = m.rows.length;
  if (rows <= LOOK_FROM) return 0;
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
    // does not matter to a count, a maximum or an "any").
    let n = 0;
    let umax = u[y];
    let anyNonzero = vy !== 0;
    let scaleOf = Math.abs(vy);
    for (let k = 1; k <= longest; k++) {
      const at = base + yi - k;
      n += h[at];
      umax = Math.max(umax, u[at]);
      if (v[at] !== 0) anyNonzero = true;
      if (Math.abs(v[at]) > scaleOf) scaleOf = Math.abs(v[at]);
      if ((open & (1 << k)) === 0 || !anyNonzero) continue;
      // The sum itself in sumVerdict's order, from the run's first column on (coefficients 1).
      let value = 0;
      for (let j = yi - k; j < yi; j++) value += v[base + j];
      const diff = Math.abs(vy - value);
      const verdict = !withinTolerance(vy, u[y], value, diff, umax, n) ? FAILS : closeEnough(vy, u[y], value, diff, 0.02 * scaleOf) ? HOLDS : NONE;
      if (verdict === NONE) continue;
      RUN_SEEN[k]++;
      if (verdict === HOLDS) RUN_HELD[k]++;
      if (lookDecided(RUN_SEEN[k], RUN_HELD[k])) open &= ~(1 << k);
    }
  }
  let fails = 0;
  for (let k = 3; k <= longest; k++) if (RUN_SEEN[k] >= 8 && RUN_HELD[k] < 3) fails |= 1 << k;
  return fails;
}

/**
 * The rest of the look cannot change its outcome: three rows hold already (it passes),
 * or eight rows are seen and even the at most 10 − seen rows still to come cannot bring
 * the holds to three (it fails). Stopping there gives the answer of the full look.
 */
function lookDecided(seen: number, h: number): boolean {
  return h >= 3 || (seen >= 8 && h + (10 - seen) < 3);
}

/**
 * Score the candidate over the matrix's rows into s (overwritten), and return s.
 * `looked`: the caller took the quick look already (pairFailsQuickLook, runsFailQuickLook)
 * and the candidate passed it.
 */
export function score(m: Matrix, yi: number, cand: Candidate, s: Score, looked = false): Score {
  const rows = m.rows.length;
  s.holds = 0;
  s.nontrivial = 0;
  s.fails = 0;
  s.nonzeroMask = 0;
  s.informative = 0;
  s.firstY = NaN;
  s.varied = false;
  if (rows > LOOK_FROM && !looked && failsQuickLook(m, yi, cand)) return s;
  let holds = 0;
  let nontrivial = 0;
  let fails = 0;
  for (let q = 0; q < rows; q++) {
    const verdict = verdictAt(m, q, yi, cand);
    if (verdict === NONE) continue;
    nontrivial++;
    if (verdict === HOLDS) {
      holds++;
      recordHold(m, q, yi, cand, s);
    } else fails++;
    // Give up once even the remaining rows cannot make a majority.
    const rest = rows - q - 1;
    if (fails > 0 && (holds + rest) / (nontrivial + rest) < 0.6) {
      s.nontrivial = nontrivial;
      s.fails = fails;
      return s;
    }
  }
  s.holds = holds;
  s.nontrivial = nontrivial;
  s.fails = fails;
  return s;
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
