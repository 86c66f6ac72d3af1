// Cross-footing and shares between columns (checks.md 4.6, 4.7): a column defined by
// other columns in every row. Header words suggest; the rows decide, signs included.
// A relation is searched on a sample of rows and confirmed when most rows agree.
import type { Grid } from './grid';
import { K_DASH, K_NUMBER } from './grid';
import { isDerivedHeader, isShareHeader } from './labels';
import type { Table } from './tableFinder';
import { judge, roundTo } from './tolerance';

export interface ColTerm {
  c: number;
  coef: number;
}

export interface ColumnRelation {
  y: number;
  kind: 'sum' | 'ratio';
  terms: ColTerm[];
  den: ColTerm[];
  factor: number;
  /** Rows where the relation is checked. */
  rows: number[];
  /** A difference (a − b): carries over between amount rows and share rows. */
  subtraction: boolean;
  source: 'template' | 'found';
}

const SAMPLE = 60;
const WINDOW = 12;

/** The sampled rows' figures, one flat array per property: row i, column position k at i · width + k. */
interface Matrix {
  rows: number[];
  width: number;
  v: Float64Array;
  u: Float64Array;
  has: Uint8Array;
  pct: Uint8Array;
}

function matrix(g: Grid, rows: number[], cols: number[]): Matrix {
  const width = cols.length;
  const size = rows.length * width;
  const m: Matrix = { rows, width, v: new Float64Array(size), u: new Float64Array(size), has: new Uint8Array(size), pct: new Uint8Array(size) };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const base = i * width;
    for (let k = 0; k < width; k++) {
      const c = cols[k];
      const kind = g.kind(r, c);
      if (kind !== K_NUMBER && kind !== K_DASH) continue; // empty, text, error: 0 and no value
      m.v[base + k] = g.num(r, c);
      m.u[base + k] = g.unit(r, c);
      m.has[base + k] = 1;
      m.pct[base + k] = kind === K_NUMBER && g.pct(r, c) ? 1 : 0;
    }
  }
  return m;
}

function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor((i * xs.length) / n)]);
  return out;
}

