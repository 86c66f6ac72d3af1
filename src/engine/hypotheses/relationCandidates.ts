// The formulas tried for a derived column: signed pairs, runs of posts beside a Totalt,
// and quotients (shares), over column positions so tables of one shape share them.
import type { ColTerm } from './columnRelations';

/** A candidate formula over column *positions* (indices into the table's numCols). */
export interface Candidate {
  kind: 'sum' | 'ratio';
  terms: ColTerm[];
  den: ColTerm[];
  factor: number;
  family: 'sum' | 'ratio';
  /** A signed sum of two columns a < b: its variant, 0: a + b, 1: a − b, 2: b − a. */
  pair: { a: number; b: number; variant: number } | null;
  /** A run of this many columns right before y (Totalt beside its posts); 0 otherwise. */
  run: number;
  /** A run of this many columns right after y (a Totalt that stands first); 0 otherwise. */
  right: number;
  /** Column positions and coefficients of the terms, as flat arrays for the row loop. */
  ti: Int32Array;
  di: Int32Array;
  tc: Float64Array;
  dc: Float64Array;
}

// Coefficient and position arrays are only read: candidates with the same coefficients share
// one array (a wide sheet makes hundreds of thousands of candidates).
// Empty arrays have no element to write: safe to share between runs.
const NO_POSITIONS = new Int32Array(0);
const NO_COEFS = new Float64Array(0);

/** The longest run of posts tried beside a Totalt. */
export const LONGEST_RUN = 8;

/**
 * Candidates depend only on positions, so tables of the same shape share them: one cache per
 * run (Run.relations.candidates). Without a pool of quotients (the common case) the key is a
 * number: no key string per column.
 */
export class CandidateCache {
  readonly sharedCoefs = new Map<string, Float64Array>();
  readonly sums = new Map<number, Candidate[]>();
  readonly withRatios = new Map<string, Candidate[]>();
  readonly rightRuns = new Map<number, Candidate[]>();
  readonly stridedRuns = new Map<number, Candidate[]>();
  readonly wideLeftRuns = new Map<number, Candidate[]>();
}

function coefsOf(ts: ColTerm[], cache: CandidateCache): Float64Array {
  if (ts.length === 0) return NO_COEFS;
  let key = '';
  for (const t of ts) key += t.coef === 1 ? '+' : t.coef === -1 ? '-' : `${t.coef},`;
  const shared = cache.sharedCoefs;
  let a = shared.get(key);
  if (!a) {
    a = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) a[i] = ts[i].coef;
    if (shared.size < 1000) shared.set(key, a);
  }
  return a;
}

function positionsOf(ts: ColTerm[]): Int32Array {
  if (ts.length === 0) return NO_POSITIONS;
  const a = new Int32Array(ts.length);
  for (let i = 0; i < ts.length; i++) a[i] = ts[i].c;
  return a;
}

function candidate(cache: CandidateCache, kind: 'sum' | 'ratio', terms: ColTerm[], den: ColTerm[], factor: number, pair: Candidate['pair'] = null, run = 0, right = 0): Candidate {
  return { kind, terms, den, factor, family: kind, pair, run, right, ti: positionsOf(terms), di: positionsOf(den), tc: coefsOf(terms, cache), dc: coefsOf(den, cache) };
}

const CACHED = 5000;

export function candidatesFor(yi: number, from: number, adjacent: boolean, pool: number[] | null, fractions: boolean, cache: CandidateCache = new CandidateCache()): Candidate[] {
  if (pool) return withRatios(yi, from, adjacent, pool, fractions, cache);
  // Columns are fewer than 2^14 (Excel's limit), so the key stays a small integer;
  // fractions only count with a pool.
  const key = yi < 16384 ? (yi * 16384 + from) * 2 + (adjacent ? 1 : 0) : -1;
  const sums = cache.sums;
  let list = sums.get(key);
  if (!list) {
    list = sumCandidates(leftOf(yi, from), adjacent, cache);
    if (key >= 0 && sums.size < CACHED) sums.set(key, list);
  }
  return list;
}

function withRatios(yi: number, from: number, adjacent: boolean, pool: number[], fractions: boolean, cache: CandidateCache): Candidate[] {
  const key = `${yi}|${from}|${adjacent ? 1 : 0}|${pool.join(',')}|${fractions ? 1 : 0}`;
  const cached = cache.withRatios;
  let list = cached.get(key);
  if (!list) {
    list = sumCandidates(leftOf(yi, from), adjacent, cache);
    // Shares in percent (2,9 or 2,9 %), or as plain fractions (0,029) when the column holds those.
    list.push(...ratioCandidates(pool, fractions ? [100, 1] : [100], cache));
    if (cached.size < CACHED) cached.set(key, list);
  }
  return list;
}

function leftOf(yi: number, from: number): number[] {
  const left: number[] = [];
  for (let p = from; p < yi; p++) left.push(p);
  return left;
}

