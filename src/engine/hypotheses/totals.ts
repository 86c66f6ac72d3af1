// Total rows, groups and totals of totals (checks.md 4.2–4.5, 4.8). Rows are walked
// top to bottom keeping the top-level items since the header; a total replaces the
// items it closes, so a later total can sum earlier totals plus the rows after them.
import type { Grid } from '../read/grid';
import { FootCells } from '../tables/footCells';
import { L_COUNT, L_PART, L_STRONG_TOTAL, L_TOTAL } from '../tables/labels';
import { detectGroups, leaveOutParts, partsBelow } from './parts';
import { contributing, dataItem, firstFigureColumn, MAX_RUN, ReadingPick, ReadingsScratch, scoreItems, totalItem, type Item } from './readings';
import { RowFacts, tableRowFacts } from '../tables/rowLabels';
import type { Table } from '../tables/tableFinder';
import { TableRowBits } from '../tables/tableRowBits';
import { farApart, roundTo } from '../judge/tolerance';
import { ARITHMETIC_FAULT_MIN_EXACT } from '../judge/policy';
import { K_NUMBER } from '../read/grid';
import { sortedRows } from '../tables/sortedRows';
import { firstSumFormula, makeTotal, type RowRange, type TotalRow } from './totalRow';

// Row sets of the table being walked (bits of one reused array).
const CONSUMED = 1; // parts below a total that stands above them
const CHILD = 2; // parts of a group
const WEAK = 4; // totals found by arithmetic alone
const DISSOLVED = 8; // groups and weak totals that proved coincidences
const CHOSEN = 16; // rows of the reading just chosen (set and cleared per total)
const HEAD = 32; // rows that stand above their parts (groups, totals above their breakdown)

/** A list of rows in one reused array: clearing it keeps the storage. */
class RowList {
  private rows: number[] = [];
  length = 0;

  push(r: number): void {
    this.rows[this.length++] = r;
  }

  clear(): void {
    this.length = 0;
  }

  toArray(): number[] {
    return this.rows.slice(0, this.length);
  }
}

/** The scratch of finding totals, one per run (Run.totals), reused for every table. */
export class TotalsScratch {
  /** Row sets of the table being walked (bits of one reused array). */
  readonly marks = new TableRowBits();
  readonly formulaRange: RowRange = { from: 0, to: 0 };
  /**
   * Every row since the last labelled total, counted one by one: the reading that
   * unmasks groups and arithmetic subtotals that were only coincidences.
   */
  readonly flat = new RowList();
  readonly chosenRows = new RowList();
  readonly chosenCloses = new RowList();
  readonly readings = new ReadingsScratch();
}

/**
 * The total rows of table t. `s` and `cells` are the run's scratch (Run.totals, Run.footCells)
 * and `facts` the run's RowFacts; fresh ones by default.
 */
