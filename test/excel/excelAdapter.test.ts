// Adapter behaviour against office-addin-mock: sync counts, saved originals, grouped
// writes, protected sheets, and that no value or formula is ever written.
import type { CheckedCell, Status, WorkbookInput, WorkbookResult } from '../../src/engine';
import { FakeExcel, sheet, type FakeCell } from './fakeExcel';

// The engine may still be a stub while the adapter is built; the colouring tests drive
// the adapter with results written by hand, the read tests look at what the engine got.
const engineResult: { next?: (wb: WorkbookInput) => WorkbookResult } = {};
const engineInputs: WorkbookInput[] = [];
jest.mock('../../src/engine/checkWorkbook', () => {
  const actual = jest.requireActual('../../src/engine/checkWorkbook');
  return {
    checkWorkbook: (wb: WorkbookInput) => {
      engineInputs.push(wb);
      return engineResult.next ? engineResult.next(wb) : actual.checkWorkbook(wb);
    },
  };
});

import { createExcelAdapter } from '../../src/excel/excelAdapter';
import { applyStatusColours } from '../../src/excel/colourWriter';
import { ORIGINALS_SETTING } from '../../src/excel/originalFormats';

const all = () => true;

function cellAt(address: string, row: number, col: number, status: Status): CheckedCell {
  return { address, row, col, status, checks: [] };
}

function resultFor(cells: Record<string, CheckedCell[]>): (wb: WorkbookInput) => WorkbookResult {
  return (wb) => ({
    sheets: wb.sheets.map((s) => ({ name: s.name, tables: [], cells: cells[s.name] ?? [], notes: [] })),
    summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 },
  });
}

function numberSheet(name: string, rows: number): ReturnType<typeof sheet> {
  const grid: (Partial<FakeCell> | string | number)[][] = [['Enhet', 'Belopp']];
  for (let i = 1; i < rows; i++) grid.push([`Rad ${i}`, i]);
  grid.push(['Summa', { value: ((rows - 1) * rows) / 2, formula: `=SUM(B2:B${rows})`, numFmt: '#,##0' }]);
  return sheet(name, grid);
}

afterEach(() => {
  engineResult.next = undefined;
  engineInputs.length = 0;
});

