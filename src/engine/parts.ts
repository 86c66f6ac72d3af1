// Rows that break another row down: groups (a row followed by its parts, checks.md 4.4),
// parts listed under a row, and the parts below a total that stands above them (SCB style).
import type { Grid } from './grid';
import { K_NUMBER } from './grid';
import { isPartLabel, isTotalLabel } from './labels';
import { contributing, MAX_RUN, scoreReading, type Item } from './readings';
import type { Table } from './tableFinder';
import type { TotalRow } from './totalRow';

/** A labelled row with figures directly followed by rows that sum to it (checks.md 4.4). */
export function detectGroups(g: Grid, t: Table, body: number[], cols: number[], labelAt: (r: number) => string, isTotalAt: (r: number) => boolean): TotalRow[] {
  const out: TotalRow[] = [];
  if (cols.length === 0) return out;
  const taken = new Set<number>();
  for (let i = 0; i < body.length - 2; i++) {
    const head = body[i];
    if (taken.has(head)) continue;
    // Quick filter on the first column with a non-zero figure in the head row.
    let c0 = -1;
    for (const c of cols)
      if (g.kind(head, c) === K_NUMBER && g.num(head, c) !== 0) {
        c0 = c;
        break;
      }
    if (c0 < 0) continue;
    const label = labelAt(head);
    if (!label || isTotalAt(head) || isPartLabel(label)) continue;
    const target = g.num(head, c0);
    let unit = g.unit(head, c0);
    let run = 0;
    // Of the runs of rows below that could be the parts, the one that reconciles best.
    let best: { k: number; bad: number } | null = null;
    for (let k = 1; k <= MAX_RUN && i + k < body.length; k++) {
      const r = body[i + k];
      if (r !== body[i + k - 1] + 1) break;
      if (isTotalAt(r)) break;
      run += g.num(r, c0);
      if (g.unit(r, c0) > unit) unit = g.unit(r, c0);
      if (k < 2 || Math.abs(run - target) > 0.5 * unit * (k + 1)) continue;
      // Most cells must agree closely (at least two); the rest are findings.
      const s = scoreReading(g, head, body.slice(i + 1, i + k + 1), cols, false);
      if (s.closeCount >= 2 && s.closeCount * 2 >= s.good + s.bad && (!best || s.bad < best.bad)) best = { k, bad: s.bad };
      if (best && best.bad === 0) break;
    }
    if (best) {
      const rows = body.slice(i + 1, i + best.k + 1);
      out.push({ row: head, items: rows, rule: 'subtotal-sum', closes: rows, formulaMismatch: new Map(), hardCoded: false });
      for (const x of rows) taken.add(x);
      i += best.k;
    }
  }
  return out;
}

/** The items without the rows that merely break down the item just above them; null when none do. */
export function leaveOutParts(g: Grid, list: Item[], cols: number[]): Item[] | null {
  const out: Item[] = [];
  let left = false;
  for (let i = 0; i < list.length; i++) {
    out.push(list[i]);
    // Only a row with figures of its own can have parts.
    if (list[i].total || !cols.some((c) => g.num(list[i].row, c) !== 0)) continue;
    // The shortest run of rows below that adds up exactly, else the shortest within rounding.
    let found = 0;
    for (let k = 2; k <= Math.min(MAX_RUN, list.length - 1 - i); k++) {
      const parts = list.slice(i + 1, i + 1 + k);
      if (parts.some((x) => x.total)) break;
      const s = scoreReading(g, list[i].row, parts.map((x) => x.row), cols, false);
      if (s.bad !== 0 || s.good === 0 || contributing(g, parts, cols) < 1) continue;
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
export function partsBelow(g: Grid, t: Table, body: number[], bi: number, cols: number[], isText: Set<number>, labelAt: (r: number) => string): number[] | null {
  const parts: number[] = [];
  for (let j = bi + 1; j < body.length && parts.length < 200; j++) {
    const r = body[j];
    if (isText.has(r - 1) && parts.length && r - 1 > body[j - 1]) break;
    if (isTotalLabel(labelAt(r))) break;
    parts.push(r);
  }
  let best: { rows: number[]; good: number } | null = null;
  for (let k = parts.length; k >= 2; k--) {
    const rows = parts.slice(0, k);
    const s = scoreReading(g, body[bi], rows, cols, false);
    if (s.good > 0 && s.bad === 0) return rows;
    if (s.okCount >= 1 && (!best || s.good > best.good)) best = { rows, good: s.good };
  }
  return best ? best.rows : null;
}
