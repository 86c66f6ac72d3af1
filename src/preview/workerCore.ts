// What the preview's Web Worker does, as plain functions over one open workbook: read the
// .xlsx, check it, and answer the page's small questions (a window of the grid, the green
// cells of a table, a table for Word, the coloured copy). The page never holds the workbook
// or the engine's result, so a million-cell workbook never blocks it. Also runs in-process
// where no Worker is available (jest, a file:// page).
import { checkWorkbook, forEachStatus } from '../engine';
import type { Status, WorkbookResult } from '../engine';
import { readXlsx, writeColouredCopy, type XlsxWorkbookInput } from '../xlsx/index';
import { buildPaneRun, okFindings, type Finding, type PaneRun } from '../taskpane/findings';
import { tableForCopy, type TableCopy } from '../clipboard/tableForCopy';
import { cellText } from '../report/cellText';
import { readSignOff, writeSignOff } from './customProps';
import { T } from '../ui/texts';

export interface SheetMeta {
  name: string;
  rows: number;
  cols: number;
}

export interface Opened {
  sheets: SheetMeta[];
  /** Sign-off marks stored in the file (custom document properties), as JSON. */
  signOff?: string;
}

/** A rectangle of the grid: texts row by row, statuses 0 none, 1 ok, 2 warning, 3 error. */
export interface GridWindow {
  sheet: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  text: string[];
  status: Uint8Array;
  /** 1 where the cell holds text (left-aligned), 0 for figures. */
  isText: Uint8Array;
}

export type Phase = 'read' | 'check' | 'collect';

export type Request =
  | { type: 'open'; bytes: Uint8Array; fileName: string }
  | { type: 'check'; sheet?: string }
  | { type: 'clear' }
  | { type: 'window'; sheet: string; r0: number; r1: number; c0: number; c1: number }
  | { type: 'ok'; key: string }
  | { type: 'copy'; sheet: string; r0: number; c0: number }
  | { type: 'download'; signOff?: string }
  | { type: 'full' };

const STATUS_CODE: Record<Status, number> = { ok: 1, warning: 2, error: 3 };
const KEY = 20000; // more columns than Excel has

export class PreviewCore {
  private bytes?: Uint8Array;
  private workbook?: XlsxWorkbookInput;
  private result?: WorkbookResult;
  private statuses = new Map<string, Map<number, number>>();

  open(bytes: Uint8Array): Opened {
    // Forget the previous workbook first: a failed open must not leave it behind.
    this.bytes = this.workbook = this.result = undefined;
    this.statuses.clear();
    const workbook = readXlsx(bytes); // throws a Swedish message on bad input
    this.bytes = bytes;
    this.workbook = workbook;
    return {
      sheets: workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length, cols: s.rows.reduce((m, r) => Math.max(m, r ? r.length : 0), 0) })),
      signOff: readSignOff(bytes),
    };
  }

  check(sheet: string | undefined, progress: (p: Phase) => void = () => undefined): PaneRun {
    if (!this.workbook) throw new Error(T.noFile);
    progress('check');
    const workbook = sheet ? { sheets: this.workbook.sheets.filter((s) => s.name === sheet) } : this.workbook;
    const result = checkWorkbook(workbook);
    progress('collect');
    this.result = result;
    this.statuses.clear();
    for (const s of result.sheets) {
      const m = new Map<number, number>();
      forEachStatus(s, (row, col, status) => m.set(row * KEY + col, STATUS_CODE[status]));
      this.statuses.set(s.name, m);
    }
    return buildPaneRun(workbook, result, []);
  }

  clear(): void {
    this.result = undefined;
    this.statuses.clear();
  }

  window(sheet: string, r0: number, r1: number, c0: number, c1: number): GridWindow {
    const input = this.workbook?.sheets.find((s) => s.name === sheet);
    const rows = Math.max(0, r1 - r0 + 1);
    const cols = Math.max(0, c1 - c0 + 1);
    const out: GridWindow = { sheet, r0, c0, rows, cols, text: new Array(rows * cols).fill(''), status: new Uint8Array(rows * cols), isText: new Uint8Array(rows * cols) };
    if (!input) return out;
    const st = this.statuses.get(sheet);
    for (let r = 0; r < rows; r++) {
      const row = input.rows[r0 + r];
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        const cell = row?.[c0 + c];
        if (cell) {
          const t = cellText(cell);
          out.text[i] = t.text;
          out.isText[i] = t.numeric ? 0 : 1;
        }
        if (st) out.status[i] = st.get((r0 + r) * KEY + c0 + c) ?? 0;
      }
    }
    return out;
  }

  okFindings(key: string): Finding[] {
    if (!this.workbook || !this.result) return [];
    return okFindings(this.workbook, this.result, key);
  }

  tableCopy(sheet: string, r0: number, c0: number): TableCopy {
    if (!this.workbook || !this.result) throw new Error(T.checkFirst);
    const table = this.result.sheets.find((s) => s.name === sheet)?.tables.find((t) => t.r0 === r0 && t.c0 === c0);
    if (!table) throw new Error(T.sheetGone(sheet));
    return tableForCopy(this.workbook, this.result, sheet, table);
  }

  download(signOff?: string): Uint8Array {
    if (!this.bytes || !this.result) throw new Error(T.checkBeforeDownload);
    const coloured = writeColouredCopy(this.bytes, this.result);
    return signOff ? writeSignOff(coloured, signOff) : coloured;
  }

  full(): { workbook: XlsxWorkbookInput; result: WorkbookResult } {
    if (!this.workbook || !this.result) throw new Error(T.checkFirst);
    // Every cell object, for callers of the HostAdapter contract (the page itself never asks).
    for (const s of this.result.sheets) void s.cells;
    return { workbook: this.workbook, result: JSON.parse(JSON.stringify(this.result)) as WorkbookResult };
  }

  handle(req: Request, progress: (p: Phase) => void): unknown {
    switch (req.type) {
      case 'open':
        progress('read');
        return this.open(req.bytes);
      case 'check':
        return this.check(req.sheet, progress);
      case 'clear':
        return this.clear();
      case 'window':
        return this.window(req.sheet, req.r0, req.r1, req.c0, req.c1);
      case 'ok':
        return this.okFindings(req.key);
      case 'copy':
        return this.tableCopy(req.sheet, req.r0, req.c0);
      case 'download':
        return this.download(req.signOff);
      case 'full':
        return this.full();
    }
  }
}
