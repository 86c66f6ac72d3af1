// Rows that break another row down: groups (a row followed by its parts, checks.md 4.4),
// parts listed under a row, and the parts below a total that stands above them (SCB style).
import type { FootCells } from '../tables/footCells';
import { L_PART, L_TOTAL } from '../tables/labels';
import { contributing, firstFigureColumn, hasFigure, MAX_RUN, scoreItems, scoreRows, type Item, type ReadingsScratch } from './readings';
import { R_NO_LABEL, type RowFacts } from '../tables/rowLabels';
import { NO_MISMATCH, type TotalRow } from './totalRow';
import { ownFormula, sumsExactly } from '../judge/ownFormula';

/**
 * Rows that stand above their parts (checks.md 4.4, and SCB-style totals above their
 * breakdown, 4.3), to any depth: read bottom-up, each labelled row is tried as the sum of
 * the first few top-level rows below it (rows already shown to be sums count as one, with
 * their parts). The evidence is the whole row: most of its cells must agree closely, at
 * least two of them. `Total` = `Total private` + `Government`, `Total private` = its
 * industries, each industry = its branches.
 */
export function detectGroups(cells: FootCells, body: number[], facts: RowFacts, rs: ReadingsScratch): TotalRow[] {
  const out: TotalRow[] = [];
  if (cells.count === 0 || body.length < 3) return out;
  // Top-level rows below the current one, nearest first (kept reversed: nearest last), in the
  // run's reused arrays (never more than the body's rows): nodes[0..n).
  const { nodes, detail } = rs.groupNodes(body.length);
  let n = 0;
  // Per node: 1 when it only details the row right above it in the sheet ("of which" rows
  // without the word): a row that is no group, under a row that is none either, within it
  // in every column. Such a row may be left out of a head's parts.
  let details = 0;
  // The parts of each group found so far (none in most tables: no map until there is one).
  let parts: Map<number, number[]> | null = null;
  for (let i = body.length - 1; i >= 0; i--) {
    const head = body[i];
    // A labelled total right under rows of figures closes them: it is no total above parts.
    const closesAbove = (facts.of(head) & L_TOTAL) !== 0 && i >= 2 && body[i - 1] === head - 1 && body[i - 2] === head - 2 && !(facts.of(body[i - 1]) & L_TOTAL);
    const mayHaveParts = !closesAbove && !(facts.of(head) & (R_NO_LABEL | L_PART));
    let found = mayHaveParts ? partsOf(cells, head, nodes, n, facts, rs, null) : 0;
    // Failing that, its parts with the details among them left out: Equipment = its rows,
    // Information equipment (right under it) is a detail of Equipment.
    let withDetails = false;
    if (found === 0 && mayHaveParts && details > 0) {
      found = partsOf(cells, head, nodes, n, facts, rs, detail);
      withDetails = found > 0;
    }
    const taken = found > 0 ? takenNodes(nodes, n, found, withDetails ? detail : null) : null;
    if (taken && !formulaSaysOtherwise(cells, head, taken.items)) {
      for (let k = 0; k < taken.consumed; k++) details -= detail[n - 1 - k];
      n -= taken.consumed;
      const items = taken.items.reverse();
      (parts ??= new Map()).set(head, items);
      out.push({ row: head, items, rule: facts.of(head) & L_TOTAL ? 'column-sum' : 'subtotal-sum', closes: closedRows(items, parts), formulaMismatch: NO_MISMATCH, hardCoded: false });
    }
    // The head becomes a node. The node pushed before is the row right below it, unless the
    // head took it; a row with a detail of its own is an item, not a detail.
    if (n > 0 && !(parts && (parts.has(head) || parts.has(nodes[n - 1]))) && detail[n - 1] === 0 && !(n >= 2 && detail[n - 2] === 1) && within(cells, nodes[n - 1], head)) {
      detail[n - 1] = 1;
      details++;
    }
    nodes[n] = head;
    detail[n] = 0;
    n++;
  }
  return out.reverse();
}

/**
 * The head's own formulas (where they reproduce its figures) say it is something else than
 * the sum of these rows: a row total (=SUM(B7:Y7)), or a sum of other rows.
 */
function formulaSaysOtherwise(cells: FootCells, head: number, parts: number[]): boolean {
  const g = cells.g;
  // The row's first formula that reproduces its figure speaks for the row (they are copied across).
  for (const c of cells.cols) {
    if (!g.hasFormula(head, c)) continue;
    const own = ownFormula(g, head, c);
    if (!own?.holds) continue;
    return !sumsExactly(own.terms, parts, c);
  }
  return false;
}

/** Every figure of row r lies between 0 and the figure of row `above` in its column (at least two columns). */
function within(cells: FootCells, r: number, above: number): boolean {
  let n = 0;
  for (let ci = 0; ci < cells.count; ci++) {
    if (!cells.has(r, ci)) continue;
    if (!cells.has(above, ci)) return false;
    const x = cells.num(r, ci);
    const y = cells.num(above, ci);
    if (x === 0 && y === 0) continue;
    if (y === 0 || x * y < 0 || Math.abs(x) >= Math.abs(y)) return false;
    n++;
  }
  return n >= 2;
}

