// Total rows, groups and totals of totals (checks.md 4.2–4.5, 4.8). Rows are walked
// top to bottom keeping the top-level items since the header; a total replaces the
// items it closes, so a later total can sum earlier totals plus the rows after them.
import { parseCellAddress } from './address';
import type { Grid } from './grid';
import { displayOf, hasValue, unitOf } from './grid';
import { isCountLabel, isTotalLabel } from './labels';
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
}

const MAX_RUN = 30;

export function labelOf(g: Grid, t: Table, r: number): string {
  if (t.labelCol >= 0) {
    const x = g.at(r, t.labelCol);
    if (x.kind === 'text') return x.text;
  }
  for (let c = t.c0; c <= t.c1; c++) {
    const x = g.at(r, c);
    if (x.kind === 'text') return x.text;
  }
  return '';
}

/** SUM(X4:X12) in a cell of row r over its own column: the rows it covers. */
function sumFormulaRows(g: Grid, r: number, c: number): number[] | null {
  const f = g.cell(r, c)?.formula;
  if (!f) return null;
  const m = /^=\s*(?:SUM|SUMMA)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i.exec(f);
  if (!m) return null;
  const a = parseCellAddress(`${m[1]}${m[2]}`);
  const b = parseCellAddress(`${m[3]}${m[4]}`);
  if (!a || !b || a.c !== c || b.c !== c) return null;
  const rows: number[] = [];
  for (let k = Math.min(a.r, b.r); k <= Math.max(a.r, b.r); k++) rows.push(k);
  return rows;
}

export function detectTotals(g: Grid, t: Table, footCols: number[], excludedRows: Set<number>): TotalRow[] {
  const totals: TotalRow[] = [];
  const items: Item[] = [];
  const consumed = new Set<number>();
  const isText = new Set(t.textRows);
  const body = t.bodyRows.filter((r) => !excludedRows.has(r));
  const groups = detectGroups(g, t, body, footCols);
  for (const gr of groups) totals.push(gr);
  const childOf = new Set<number>();
  for (const gr of groups) for (const c of gr.items) childOf.add(c);

  for (let bi = 0; bi < body.length; bi++) {
    const r = body[bi];
    if (consumed.has(r) || childOf.has(r)) continue;
    const label = labelOf(g, t, r);
    const labelled = isTotalLabel(label);
    const formulaRows = firstSumFormula(g, r, footCols);
    const lastTotal = lastIndexWhere(items, (x) => x.total);
    // The block: data items since the last total and the last text row.
    const lastTextRow = maxBelow(t.textRows, r);
    const countRow = isCountLabel(label);
    const block = items.slice(lastTotal + 1).filter((x) => x.row > lastTextRow && isCountLabel(labelOf(g, t, x.row)) === countRow);
    const blockAll = items.slice(lastTotal + 1);
    const readings: { items: Item[]; kind: 'block' | 'all' | 'suffix' | 'formula' | 'below'; strict: boolean }[] = [];
    if (formulaRows) {
      const set = new Set(formulaRows);
      const fr = items.filter((x) => set.has(x.row));
      if (fr.length) readings.push({ items: fr, kind: 'formula', strict: false });
    }
    if (labelled || formulaRows) {
      if (block.length) readings.push({ items: block, kind: 'block', strict: false });
      if (blockAll.length && blockAll.length !== block.length) readings.push({ items: blockAll, kind: 'block', strict: false });
      if (items.some((x) => x.total)) readings.push({ items: items.slice(), kind: 'all', strict: false });
      for (let k = Math.min(blockAll.length - 1, MAX_RUN); k >= 1; k--) readings.push({ items: blockAll.slice(blockAll.length - k), kind: 'suffix', strict: false });
    } else {
      // Unlabelled: arithmetic alone decides, strictly.
      for (let k = Math.min(blockAll.length, MAX_RUN); k >= 2; k--) readings.push({ items: blockAll.slice(blockAll.length - k), kind: 'suffix', strict: true });
    }
    // The first reading (formula, block, all, suffixes) that reconciles every cell wins;
    // else the one reconciling the most cells.
    let best: { items: Item[]; score: number } | null = null;
    let clean: Item[] | null = null;
    for (const rd of readings) {
      const s = scoreReading(g, r, rd.items.map((x) => x.row), footCols, rd.strict);
      if (s.good < 0) continue;
      if (s.bad === 0 && s.good > 0) {
        clean = rd.items;
        break;
      }
      if (!best || s.good > best.score) best = { items: rd.items, score: s.good };
    }
    let chosen: Item[] | null = null;
    let below: number[] | null = null;
    if (clean) chosen = clean;
    else if (best && best.score > 0) chosen = best.items;
    else if (labelled || formulaRows) {
      // SCB style: the total stands above its parts.
      below = partsBelow(g, t, body, bi, footCols, isText);
      if (!below) chosen = block.length ? block : blockAll.length ? blockAll : items.some((x) => x.total) ? items.slice() : null;
    }
    if (below) {
      for (const b of below) consumed.add(b);
      totals.push(makeTotal(g, r, below, [], 'column-sum', footCols, below));
      items.push({ row: r, total: true, closes: below });
      continue;
    }
    if (!chosen || chosen.length === 0) {
      items.push({ row: r, total: false, closes: [r] });
      continue;
    }
    const hasTotal = chosen.some((x) => x.total);
    const closes = chosen.flatMap((x) => x.closes);
    totals.push(makeTotal(g, r, chosen.map((x) => x.row), formulaRows ?? [], hasTotal ? 'total-of-totals' : 'column-sum', footCols, closes));
    const chosenSet = new Set(chosen);
    const rest = items.filter((x) => !chosenSet.has(x));
    items.length = 0;
    items.push(...rest, { row: r, total: true, closes });
  }
  return totals;
}

