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
  /** Column positions and coefficients of the terms, as flat arrays for the row loop. */
  ti: Int32Array;
  di: Int32Array;
  tc: Float64Array;
  dc: Float64Array;
}

function candidate(kind: 'sum' | 'ratio', terms: ColTerm[], den: ColTerm[], factor: number): Candidate {
  return {
    kind,
    terms,
    den,
    factor,
    family: kind,
    ti: Int32Array.from(terms, (t) => t.c),
    di: Int32Array.from(den, (t) => t.c),
    tc: Float64Array.from(terms, (t) => t.coef),
    dc: Float64Array.from(den, (t) => t.coef),
  };
}

// Candidates depend only on positions, so tables of the same shape share them.
const CANDIDATES = new Map<string, Candidate[]>();

export function candidatesFor(yi: number, from: number, adjacent: boolean, pool: number[] | null, fractions: boolean): Candidate[] {
  const key = `${yi}|${from}|${adjacent ? 1 : 0}|${pool ? pool.join(',') : '-'}|${fractions ? 1 : 0}`;
  let list = CANDIDATES.get(key);
  if (!list) {
    const left: number[] = [];
    for (let p = from; p < yi; p++) left.push(p);
    list = sumCandidates(left, adjacent);
    // Shares in percent (2,9 or 2,9 %), or as plain fractions (0,029) when the column holds those.
    if (pool) list.push(...ratioCandidates(pool, fractions ? [100, 1] : [100]));
    if (CANDIDATES.size < 5000) CANDIDATES.set(key, list);
  }
  return list;
}

function sumCandidates(left: number[], adjacent: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let a = 0; a < left.length; a++)
    for (let b = a + 1; b < left.length; b++) {
      const A = left[a];
      const B = left[b];
      out.push(candidate('sum', [{ c: A, coef: 1 }, { c: B, coef: 1 }], [], 1));
      out.push(candidate('sum', [{ c: A, coef: 1 }, { c: B, coef: -1 }], [], 1));
      out.push(candidate('sum', [{ c: B, coef: 1 }, { c: A, coef: -1 }], [], 1));
    }
  // Runs of three or more columns right before y: Totalt beside its parts.
  if (adjacent)
    for (let k = 3; k <= Math.min(8, left.length); k++)
      out.push(candidate('sum', left.slice(left.length - k).map((c) => ({ c, coef: 1 })), [], 1));
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
  const ca = new Set([...a.terms, ...a.den].map((t) => t.c));
  return [...b.terms, ...b.den].some((t) => ca.has(t.c));
}
