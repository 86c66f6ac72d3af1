// Rows that break another row down: groups (a row followed by its parts, checks.md 4.4),
// parts listed under a row, and the parts below a total that stands above them (SCB style).
import type { FootCells } from './footCells';
import { L_PART, L_TOTAL } from './labels';
import { contributing, firstFigureColumn, hasFigure, MAX_RUN, scoreItems, scoreRows, type Item } from './readings';
import { R_NO_LABEL, type RowFacts } from './rowLabels';
import { NO_MISMATCH, type TotalRow } from './totalRow';

/** A labelled row with figures directly followed by rows that sum to it (checks.md 4.4). */
export function detectGroups(cells: FootCells, body: number[], facts: RowFacts): TotalRow[] {
  const out: TotalRow[] = [];
  if (cells.count === 0) return out;
  // Body rows are distinct and a found group's parts are skipped below, so no head is ever
  // a part of an earlier group.
  for (let i = 0; i < body.length - 2; i++) {
    const head = body[i];
    // A head needs a label that is neither a total nor a part.
    if (facts.of(head) & (R_NO_LABEL | L_TOTAL | L_PART)) continue;
    // Quick filter on the first column with a non-zero figure in the head row.
    const c0 = firstFigureColumn(cells, head);
    if (c0 < 0) continue;
    const target = cells.num(head, c0);
    let unit = cells.unit(head, c0);
    let run = 0;
    // Of the runs of rows below that could be the parts, the one that reconciles best.
    let bestK = 0;
    let bestBad = 0;
    for (let k = 1; k <= MAX_RUN && i + k < body.length; k++) {
      const r = body[i + k];
      if (r !== body[i + k - 1] + 1) break;
      if (facts.of(r) & L_TOTAL) break;
      run += cells.num(r, c0);
      if (cells.unit(r, c0) > unit) unit = cells.unit(r, c0);
      if (k < 2 || Math.abs(run - target) > 0.5 * unit * (k + 1)) continue;
      // Most cells must agree closely (at least two); the rest are findings.
      const s = scoreRows(cells, head, body, i + 1, i + k + 1, false);
      if (s.closeCount >= 2 && s.closeCount * 2 >= s.good + s.bad && (bestK === 0 || s.bad < bestBad)) {
        bestK = k;
        bestBad = s.bad;
      }
      if (bestK > 0 && bestBad === 0) break;
    }
    if (bestK > 0) {
      const rows = body.slice(i + 1, i + bestK + 1);
      out.push({ row: head, items: rows, rule: 'subtotal-sum', closes: rows, formulaMismatch: NO_MISMATCH, hardCoded: false });
      i += bestK;
    }
  }
  return out;
}

/**
 * The items list[from..to) without the rows that merely break down the item just above them;
 * null when none do. With closeOnly, parts must agree with their row exactly or closely:
 * small counts that meet their row only within rounding may be a coincidence (three posts
 * that come to the post above), or the rounded parts of a true breakdown. The caller offers
 * the close reading first and the loose one after it.
 */
export function leaveOutParts(cells: FootCells, list: readonly Item[], from: number, to: number, closeOnly: boolean): Item[] | null {
  const out: Item[] = [];
  let left = false;
  for (let i = from; i < to; i++) {
    out.push(list[i]);
    // Only a row with figures of its own can have parts.
    if (list[i].total || !hasFigure(cells, list[i].row)) continue;
    // The shortest run of rows below that adds up exactly, else the shortest within rounding.
    let found = 0;
    for (let k = 2; k <= Math.min(MAX_RUN, to - 1 - i); k++) {
      // The run list[i+1..i+k]: it ends at a total (runs only grow from here).
      if (list[i + k].total) break;
      const s = scoreItems(cells, list[i].row, list, i + 1, i + 1 + k, false);
      if (s.bad !== 0 || s.good === 0 || (closeOnly && s.loose > 0) || contributing(cells, list, i + 1, i + 1 + k) < 1) continue;
      if (s.exact === s.good) {
        found = k;
        break;
      }
      if (!found) found = k;
    }
    if (found) {
      i += found;
      left = true;
    }
  }
  return left ? out : null;
}

/** Rows right below a total (until the next total or text row) that sum to it. */
export function partsBelow(cells: FootCells, body: number[], bi: number, facts: RowFacts): number[] | null {
  const parts: number[] = [];
  for (let j = bi + 1; j < body.length && parts.length < 200; j++) {
    const r = body[j];
    if (facts.isTextRow(r - 1) && parts.length && r - 1 > body[j - 1]) break;
    if (facts.of(r) & L_TOTAL) break;
    parts.push(r);
  }
  let bestK = 0;
  let bestGood = 0;
  for (let k = parts.length; k >= 2; k--) {
    const s = scoreRows(cells, body[bi], parts, 0, k, false);
    if (s.good > 0 && s.bad === 0) return parts.slice(0, k);
    if (s.okCount >= 1 && (bestK === 0 || s.good > bestGood)) {
      bestK = k;
      bestGood = s.good;
    }
  }
  return bestK > 0 ? parts.slice(0, bestK) : null;
}
