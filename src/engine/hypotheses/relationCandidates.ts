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
  /** Column positions and coefficients of the terms, as flat arrays for the row loop. */
  ti: Int32Array;
  di: Int32Array;
  tc: Float64Array;
  dc: Float64Array;
}

// Coefficient and position arrays are only read: candidates with the same coefficients share
// one array (a wide sheet makes hundreds of thousands of candidates).
const NO_POSITIONS = new Int32Array(0);
const NO_COEFS = new Float64Array(0);
const SHARED_COEFS = new Map<string, Float64Array>();

function coefsOf(ts: ColTerm[]): Float64Array {
  if (ts.length === 0) return NO_COEFS;
  let key = '';
  for (const t of ts) key += t.coef === 1 ? '+' : t.coef === -1 ? '-' : `${t.coef},`;
  let a = SHARED_COEFS.get(key);
  if (!a) {
    a = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) a[i] = ts[i].coef;
    if (SHARED_COEFS.size < 1000) SHARED_COEFS.set(key, a);
  }
  return a;
}

function positionsOf(ts: ColTerm[]): Int32Array {
  if (ts.length === 0) return NO_POSITIONS;
  const a = new Int32Array(ts.length);
  for (let i = 0; i < ts.length; i++) a[i] = ts[i].c;
  return a;
}

function candidate(kind: 'sum' | 'ratio', terms: ColTerm[], den: ColTerm[], factor: number, pair: Candidate['pair'] = null, run = 0): Candidate {
  return { kind, terms, den, factor, family: kind, pair, run, ti: positionsOf(terms), di: positionsOf(den), tc: coefsOf(terms), dc: coefsOf(den) };
}

/** The longest run of posts tried beside a Totalt. */
export const LONGEST_RUN = 8;

// Candidates depend only on positions, so tables of the same shape share them. Without a
// pool of quotients (the common case) the key is a number: no key string per column.
const SUMS = new Map<number, Candidate[]>();
const WITH_RATIOS = new Map<string, Candidate[]>();
const CACHED = 5000;

export function candidatesFor(yi: number, from: number, adjacent: boolean, pool: number[] | null, fractions: boolean): Candidate[] {
  if (pool) return withRatios(yi, from, adjacent, pool, fractions);
  // Columns are fewer than 2^14 (Excel's limit), so the key stays a small integer;
  // fractions only count with a pool.
  const key = yi < 16384 ? (yi * 16384 + from) * 2 + (adjacent ? 1 : 0) : -1;
  let list = SUMS.get(key);
  if (!list) {
    list = sumCandidates(leftOf(yi, from), adjacent);
    if (key >= 0 && SUMS.size < CACHED) SUMS.set(key, list);
  }
  return list;
}

function withRatios(yi: number, from: number, adjacent: boolean, pool: number[], fractions: boolean): Candidate[] {
  const key = `${yi}|${from}|${adjacent ? 1 : 0}|${pool.join(',')}|${fractions ? 1 : 0}`;
  let list = WITH_RATIOS.get(key);
  if (!list) {
    list = sumCandidates(leftOf(yi, from), adjacent);
    // Shares in percent (2,9 or 2,9 %), or as plain fractions (0,029) when the column holds those.
    list.push(...ratioCandidates(pool, fractions ? [100, 1] : [100]));
    if (WITH_RATIOS.size < CACHED) WITH_RATIOS.set(key, list);
  }
  return list;
}

function leftOf(yi: number, from: number): number[] {
  const left: number[] = [];
  for (let p = from; p < yi; p++) left.push(p);
  return left;
}

function sumCandidates(left: number[], adjacent: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let a = 0; a < left.length; a++)
    for (let b = a + 1; b < left.length; b++) {
      const A = left[a];
      const B = left[b];
      out.push(candidate('sum', [{ c: A, coef: 1 }, { c: B, coef: 1 }], [], 1, { a: A, b: B, variant: 0 }));
      out.push(candidate('sum', [{ c: A, coef: 1 }, { c: B, coef: -1 }], [], 1, { a: A, b: B, variant: 1 }));
      out.push(candidate('sum', [{ c: B, coef: 1 }, { c: A, coef: -1 }], [], 1, { a: A, b: B, variant: 2 }));
    }
  // Runs of three or more columns right before y: Totalt beside its parts.
  if (adjacent)
    for (let k = 3; k <= Math.min(LONGEST_RUN, left.length); k++)
      out.push(candidate('sum', left.slice(left.length - k).map((c) => ({ c, coef: 1 })), [], 1, null, k));
  return out;
}

function ratioCandidates(pool: number[], factors: number[]): Candidate[] {
  const out: Candidate[] = [];
  for (const factor of factors)
    for (const a of pool)
      for (const b of pool) {
        if (a === b) continue;
        out.push(candidate('ratio', [{ c: a, coef: 1 }], [{ c: b, coef: 1 }], factor));
        out.push(candidate('ratio', [{ c: a, coef: 1 }, { c: b, coef: -1 }], [{ c: b, coef: 1 }], factor));
        out.push(candidate('ratio', [{ c: a, coef: 1 }], [{ c: b, coef: 1 }, { c: a, coef: -1 }], factor));
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

const RIGHT_RUNS = new Map<number, Candidate[]>();
const WIDE_LEFT_RUNS = new Map<number, Candidate[]>();

/** The longest run of posts tried beside a Totalt that totals a whole row (months, regions). */
export const WIDEST_RUN = 30;

/**
 * Runs right before y longer than the ones sumCandidates tries (beyond the search window):
 * a Total year column beside twelve months, a Total beside 24 hours. Positions only.
 */
export function wideLeftRunCandidates(yi: number, shortest: number): Candidate[] {
  const longest = Math.min(WIDEST_RUN, yi);
  const key = yi * 64 + shortest;
  let list = WIDE_LEFT_RUNS.get(key);
  if (!list) {
    list = [];
    for (let k = Math.max(3, shortest); k <= longest; k++) {
      const terms: ColTerm[] = [];
      for (let j = k; j >= 1; j--) terms.push({ c: yi - j, coef: 1 });
      list.push(candidate('sum', terms, [], 1));
    }
    if (WIDE_LEFT_RUNS.size < CACHED) WIDE_LEFT_RUNS.set(key, list);
  }
  return list;
}

/**
 * Runs of two or more columns right after y: a Totalt that stands first, before its posts
 * (checks.md 4.9: a `Totalt` column that is the first numeric column). Positions only.
 */
export function rightRunCandidates(yi: number, nCols: number): Candidate[] {
  const longest = Math.min(WIDEST_RUN, nCols - 1 - yi);
  const key = yi * 64 + Math.max(0, longest);
  let list = RIGHT_RUNS.get(key);
  if (!list) {
    list = [];
    for (let k = 2; k <= longest; k++) {
      const terms: ColTerm[] = [];
      for (let j = 1; j <= k; j++) terms.push({ c: yi + j, coef: 1 });
      list.push(candidate('sum', terms, [], 1));
    }
    if (RIGHT_RUNS.size < CACHED) RIGHT_RUNS.set(key, list);
  }
  return list;
}
