// Total rows, groups and totals of totals (checks.md 4.2–4.5, 4.8). Rows are walked
// top to bottom keeping the top-level items since the header; a total replaces the
// items it closes, so a later total can sum earlier totals plus the rows after them.
import type { Grid } from './grid';
import { K_DASH, K_ERROR, K_NUMBER, K_TEXT } from './grid';
import { isCountLabel, isPartLabel, isStrongTotalLabel, isTotalLabel } from './labels';
import type { Table } from './tableFinder';
import { judge, roundTo } from './tolerance';
import type { Rule } from './types';

export interface TotalRow {
  row: number;
  /** Rows summed (top-level items: data rows, group rows or earlier totals). */
  items: number[];
  rule: Rule;
  /** Data rows closed, transitively (for the tolerance of relations on this row). */
  closes: number[];
  /** Rows covered by a SUM formula in this row, per column, when it differs from `items`. */
  formulaMismatch: Map<number, { missing: number[]; extra: number[] }>;
  hardCoded: boolean;
}

interface Item {
  row: number;
  total: boolean;
  closes: number[];
  /** Found by arithmetic alone (no label, no formula): may be a coincidence. */
  weak?: boolean;
}

const MAX_RUN = 30;

export function labelOf(g: Grid, t: Table, r: number): string {
  if (t.labelCol >= 0 && g.kind(r, t.labelCol) === K_TEXT) return g.textAt(r, t.labelCol);
  for (let c = t.c0; c <= t.c1; c++) if (g.kind(r, c) === K_TEXT) return g.textAt(r, c);
  return '';
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

const SUM_FORMULA = /^=\s*(?:SUM|SUMMA)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

/** SUM(X4:X12) in a cell of row r over its own column: the first and last row it covers. */
function sumFormulaRange(g: Grid, r: number, c: number): [number, number] | null {
  const f = g.cell(r, c)?.formula;
  if (!f || f.length < 8) return null;
  const s = f.charCodeAt(1) | 32;
  if (s !== 115 /* s */ && f.charCodeAt(1) !== 32) return null;
  const m = SUM_FORMULA.exec(f);
  if (!m) return null;
  if (columnIndex(m[1]) !== c || columnIndex(m[3]) !== c) return null;
  const a = Number(m[2]) - 1;
  const b = Number(m[4]) - 1;
  return [Math.min(a, b), Math.max(a, b)];
}

export function detectTotals(g: Grid, t: Table, footCols: number[], excludedRows: Set<number>): TotalRow[] {
  const totals: TotalRow[] = [];
  const items: Item[] = [];
  const consumed = new Set<number>();
  const isText = new Set(t.textRows);
  const body = t.bodyRows.filter((r) => !excludedRows.has(r));
  const labels = new RowMemo(t.r0, (row) => labelOf(g, t, row));
  const totalLabels = new RowMemo(t.r0, (row) => isTotalLabel(labels.get(row)));
  const countLabels = new RowMemo(t.r0, (row) => isCountLabel(labels.get(row)));
  const labelAt = (row: number): string => labels.get(row);
  const isTotalAt = (row: number): boolean => totalLabels.get(row);
  const isCountAt = (row: number): boolean => countLabels.get(row);
  const groups = detectGroups(g, t, body, footCols, labelAt, isTotalAt);
  for (const gr of groups) totals.push(gr);
  const groupOf = new Map<number, TotalRow>();
  for (const gr of groups) groupOf.set(gr.row, gr);
  const childOf = new Set<number>();
  for (const gr of groups) for (const c of gr.items) childOf.add(c);
  // A group is only a reading too: when a total reconciles with its rows counted
  // one by one, the group was a coincidence and is dropped.
  const dissolved = new Set<number>();
  const expand = (list: Item[]): Item[] | null => {
    if (!list.some((x) => groupOf.has(x.row))) return null;
    const out: Item[] = [];
    for (const x of list) {
      out.push(x);
      const gr = groupOf.get(x.row);
      if (gr) for (const c of gr.items) out.push({ row: c, total: false, closes: [c] });
    }
    return out;
  };
  const textRows = [...t.textRows].sort((a, b) => a - b);
  let textPtr = 0;
  let lastTextRow = -1;
  let lastTotal = -1; // index in items of the last total
  let totalsInItems = 0;
  // Every row since the last labelled total, counted one by one: the reading that
  // unmasks groups and arithmetic subtotals that were only coincidences.
  let lastStrong = -1; // index in items of the last labelled (or formula) total
  let flat: number[] = [];
  const weakRows = new Set<number>();

  for (let bi = 0; bi < body.length; bi++) {
    const r = body[bi];
    while (textPtr < textRows.length && textRows[textPtr] < r) lastTextRow = textRows[textPtr++];
    if (consumed.has(r)) continue;
    const label = labelAt(r);
    if (isPartLabel(label)) continue;
    if (childOf.has(r)) {
      flat.push(r);
      continue;
    }
    const labelled = isTotalAt(r);
    const formulaRows = firstSumFormula(g, r, footCols);
    let chosen: Item[] | null = null;
    let below: number[] | null = null;
    if (labelled || formulaRows) {
      // The block: data items since the last total (and the last text row).
      const blockAll = items.slice(lastTotal + 1);
      const countRow = isCountAt(r);
      const block = blockAll.filter((x) => x.row > lastTextRow && isCountAt(x.row) === countRow);
      // Readings are tried most likely first, each built only while none has won yet.
      const pick = new ReadingPick(g, r, footCols);
      if (formulaRows) {
        const set = new Set(formulaRows);
        const fr = items.filter((x) => set.has(x.row));
        if (fr.length) pick.offer(fr);
        const frAll = pick.done ? null : expand(fr)?.filter((x) => set.has(x.row));
        if (frAll) pick.offer(frAll);
      }
      if (block.length) pick.offer(block);
      if (blockAll.length && blockAll.length !== block.length) pick.offer(blockAll);
      const blockExpanded = pick.done ? null : expand(block);
      if (blockExpanded) pick.offer(blockExpanded);
      // Totals of totals: earlier totals plus the rows after them.
      if (totalsInItems > 0 && items.length <= 500 && !pick.done) pick.offer(items.slice());
      // … or the earlier totals alone (Totalt over the sections' Summa rows).
      if (totalsInItems > 1 && !pick.done) pick.offer(items.filter((x) => x.total));
      for (let k = Math.min(blockAll.length - 1, MAX_RUN); k >= 1 && !pick.done; k--) pick.offer(blockAll.slice(blockAll.length - k));
      // The last few totals (and rows after them): Summa eget kapital, avsättningar och skulder.
      if (totalsInItems > 0) for (let k = Math.min(items.length - 1, MAX_RUN); k >= 2 && !pick.done; k--) pick.offer(items.slice(items.length - k));
      // Parts listed under a row of their own (too small to be proven a group by arithmetic
      // alone) are left out when that makes the total reconcile.
      if (!pick.done) {
        const withoutParts = leaveOutParts(g, block.length ? block : blockAll, footCols);
        if (withoutParts) pick.offer(withoutParts);
      }
      let flatItems: Item[] | null = null;
      if (!pick.done && flat.length >= 2 && (weakRows.size > 0 || groups.length > 0)) {
        flatItems = flat.map((row) => ({ row, total: false, closes: [row] }));
        pick.offer(flatItems);
      }
      if (flatItems && pick.chosen === flatItems) {
        // Every row on its own reconciles: the groups and arithmetic subtotals in between were coincidences.
        for (const gr of groups) if (flat.includes(gr.row)) dissolved.add(gr.row);
        for (const row of flat) if (weakRows.has(row)) dissolved.add(row);
        totals.push(makeTotal(g, r, flat, 'column-sum', footCols, flat));
        items.length = lastStrong + 1;
        items.push({ row: r, total: true, closes: flat });
        lastTotal = lastStrong = items.length - 1;
        totalsInItems = items.filter((x) => x.total).length;
        flat = [];
        continue;
      }
      chosen = pick.chosen;
      const best = pick.best;
      if (!chosen && best && best.score > 0) chosen = best.items;
      if (!chosen) {
        // SCB style: the total stands above its parts.
        below = partsBelow(g, t, body, bi, footCols, isText, labelAt);
        // Nothing reconciles: report against the plain reading, when the label says
        // total outright (a word inside a label, "Andel av total …", is no proof).
        if (!below && (isStrongTotalLabel(label) || formulaRows)) chosen = block.length ? block : blockAll.length ? blockAll : totalsInItems > 0 ? items.slice() : null;
      }
    } else {
      chosen = arithmeticTotal(g, r, items, Math.max(lastTotal + 1, items.length - MAX_RUN), footCols);
      if (chosen) weakRows.add(r);
    }
    flat.push(r);
    if (below) {
      for (const b of below) consumed.add(b);
      totals.push(makeTotal(g, r, below, 'column-sum', footCols, below));
      items.push({ row: r, total: true, closes: below });
      lastTotal = lastStrong = items.length - 1;
      totalsInItems++;
      flat = [];
      continue;
    }
    if (!chosen || chosen.length === 0) {
      items.push({ row: r, total: false, closes: [r] });
      continue;
    }
    for (const x of chosen) if (childOf.has(x.row)) for (const gr of groups) if (gr.items.includes(x.row)) dissolved.add(gr.row);
    const hasTotal = chosen.some((x) => x.total);
    const closes: number[] = [];
    for (const x of chosen) for (const k of x.closes) closes.push(k);
    totals.push(makeTotal(g, r, chosen.map((x) => x.row), hasTotal ? 'total-of-totals' : 'column-sum', footCols, closes));
    // Replace the closed items by the total (they are usually the tail of the list;
    // a reading may also hold rows that are no items, such as a group's parts).
    const chosenRows = new Set(chosen.map((x) => x.row));
    let from = items.length;
    for (let i = items.length - 1; i >= 0; i--) if (chosenRows.has(items[i].row)) from = i;
    const kept = items.slice(from).filter((x) => !chosenRows.has(x.row));
    items.length = from;
    for (const x of kept) items.push(x);
    items.push({ row: r, total: true, closes, weak: weakRows.has(r) });
    lastTotal = items.length - 1;
    totalsInItems = totalsInItems - chosen.filter((x) => x.total).length + 1;
    if (!weakRows.has(r)) {
      lastStrong = lastTotal;
      flat = [];
    }
  }
  return dissolved.size ? totals.filter((x) => !dissolved.has(x.row) || (x.rule !== 'subtotal-sum' && !weakRows.has(x.row))) : totals;
}

/** Per-row facts of one table, each worked out once; rows index an array (no hashing). */
class RowMemo<T> {
  private readonly values: (T | undefined)[] = [];

  constructor(
    private readonly r0: number,
    private readonly compute: (r: number) => T,
  ) {}

  get(r: number): T {
    const i = r - this.r0;
    let v = this.values[i];
    if (v === undefined) this.values[i] = v = this.compute(r);
    return v;
  }
}

/**
 * Readings of a total row offered in order: the first that reconciles every cell wins
 * (later offers are ignored); else the one reconciling the most.
 */
class ReadingPick {
  chosen: Item[] | null = null;
  best: { items: Item[]; score: number } | null = null;

  constructor(
    private readonly g: Grid,
    private readonly r: number,
    private readonly cols: number[],
  ) {}

  get done(): boolean {
    return this.chosen !== null;
  }

  offer(rd: Item[]): void {
    if (this.chosen) return;
    const s = scoreReading(this.g, this.r, rd.map((x) => x.row), this.cols, false);
    if (s.bad === 0 && s.good > 0) this.chosen = rd;
    else if (!this.best || s.good > this.best.score) this.best = { items: rd, score: s.good };
  }
}

/** An unlabelled row that is the exact sum of the rows right above it (at least two). */
function arithmeticTotal(g: Grid, r: number, items: Item[], from: number, cols: number[]): Item[] | null {
  const c0 = cols.find((c) => g.kind(r, c) === K_NUMBER && g.num(r, c) !== 0);
  if (c0 === undefined || items.length - from < 2) return null;
  const target = g.num(r, c0);
  let unit = g.unit(r, c0);
  let run = 0;
  for (let j = items.length - 1; j >= from; j--) {
    const row = items[j].row;
    run += g.num(row, c0);
    if (g.unit(row, c0) > unit) unit = g.unit(row, c0);
    if (items.length - j < 2 || roundTo(run, unit) !== roundTo(target, unit)) continue;
    const rows = items.slice(j);
    // Rows of zeros add nothing: a "total" of one real row is a repeated row.
    if (contributing(g, rows, cols) < 2) continue;
    const s = scoreReading(g, r, rows.map((x) => x.row), cols, true);
    if (s.good >= 0 && s.bad === 0) return rows;
  }
  return null;
}

/** The items without the rows that merely break down the item just above them; null when none do. */
function leaveOutParts(g: Grid, list: Item[], cols: number[]): Item[] | null {
  const out: Item[] = [];
  let left = false;
  for (let i = 0; i < list.length; i++) {
    out.push(list[i]);
    // Only a row with figures of its own can have parts.
    if (list[i].total || !cols.some((c) => g.num(list[i].row, c) !== 0)) continue;
    for (let k = Math.min(MAX_RUN, list.length - 1 - i); k >= 2; k--) {
      const parts = list.slice(i + 1, i + 1 + k);
      if (parts.some((x) => x.total)) continue;
      const s = scoreReading(g, list[i].row, parts.map((x) => x.row), cols, false);
      if (s.bad === 0 && s.good > 0 && contributing(g, parts, cols) >= 1) {
        i += k;
        left = true;
        break;
      }
    }
  }
  return left ? out : null;
}

function contributing(g: Grid, rows: Item[], cols: number[]): number {
  let n = 0;
  for (const x of rows) if (cols.some((c) => g.num(x.row, c) !== 0)) n++;
  return n;
}

function makeTotal(g: Grid, r: number, itemRows: number[], rule: Rule, footCols: number[], closes: number[]): TotalRow {
  const mismatch = new Map<number, { missing: number[]; extra: number[] }>();
  let formulas = 0;
  for (const c of footCols) {
    if (g.cell(r, c)?.formula) formulas++;
    const fr = sumFormulaRange(g, r, c);
    if (!fr) continue;
    const [from, to] = fr;
    const missing = itemRows.filter((k) => (k < from || k > to) && g.has(k, c));
    const extra: number[] = [];
    if (to - from + 1 !== itemRows.length - missing.length) {
      const want = new Set(itemRows);
      for (let k = from; k <= to && extra.length < 100; k++) if (!want.has(k) && k !== r && g.has(k, c)) extra.push(k);
    }
    if (missing.length || extra.length) mismatch.set(c, { missing, extra });
  }
  return { row: r, items: itemRows, rule, closes, formulaMismatch: mismatch, hardCoded: formulas === 0 };
}

function firstSumFormula(g: Grid, r: number, cols: number[]): number[] | null {
  for (const c of cols) {
    const range = sumFormulaRange(g, r, c);
    if (!range) continue;
    const rows: number[] = [];
    for (let k = range[0]; k <= range[1] && k < r; k++) rows.push(k);
    return rows;
  }
  return null;
}



/**
 * How many footing cells of row r reconcile with the sum of `rows`; -1 when the reading
 * must be rejected (strict: every cell must be ok and at least two non-zero).
 */
function scoreReading(g: Grid, r: number, rows: number[], cols: number[], strict: boolean): { good: number; bad: number; okCount: number; closeCount: number } {
  let good = 0;
  let bad = 0;
  let okNonzero = 0;
  let close = 0;
  for (const c of cols) {
    if (!g.has(r, c)) continue;
    let s = 0;
    let n = 0;
    let umax = 0;
    let err = false;
    for (const k of rows) {
      const kind = g.kind(k, c);
      if (kind === K_ERROR) err = true;
      else if (kind === K_NUMBER || kind === K_DASH) n++;
      s += g.num(k, c);
      const u = g.unit(k, c);
      if (u > umax) umax = u;
    }
    if (err) continue;
    const y = g.num(r, c);
    const st = judge({ actual: y, expected: s, unitY: g.unit(r, c), inputUnit: umax, n }).status;
    // Evidence for a total found by arithmetic: exact, and no small count (0–9 whole units).
    const sizable = n >= 1 && y !== 0 && Math.abs(y) >= 10 * g.unit(r, c);
    if (st === 'ok' && sizable) okNonzero++;
    // Close agreement (exact, or off by rounding that is small beside the figure) is evidence too.
    if (st !== 'error' && sizable && (st === 'ok' || Math.abs(y - s) <= 0.02 * Math.abs(y))) close++;
    if (st !== 'error') good++;
    else bad++;
    if (strict && (st !== 'ok' || n < 2)) return { good: -1, bad, okCount: okNonzero, closeCount: close };
  }
  if (strict && okNonzero < 2) return { good: -1, bad, okCount: okNonzero, closeCount: close };
  return { good, bad, okCount: okNonzero, closeCount: close };
}

/** Rows right below a total (until the next total or text row) that sum to it. */
function partsBelow(g: Grid, t: Table, body: number[], bi: number, cols: number[], isText: Set<number>, labelAt: (r: number) => string): number[] | null {
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

/** A labelled row with figures directly followed by rows that sum to it (checks.md 4.4). */
function detectGroups(g: Grid, t: Table, body: number[], cols: number[], labelAt: (r: number) => string, isTotalAt: (r: number) => boolean): TotalRow[] {
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
