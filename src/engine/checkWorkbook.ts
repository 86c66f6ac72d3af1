// The engine's entry point: every sheet's tables found and checked, then the checks
// between tables of the workbook (budgetväxlingar against budgetfördelning).
import { rangeAddress } from './address';
import { checkTable, type CheckedTable, type CheckTableOptions } from './checkTable';
import { CheckCollector } from './collector';
import { checkCrossTables } from './crossTable';
import { buildGrid, type Grid } from './grid';
import { findTables } from './tableFinder';
import type { SheetResult, TableInfo, WorkbookInput, WorkbookResult } from './types';

export type CheckWorkbookOptions = Partial<CheckTableOptions>;

export interface SheetWork {
  grid: Grid;
  collector: CheckCollector;
  tables: CheckedTable[];
  notes: string[];
}

export function checkWorkbook(wb: WorkbookInput, options: CheckWorkbookOptions = {}): WorkbookResult {
  const opts: CheckTableOptions = { textNumbers: options.textNumbers ?? 'warn' };
  const work: SheetWork[] = [];
  for (const sheet of wb.sheets) {
    const grid = buildGrid(sheet);
    const collector = new CheckCollector(grid);
    const tables: CheckedTable[] = [];
    const notes: string[] = [];
    for (const t of findTables(grid)) {
      const ct = checkTable(grid, t, collector, opts);
      tables.push(ct);
      for (const n of ct.notes) notes.push(n);
    }
    work.push({ grid, collector, tables, notes });
  }
  checkCrossTables(work);
  const sheets: SheetResult[] = work.map((w) => ({
    name: w.grid.name,
    tables: w.tables.map(tableInfo),
    cells: w.collector.list(),
    notes: w.notes,
  }));
  const summary = { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  for (const s of sheets) {
    summary.tables += s.tables.length;
    summary.cells += s.cells.length;
    for (const c of s.cells) {
      if (c.status === 'ok') summary.ok++;
      else if (c.status === 'warning') summary.warning++;
      else summary.error++;
    }
  }
  return { sheets, summary };
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