describe('reading the workbook', () => {
  test('a whole-workbook check takes the same number of syncs for 10 and 50 000 rows', async () => {
    const counts: number[] = [];
    for (const rows of [10, 50_000]) {
      const excel = new FakeExcel([numberSheet('Data', rows), sheet('Tom', [])]);
      // Sync counting is about the adapter; a hand-made result keeps the engine's speed out of it.
      engineResult.next = resultFor({ Data: [cellAt(`B${rows + 1}`, rows, 1, 'error')] });
      const adapter = createExcelAdapter({ run: excel.run, supports: all });
      const run = await adapter.checkWorkbook();
      counts.push(excel.syncCount);
      // The engine got every row, with the total's formula and number format.
      const data = run.workbook.sheets[0];
      expect(data.rows).toHaveLength(rows + 1);
      expect(data.rows[rows][1]).toEqual({ value: ((rows - 1) * rows) / 2, formula: `=SUM(B2:B${rows})`, numFmt: '#,##0' });
      expect(data.rows[1][0]).toEqual({ value: 'Rad 1' });
      expect(run.workbook.sheets[1]).toEqual({ name: 'Tom', rows: [] });
      expect(excel.cell('Data', `B${rows + 1}`)).toMatchObject({ fill: '#FFC7CE' });
      expect(excel.forbiddenWrites()).toEqual([]);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  test('error values, booleans and merged areas reach the engine', async () => {
    const excel = new FakeExcel([
      sheet('Blad1', [[{ value: '#REF!', error: true, formula: '=A9' }, true, null, 'x']], { merges: 'Blad1!A1:B1, Blad1!C3:D4' }),
    ]);
    const run = await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    const s = run.workbook.sheets[0];
    expect(s.rows[0][0]).toEqual({ value: '#REF!', error: true, formula: '=A9' });
    expect(s.rows[0][1]).toEqual({ value: true });
    expect(s.rows[0][2]).toBeUndefined();
    expect(s.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 1 },
      { r0: 2, c0: 2, r1: 3, c1: 3 },
    ]);
  });

  test('merged areas are not asked for when ExcelApi 1.13 is missing', async () => {
    const excel = new FakeExcel([sheet('Blad1', [[1, 2]], { merges: 'Blad1!A1:B1' })]);
    const run = await createExcelAdapter({ run: excel.run, supports: (v) => v === '1.9' }).checkWorkbook();
    expect(run.workbook.sheets[0].merges).toBeUndefined();
  });

  test('the active sheet check reads only the active sheet', async () => {
    const excel = new FakeExcel([numberSheet('A', 5), numberSheet('B', 7)]);
    excel.activeSheet = 1;
    const run = await createExcelAdapter({ run: excel.run, supports: all }).checkActiveSheet();
    expect(run.workbook.sheets.map((s) => s.name)).toEqual(['B']);
  });
});

describe('colouring and restoring', () => {
  const originals = () =>
    sheet('Budget', [
      [
        { value: 1, fill: null, font: '#000000' }, // no fill
        { value: 2, fill: '#FFFF00', font: '#FF0000' },
        { value: 3, fill: '#FFFFFF', font: '#000000' }, // explicit white fill, not "no fill"
        { value: 4, fill: null, font: '#1F4E79' },
      ],
    ]);

  test('originals are saved before the first colour is written, and restored exactly after reopening', async () => {
    const excel = new FakeExcel([originals()]);
    engineResult.next = resultFor({
      Budget: [cellAt('A1', 0, 0, 'error'), cellAt('B1', 0, 1, 'ok'), cellAt('C1', 0, 2, 'warning'), cellAt('D1', 0, 3, 'error')],
    });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();

    const firstSave = excel.ops.find((o) => o.kind === 'setting' && o.value === ORIGINALS_SETTING)!;
    const firstColour = excel.ops.find((o) => o.kind === 'fill' || o.kind === 'font' || o.kind === 'fill-clear')!;
    expect(firstSave).toBeDefined();
    // Saved in an earlier sync than any colour write.
    expect(firstSave.sync).toBeLessThan(firstColour.sync);

    expect(excel.cell('Budget', 'A1')).toMatchObject({ fill: '#FFC7CE', font: '#9C0006' });
    expect(excel.cell('Budget', 'B1')).toMatchObject({ fill: '#C6EFCE', font: '#006100' });
    expect(excel.cell('Budget', 'C1')).toMatchObject({ fill: '#FFEB9C', font: '#9C5700' });

    // A second check must not save the status colours as "originals".
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();

    const reopened = excel.saveAndReopen();
    reopened.ops = [];
    await createExcelAdapter({ run: reopened.run, supports: all }).clearStatusColours();
    expect(reopened.cell('Budget', 'A1')).toMatchObject({ value: 1, fill: null, font: '#000000' });
    expect(reopened.cell('Budget', 'B1')).toMatchObject({ value: 2, fill: '#FFFF00', font: '#FF0000' });
    expect(reopened.cell('Budget', 'C1')).toMatchObject({ value: 3, fill: '#FFFFFF', font: '#000000' });
    expect(reopened.cell('Budget', 'D1')).toMatchObject({ value: 4, fill: null, font: '#1F4E79' });
    // "No fill" came back through fill.clear(), never as a white fill.
    const a1Restore = reopened.ops.filter((o) => o.kind.startsWith('fill') && o.address?.split(/[,:]/).includes('A1'));
    expect(a1Restore.map((o) => o.kind)).toEqual(['fill-clear']);
    expect(reopened.forbiddenWrites()).toEqual([]);
    expect(excel.forbiddenWrites()).toEqual([]);
  });

  test('a cell that is no longer checked gets its original colours back on the next check', async () => {
    const excel = new FakeExcel([originals()]);
    engineResult.next = resultFor({ Budget: [cellAt('B1', 0, 1, 'error'), cellAt('A1', 0, 0, 'ok')] });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    engineResult.next = resultFor({ Budget: [cellAt('A1', 0, 0, 'ok')] });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(excel.cell('Budget', 'B1')).toMatchObject({ fill: '#FFFF00', font: '#FF0000' });
    expect(excel.cell('Budget', 'A1')).toMatchObject({ fill: '#C6EFCE' });
  });

  test('colours are written grouped by status, not one call per cell', async () => {
    const grid = Array.from({ length: 400 }, (_, r) => [r, r]);
    const excel = new FakeExcel([sheet('Stor', grid)]);
    const cells: CheckedCell[] = [];
    for (let r = 0; r < 400; r++) {
      cells.push(cellAt(`A${r + 1}`, r, 0, r % 2 ? 'error' : 'ok'));
      cells.push(cellAt(`B${r + 1}`, r, 1, 'warning'));
    }
    await excel.run((context) => applyStatusColours(context, [{ sheet: 'Stor', cells }]));
    const colourCalls = excel.ops.filter((o) => o.kind === 'getRanges');
    // 800 cells, 3 statuses: the alternating column needs a few address batches, B is one run.
    expect(colourCalls.length).toBeLessThanOrEqual(10);
    expect(colourCalls.every((o) => (o.address ?? '').length <= 2000)).toBe(true);
    expect(excel.cell('Stor', 'A2')).toMatchObject({ fill: '#FFC7CE' });
    expect(excel.cell('Stor', 'A3')).toMatchObject({ fill: '#C6EFCE' });
    expect(excel.cell('Stor', 'B400')).toMatchObject({ fill: '#FFEB9C' });
    expect(excel.ops.find((o) => o.kind === 'getRanges' && o.address === 'B1:B400')).toBeDefined();
  });
});

describe('protected sheets and forbidden writes', () => {
  test('a protected sheet is skipped with a Swedish message; the other sheet is coloured', async () => {
    const excel = new FakeExcel([
      sheet('Skyddat', [[1, 2, 3]], { protected: true }),
      sheet('Öppet', [[1, 2, 3]]),
    ]);
    engineResult.next = resultFor({ Skyddat: [cellAt('C1', 0, 2, 'error')], Öppet: [cellAt('C1', 0, 2, 'error')] });
    const run = await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(run.skipped).toEqual([{ sheet: 'Skyddat', reason: expect.stringMatching(/skyddat/i) }]);
    expect(excel.ops.filter((o) => o.sheet === 'Skyddat' && o.kind !== 'activate')).toEqual([]);
    expect(excel.cell('Skyddat', 'C1')).toMatchObject({ fill: null });
    expect(excel.cell('Öppet', 'C1')).toMatchObject({ fill: '#FFC7CE' });
    // The findings of the protected sheet are still shown.
    expect(run.result.sheets.find((s) => s.name === 'Skyddat')!.cells).toHaveLength(1);
  });

  test('clearing leaves a protected sheet alone and says so', async () => {
    const excel = new FakeExcel([sheet('A', [[1]]), sheet('B', [[1]])]);
    engineResult.next = resultFor({ A: [cellAt('A1', 0, 0, 'ok')], B: [cellAt('A1', 0, 0, 'ok')] });
    const adapter = createExcelAdapter({ run: excel.run, supports: all });
    await adapter.checkWorkbook();
    excel.sheets[1].protected = true;
    await expect(adapter.clearStatusColours()).rejects.toThrow(/skyddade blad: B/);
    expect(excel.cell('A', 'A1')).toMatchObject({ fill: null });
    expect(excel.cell('B', 'A1')).toMatchObject({ fill: '#C6EFCE' });
    // After unprotecting, the saved original is still there and restores.
    excel.sheets[1].protected = false;
    await adapter.clearStatusColours();
    expect(excel.cell('B', 'A1')).toMatchObject({ fill: null });
  });

  test('the guard notices a value write (so the "never writes values" checks can fail)', async () => {
    const excel = new FakeExcel([sheet('A', [[1]])]);
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 1, 1);
      r.values = [[2]];
    });
    expect(excel.forbiddenWrites()).toHaveLength(1);
  });
});