export function detectTotals(
  g: Grid,
  t: Table,
  footCols: number[],
  excludedRows: Set<number>,
  s: TotalsScratch = new TotalsScratch(),
  footCells: FootCells = new FootCells(),
  rowFacts: RowFacts = new RowFacts(),
): TotalRow[] {
  const { marks, flat, chosenRows, chosenCloses, formulaRange, readings: rs } = s;
  const totals: TotalRow[] = [];
  const items: Item[] = [];
  const body = excludedRows.size ? t.bodyRows.filter((r) => !excludedRows.has(r)) : t.bodyRows;
  const facts = tableRowFacts(g, t, rowFacts);
  marks.reset(t.r0, t.r1);
  const cells = footCells.reset(g, t, footCols);
  const groups = detectGroups(cells, body, facts, rs);
  for (const gr of groups) totals.push(gr);
  // Group rows by row (none in most tables: then readings need no expanding).
  let groupOf: Map<number, TotalRow> | null = null;
  for (const gr of groups) {
    (groupOf ??= new Map()).set(gr.row, gr);
    marks.add(gr.row, HEAD);
    for (const c of gr.items) marks.add(c, CHILD);
  }
  // A group is only a reading too: when a total reconciles with its rows counted
  // one by one, the group was a coincidence and is dropped.
  let dissolved = false;
  const dissolve = (row: number): void => {
    marks.add(row, DISSOLVED);
    dissolved = true;
  };
  let weakCount = 0;
  const textRows = sortedRows(t.textRows);
  let textPtr = 0;
  let lastTextRow = -1;
  let lastTotal = -1; // index in items of the last total
  let totalsInItems = 0;
  let lastStrong = -1; // index in items of the last labelled (or formula) total
  flat.clear();
  const pick = new ReadingPick(cells, rs);
  const isCountRow = (row: number): boolean => (facts.of(row) & L_COUNT) !== 0;
  // Most tables have no count rows: then no reading needs looking at for one.
  let anyCountRow = false;
  for (const r of body)
    if (isCountRow(r)) {
      anyCountRow = true;
      break;
    }

  for (let bi = 0; bi < body.length; bi++) {
    const r = body[bi];
    while (textPtr < textRows.length && textRows[textPtr] < r) lastTextRow = textRows[textPtr++];
    if (marks.has(r, CONSUMED)) continue;
    const rowFacts = facts.of(r);
    if (rowFacts & L_PART) continue;
    if (marks.has(r, CHILD)) {
      flat.push(r);
      continue;
    }
    // A row shown to stand above its parts is read as that, whatever its label: an item here.
    if (marks.has(r, HEAD)) {
      flat.push(r);
      items.push(dataItem(r, rs));
      continue;
    }
    const labelled = (rowFacts & L_TOTAL) !== 0;
    const hasFormula = firstSumFormula(g, r, footCols, formulaRange);
    let chosen: Item[] | null = null;
    let below: number[] | null = null;
    if (labelled || hasFormula) {
      // The block: data items since the last total (and the last text row), items[blockFrom..].
      const blockFrom = lastTotal + 1;
      const blockAllLength = items.length - blockFrom;
      let block: Block | null = null;
      // Readings are tried most likely first, each built only while none has won yet.
      // Count rows are never part of a money total (checks.md 5.3), whatever a formula covers.
      pick.reset(r, anyCountRow && !(rowFacts & L_COUNT) ? isCountRow : null);
      if (hasFormula) {
        const { from, to } = formulaRange;
        const fr = anyCountRow && (rowFacts & L_COUNT) === 0 ? inRowRange(items, from, to).filter((x) => x.total || !isCountRow(x.row)) : inRowRange(items, from, to);
        if (fr.length) pick.offer(fr);
        const frExpanded = pick.done || !groupOf ? null : expandGroups(fr, groupOf, rs);
        if (frExpanded) pick.offer(inRowRange(frExpanded, from, to));
      }
      if (!pick.done) {
        block = blockOf(items, blockFrom, lastTextRow, (rowFacts & L_COUNT) !== 0, facts);
        if (block.length) offerBlock(pick, items, block);
        if (blockAllLength && blockAllLength !== block.length) pick.offerSlice(items, blockFrom, items.length);
        const blockExpanded = pick.done || !groupOf ? null : expandGroups(blockItems(items, block), groupOf, rs);
        if (blockExpanded) pick.offer(blockExpanded);
      }
      // Totals of totals: earlier totals plus the rows after them.
      if (totalsInItems > 0 && items.length <= 500 && !pick.done) pick.offerSlice(items, 0, items.length);
      // … or the earlier totals alone (Totalt over the sections' Summa rows).
      if (totalsInItems > 1 && !pick.done) pick.offer(strongTotals(items));
      // The last k items of the block (the block is the tail of items).
      for (let k = Math.min(blockAllLength - 1, MAX_RUN); k >= 1 && !pick.done; k--) pick.offerSlice(items, items.length - k, items.length);
      // The last few totals (and rows after them): Summa eget kapital, avsättningar och skulder.
      if (totalsInItems > 0) for (let k = Math.min(items.length - 1, MAX_RUN); k >= 2 && !pick.done; k--) pick.offerSlice(items, items.length - k, items.length);
      // Parts listed under a row of their own (too small to be proven a group by arithmetic
      // alone) are left out when that makes the total reconcile.
      if (!pick.done) {
        // The block, or all of it when no item passed (block was built: the pick is not done).
        const own = block!.length ? block!.own : null;
        const list = own ?? items;
        const [from, to] = own ? [0, own.length] : [blockFrom, items.length];
        // Parts that agree closely first; then parts that meet their row within rounding only.
        const closeParts = leaveOutParts(cells, list, from, to, true, rs);
        if (closeParts) pick.offer(closeParts);
        const looseParts = pick.done ? null : leaveOutParts(cells, list, from, to, false, rs);
        if (looseParts && !sameRows(looseParts, closeParts)) pick.offer(looseParts);
      }
      let flatRows: number[] | null = null;
      let flatItems: Item[] | null = null;
      if (!pick.done && flat.length >= 2 && (weakCount > 0 || groups.length > 0)) {
        flatRows = flat.toArray();
        flatItems = flatRows.map((row) => dataItem(row, rs));
        pick.offer(flatItems);
      }
      pick.finish();
      if (flatRows && pick.chosen === flatItems) {
        // Every row on its own reconciles: the groups and arithmetic subtotals in between were coincidences.
        for (const gr of groups) if (flatRows.includes(gr.row)) dissolve(gr.row);
        for (const row of flatRows) if (marks.has(row, WEAK)) dissolve(row);
        totals.push(makeTotal(g, r, flatRows, 'column-sum', footCols, flatRows));
        items.length = lastStrong + 1;
        items.push(totalItem(r, flatRows, false));
        lastTotal = lastStrong = items.length - 1;
        totalsInItems = countTotals(items);
        flat.clear();
        continue;
      }
      chosen = pick.chosen;
      if (!chosen && pick.bestItems && pick.bestScore > 0) chosen = pick.bestItems;
      if (!chosen) {
        // SCB style: the total stands above its parts.
        below = partsBelow(cells, body, bi, facts, rs);
        // Nothing reconciles: report against the plain reading, when the label says
        // total outright (a word inside a label, "Andel av total …", is no proof).
        // (The pick was never done, so the block was built.)
        if (!below && (rowFacts & L_STRONG_TOTAL || hasFormula))
          chosen = block!.length ? blockItems(items, block!) : blockAllLength ? items.slice(blockFrom) : totalsInItems > 0 ? items.slice() : null;
      }
    } else {
      chosen = arithmeticTotal(cells, r, items, Math.max(lastTotal + 1, items.length - MAX_RUN), rs);
      if (chosen) {
        marks.add(r, WEAK);
        weakCount++;
      }
    }
    flat.push(r);
    if (below) {
      for (const b of below) marks.add(b, CONSUMED);
      totals.push(makeTotal(g, r, below, 'column-sum', footCols, below));
      items.push(totalItem(r, below, false));
      lastTotal = lastStrong = items.length - 1;
      totalsInItems++;
      flat.clear();
      continue;
    }
    if (!chosen || chosen.length === 0) {
      items.push(dataItem(r, rs));
      continue;
    }
    // A group whose part is summed on its own was a coincidence (a part always has its group).
    if (groupOf)
      for (const x of chosen)
        if (marks.has(x.row, CHILD)) {
          dissolveGroupsOf(x.row, groups, marks);
          dissolved = true;
        }
    // Rows summed and data rows closed, gathered in reused lists and copied at their size.
    chosenRows.clear();
    chosenCloses.clear();
    let chosenTotals = 0;
    for (const x of chosen) {
      chosenRows.push(x.row);
      if (x.closes) for (const k of x.closes) chosenCloses.push(k);
      else chosenCloses.push(x.row);
      if (x.total) chosenTotals++;
      marks.add(x.row, CHOSEN);
    }
    const itemRows = chosenRows.toArray();
    // Data rows only: they close themselves, so one array serves as both.
    const closes = chosenTotals > 0 ? chosenCloses.toArray() : itemRows;
    totals.push(makeTotal(g, r, itemRows, chosenTotals > 0 ? 'total-of-totals' : 'column-sum', footCols, closes));
    replaceChosen(items, marks);
    for (const x of chosen) marks.remove(x.row, CHOSEN);
    const weak = marks.has(r, WEAK);
    items.push(totalItem(r, closes, weak));
    lastTotal = items.length - 1;
    totalsInItems = totalsInItems - chosenTotals + 1;
    if (!weak) {
      lastStrong = lastTotal;
      flat.clear();
    }
  }
  return dissolved ? totals.filter((x) => !marks.has(x.row, DISSOLVED) || (!marks.has(x.row, HEAD) && !marks.has(x.row, WEAK))) : totals;
}