/** The nodes (nodes[0..n)) the head takes (its parts, and the details among them) and its parts, nearest first. */
function takenNodes(nodes: Int32Array, n: number, found: number, details: Uint8Array | null): { consumed: number; items: number[] } {
  const items: number[] = [];
  let k = 0;
  for (let i = n - 1; i >= 0 && items.length < found; i--, k++) if (!details?.[i]) items.push(nodes[i]);
  // A detail right under the last part belongs to it as well.
  while (details && k < n && details[n - 1 - k]) k++;
  return { consumed: k, items };
}

/** How many of the nearest top-level rows below head (nodes[0..n)) sum to it (0: none do), details left out. */
function partsOf(cells: FootCells, head: number, nodes: Int32Array, n: number, facts: RowFacts, rs: ReadingsScratch, details: Uint8Array | null): number {
  const headIsTotal = (facts.of(head) & L_TOTAL) !== 0;
  const c0 = firstFigureColumn(cells, head);
  if (c0 < 0) return 0;
  const target = cells.num(head, c0);
  let unit = cells.unit(head, c0);
  let run = 0;
  let bestK = 0;
  let bestBad = 0;
  let bestExact = 0;
  let bestAllExact = false;
  // The run's rows in the run's reused buffer (at most MAX_RUN): no array per head.
  const rows = rs.runRows;
  // When the column's figures share a sign, the running sum only moves one way: once it lies
  // beyond the target by more than the widest tolerance any run may get (largest unit, longest
  // run), no longer run can come back within it, and the search stops.
  const sign = cells.sign(c0);
  const beyond = 0.5 * cells.maxUnit(c0) * (MAX_RUN + 1);
  let k = 0;
  for (let ni = n - 1; ni >= 0 && k < MAX_RUN; ni--) {
    if (details?.[ni]) continue;
    k++;
    const r = nodes[ni];
    // A labelled total closes what is above it: it is no part of an ordinary row above it.
    if (!headIsTotal && facts.of(r) & L_TOTAL) break;
    rows[k - 1] = r;
    run += cells.num(r, c0);
    if (cells.unit(r, c0) > unit) unit = cells.unit(r, c0);
    if (k < 2 || Math.abs(run - target) > 0.5 * unit * (k + 1)) {
      if (sign !== 0 && sign * (run - target) > beyond) break;
      continue;
    }
    // Most cells must agree closely (at least two); the rest are findings.
    // Rows of zeros add nothing: a "sum" of one real row is a repeated row.
    if (nonZeroRows(cells, rows, k) < 2) continue;
    // A row no label calls a total proves itself only where it sums two figures or more: the
    // same figure again under it (a series of readings, a breakdown into one item) is no sum.
    const s = scoreRows(cells, head, rows, 0, k, false, rs.score, headIsTotal ? 0 : 2);
    // Leaving details out is a bolder reading: it must then hold in every column.
    if (details && s.bad > 0) continue;
    // Fewer failing columns first; then more exact ones (a run that leaves out a row of small
    // figures may still reconcile within rounding: the run that takes it in is exact).
    if (s.closeCount >= 2 && s.closeCount * 2 >= s.good + s.bad && (bestK === 0 || s.bad < bestBad || (s.bad === bestBad && s.exact > bestExact))) {
      bestK = k;
      bestBad = s.bad;
      bestExact = s.exact;
      bestAllExact = s.bad === 0 && s.exact === s.good;
    }
    if (bestAllExact) break;
  }
  return bestK;
}

function nonZeroRows(cells: FootCells, rows: Int32Array, k: number): number {
  let n = 0;
  for (let i = 0; i < k; i++) if (hasFigure(cells, rows[i])) n++;
  return n;
}

/** The data rows a group closes: its parts, with the parts of parts that are groups themselves. */
function closedRows(items: number[], parts: Map<number, number[]>): number[] {
  const out: number[] = [];
  for (const x of items) {
    const sub = parts.get(x);
    if (sub) for (const y of closedRows(sub, parts)) out.push(y);
    else out.push(x);
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
export function leaveOutParts(cells: FootCells, list: readonly Item[], from: number, to: number, closeOnly: boolean, rs: ReadingsScratch): Item[] | null {
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
      const s = scoreItems(cells, list[i].row, list, i + 1, i + 1 + k, false, rs);
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
export function partsBelow(cells: FootCells, body: number[], bi: number, facts: RowFacts, rs: ReadingsScratch): number[] | null {
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
    const s = scoreRows(cells, body[bi], parts, 0, k, false, rs.score);
    if (s.good > 0 && s.bad === 0) return parts.slice(0, k);
    if (s.okCount >= 1 && (bestK === 0 || s.good > bestGood)) {
      bestK = k;
      bestGood = s.good;
    }
  }
  return bestK > 0 ? parts.slice(0, bestK) : null;
}