describe('selecting and watching', () => {
  test('clicking a finding activates the sheet and selects the cell', async () => {
    const excel = new FakeExcel([sheet('A', [[1]]), sheet('Budgetfördelning', [[1]])]);
    await createExcelAdapter({ run: excel.run, supports: all }).select('Budgetfördelning', 'D6');
    expect(excel.selected).toEqual({ sheet: 'Budgetfördelning', address: 'D6' });
    expect(excel.syncCount).toBe(1);
  });

  test('edits are re-checked once after the debounce, and the add-in ignores its own writes', async () => {
    const excel = new FakeExcel([numberSheet('Data', 4)]);
    engineResult.next = resultFor({ Data: [cellAt('B5', 4, 1, 'error')] });
    const adapter = createExcelAdapter({ run: excel.run, supports: all, debounceMs: 20 });
    const results: unknown[] = [];
    const stop = await adapter.watchChanges!((r) => results.push(r));
    expect(excel.changedHandlers).toHaveLength(1);
    const event = { worksheetId: '{Data-id}', address: 'B2', source: 'Local', changeType: 'RangeEdited' } as unknown as Excel.WorksheetChangedEventArgs;
    for (let i = 0; i < 3; i++) await excel.changedHandlers[0](event);
    await new Promise((r) => setTimeout(r, 150));
    expect(results).toHaveLength(1);
    expect(excel.cell('Data', 'B5')).toMatchObject({ fill: '#FFC7CE' });

    // While the add-in itself writes, change events are ignored.
    const checking = adapter.checkWorkbook();
    await excel.changedHandlers[0](event);
    await checking;
    await new Promise((r) => setTimeout(r, 100));
    expect(results).toHaveLength(1);
    await stop();
    expect(excel.changedHandlers).toHaveLength(0);
    expect(excel.forbiddenWrites()).toEqual([]);
  });
});
