// Cross-footing and shares between columns (checks.md 4.6, 4.7): a column defined by
// other columns in every row. Header words suggest; the rows decide, signs included.
// A relation is searched on a sample of rows and confirmed when most rows agree.
import type { Grid } from '../read/grid';
import { isDerivedHeader, isDifferenceHeader, isShareHeader, isTotalHeader, type LabelMemo } from '../tables/labels';
import { CandidateCache, candidatesFor, LONGEST_RUN, overlaps, rightRunCandidates, stridedRunCandidates, wideLeftRunCandidates, type Candidate } from './relationCandidates';
import { fractionColumn, matrix, newMatrix, percentColumn, sample } from './relationMatrix';
import { pairFailsQuickLook, QuickLookScratch, rightRunsFailQuickLook, runsFailQuickLook } from './relationQuickLook';
import { newScore, popcount, score, type Score } from './relationScore';
import type { Table } from '../tables/tableFinder';

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
/** Very wide tables (hundreds of columns) look for relations among near neighbours only. */
const WIDE = 100;
const WIDE_WINDOW = 4;

/** A candidate that passed, with the counts the choice between rivals needs. */
interface Passed {
  cand: Candidate;
  holds: number;
  nontrivial: number;
  fails: number;
}

const FAMILIES = ['sum', 'ratio'] as const;
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);
/**
 * Scratch and caches reused by every search of a run (Run.relations; the search is not
 * re-entrant): no garbage per candidate.
 */
export class RelationScratch {
  readonly score = newScore();
  readonly accepted: Passed[] = [];
  readonly small: Passed[] = [];
  readonly matrix = newMatrix();
  readonly look = new QuickLookScratch();
  readonly candidates = new CandidateCache();

  /** The run's label memo, for the header words. */
  constructor(readonly labels?: LabelMemo) {}
}

function passed(cand: Candidate, s: Score): Passed {
  return { cand, holds: s.holds, nontrivial: s.nontrivial, fails: s.fails };
}

/**
 * Find the relations that define columns of this table, among the given rows
 * (one class of rows: amounts, or shares). Returns them with `rows` = those rows.
 */
