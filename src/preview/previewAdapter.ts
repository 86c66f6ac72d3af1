// HostAdapter for the plain browser: an .xlsx opened in the page is read, checked by the
// same engine and shown as a grid. Nothing leaves the browser; the coloured copy is
// built in memory and offered as a download.
import { checkWorkbook } from '../engine';
import type { WorkbookInput, WorkbookResult } from '../engine';
import type { CheckRun, HostAdapter } from '../host/hostAdapter';
import { readXlsx, writeColouredCopy } from '../xlsx/index';
import { tableForCopy } from '../clipboard/tableForCopy';

export interface PreviewState {
  fileName?: string;
  workbook?: WorkbookInput;
  /** Undefined until checked, and again after "Rensa statusfärger". */
  result?: WorkbookResult;
  /** The sheet shown in the grid. */
  activeSheet?: string;
  selected?: { sheet: string; address: string };
}

export interface PreviewAdapter extends HostAdapter {
  readonly host: 'preview';
  /** Read a workbook; throws an Error with a Swedish message when the file is not usable. */
  openFile(bytes: Uint8Array, fileName: string): void;
  showSheet(sheet: string): void;
  /** The original bytes with status colours (values untouched); undefined before a check. */
  colouredCopy(): Uint8Array | undefined;
  colouredFileName(): string;
  getState(): PreviewState;
  subscribe(listener: (state: PreviewState) => void): () => void;
}

export function createPreviewAdapter(): PreviewAdapter {
  let bytes: Uint8Array | undefined;
  let state: PreviewState = {};
  const listeners = new Set<(s: PreviewState) => void>();
  const set = (next: Partial<PreviewState>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l(state));
  };

  const check = async (onlySheet?: string): Promise<CheckRun> => {
    if (!state.workbook) throw new Error('Öppna först en .xlsx-fil.');
    const workbook = onlySheet ? { sheets: state.workbook.sheets.filter((s) => s.name === onlySheet) } : state.workbook;
    const result = checkWorkbook(workbook);
    set({ result });
    return { workbook, result, skipped: [] };
  };

  return {
    host: 'preview',
    openFile(data, fileName) {
      const workbook = readXlsx(data); // throws a Swedish message on bad input
      bytes = data;
      set({ fileName, workbook, result: undefined, selected: undefined, activeSheet: workbook.sheets[0]?.name });
    },
    checkWorkbook: () => check(),
    checkActiveSheet: () => check(state.activeSheet),
    async clearStatusColours() {
      set({ result: undefined, selected: undefined });
    },
    async select(sheet, address) {
      set({ activeSheet: sheet, selected: { sheet, address } });
    },
    async tableForCopy(sheet, table) {
      // The workbook as read (no status colours in it), checked as last shown.
      if (!state.workbook || !state.result) throw new Error('Kontrollera arbetsboken först.');
      return tableForCopy(state.workbook, state.result, sheet, table);
    },
    showSheet(sheet) {
      set({ activeSheet: sheet });
    },
    colouredCopy() {
      return bytes && state.result ? writeColouredCopy(bytes, state.result) : undefined;
    },
    colouredFileName() {
      const base = (state.fileName ?? 'arbetsbok.xlsx').replace(/\.xlsx$/i, '');
      return `${base}-summakoll.xlsx`;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
