// "Kontrollera medan jag skriver": re-check the sheet a user edits, debounced, and
// re-colour only the table that changed. The adapter's own colour writes are ignored.
import { checkWorkbook } from '../engine';
import { parseCellAddress } from '../engine';
import type { CheckRun, SkippedSheet } from '../host/hostAdapter';
import { applyStatusColours } from './colourWriter';
import { readWorkbook } from './readWorkbook';
import type { ApiSupport, ExcelRun } from './officeTypes';
import type { TableInfo } from '../engine';
import { PROTECTED_REASON } from './messages';

/** Which table a changed cell belongs to. */
export function tableAt(tables: TableInfo[], row: number, col: number): TableInfo | undefined {
  return tables.find((t) => row >= t.r0 && row <= t.r1 && col >= t.c0 && col <= t.c1);
}

export interface WatchOptions {
  run: ExcelRun;
  supports: ApiSupport;
  busy: { writing: boolean };
  debounceMs: number;
  onResult: (run: CheckRun) => void;
}

export async function watchWorkbookChanges(o: WatchOptions): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, string[]>(); // worksheetId → changed addresses

  const recheck = async () => {
    const work = [...pending.entries()];
    pending.clear();
    for (const [worksheetId, addresses] of work) {
      o.busy.writing = true;
      try {
        const run = await o.run(async (context) => {
          const [sheet] = await readWorkbook(context, o.supports, { kind: 'sheet', idOrName: worksheetId });
          const workbook = { sheets: [sheet.input] };
          const result = checkWorkbook(workbook);
          const skipped: SkippedSheet[] = sheet.protected ? [{ sheet: sheet.input.name, reason: PROTECTED_REASON }] : [];
          if (!sheet.protected) {
            const sr = result.sheets[0];
            const touched = new Set(
              addresses
                .map((a) => parseCellAddress(a.split(':')[0]))
                .map((p) => (p ? tableAt(sr.tables, p.r, p.c) : undefined))
                .filter((t) => t !== undefined),
            );
            // Only the edited tables are re-coloured; an edit outside every table re-colours the sheet.
            const cells = touched.size
              ? sr.cells.filter((c) => [...touched].some((t) => c.row >= t.r0 && c.row <= t.r1 && c.col >= t.c0 && c.col <= t.c1))
              : sr.cells;
            await applyStatusColours(context, [{ sheet: sr.name, cells, partial: touched.size > 0 }]);
          }
          return { workbook, result, skipped };
        });
        o.onResult(run);
      } catch {
        // A failed background re-check must not disturb typing; the next edit tries again.
      } finally {
        o.busy.writing = false;
      }
    }
  };

  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    if (o.busy.writing) return;
    const list = pending.get(event.worksheetId) ?? [];
    list.push(event.address);
    pending.set(event.worksheetId, list);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void recheck(), o.debounceMs);
  };

  const registration = await o.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
    return result;
  });

  return async () => {
    if (timer) clearTimeout(timer);
    registration.remove();
    await registration.context.sync();
  };
}
