// How well a candidate formula holds over a table's sampled rows: holds, fails, and the
// evidence (rows where every input matters and the figures agree closely).
import type { Candidate } from './relationCandidates';
import type { Matrix } from './relationMatrix';
import { failsQuickLook, LOOK_FROM } from './relationQuickLook';
import { HOLDS, NONE, verdictAt } from './relationVerdict';

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