function dissolveGroupsOf(row: number, groups: TotalRow[], marks: TableRowBits): void {
  for (const gr of groups) if (gr.items.includes(row)) marks.add(gr.row, DISSOLVED);
}

/** The items whose row lies in from..to (usually a run of the list: then copied at its size). */
function inRowRange(list: Item[], from: number, to: number): Item[] {
  let first = -1;
  let n = 0;
  for (let i = 0; i < list.length; i++)
    if (list[i].row >= from && list[i].row <= to) {
      if (first < 0) first = i;
      n++;
    }
  let run = 0;
  while (run < n && list[first + run].row >= from && list[first + run].row <= to) run++;
  if (run === n) return n ? list.slice(first, first + n) : [];
  const out: Item[] = [];
  for (const x of list) if (x.row >= from && x.row <= to) out.push(x);
  return out;
}

/** The list with each group row followed by its parts; null when it holds no group row. */
function expandGroups(list: Item[], groupOf: Map<number, TotalRow>, rs: ReadingsScratch): Item[] | null {
  let any = false;
  for (const x of list)
    if (groupOf.has(x.row)) {
      any = true;
      break;
    }
  if (!any) return null;
  const out: Item[] = [];
  for (const x of list) {
    out.push(x);
    const gr = groupOf.get(x.row);
    if (gr) for (const c of gr.items) out.push(dataItem(c, rs));
  }
  return out;
}

