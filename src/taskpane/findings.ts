// The task pane's list model: checked cells grouped by sheet and table, with the
// numbers of the check that decided each cell's status. Pure, so it is unit-tested.
import type { Check, CheckedCell, Status, TableInfo, WorkbookResult } from '../engine';

export type StatusFilter = 'all' | Status;

export interface Finding {
  sheet: string;
  address: string;
  row: number;
  col: number;
  status: Status;
  message: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  rounding: boolean;
}

export interface TableGroup {
  /** Undefined for cells outside every detected table. */
  table?: TableInfo;
  title: string;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  tables: TableGroup[];
}

/** The check that gave the cell its status (the first one as bad as the cell). */
function decidingCheck(cell: CheckedCell): Check | undefined {
  return cell.checks.find((c) => c.status === cell.status) ?? cell.checks[0];
}

export function toFinding(sheet: string, cell: CheckedCell): Finding {
  const check = decidingCheck(cell);
  return {
    sheet,
    address: cell.address,
    row: cell.row,
    col: cell.col,
    status: cell.status,
    message: check?.message ?? '',
    expected: check?.expected ?? null,
    actual: check?.actual ?? null,
    difference: check?.difference ?? null,
    rounding: check?.detail === 'rounding',
  };
}

const inTable = (t: TableInfo, c: CheckedCell) => c.row >= t.r0 && c.row <= t.r1 && c.col >= t.c0 && c.col <= t.c1;

export function groupFindings(result: WorkbookResult, filter: StatusFilter): SheetGroup[] {
  const out: SheetGroup[] = [];
  for (const sheet of result.sheets) {
    const cells = sheet.cells
      .filter((c) => filter === 'all' || c.status === filter)
      .sort((a, b) => a.row - b.row || a.col - b.col);
    if (!cells.length) continue;
    const groups: TableGroup[] = sheet.tables.map((table) => ({ table, title: table.title || table.range, findings: [] }));
    const loose: TableGroup = { title: 'Utanför tabeller', findings: [] };
    for (const cell of cells) {
      const i = sheet.tables.findIndex((t) => inTable(t, cell));
      (i >= 0 ? groups[i] : loose).findings.push(toFinding(sheet.name, cell));
    }
    const tables = [...groups, loose].filter((g) => g.findings.length);
    out.push({ sheet: sheet.name, tables });
  }
  return out;
}