export function discoverColumnRelations(g: Grid, t: Table, rows: number[], opts: { ratios: boolean }, rs: RelationScratch = new RelationScratch()): ColumnRelation[] {
  if (rows.length === 0 || t.numCols.length < 2) return [];
  const cols = t.numCols;
  const sampleRows = sample(rows, SAMPLE);
  const m = matrix(g, sampleRows, cols, rs.matrix);
  const found: ColumnRelation[] = [];
  const { score: s, accepted, small, look, candidates, labels } = rs;
  for (let yiCol = 0; yiCol < cols.length; yiCol++) {
    const y = cols[yiCol];
    const header = t.header.get(y) ?? '';
    const from = Math.max(0, yiCol - (cols.length > WIDE ? WIDE_WINDOW : WINDOW));
    const share = isShareHeader(header, labels) || percentColumn(m, yiCol);
    const derived = isDerivedHeader(header, labels);
    // Quotients of amounts only: a share of shares is no relation (and small
    // denominators make any quotient look like it fits).
    let pool: number[] | null = null;
    if (share && opts.ratios) {
      pool = [];
      for (let p = from; p < yiCol; p++) if (!isShareHeader(t.header.get(cols[p]) ?? '', labels) && !percentColumn(m, p)) pool.push(p);
    }
    // Runs of posts stand right before their Totalt, or are all the columns before the last one
    // (a Total at the far right, blank columns between).
    const besidePosts = cols[yiCol - 1] === y - 1 || (yiCol === cols.length - 1 && yiCol >= 3);
    const left = from === yiCol ? [] : candidatesFor(yiCol, from, besidePosts, pool, pool !== null && fractionColumn(m, yiCol), candidates);
    // A column that stands before its posts (Totalt first): runs to its right, adjacent only.
    const right = !share && cols.length <= WIDE && yiCol + 2 < cols.length && cols[yiCol + 1] === y + 1 ? rightRunCandidates(yiCol, cols.length, candidates) : NO_CANDIDATES;
    // Beside a long row of posts (twelve months), runs longer than the window reaches.
    const shortestWide = LONGEST_RUN + 1;
    const wide = !share && cols.length <= WIDE && yiCol >= shortestWide && besidePosts ? wideLeftRunCandidates(yiCol, shortestWide, candidates) : NO_CANDIDATES;
    // A Total over categories that take two or three columns each (Units, Value): every second column.
    const strided = !share && cols.length <= WIDE && cols.length >= 5 ? stridedRunCandidates(yiCol, cols.length, candidates) : NO_CANDIDATES;
    if (accepted.length) accepted.length = 0;
    if (small.length) small.length = 0;
    // Candidates that hold in every row: while one exists, a rival that fails somewhere
    // may be the coincidence, so it calls no cell wrong. (One flag per family: sum, ratio.)
    let cleanSum = false;
    let cleanRatio = false;
    // The quick look of the last pair's three signed sums, taken at once.
    let lookA = -1;
    let lookB = -1;
    let lookFails = 0;
    // … and of the runs beside a Totalt, before or after it (-1: not taken yet).
    let runFails = -1;
    let rightFails = -1;
    // The lists in turn, in this order (no list of them all is made per column).
    for (let li = 0; li < 4; li++) {
      const cands = li === 0 ? left : li === 1 ? right : li === 2 ? wide : strided;
      for (let ci = 0; ci < cands.length; ci++) {
        const cand = cands[ci];
        const family = cand.family;
        const pair = cand.pair;
        if (pair) {
          if (pair.a !== lookA || pair.b !== lookB) {
            lookA = pair.a;
            lookB = pair.b;
            lookFails = pairFailsQuickLook(m, yiCol, pair.a, pair.b);
          }
          // Failing the look, score() would find no rows: skipped below anyway.
          if ((lookFails >> pair.variant) & 1) continue;
        } else if (cand.run) {
          if (runFails < 0) runFails = runsFailQuickLook(m, yiCol, from, look);
          if ((runFails >> cand.run) & 1) continue;
        } else if (cand.right) {
          if (rightFails < 0) rightFails = rightRunsFailQuickLook(m, yiCol, cols.length, look);
          if ((rightFails >> cand.right) & 1) continue;
        }
        score(m, yiCol, cand, s, pair !== null || cand.run > 0 || cand.right > 0);
        if (s.nontrivial === 0 || s.holds === 0) continue;
        if (s.fails === 0 && s.holds >= Math.max(2, m.rows.length / 2)) {
          if (family === 'sum') cleanSum = true;
          else cleanRatio = true;
        }
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
        if (s.holds >= (needed > 0.6 ? 3 : 2) && s.holds / s.nontrivial >= needed) accepted.push(passed(cand, s));
        else if (s.nontrivial <= 2 && s.fails === 0) small.push(passed(cand, s));
      }
    }
    // A relation with failing rows stands only when no rival explains every row.
    for (let i = accepted.length - 1; i >= 0; i--) {
      const a = accepted[i];
      if (a.fails > 0 && (a.cand.family === 'sum' ? cleanSum : cleanRatio)) accepted.splice(i, 1);
    }
    if (accepted.length === 1) {
      // The common case: one relation, kept whatever its family (what the loop below does with it).
      found.push(toRelation(y, accepted[0].cand, rows, cols));
    } else if (accepted.length) {
      // Keep the best candidate per family; a second family member only if as good (J = H + I and J = D − G).
      for (const family of FAMILIES) {
        const fam = accepted.filter((a) => a.cand.family === family).sort((a, b) => b.holds / b.nontrivial - a.holds / a.nontrivial || a.cand.terms.length + a.cand.den.length - (b.cand.terms.length + b.cand.den.length));
        if (!fam.length) continue;
        const best = fam[0].holds / fam[0].nontrivial;
        const kept: Candidate[] = [];
        for (const a of fam) {
          if (a.holds / a.nontrivial < best - 1e-9 && kept.length) break;
          if (kept.length >= 2) break;
          if (kept.some((k) => overlaps(k, a.cand))) continue;
          kept.push(a.cand);
        }
        for (const k of kept) found.push(toRelation(y, k, rows, cols));
      }
    } else if (small.length) {
      // One or two rows: only an unambiguous header decides.
      for (const family of FAMILIES) {
        const fam = small.filter((a) => a.cand.family === family);
        const fits = family === 'sum' ? isDerivedHeader(header, labels) : share;
        if (fam.length === 1 && fits) found.push(toRelation(y, fam[0].cand, rows, cols));
      }
    }
  }
  return oneOrientation(found, t, g, rows, labels);
}