/**
 * The block of a total: the items since the last total that lie below the last text row and
 * count like the total row (Antal …). `own` is null when every item passes: the block is then
 * items[from..] itself, copied only if chosen.
 */
interface Block {
  from: number;
  length: number;
  own: Item[] | null;
}

function blockOf(items: Item[], from: number, lastTextRow: number, countRow: boolean, facts: RowFacts): Block {
  const passes = (x: Item): boolean => x.row > lastTextRow && ((facts.of(x.row) & L_COUNT) !== 0) === countRow;
  let n = 0;
  for (let i = from; i < items.length; i++) if (passes(items[i])) n++;
  if (n === items.length - from) return { from, length: n, own: null };
  const own: Item[] = [];
  for (let i = from; i < items.length; i++) if (passes(items[i])) own.push(items[i]);
  return { from, length: n, own };
}

/** The block as a list of its own. */
function blockItems(items: Item[], block: Block): Item[] {
  return block.own ?? items.slice(block.from);
}

function offerBlock(pick: ReadingPick, items: Item[], block: Block): void {
  if (block.own) pick.offer(block.own);
  else pick.offerSlice(items, block.from, items.length);
}

/** The totals found by a label or a formula. */
function strongTotals(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const x of items) if (x.total && !x.weak) out.push(x);
  return out;
}

function countTotals(items: Item[]): number {
  let n = 0;
  for (const x of items) if (x.total) n++;
  return n;
}