function makeTotal(g: Grid, r: number, itemRows: number[], formulaRows: number[], rule: Rule, footCols: number[], closes: number[]): TotalRow {
  const mismatch = new Map<number, { missing: number[]; extra: number[] }>();
  let formulas = 0;
  for (const c of footCols) {
    const fr = sumFormulaRows(g, r, c);
    if (g.cell(r, c)?.formula) formulas++;
    if (!fr) continue;
    const want = new Set(itemRows);
    const have = new Set(fr.filter((k) => hasValue(g.at(k, c)) || want.has(k)));
    const missing = itemRows.filter((k) => !fr.includes(k) && hasValue(g.at(k, c)));
    const extra = [...have].filter((k) => !want.has(k) && hasValue(g.at(k, c)));
    if (missing.length || extra.length) mismatch.set(c, { missing, extra });
  }
  void formulaRows;
  return { row: r, items: itemRows, rule, closes, formulaMismatch: mismatch, hardCoded: formulas === 0 };
}

function firstSumFormula(g: Grid, r: number, cols: number[]): number[] | null {
  for (const c of cols) {
    const rows = sumFormulaRows(g, r, c);
    if (rows) return rows;
  }
  return null;
}

function lastIndexWhere<T>(xs: T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i])) return i;
  return -1;
}

function maxBelow(rows: number[], r: number): number {
  let m = -1;
  for (const x of rows) if (x < r && x > m) m = x;
  return m;
}

/**
 * How many footing cells of row r reconcile with the sum of `rows`; -1 when the reading
 * must be rejected (strict: every cell must be ok and at least two non-zero).
 */
function scoreReading(g: Grid, r: number, rows: number[], cols: number[], strict: boolean): { good: number; bad: number; okCount: number } {
  let good = 0;
  let bad = 0;
  let okNonzero = 0;
  for (const c of cols) {
    const y = g.at(r, c);
    if (!hasValue(y)) continue;
    let s = 0;
    let n = 0;
    let umax = 0;
    let err = false;
    for (const k of rows) {
      const x = g.at(k, c);
      if (x.kind === 'error') err = true;
      if (hasValue(x)) n++;
      s += displayOf(x);
      const u = unitOf(x);
      if (u > umax) umax = u;
    }
    if (err) continue;
    const st = judge({ actual: displayOf(y), expected: s, unitY: unitOf(y), inputUnits: [umax], n }).status;
    if (st === 'ok' && n >= 1 && displayOf(y) !== 0) okNonzero++;
    if (st !== 'error') good++;
    else bad++;
    if (strict && (st !== 'ok' || n < 2)) return { good: -1, bad, okCount: okNonzero };
  }
  if (strict && okNonzero < 2) return { good: -1, bad, okCount: okNonzero };
  return { good, bad, okCount: okNonzero };
}

/** Rows right below a total (until the next total or text row) that sum to it. */
function partsBelow(g: Grid, t: Table, body: number[], bi: number, cols: number[], isText: Set<number>): number[] | null {
  const parts: number[] = [];
  for (let j = bi + 1; j < body.length && parts.length < 200; j++) {
    const r = body[j];
    if (isText.has(r - 1) && parts.length && r - 1 > body[j - 1]) break;
    if (isTotalLabel(labelOf(g, t, r))) break;
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
function detectGroups(g: Grid, t: Table, body: number[], cols: number[]): TotalRow[] {
  const out: TotalRow[] = [];
  if (cols.length === 0) return out;
  const taken = new Set<number>();
  for (let i = 0; i < body.length - 2; i++) {
    const head = body[i];
    if (taken.has(head)) continue;
    const label = labelOf(g, t, head);
    if (!label || isTotalLabel(label)) continue;
    // Quick filter on the first column with a non-zero figure in the head row.
    const c0 = cols.find((c) => g.at(head, c).kind === 'number' && displayOf(g.at(head, c)) !== 0);
    if (c0 === undefined) continue;
    const target = displayOf(g.at(head, c0));
    const unit = unitOf(g.at(head, c0));
    let run = 0;
    for (let k = 1; k <= MAX_RUN && i + k < body.length; k++) {
      const r = body[i + k];
      if (r !== body[i + k - 1] + 1 && t.textRows.some((x) => x > body[i + k - 1] && x < r)) break;
      if (isTotalLabel(labelOf(g, t, r))) break;
      run += displayOf(g.at(r, c0));
      if (k >= 2 && roundTo(run, unit) === roundTo(target, unit)) {
        const rows = body.slice(i + 1, i + k + 1);
        // Most cells must reconcile exactly (at least two); the rest are findings.
        const s = scoreReading(g, head, rows, cols, false);
        if (s.okCount >= 2 && s.okCount * 2 >= s.good + s.bad) {
          out.push({ row: head, items: rows, rule: 'subtotal-sum', closes: rows, formulaMismatch: new Map(), hardCoded: false });
          for (const x of rows) taken.add(x);
          i += k;
          break;
        }
      }
    }
  }
  return out;
}