/** A candidate formula over column *positions* (indices into the table's numCols). */
interface Candidate {
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

function candidatesFor(yi: number, from: number, adjacent: boolean, pool: number[] | null, fractions: boolean): Candidate[] {
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

interface Score {
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

/** Does the candidate hold in one row (given by matrix index)? undefined when not scorable. */
function holdsAt(m: Matrix, i: number, yi: number, cand: Candidate, s: Score): boolean | undefined {
  const { v, u, has: h } = m;
  const { ti, di, tc, dc, factor } = cand;
  const b = i * m.width;
  const y = b + yi;
  if (!h[y]) return undefined;
  let num = 0;
  let n = 0;
  let anyNonzero = v[y] !== 0;
  let nonzeroTerms = 0;
  let scaleOf = Math.abs(v[y]);
  for (let j = 0; j < ti.length; j++) {
    const k = b + ti[j];
    num += tc[j] * v[k];
    n += h[k];
    if (v[k] !== 0) {
      anyNonzero = true;
      nonzeroTerms++;
    }
    if (Math.abs(v[k]) > scaleOf) scaleOf = Math.abs(v[k]);
  }
  // Evidence needs every input to matter; a long sum (Totalt of many posts) at least two.
  let allNonzero = v[y] !== 0 && (ti.length > 2 ? nonzeroTerms >= 2 : nonzeroTerms === ti.length);
  for (let j = 0; j < di.length; j++) if (v[b + di[j]] === 0) allNonzero = false;
  if (!anyNonzero) return undefined;
  let value = num;
  let umax = u[y];
  if (cand.kind === 'ratio') {
    let den = 0;
    for (let j = 0; j < di.length; j++) {
      den += dc[j] * v[b + di[j]];
      n += h[b + di[j]];
    }
    if (den === 0) return undefined;
    value = (factor * num) / den;
    for (let j = 0; j < ti.length; j++) umax = Math.max(umax, Math.abs((factor * tc[j]) / den) * u[b + ti[j]]);
    for (let j = 0; j < di.length; j++) umax = Math.max(umax, Math.abs((factor * num * dc[j]) / (den * den)) * u[b + di[j]]);
  } else {
    for (let j = 0; j < ti.length; j++) umax = Math.max(umax, u[b + ti[j]]);
  }
  // Not an error: within 0.5 · u · (n + 1), or equal once rounded (checks.md 3).
  const diff = Math.abs(v[y] - value);
  let ok = diff <= 0.5 * umax * (n + 1) * (1 + 1e-9) + 1e-12 * Math.max(1, Math.abs(value));
  if (!ok && n === 0) ok = judge({ actual: v[y], expected: value, unitY: u[y], inputUnit: 0, n }).status !== 'error';
  if (!ok) return false;
  // Within tolerance is not yet agreement: equal once rounded, or close to the size of the
  // figures. With small counts (0, 1, 2) anything lies within ±1 of anything: such rows
  // neither confirm nor refute a relation.
  const rounded = Math.abs(roundTo(v[y], u[y]) - roundTo(value, u[y])) <= 1e-9 * Math.max(1, Math.abs(value));
  const close = rounded || (cand.kind === 'ratio' ? diff <= 0.1 * Math.abs(value) : diff <= 0.02 * scaleOf);
  if (!close) return undefined;
  {
    for (let j = 0; j < ti.length; j++) if (v[b + ti[j]] !== 0) s.nonzeroMask |= 1 << j;
    // Evidence: every input non-zero, and the figures agree closely, not just within
    // the rounding of coarse display units (1 − 12 = −11 against −12 proves nothing).
    // Small counts (0–9 in whole units) agree by chance too often to prove anything.
    if (allNonzero && scaleOf >= 10 * u[y]) {
      s.informative++;
      if (Number.isNaN(s.firstY)) s.firstY = v[y];
      else if (v[y] !== s.firstY) s.varied = true;
    }
  }
  return ok;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function score(m: Matrix, yi: number, cand: Candidate): Score {
  const rows = m.rows.length;
  const s: Score = { holds: 0, nontrivial: 0, fails: 0, nonzeroMask: 0, informative: 0, firstY: NaN, varied: false };
  // Long tables: a quick look at a few rows first; a relation that holds in most rows
  // cannot fail in nearly all of them.
  if (rows > 20) {
    let h = 0;
    let seen = 0;
    for (let q = 0; q < rows && seen < 10; q += 4) {
      const ok = holdsAt(m, q, yi, cand, s);
      if (ok === undefined) continue;
      seen++;
      if (ok) h++;
    }
    s.nonzeroMask = 0;
    s.informative = 0;
    s.firstY = NaN;
    s.varied = false;
    if (seen >= 8 && h < 3) return s;
  }
  for (let q = 0; q < rows; q++) {
    const ok = holdsAt(m, q, yi, cand, s);
    if (ok === undefined) continue;
    s.nontrivial++;
    if (ok) s.holds++;
    else s.fails++;
    // Give up once even the remaining rows cannot make a majority.
    const rest = rows - q - 1;
    if (s.fails > 0 && (s.holds + rest) / (s.nontrivial + rest) < 0.6) {
      s.holds = 0;
      return s;
    }
  }
  return s;
}

/**
 * Find the relations that define columns of this table, among the given rows
 * (one class of rows: amounts, or shares). Returns them with `rows` = those rows.
 */
export function discoverColumnRelations(g: Grid, t: Table, rows: number[], opts: { ratios: boolean }): ColumnRelation[] {
  if (rows.length === 0 || t.numCols.length < 2) return [];
  const cols = t.numCols;
  const sampleRows = sample(rows, SAMPLE);
  const m = matrix(g, sampleRows, cols);
  const found: ColumnRelation[] = [];
  for (let yiCol = 0; yiCol < cols.length; yiCol++) {
    const y = cols[yiCol];
    const header = t.header.get(y) ?? '';
    const from = Math.max(0, yiCol - WINDOW);
    if (from === yiCol) continue;
    const share = isShareHeader(header) || percentColumn(m, yiCol);
    const derived = isDerivedHeader(header);
    // Quotients of amounts only: a share of shares is no relation (and small
    // denominators make any quotient look like it fits).
    let pool: number[] | null = null;
    if (share && opts.ratios) {
      pool = [];
      for (let p = from; p < yiCol; p++) if (!isShareHeader(t.header.get(cols[p]) ?? '') && !percentColumn(m, p)) pool.push(p);
    }
    const cands = candidatesFor(yiCol, from, cols[yiCol - 1] === y - 1, pool, pool !== null && fractionColumn(m, yiCol));
    const accepted: { cand: Candidate; s: Score }[] = [];
    const small: { cand: Candidate; s: Score }[] = [];
    // Candidates that hold in every row: while one exists, a rival that fails somewhere
    // may be the coincidence, so it calls no cell wrong.
    const cleanFamilies = new Set<string>();
    for (const cand of cands) {
      const family = cand.family;
      const s = score(m, yiCol, cand);
      if (s.nontrivial === 0 || s.holds === 0) continue;
      if (s.fails === 0 && s.holds >= Math.max(2, m.rows.length / 2)) cleanFamilies.add(family);
      const nondegenerate = cand.kind === 'ratio' || s.nonzeroMask === (1 << cand.terms.length) - 1 || (cand.terms.length > 2 && popcount(s.nonzeroMask) >= 2);
      if (!nondegenerate) continue;
      // Most rows confirm it; without header words that suggest it, nearly all must.
      const needed = family === 'sum' && !derived ? 0.8 : 0.6;
      // Rows where an input is zero prove little (y = a + 0): most holds must use every input.
      // … and a derived column that never changes (constant columns) proves nothing either.
      // A long sum (Totalt beside many posts) often has one post per row: there two rows suffice.
      const longSum = cand.kind === 'sum' && cand.terms.length > 2;
      // To call a cell wrong, or in a longer table at all, the relation must show in three
      // clean rows: a sparse table's coincidences do not count.
      const enough = s.nontrivial >= 6 || s.fails > 0 ? 3 : Math.min(2, s.holds);
      const evidence = s.informative >= enough && (longSum || s.informative * 2 >= s.holds) && (s.holds < 3 || s.varied);
      if (!evidence) continue;
      if (s.holds >= (needed > 0.6 ? 3 : 2) && s.holds / s.nontrivial >= needed) accepted.push({ cand, s });
      else if (s.nontrivial <= 2 && s.fails === 0) small.push({ cand, s });
    }
    // A relation with failing rows stands only when no rival explains every row.
    for (let i = accepted.length - 1; i >= 0; i--) if (accepted[i].s.fails > 0 && cleanFamilies.has(accepted[i].cand.family)) accepted.splice(i, 1);
    if (accepted.length) {
      // Keep the best candidate per family; a second family member only if as good (J = H + I and J = D − G).
      for (const family of ['sum', 'ratio'] as const) {
        const fam = accepted.filter((a) => a.cand.family === family).sort((a, b) => b.s.holds / b.s.nontrivial - a.s.holds / a.s.nontrivial || a.cand.terms.length + a.cand.den.length - (b.cand.terms.length + b.cand.den.length));
        if (!fam.length) continue;
        const best = fam[0].s.holds / fam[0].s.nontrivial;
        const kept: Candidate[] = [];
        for (const a of fam) {
          if (a.s.holds / a.s.nontrivial < best - 1e-9 && kept.length) break;
          if (kept.length >= 2) break;
          if (kept.some((k) => overlaps(k, a.cand))) continue;
          kept.push(a.cand);
        }
        for (const k of kept) found.push(toRelation(y, k, rows, cols));
      }
    } else if (small.length) {
      // One or two rows: only an unambiguous header decides.
      for (const family of ['sum', 'ratio'] as const) {
        const fam = small.filter((a) => a.cand.family === family);
        const fits = family === 'sum' ? isDerivedHeader(header) : share;
        if (fam.length === 1 && fits) found.push(toRelation(y, fam[0].cand, rows, cols));
      }
    }
  }
  return found;
}

/** Two candidates built on the same columns say the same thing; keep one. */
function overlaps(a: Candidate, b: Candidate): boolean {
  const ca = new Set([...a.terms, ...a.den].map((t) => t.c));
  return [...b.terms, ...b.den].some((t) => ca.has(t.c));
}

/** Every figure of the column is a plain fraction (|x| ≤ 1.5, not formatted as percent). */
function fractionColumn(m: Matrix, i: number): boolean {
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
function percentColumn(m: Matrix, i: number): boolean {
  let pct = 0;
  let all = 0;
  for (let k = 0; k < m.rows.length; k++) {
    const at = k * m.width + i;
    if (!m.has[at]) continue;
    all++;
    if (m.pct[at]) pct++;
  }
  return all > 0 && pct * 2 > all;
}

function toRelation(y: number, c: Candidate, rows: number[], cols: number[]): ColumnRelation {
  const at = (t: ColTerm): ColTerm => ({ c: cols[t.c], coef: t.coef });
  return {
    y,
    kind: c.kind,
    terms: c.terms.map(at),
    den: c.den.map(at),
    factor: c.factor,
    rows,
    subtraction: c.kind === 'sum' && c.terms.length === 2 && c.terms.some((t) => t.coef < 0),
    source: 'found',
  };
}
