// The task pane's host adapter for Word (Office.js): every table of the document is
// read as text, checked by the engine, and its checked cells shaded green / yellow /
// red; the original shading is kept in the document so it can be restored exactly.
// A table's title paragraph just above it becomes the sheet's first row (as in
// readDocx), so result rows are mapped back to Word rows with that offset; shading
// records keep Word positions. A fixed number of syncs per action, whatever the
// number and size of the tables.
import type { HostAdapter, CheckRun } from '../host/hostAdapter';
import { checkWorkbook } from '../engine/checkWorkbook';
import { WORD_CHECK_OPTIONS } from '../docx/docx';
import { STATUS_COLOURS } from '../engine/statusColours';
import { parseCellAddress } from '../engine/address';
import type { WorkbookResult } from '../engine/types';
import { tableIndex, tablesToWorkbook } from './tablesToWorkbook';
import { officeSettingsStore, parseShadingKey, shadingKey, type ShadingRecords, type ShadingStore } from './shadingStore';

/** The part of Word.run the adapter uses (injectable for tests). */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export interface WordAdapterDeps {
  run?: WordRun;
  store?: ShadingStore;
}

interface Target {
  table: number;
  row: number;
  cell: number;
  fill: string;
}

/** Checked cells by Word position: result row minus the table's title offset (the title row has no Word cell). */
function targetsOf(result: WorkbookResult, offsets: readonly number[]): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const s of result.sheets) {
    const t = tableIndex(s.name);
    if (t < 0 || t >= offsets.length) continue;
    for (const c of s.cells) {
      const row = c.row - offsets[t];
      if (row < 0) continue;
      out.set(shadingKey(t, row, c.col), { table: t, row, cell: c.col, fill: STATUS_COLOURS[c.status].fill });
    }
  }
  return out;
}

/** True when the position still exists in the tables just read (a stale record must not fail the batch). */
function exists(values: string[][][], table: number, row: number, cell: number): boolean {
  return table < values.length && row < values[table].length && cell < values[table][row].length;
}

const sameColour = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function createWordAdapter(deps: WordAdapterDeps = {}): HostAdapter {
  const run: WordRun = deps.run ?? ((batch) => Word.run(batch));
  let store: ShadingStore | undefined = deps.store;
  const getStore = () => (store ??= officeSettingsStore());

  async function readValues(context: Word.RequestContext): Promise<{ tables: Word.TableCollection; values: string[][][] }> {
    const tables = context.document.body.tables;
    tables.load('items/values,items/rowCount');
    await context.sync();
    return { tables, values: tables.items.map((t) => t.values ?? []) };
  }

  /** The text of the paragraph just above each table (null: none), for all tables in one sync. */
  async function readParagraphsBefore(context: Word.RequestContext, tables: Word.TableCollection): Promise<(string | null)[]> {
    const paragraphs = tables.items.map((t) => t.getParagraphBeforeOrNullObject());
    // isNullObject needs no load; text is only read when the paragraph exists.
    for (const p of paragraphs) p.load('text');
    await context.sync();
    return paragraphs.map((p) => (p.isNullObject ? null : (p.text ?? '')));
  }

  /** Tables, their texts and the sheets the engine sees (two syncs). */
  async function readWorkbook(context: Word.RequestContext) {
    const { tables, values } = await readValues(context);
    const { workbook, offsets } = tablesToWorkbook(values, await readParagraphsBefore(context, tables));
    return { tables, values, workbook, offsets };
  }

  async function check(): Promise<CheckRun> {
    return run(async (context) => {
      // Syncs 1 and 2: every table's text, then the paragraph above each table.
      const { tables, values, workbook, offsets } = await readWorkbook(context);
      const result = checkWorkbook(workbook, WORD_CHECK_OPTIONS);
      const targets = targetsOf(result, offsets);
      const stored = getStore().read();

      // Sync 3: shading of the target cells (the original, unless Summakoll's own
      // fill is still there from an earlier check) and of cells shaded by an earlier
      // check that are no longer checked (to put them back).
      const current = new Map<string, Word.TableCell>();
      for (const [key, t] of targets) {
        const cell = tables.items[t.table].getCell(t.row, t.cell);
        cell.load('shadingColor');
        current.set(key, cell);
      }
      const stale = new Map<string, Word.TableCell>();
      for (const key of Object.keys(stored)) {
        if (targets.has(key)) continue;
        const p = parseShadingKey(key);
        if (!p || !exists(values, p.table, p.row, p.cell)) continue;
        const cell = tables.items[p.table].getCell(p.row, p.cell);
        cell.load('shadingColor');
        stale.set(key, cell);
      }
      await context.sync();

      // Sync 4: write the status fills and restore the stale cells.
      const records: ShadingRecords = {};
      for (const [key, t] of targets) {
        const cell = current.get(key)!;
        const before = stored[key];
        // A cell the user recoloured since the last check: the user's colour is its original now.
        const original = before && sameColour(cell.shadingColor, before.applied) ? before.original : cell.shadingColor;
        cell.shadingColor = t.fill;
        records[key] = { original, applied: t.fill };
      }
      for (const [key, cell] of stale) {
        if (sameColour(cell.shadingColor, stored[key].applied)) cell.shadingColor = stored[key].original;
      }
      await context.sync();
      await getStore().write(records);
      return { workbook, result, skipped: [] };
    });
  }

  async function clearStatusColours(): Promise<void> {
    const stored = getStore().read();
    if (Object.keys(stored).length === 0) return;
    await run(async (context) => {
      const { tables, values } = await readValues(context);
      const cells = new Map<string, Word.TableCell>();
      for (const key of Object.keys(stored)) {
        const p = parseShadingKey(key);
        if (!p || !exists(values, p.table, p.row, p.cell)) continue;
        const cell = tables.items[p.table].getCell(p.row, p.cell);
        cell.load('shadingColor');
        cells.set(key, cell);
      }
      await context.sync();
      // A cell the user shaded differently since keeps the user's colour.
      for (const [key, cell] of cells) {
        if (sameColour(cell.shadingColor, stored[key].applied)) cell.shadingColor = stored[key].original;
      }
      await context.sync();
    });
    await getStore().write({});
  }

  async function select(sheet: string, address: string): Promise<void> {
    const t = tableIndex(sheet);
    if (t < 0) throw new Error(`"${sheet}" är ingen tabell i dokumentet.`);
    await run(async (context) => {
      const { tables, values, offsets } = await readWorkbook(context);
      if (t >= values.length) throw new Error(`${sheet} finns inte längre i dokumentet. Kontrollera igen.`);
      const p = parseCellAddress(address.includes(':') ? address.split(':')[0] : address);
      // The address is the sheet's: its rows count the title row that Word does not have.
      const row = p ? p.r - offsets[t] : -1;
      if (p && row >= 0 && exists(values, t, row, p.c)) tables.items[t].getCell(row, p.c).body.select();
      else tables.items[t].select();
      await context.sync();
    });
  }

  return {
    host: 'word',
    checkWorkbook: check,
    checkActiveSheet: check,
    clearStatusColours,
    select,
  };
}
