// What the task pane needs from the document it checks. Excel (Office.js), Word
// (Office.js) and the browser preview (an .xlsx opened in the page) each implement it,
// so the React UI is the same everywhere.
import type { TableInfo, WorkbookInput, WorkbookResult } from '../engine';

export interface SkippedSheet {
  sheet: string;
  /** Swedish reason, e.g. "Bladet är skyddat och hoppades över." */
  reason: string;
}

export interface CheckRun {
  /** What was read (for the preview grid and the Word copy). */
  workbook: WorkbookInput;
  result: WorkbookResult;
  skipped: SkippedSheet[];
}

export interface HostAdapter {
  readonly host: 'excel' | 'word' | 'preview';
  checkWorkbook(): Promise<CheckRun>;
  /** The active sheet only (Excel); the whole document elsewhere. */
  checkActiveSheet(): Promise<CheckRun>;
  /** Restore every cell Summakoll coloured to exactly what it looked like before. */
  clearStatusColours(): Promise<void>;
  /** Select / scroll to a cell (`sheet` as in the result, `address` A1). */
  select(sheet: string, address: string): Promise<void>;
  /** Optional: re-check while the user types (Excel only). Returns a stop function. */
  watchChanges?(onResult: (run: CheckRun) => void): Promise<() => Promise<void>>;
  /** Optional: the table's HTML and text for "Kopiera till Word", and how many of its
   *  cells are red (the task pane asks before copying those). From the last check. */
  tableForCopy?(sheet: string, table: TableInfo): Promise<{ html: string; text: string; errorCells?: number }>;
  /** Optional: select (Excel: RangeAreas.select) or highlight (preview) the cells a check was
   *  computed from. `addresses` are A1 ranges, sheet-qualified when on another sheet. */
  selectRanges?(sheet: string, addresses: string[]): Promise<void>;
  /** Optional: the sign-off marks stored in the document (JSON), and storing them. */
  loadSignOff?(): Promise<string | undefined>;
  saveSignOff?(value: string): Promise<void>;
}
