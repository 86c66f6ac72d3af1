// Total rows, groups and totals of totals (checks.md 4.2–4.5, 4.8). Rows are walked
// top to bottom keeping the top-level items since the header; a total replaces the
// items it closes, so a later total can sum earlier totals plus the rows after them.
import type { Grid } from './grid';
import { K_NUMBER } from './grid';
import { isCountLabel, isPartLabel, isStrongTotalLabel, isTotalLabel } from './labels';
import { detectGroups, leaveOutParts, partsBelow } from './parts';
import { contributing, MAX_RUN, ReadingPick, scoreReading, type Item } from './readings';
import { labelOf, RowMemo } from './rowLabels';
import type { Table } from './tableFinder';
import { roundTo } from './tolerance';
import { firstSumFormula, makeTotal, type TotalRow } from './totalRow';

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
      if (totalsInItems > 1 && !pick.done) pick.offer(items.filter((x) => x.total && !x.weak));
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
