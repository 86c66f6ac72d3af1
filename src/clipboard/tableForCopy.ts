// What the Excel and preview adapters call for "Kopiera till Word": the table's
// clipboard content, and how many of its cells are red (the task pane asks first).
import type { TableInfo, WorkbookInput, WorkbookResult } from '../engine';
import { tableToClipboard, type ClipboardTable, type OriginalFormats } from './tableHtml';
import { T } from '../ui/texts';

export interface TableCopy extends ClipboardTable {
  /** Checked cells inside the table with status `error`. */
  errorCells: number;
}

export function tableErrorCount(result: WorkbookResult, sheet: string, table: TableInfo): number {
  const s = result.sheets.find((x) => x.name === sheet);
  if (!s) return 0;
  return s.cells.filter((c) => c.status === 'error' && c.row >= table.r0 && c.row <= table.r1 && c.col >= table.c0 && c.col <= table.c1).length;
}

export function tableForCopy(
  workbook: WorkbookInput,
  result: WorkbookResult,
  sheet: string,
  table: TableInfo,
  original?: OriginalFormats,
): TableCopy {
  const input = workbook.sheets.find((s) => s.name === sheet);
  if (!input) throw new Error(T.sheetGone(sheet));
  return { ...tableToClipboard(input, table, original), errorCells: tableErrorCount(result, sheet, table) };
}

/** The Swedish question the task pane asks before copying a table with red cells. */
export function confirmCopyText(errorCells: number): string {
  return T.confirmCopy(errorCells);
}