/** Takes the items marked CHOSEN out of the list, from the first of them on (the others keep their order). */
function replaceChosen(items: Item[], marks: TableRowBits): void {
  let from = items.length;
  for (let i = items.length - 1; i >= 0; i--) if (marks.has(items[i].row, CHOSEN)) from = i;
  let kept = from;
  for (let i = from; i < items.length; i++) if (!marks.has(items[i].row, CHOSEN)) items[kept++] = items[i];
  items.length = kept;
}

/**
 * An unlabelled row that is the exact sum of the items right above it (at least two), from
 * `from` on: exact in every column, or in all but one when many sizable columns are (a
 * figure typed wrong in a total row must not hide the row). The run is sized on the row's
 * first figure column, or on its second when the first is the one that fails.
 */
function arithmeticTotal(cells: FootCells, r: number, items: Item[], from: number, rs: ReadingsScratch): Item[] | null {
  if (items.length - from < 2) return null;
  const c0 = firstFigureColumn(cells, r);
  if (c0 < 0) return null;
  const found = arithmeticRun(cells, r, items, from, c0, rs);
  if (found || cells.count < ARITHMETIC_FAULT_MIN_EXACT + 1) return found;
  const c1 = firstFigureColumn(cells, r, c0 + 1);
  return c1 < 0 ? null : arithmeticRun(cells, r, items, from, c1, rs);
}

function arithmeticRun(cells: FootCells, r: number, items: Item[], from: number, c0: number, rs: ReadingsScratch): Item[] | null {
  const target = cells.num(r, c0);
  let unit = cells.unit(r, c0);
  let roundedTarget = roundTo(target, unit);
  let run = 0;
  for (let j = items.length - 1; j >= from; j--) {
    const row = items[j].row;
    run += cells.num(row, c0);
    if (cells.unit(row, c0) > unit) {
      unit = cells.unit(row, c0);
      roundedTarget = roundTo(target, unit);
    }
    if (items.length - j < 2 || (Number.isFinite(roundedTarget) && farApart(run, target, unit)) || Math.abs(roundTo(run, unit) - roundedTarget) > 1e-9 * Math.max(1, Math.abs(target))) continue;
    // Rows of zeros add nothing: a "total" of one real row is a repeated row.
    if (contributing(cells, items, j, items.length) < 2) continue;
    const sc = scoreItems(cells, r, items, j, items.length, true, rs);
    if (sc.good >= 0 && sc.bad === 0) return items.slice(j);
    if (cells.count <= ARITHMETIC_FAULT_MIN_EXACT) continue;
    const loose = scoreItems(cells, r, items, j, items.length, false, rs);
    if (loose.bad === 1 && loose.exact === loose.good && loose.okCount >= ARITHMETIC_FAULT_MIN_EXACT && informativeExact(cells, r, items, j) >= ARITHMETIC_FAULT_MIN_EXACT) return items.slice(j);
  }
  return null;
}

/**
 * Columns where the row is the exact sum of items[from..] and at least two of them hold a
 * figure other than 0: a row that repeats the row above it beside zeros proves nothing.
 */
function informativeExact(cells: FootCells, r: number, items: Item[], from: number): number {
  let n = 0;
  for (let ci = 0; ci < cells.count; ci++) {
    if (cells.kind(r, ci) !== K_NUMBER) continue;
    let sum = 0;
    let nonzero = 0;
    let unit = cells.unit(r, ci);
    for (let j = from; j < items.length; j++) {
      const x = cells.num(items[j].row, ci);
      sum += x;
      if (x !== 0) nonzero++;
      if (cells.unit(items[j].row, ci) > unit) unit = cells.unit(items[j].row, ci);
    }
    const y = cells.num(r, ci);
    if (nonzero >= 2 && y !== 0 && Math.abs(roundTo(sum, unit) - roundTo(y, unit)) <= 1e-9 * Math.max(1, Math.abs(y))) n++;
  }
  return n;
}


/** Two readings with the same rows (or both none). */
function sameRows(a: readonly Item[] | null, b: readonly Item[] | null): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].row !== b[i].row) return false;
  return true;
}
