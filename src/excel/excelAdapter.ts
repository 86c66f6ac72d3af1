// HostAdapter for Excel (Office.js): read → engine → colour. No rule lives here.
import { checkWorkbook } from '../engine';
import type { WorkbookInput } from '../engine';
import type { CheckRun, HostAdapter, SkippedSheet } from '../host/hostAdapter';
import { applyStatusColours, restoreOriginalColours } from './colourWriter';
import { readWorkbook, type ReadScope, type ReadSheet } from './readWorkbook';
import { officeApiSupport, officeExcelRun, type ApiSupport, type ExcelRun } from './officeTypes';
import { watchWorkbookChanges } from './changeWatcher';
import { tableForCopy } from '../clipboard/tableForCopy';
import { copyFormatsOf } from './copyFormats';
import { loadOriginalsSetting, readOriginalsSetting } from './originalFormats';

import { PROTECTED_CLEAR_REASON, PROTECTED_REASON } from './messages';

export interface ExcelAdapterOptions {
  run?: ExcelRun;
  supports?: ApiSupport;
  /** Debounce for "Kontrollera medan jag skriver", milliseconds. */
  debounceMs?: number;
}

export interface ExcelAdapter extends HostAdapter {
  /** Sheets whose colours "Rensa statusfärger" could not restore (protected). */
  lastClearSkipped: SkippedSheet[];
}

export function checkAndColour(context: Excel.RequestContext, supports: ApiSupport, scope: ReadScope): Promise<CheckRun> {
  return readWorkbook(context, supports, scope).then(async (sheets: ReadSheet[]) => {
    const workbook: WorkbookInput = { sheets: sheets.map((s) => s.input) };
    const result = checkWorkbook(workbook);
    const skipped: SkippedSheet[] = sheets.filter((s) => s.protected).map((s) => ({ sheet: s.input.name, reason: PROTECTED_REASON }));
    const writable = new Set(sheets.filter((s) => !s.protected).map((s) => s.input.name));
    await applyStatusColours(
      context,
      result.sheets.filter((s) => writable.has(s.name)).map((s) => ({ sheet: s.name, cells: s.cells })),
    );
    return { workbook, result, skipped };
  });
}

export function createExcelAdapter(options: ExcelAdapterOptions = {}): ExcelAdapter {
  const run = options.run ?? officeExcelRun();
  const supports = options.supports ?? officeApiSupport();
  // Set while the adapter itself writes, so the change watcher ignores its own edits.
  const busy = { writing: false };

  // The last check's input and result: "Kopiera till Word" copies what was checked.
  let lastRun: CheckRun | undefined;
  const remember = (r: CheckRun): CheckRun => (lastRun = r);

  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    busy.writing = true;
    try {
      return await fn();
    } finally {
      busy.writing = false;
    }
  };

  const adapter: ExcelAdapter = {
    host: 'excel',
    lastClearSkipped: [],
    checkWorkbook: () => guarded(() => run((context) => checkAndColour(context, supports, { kind: 'all' }))).then(remember),
    checkActiveSheet: () => guarded(() => run((context) => checkAndColour(context, supports, { kind: 'active' }))).then(remember),
    clearStatusColours: () =>
      guarded(async () => {
        const { protectedSheets } = await run((context) => restoreOriginalColours(context));
        adapter.lastClearSkipped = protectedSheets.map((sheet) => ({ sheet, reason: PROTECTED_CLEAR_REASON }));
        if (protectedSheets.length) {
          throw new Error(`Statusfärgerna togs bort utom på skyddade blad: ${protectedSheets.join(', ')}. Ta bort skyddet och försök igen.`);
        }
      }),
    tableForCopy: async (sheet, table) => {
      if (!lastRun) throw new Error('Kontrollera arbetsboken först.');
      const { workbook, result } = lastRun;
      // The fills and font colours the cells had before Summakoll, never the status colours.
      const saved = await run(async (context) => {
        const setting = loadOriginalsSetting(context);
        await context.sync();
        return readOriginalsSetting(setting);
      });
      return tableForCopy(workbook, result, sheet, table, copyFormatsOf(saved, sheet));
    },
    select: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
  };

  if (supports('1.9')) {
    adapter.watchChanges = (onResult) =>
      watchWorkbookChanges({ run, supports, busy, debounceMs: options.debounceMs ?? 800, onResult: (r) => onResult(remember(r)) });
  }
  return adapter;
}

