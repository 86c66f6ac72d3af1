// The engine's entry point: every sheet's tables found and checked, then the checks
// between tables of the workbook (budgetväxlingar against budgetfördelning).
import { rangeAddress } from './read/address';
import { attachCauses } from './causes/attach';
import { sheetResult } from './result/sheetResult';
import { checkTable, type CheckedTable, type CheckTableOptions } from './checkTable';
import { CheckCollector } from './result/collector';
import { checkCrossTables } from './hypotheses/crossTable';
import { buildGrid, type Grid } from './read/grid';
import { findTables } from './tables/tableFinder';
import { Run } from './scratch';
import type { SheetResult, TableInfo, WorkbookInput, WorkbookResult } from './types';

export type CheckWorkbookOptions = Partial<CheckTableOptions>;

export interface SheetWork {
  name: string;
  /** The sheet's grid while checks between tables may still read it (null once it cannot). */
  grid: Grid | null;
  collector: CheckCollector;
  /** The tables of a region template (generic tables need nothing after their own check). */
  tables: CheckedTable[];
  /** Every table, as the result describes it. */
  infos: TableInfo[];
  notes: string[];
}

export function checkWorkbook(wb: WorkbookInput, options: CheckWorkbookOptions = {}): WorkbookResult {
  const opts: CheckTableOptions = { textNumbers: options.textNumbers ?? 'warn' };
  // All scratch memory and caches of this run: nothing is kept between runs.
  const run = new Run();
  const work: SheetWork[] = [];
  for (const sheet of wb.sheets) {
    const grid = buildGrid(sheet, run.formats);
    const collector = new CheckCollector(grid);
    const tables: CheckedTable[] = [];
    const infos: TableInfo[] = [];
    const notes: string[] = [];
    for (const t of findTables(grid, run.labels)) {
      const ct = checkTable(grid, t, collector, opts, run);
      infos.push(tableInfo(ct));
      // Only the region's tables are checked against each other; a generic table's work is done.
      if (ct.template.kind !== 'generic') tables.push(ct);
      for (const n of ct.notes) notes.push(n);
    }
    // No table here takes part in the checks between tables: nothing more is added to this
    // sheet, so its collector lets the grid go now (less memory held while the rest is checked).
    if (tables.length === 0) collector.seal();
    work.push({ name: grid.name, grid: tables.length ? grid : null, collector, tables, infos, notes });
  }
  checkCrossTables(work);
  const summary = { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  const sheets: SheetResult[] = work.map((w) => {
    w.collector.seal();
    const counts = w.collector.counts();
    summary.tables += w.infos.length;
    summary.cells += counts.cells;
    summary.ok += counts.ok;
    summary.warning += counts.warning;
    summary.error += counts.error;
    return sheetResult(w.name, w.infos, w.collector, w.notes);
  });
  const result = { sheets, summary };
  attachCauses(wb, result);
  return result;
}

function tableInfo(ct: CheckedTable): TableInfo {
  const t = ct.table;
  return {
    range: rangeAddress(t.r0, t.c0, t.r1, t.c1),
    kind: ct.template.kind,
    title: t.title,
    r0: t.r0,
    c0: t.c0,
    r1: t.r1,
    c1: t.c1,
    headerRows: t.headerRows,
    totalRows: ct.totals.filter((x) => x.rule !== 'subtotal-sum').map((x) => x.row),
  };
}
