// "Kontrollera medan jag skriver": re-check the sheet a user edits, debounced, and update
// only the edited tables' part of the status layer. The add-in's own writes raise change
// events too; they are ignored (triggerSource "ThisLocalAddin" with ExcelApi 1.14, the
// write guard and a short quiet time after each write otherwise).
import { checkWorkbook, forEachStatus, parseCellAddress } from '../engine';
import type { SheetResult, Status, Summary, TableInfo } from '../engine';
import type { CheckRun, SkippedSheet } from '../host/hostAdapter';
import { readWorkbook } from './readWorkbook';
import type { ApiSupport, ExcelRun } from './officeTypes';
import { cellsOfAddress, writeLayer } from './layerExcel';
import type { LayerCell } from './statusLayer';
import { skipReason, statusCells } from './sheetStatus';

/** Which table a changed cell belongs to. */
export function tableAt(tables: TableInfo[], row: number, col: number): TableInfo | undefined {
  return tables.find((t) => row >= t.r0 && row <= t.r1 && col >= t.c0 && col <= t.c1);
}

export interface WriteGuard {
  writing: boolean;
  /** Date.now() until which change events count as the add-in's own. */
  quietUntil: number;
}

export interface WatchOptions {
  run: ExcelRun;
  supports: ApiSupport;
  busy: WriteGuard;
  debounceMs: number;
  onResult: (run: CheckRun) => void;
  /** The last run the pane shows: a live re-check changes only the edited tables in it. */
  previous?: () => CheckRun | undefined;
}

const inside = (t: TableInfo, row: number, col: number) => row >= t.r0 && row <= t.r1 && col >= t.c0 && col <= t.c1;

/** The changed cells' tables; an address may hold several areas (`B2:B4, D7`). */
export function touchedTables(tables: TableInfo[], addresses: string[]): Set<TableInfo> {
  const touched = new Set<TableInfo>();
  for (const address of addresses) {
    for (const part of address.split(',')) {
      const [a, b] = part.slice(part.lastIndexOf('!') + 1).trim().replace(/\$/g, '').split(':');
      const p = parseCellAddress(a);
      const q = parseCellAddress(b ?? a);
      if (!p || !q) continue;
      for (const t of tables) if (t.r0 <= q.r && t.r1 >= p.r && t.c0 <= q.c && t.c1 >= p.c) touched.add(t);
    }
  }
  return touched;
}

/**
 * The pane's run after a live re-check of one sheet: the previous run with that sheet's
 * input replaced and, inside the edited tables only, the new findings; everything else
 * as it was (and as the layer still shows it). Without a previous run, the fresh one.
 */
export function mergeLiveRun(prev: CheckRun | undefined, fresh: CheckRun, touched: TableInfo[]): CheckRun {
  if (!prev) return fresh;
  const sr = fresh.result.sheets[0];
  const old = prev.result.sheets.find((s) => s.name === sr.name);
  let merged: SheetResult = sr;
  if (old && touched.length) {
    const inTouched = (c: { row: number; col: number }) => touched.some((t) => inside(t, c.row, c.col));
    merged = {
      name: sr.name,
      tables: sr.tables,
      notes: sr.notes,
      cells: [...old.cells.filter((c) => !inTouched(c)), ...sr.cells.filter(inTouched)].sort((a, b) => a.row - b.row || a.col - b.col),
    };
  }
  const replace = <T extends { name: string }>(list: T[], item: T) => (list.some((x) => x.name === item.name) ? list.map((x) => (x.name === item.name ? item : x)) : [...list, item]);
  const sheets = replace(prev.result.sheets, merged);
  const summary: Summary = { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  for (const s of sheets) {
    summary.tables += s.tables.length;
    forEachStatus(s, (_r, _c, status) => {
      summary.cells++;
      summary[status]++;
    });
  }
  return {
    workbook: { sheets: replace(prev.workbook.sheets, fresh.workbook.sheets[0]) },
    result: { sheets, summary },
    skipped: [...prev.skipped.filter((x) => x.sheet !== sr.name), ...fresh.skipped],
  };
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
          const [sheet] = await readWorkbook(context, o.supports, { kind: 'sheet', idOrName: worksheetId }, { layerAddresses: true });
          const workbook = { sheets: [sheet.input] };
          const result = checkWorkbook(workbook);
          const reason = skipReason(sheet);
          const skipped: SkippedSheet[] = reason ? [{ sheet: sheet.input.name, reason }] : [];
          const sr = result.sheets[0];
          const touched = [...touchedTables(sr.tables, addresses)];
          if (!reason) {
            const fresh = statusCells(sr);
            let cells = fresh;
            if (touched.length) {
              // Only the edited tables change: every other cell keeps the status the layer shows.
              const kept = new Map<string, LayerCell & { status: Status }>();
              for (const rule of sheet.layer) {
                for (const c of cellsOfAddress(rule.address ?? '')) {
                  if (!touched.some((t) => inside(t, c.row, c.col))) kept.set(`${c.row},${c.col}`, { ...c, status: rule.status });
                }
              }
              for (const c of fresh) if (touched.some((t) => inside(t, c.row, c.col))) kept.set(`${c.row},${c.col}`, c);
              cells = [...kept.values()];
            }
            await writeLayer(context, [{ sheet: sheet.sheet, cells, old: sheet.layer }]);
          }
          return mergeLiveRun(o.previous?.(), { workbook, result, skipped }, touched);
        });
        o.onResult(run);
      } catch {
        // A failed background re-check must not disturb typing; the next edit tries again.
      } finally {
        o.busy.writing = false;
        o.busy.quietUntil = Date.now() + 300;
      }
    }
  };

  // ExcelApi 1.14 says who made a change; older versions need the write guard.
  const knowsSource = o.supports('1.14');
  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    if (knowsSource && event.triggerSource !== undefined) {
      if (event.triggerSource === 'ThisLocalAddin') return;
    } else if (o.busy.writing || Date.now() < o.busy.quietUntil) return;
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