/**
 * F = G + H and H = F − G say the same of three columns: one of them is the derived column.
 * A column headed as a total is; else one headed as a difference; else the one that is the
 * plain sum of the others (the first found, when nothing tells them apart).
 */
function oneOrientation(all: ColumnRelation[], t: Table, g: Grid, rows: number[], labels: LabelMemo | undefined): ColumnRelation[] {
  const found = all.map((rel) => flipToTotal(rel, t, g, rows));
  if (found.length < 2) return found;
  const byColumns = new Map<string, ColumnRelation[]>();
  for (const rel of found) {
    if (rel.kind !== 'sum') continue;
    const key = [rel.y, ...rel.terms.map((x) => x.c)].sort((a, b) => a - b).join(',');
    const list = byColumns.get(key);
    if (list) list.push(rel);
    else byColumns.set(key, [rel]);
  }
  const dropped = new Set<ColumnRelation>();
  for (const list of byColumns.values()) {
    if (list.length < 2) continue;
    const rank = (rel: ColumnRelation): number => {
      const h = t.header.get(rel.y) ?? '';
      return (isTotalHeader(h) ? 4 : 0) + (isDerivedHeader(h, labels) ? 2 : 0) + (rel.terms.every((x) => x.coef > 0) ? 1 : 0);
    };
    let best = list[0];
    for (const rel of list) if (rank(rel) > rank(best)) best = rel;
    for (const rel of list) if (rel !== best) dropped.add(rel);
  }
  return dropped.size ? found.filter((rel) => !dropped.has(rel)) : found;
}

/**
 * y = a − b where y is no difference, and a is headed as a total or stands before both: the
 * table says a = b + y (Micropolitan = Total − Metropolitan is Total = Metropolitan +
 * Micropolitan). A column headed as a difference (Avvikelse, Förändring, Kvar) stays derived.
 */
function flipToTotal(rel: ColumnRelation, t: Table, g: Grid, rows: number[]): ColumnRelation {
  if (rel.kind !== 'sum' || rel.terms.length !== 2 || rel.source !== 'found') return rel;
  const plus = rel.terms.find((x) => x.coef === 1);
  const minus = rel.terms.find((x) => x.coef === -1);
  if (!plus || !minus) return rel;
  const hy = t.header.get(rel.y) ?? '';
  if (isTotalHeader(hy) || isDifferenceHeader(hy)) return rel;
  // The whole stands before its parts (statistical tables: Total, then its breakdown), or says it is a total.
  // A part has the sign of its whole; a change (−3, 2, −1 beside 106 and 109) has not.
  const totalFirst = plus.c < minus.c && plus.c < rel.y && signedLike(g, rows, rel.y, plus.c);
  if (!totalFirst && !isTotalHeader(t.header.get(plus.c) ?? '')) return rel;
  const terms = [minus.c, rel.y].sort((a, b) => a - b).map((c) => ({ c, coef: 1 }));
  return { ...rel, y: plus.c, terms, subtraction: false };
}

/** Column y has the sign of column a in nearly every row where both are non-zero. */
function signedLike(g: Grid, rows: number[], y: number, a: number): boolean {
  let same = 0;
  let all = 0;
  for (const r of rows) {
    const vy = g.num(r, y);
    const va = g.num(r, a);
    if (vy === 0 || va === 0) continue;
    all++;
    if (vy > 0 === va > 0) same++;
  }
  return all > 0 && same >= SAME_SIGN_SHARE * all;
}

/** The share of rows in which a part must have the sign of its whole. */
const SAME_SIGN_SHARE = 0.9;

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
