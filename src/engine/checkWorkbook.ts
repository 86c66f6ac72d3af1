// Stub: replaced by the real engine in the next commit.
import type { WorkbookInput, WorkbookResult } from './types';

export function checkWorkbook(wb: WorkbookInput): WorkbookResult {
  return {
    sheets: wb.sheets.map((s) => ({ name: s.name, tables: [], cells: [], notes: [] })),
    summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 },
  };
}
