// The task pane's host adapter for Word (Office.js): every table of the document is
// read as text, checked by the engine, and its checked cells shaded green / yellow /
// red; the original shading is kept in the document so it can be restored exactly.
// Each table's OOXML gives its grid layout (tableLayout.ts), so a cell spanning columns
// or rows sits at its grid column as in readDocx; results are mapped back from grid
// positions to Word cells (row, cell index) through that layout. A table's title
// paragraph just above it becomes the sheet's first row (as in readDocx), so result
// rows are mapped back to Word rows with that offset; shading records keep Word
// positions. A fixed number of syncs per action, whatever the number and size of the
// tables.
import type { HostAdapter, CheckRun } from '../host/hostAdapter';
import { checkWorkbook } from '../engine';
import { WORD_CHECK_OPTIONS } from '../docx/docx';
import { STATUS_COLOURS, worst } from '../engine';
import { parseCellAddress } from '../engine';
import type { Status, WorkbookResult } from '../engine';
import { tableIndex, tablesToWorkbook, type WordTableGrid } from './tablesToWorkbook';
import { wordTableLayout, type TableLayout } from './tableLayout';
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
  status: Status;
}

/**
 * Checked cells by Word cell: result row minus the table's title offset (the title row
 * has no Word cell), grid column to Word cell through the table's grid. A Word cell
 * that holds several checked grid cells gets the worst of their statuses.
 */
function targetsOf(result: WorkbookResult, offsets: readonly number[], grids: readonly WordTableGrid[]): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const s of result.sheets) {
    const t = tableIndex(s.name);
    if (t < 0 || t >= offsets.length) continue;
    for (const c of s.cells) {
      const row = c.row - offsets[t];
      const at = row >= 0 ? grids[t].wordCell(row, c.col) : null;
      if (!at) continue;
      const key = shadingKey(t, at.row, at.cell);
      const before = out.get(key);
      out.set(key, { table: t, row: at.row, cell: at.cell, status: before ? worst(before.status, c.status) : c.status });
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

  /** The paragraph just above each table, queued for the next sync (text read only when it exists). */
  function paragraphsBefore(tables: Word.TableCollection): Word.Paragraph[] {
    const paragraphs = tables.items.map((t) => t.getParagraphBeforeOrNullObject());
    // isNullObject needs no load.
    for (const p of paragraphs) p.load('text');
    return paragraphs;
  }

  const textsOf = (paragraphs: Word.Paragraph[]) => paragraphs.map((p) => (p.isNullObject ? null : (p.text ?? '')));

  /**
   * One sync: the text of the paragraph just above each table (null: none) and each
   * table's OOXML, for its grid layout. When the OOXML fails the batch, the paragraphs
   * are read again on their own (one more sync) and the tables keep their values as
   * they are, as they do when the OOXML cannot be read.
   */
  async function readTitlesAndLayouts(
    context: Word.RequestContext,
    tables: Word.TableCollection,
    values: string[][][],
  ): Promise<{ before: (string | null)[]; layouts: (TableLayout | null)[] }> {
    const paragraphs = paragraphsBefore(tables);
    let ooxml: OfficeExtension.ClientResult<string>[] | null;
    try {
      ooxml = tables.items.map((t) => t.getRange('Whole').getOoxml());
    } catch {
      ooxml = null;
    }
    try {
      await context.sync();
    } catch (err) {
      if (!ooxml) throw err;
      const again = paragraphsBefore(tables);
      await context.sync();
      return { before: textsOf(again), layouts: [] };
    }
    if (!ooxml) return { before: textsOf(paragraphs), layouts: [] };
    const xml = (r: OfficeExtension.ClientResult<string>): unknown => {
      try {
        return r.value;
      } catch {
        return undefined;
      }
    };
    return { before: textsOf(paragraphs), layouts: values.map((v, i) => wordTableLayout(v, xml(ooxml[i]))) };
  }

  /** Tables, their texts, their grids and the sheets the engine sees (two syncs; three when the OOXML fails the batch). */
  async function readWorkbook(context: Word.RequestContext) {
    const { tables, values } = await readValues(context);
    const { before, layouts } = await readTitlesAndLayouts(context, tables, values);
    const { workbook, offsets, grids } = tablesToWorkbook(values, before, layouts);
    return { tables, values, workbook, offsets, grids };
  }

  async function check(): Promise<CheckRun> {
    return run(async (context) => {
      // Syncs 1 and 2: every table's text, then the paragraph above each table and
      // each table's OOXML (its grid layout).
      const { tables, values, workbook, offsets, grids } = await readWorkbook(context);
      const result = checkWorkbook(workbook, WORD_CHECK_OPTIONS);
      const targets = targetsOf(result, offsets, grids);
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
        const fill = STATUS_COLOURS[t.status].fill;
        // A cell the user recoloured since the last check: the user's colour is its original now.
        const original = before && sameColour(cell.shadingColor, before.applied) ? before.original : cell.shadingColor;
        cell.shadingColor = fill;
        records[key] = { original, applied: fill };
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
      const { tables, values, offsets, grids } = await readWorkbook(context);
      if (t >= values.length) throw new Error(`${sheet} finns inte längre i dokumentet. Kontrollera igen.`);
      const p = parseCellAddress(address.includes(':') ? address.split(':')[0] : address);
      // The address is the sheet's: its rows count the title row that Word does not have,
      // its columns are grid columns.
      const row = p ? p.r - offsets[t] : -1;
      const at = p && row >= 0 ? grids[t].wordCell(row, p.c) : null;
      if (at && exists(values, t, at.row, at.cell)) tables.items[t].getCell(at.row, at.cell).body.select();
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