function sumCandidates(left: number[], adjacent: boolean, cache: CandidateCache): Candidate[] {
  const out: Candidate[] = [];
  for (let a = 0; a < left.length; a++)
    for (let b = a + 1; b < left.length; b++) {
      const A = left[a];
      const B = left[b];
      out.push(candidate(cache, 'sum', [{ c: A, coef: 1 }, { c: B, coef: 1 }], [], 1, { a: A, b: B, variant: 0 }));
      out.push(candidate(cache, 'sum', [{ c: A, coef: 1 }, { c: B, coef: -1 }], [], 1, { a: A, b: B, variant: 1 }));
      out.push(candidate(cache, 'sum', [{ c: B, coef: 1 }, { c: A, coef: -1 }], [], 1, { a: A, b: B, variant: 2 }));
    }
  // Runs of three or more columns right before y: Totalt beside its parts.
  if (adjacent)
    for (let k = 3; k <= Math.min(LONGEST_RUN, left.length); k++)
      out.push(candidate(cache, 'sum', left.slice(left.length - k).map((c) => ({ c, coef: 1 })), [], 1, null, k));
  return out;
}

function ratioCandidates(pool: number[], factors: number[], cache: CandidateCache): Candidate[] {
  const out: Candidate[] = [];
  for (const factor of factors)
    for (const a of pool)
      for (const b of pool) {
        if (a === b) continue;
        out.push(candidate(cache, 'ratio', [{ c: a, coef: 1 }], [{ c: b, coef: 1 }], factor));
        out.push(candidate(cache, 'ratio', [{ c: a, coef: 1 }, { c: b, coef: -1 }], [{ c: b, coef: 1 }], factor));
        out.push(candidate(cache, 'ratio', [{ c: a, coef: 1 }], [{ c: b, coef: 1 }, { c: a, coef: -1 }], factor));
      }
  return out;
}

/** Two candidates built on the same columns say the same thing; keep one. */
export function overlaps(a: Candidate, b: Candidate): boolean {
  return sharesColumn(a, b.terms) || sharesColumn(a, b.den);
}

function sharesColumn(a: Candidate, ts: ColTerm[]): boolean {
  for (const t of ts) if (usesColumn(a.terms, t.c) || usesColumn(a.den, t.c)) return true;
  return false;
}

function usesColumn(ts: ColTerm[], c: number): boolean {
  for (const t of ts) if (t.c === c) return true;
  return false;
}

/** The longest run of posts tried beside a Totalt that totals a whole row (months, regions). */
export const WIDEST_RUN = 30;

/**
 * Runs right before y longer than the ones sumCandidates tries (beyond the search window):
 * a Total year column beside twelve months, a Total beside 24 hours. Positions only.
 */
export function wideLeftRunCandidates(yi: number, shortest: number, cache: CandidateCache = new CandidateCache()): Candidate[] {
  const longest = Math.min(WIDEST_RUN, yi);
  const key = yi * 64 + shortest;
  const WIDE_LEFT_RUNS = cache.wideLeftRuns;
  let list = WIDE_LEFT_RUNS.get(key);
  if (!list) {
    list = [];
    for (let k = Math.max(3, shortest); k <= longest; k++) {
      const terms: ColTerm[] = [];
      for (let j = k; j >= 1; j--) terms.push({ c: yi - j, coef: 1 });
      list.push(candidate(cache, 'sum', terms, [], 1));
    }
    if (WIDE_LEFT_RUNS.size < CACHED) WIDE_LEFT_RUNS.set(key, list);
  }
  return list;
}

/**
 * Runs of two or more columns right after y: a Totalt that stands first, before its posts
 * (checks.md 4.9: a `Totalt` column that is the first numeric column). Positions only.
 */
export function rightRunCandidates(yi: number, nCols: number, cache: CandidateCache = new CandidateCache()): Candidate[] {
  const longest = Math.min(WIDEST_RUN, nCols - 1 - yi);
  const key = yi * 64 + Math.max(0, longest);
  const RIGHT_RUNS = cache.rightRuns;
  let list = RIGHT_RUNS.get(key);
  if (!list) {
    list = [];
    for (let k = 2; k <= longest; k++) {
      const terms: ColTerm[] = [];
      for (let j = 1; j <= k; j++) terms.push({ c: yi + j, coef: 1 });
      list.push(candidate(cache, 'sum', terms, [], 1, null, 0, k));
    }
    if (RIGHT_RUNS.size < CACHED) RIGHT_RUNS.set(key, list);
  }
  return list;
}

/** Strides tried for runs over every second or third column: (number, value) or (number, %, value) per category. */
const STRIDES: readonly number[] = [2, 3];

/**
 * Runs over every second (third) column beside y, on either side: a Total whose categories
 * each take two columns (Units, Value), so that Total units = the units of each category.
 * Three terms or more on either side: two are pairs, found as such (J = D − G is a
 * difference, not D = G + J).
 */
export function stridedRunCandidates(yi: number, nCols: number, cache: CandidateCache = new CandidateCache()): Candidate[] {
  const key = yi * 16384 + nCols;
  const STRIDED = cache.stridedRuns;
  let list = STRIDED.get(key);
  if (!list) {
    list = [];
    for (const s of STRIDES) {
      for (let k = 3; k <= LONGEST_RUN && yi + s * k < nCols; k++) {
        const terms: ColTerm[] = [];
        for (let j = 1; j <= k; j++) terms.push({ c: yi + s * j, coef: 1 });
        list.push(candidate(cache, 'sum', terms, [], 1));
      }
      for (let k = 3; k <= LONGEST_RUN && yi - s * k >= 0; k++) {
        const terms: ColTerm[] = [];
        for (let j = k; j >= 1; j--) terms.push({ c: yi - s * j, coef: 1 });
        list.push(candidate(cache, 'sum', terms, [], 1));
      }
    }
    if (STRIDED.size < CACHED) STRIDED.set(key, list);
  }
  return list;
}
