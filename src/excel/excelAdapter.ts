// HostAdapter for Excel (Office.js): read → engine → status layer. No rule lives here.
// The statuses are shown as Summakoll's own conditional formats (layerExcel.ts), never as
// fills written over the cells.
import { checkWorkbook } from '../engine';
import type { WorkbookInput } from '../engine';
import type { CheckRun, HostAdapter, SkippedSheet } from '../host/hostAdapter';
import { clearLayer, writeLayer, type LayerJob } from './layerExcel';
import { skipReason, statusCells } from './sheetStatus';
import { readWorkbook, type ReadScope } from './readWorkbook';
import { officeApiSupport, officeExcelRun, type ApiSupport, type ExcelRun } from './officeTypes';
import { watchWorkbookChanges, type WriteGuard } from './changeWatcher';
import { tableForCopy } from '../clipboard/tableForCopy';
import { readTableFormats } from './tableFormats';
import { hiddenSelectMessage, PROTECTED_CLEAR_REASON } from './messages';
import { inputsOnOneSheet } from '../host/inputRanges';

/** Workbook setting that keeps the task pane's sign-off marks ("Granskad"), saved with the file. */
export const SIGN_OFF_SETTING = 'Summakoll.signOff';

export interface ExcelAdapterOptions {
  run?: ExcelRun;
  supports?: ApiSupport;
  /** Debounce for "Kontrollera medan jag skriver", milliseconds. */
  debounceMs?: number;
}

export interface ExcelAdapter extends HostAdapter {
  /** Sheets whose colours "Rensa statusfärger" could not remove (protected). */
  lastClearSkipped: SkippedSheet[];
}

export async function checkAndColour(context: Excel.RequestContext, supports: ApiSupport, scope: ReadScope): Promise<CheckRun> {
  // Phase 1, reading: sheets, used ranges, the existing layer, the cells.
  const sheets = await readWorkbook(context, supports, scope);
  const workbook: WorkbookInput = { sheets: sheets.map((s) => s.input) };
  const result = checkWorkbook(workbook);
  const skipped: SkippedSheet[] = [];
  const jobs: LayerJob[] = [];
  sheets.forEach((s, i) => {
    const reason = skipReason(s);
    if (reason) skipped.push({ sheet: s.input.name, reason });
    if (s.protected) return; // a protected sheet cannot take (or lose) conditional formats
    // A hidden sheet loses an old layer and gets no new one.
    const cells = s.hidden ? [] : statusCells(result.sheets[i]);
    if (cells.length || s.layer.length) jobs.push({ sheet: s.sheet, cells, old: s.layer });
  });
  // Phase 2, colouring: replace the layer (one sync for ordinary workbooks).
  await writeLayer(context, jobs);
  return { workbook, result, skipped };
}

export function createExcelAdapter(options: ExcelAdapterOptions = {}): ExcelAdapter {
  const run = options.run ?? officeExcelRun();
  const supports = options.supports ?? officeApiSupport();
  // Set while the adapter itself writes, so the change watcher ignores its own edits.
  const busy: WriteGuard = { writing: false, quietUntil: 0 };

  // The last check's input and result: "Kopiera till Word" copies what was checked.
  let lastRun: CheckRun | undefined;
  const remember = (r: CheckRun): CheckRun => (lastRun = r);

  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    busy.writing = true;
    try {
      return await fn();
    } finally {
      busy.writing = false;
      busy.quietUntil = Date.now() + QUIET_MS;
    }
  };

  const adapter: ExcelAdapter = {
    host: 'excel',
    lastClearSkipped: [],
    checkWorkbook: () => guarded(() => run((context) => checkAndColour(context, supports, { kind: 'all' }))).then(remember),
    checkActiveSheet: () => guarded(() => run((context) => checkAndColour(context, supports, { kind: 'active' }))).then(remember),
    clearStatusColours: () =>
      guarded(async () => {
        const { protectedSheets } = await run((context) => clearLayer(context));
        adapter.lastClearSkipped = protectedSheets.map((sheet) => ({ sheet, reason: PROTECTED_CLEAR_REASON }));
        if (protectedSheets.length) {
          throw new Error(`Statusfärgerna togs bort utom på skyddade blad: ${protectedSheets.join(', ')}. Ta bort skyddet och försök igen.`);
        }
      }),
    tableForCopy: async (sheet, table) => {
      if (!lastRun) throw new Error('Kontrollera arbetsboken först.');
      const { workbook, result } = lastRun;
      // The cells' own fills and font colours (the status layer is not part of them).
      const formats = await run((context) => readTableFormats(context, sheet, table));
      return tableForCopy(workbook, result, sheet, table, formats);
    },
    select: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load('visibility');
        await context.sync();
        // Excel cannot activate a hidden sheet or select cells on it.
        if (ws.visibility !== 'Visible') throw new Error(hiddenSelectMessage(sheet));
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
    // "Visa indata": every input range at once (RangeAreas, ExcelApi 1.9), else the first one.
    selectRanges: (sheet, addresses) =>
      run(async (context) => {
        const group = inputsOnOneSheet(sheet, addresses);
        if (!group) return;
        const ws = context.workbook.worksheets.getItem(group.sheet);
        ws.load('visibility');
        await context.sync();
        if (ws.visibility !== 'Visible') throw new Error(hiddenSelectMessage(group.sheet));
        ws.activate();
        if (supports('1.9')) ws.getRanges(group.ranges.join(',')).select();
        else ws.getRange(group.ranges[0]).select();
        await context.sync();
      }),
    loadSignOff: () =>
      run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(SIGN_OFF_SETTING);
        setting.load('value');
        await context.sync();
        return setting.isNullObject ? undefined : String(setting.value);
      }),
    saveSignOff: (value) =>
      run(async (context) => {
        context.workbook.settings.add(SIGN_OFF_SETTING, value);
        await context.sync();
      }),
  };

  if (supports('1.9')) {
    adapter.watchChanges = (onResult) =>
      watchWorkbookChanges({
        run,
        supports,
        busy,
        debounceMs: options.debounceMs ?? 800,
        onResult: (r) => onResult(remember(r)),
        previous: () => lastRun,
      });
  }
  return adapter;
}

/**
 * Without ExcelApi 1.14 a change event does not say who made the change, and events
 * arrive after the batch that caused them: events this soon after the add-in's own write
 * are taken as its own.
 */
export const QUIET_MS = 300;
