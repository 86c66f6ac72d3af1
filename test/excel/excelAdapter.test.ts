// Adapter behaviour against the realistic fake Excel (fakeExcel.ts): the status layer of
// conditional formats, sync counts and payload, protected and hidden sheets, live mode,
// and that no call ever writes a cell's fill, font, value or formula.
import type { CheckedCell, Status, TableInfo, WorkbookInput, WorkbookResult } from '../../src/engine';
import type { CheckRun } from '../../src/host/hostAdapter';
import { STATUS_COLOURS } from '../../src/engine';
import { FakeExcel, reportedFill, sheet, type FakeCell, type FakeSheet } from './fakeExcel';

// The colouring tests drive the adapter with results written by hand, the read tests look
// at what the engine got.
const engineResult: { next?: (wb: WorkbookInput) => WorkbookResult } = {};
const engineInputs: WorkbookInput[] = [];
jest.mock('../../src/engine/checkWorkbook', () => {
  const actual = jest.requireActual('../../src/engine/checkWorkbook');
  return {
    ...actual,
    checkWorkbook: (wb: WorkbookInput) => {
      engineInputs.push(wb);
      return engineResult.next ? engineResult.next(wb) : actual.checkWorkbook(wb);
    },
  };
});

import { createExcelAdapter } from '../../src/excel/excelAdapter';
import { LAYER_FORMULA } from '../../src/excel/statusLayer';

const all = () => true;
const MB4 = 4 * 1024 * 1024;

function cellAt(address: string, row: number, col: number, status: Status): CheckedCell {
  return { address, row, col, status, checks: [] };
}

function resultFor(cells: Record<string, CheckedCell[]>, tables: Record<string, TableInfo[]> = {}): (wb: WorkbookInput) => WorkbookResult {
  return (wb) => ({
    sheets: wb.sheets.map((s) => ({ name: s.name, tables: tables[s.name] ?? [], cells: cells[s.name] ?? [], notes: [] })),
    summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 },
  });
}

function numberSheet(name: string, rows: number): FakeSheet {
  const grid: (Partial<FakeCell> | string | number)[][] = [['Enhet', 'Belopp']];
  for (let i = 1; i < rows; i++) grid.push([`Rad ${i}`, i]);
  grid.push(['Summa', { value: ((rows - 1) * rows) / 2, formula: `=SUM(B2:B${rows})`, numFmt: '#,##0' }]);
  return sheet(name, grid);
}

const ours = (excel: FakeExcel, name: string) => excel.sheet(name).conditionalFormats.filter((cf) => cf.formula === LAYER_FORMULA);
const totalBytes = (excel: FakeExcel) => excel.syncBytes.reduce((n, b) => n + b.request + b.response, 0);
const bound = (excel: FakeExcel) => Math.ceil(totalBytes(excel) / MB4) + 4;

afterEach(() => {
  engineResult.next = undefined;
  engineInputs.length = 0;
});

describe('reading the workbook', () => {
  test('a whole-workbook check takes the same, bounded number of syncs for 10 and 50 000 rows', async () => {
    const counts: number[] = [];
    for (const rows of [10, 50_000]) {
      const excel = new FakeExcel([numberSheet('Data', rows), sheet('Tom', [])]);
      engineResult.next = resultFor({ Data: [cellAt(`B${rows + 1}`, rows, 1, 'error')] });
      const adapter = createExcelAdapter({ run: excel.run, supports: all });
      const run = await adapter.checkWorkbook();
      counts.push(excel.syncCount);
      const data = run.workbook.sheets[0];
      expect(data.rows).toHaveLength(rows + 1);
      expect(data.rows[rows][1]).toEqual({ value: ((rows - 1) * rows) / 2, formula: `=SUM(B2:B${rows})`, numFmt: '#,##0' });
      expect(data.rows[1][0]).toEqual({ value: 'Rad 1' });
      expect(run.workbook.sheets[1]).toEqual({ name: 'Tom', rows: [] });
      expect(excel.shown('Data', `B${rows + 1}`)).toEqual({ fill: '#FFC7CE', font: '#9C0006' });
      expect(excel.syncCount).toBeLessThanOrEqual(bound(excel));
      expect(excel.forbiddenWrites()).toEqual([]);
    }
    // Sheets; used ranges and conditional formats; the cells; the layer.
    expect(counts).toEqual([4, 4]);
  });

  test('many tables on many sheets: no sync per table, per sheet or per row', async () => {
    const sheets: FakeSheet[] = [];
    const cells: Record<string, CheckedCell[]> = {};
    for (let k = 0; k < 3; k++) {
      const grid: (string | number | null)[][] = [];
      const list: CheckedCell[] = [];
      for (let t = 0; t < 70; t++) {
        grid.push(['Enhet', 'Belopp'], ['Norr', 1], ['Söder', 2], ['Summa', 3], [null, null]);
        list.push(cellAt('', grid.length - 2, 1, t % 3 ? 'ok' : 'error'));
      }
      sheets.push(sheet(`Blad${k + 1}`, grid));
      cells[`Blad${k + 1}`] = list;
    }
    const excel = new FakeExcel(sheets);
    engineResult.next = resultFor(cells);
    const adapter = createExcelAdapter({ run: excel.run, supports: all });
    await adapter.checkWorkbook();
    expect(excel.syncCount).toBe(4);
    // Per sheet and status one rule.
    expect(sheets.map((s) => ours(excel, s.name).length)).toEqual([2, 2, 2]);
    const before = excel.syncCount;
    await adapter.checkWorkbook();
    expect(excel.syncCount - before).toBe(4);
    await adapter.clearStatusColours();
    expect(excel.syncCount - before).toBe(8);
    expect(sheets.map((s) => s.conditionalFormats.length)).toEqual([0, 0, 0]);
  });

  test('a large sheet: syncs grow with the payload only, each sync stays under 5 MB', async () => {
    // 300 000 cells in 10 columns, a total row after every ninth row.
    const grid: (Partial<FakeCell> | string | number)[][] = [['Enhet', ...Array.from({ length: 10 }, (_, c) => `K${c}`)]];
    const cells: CheckedCell[] = [];
    for (let r = 1; r <= 30_000; r++) {
      grid.push([`Rad ${r}`, ...Array.from({ length: 10 }, (_, c) => r * 10 + c)]);
      if (r % 10 === 0) for (let c = 1; c <= 10; c++) cells.push(cellAt('', r, c, r % 20 ? 'ok' : 'error'));
    }
    const excel = new FakeExcel([sheet('Stor', grid)]);
    engineResult.next = resultFor({ Stor: cells });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(excel.syncBytes.every((b) => b.request <= 5 * 1024 * 1024 && b.response <= 5 * 1024 * 1024)).toBe(true);
    expect(excel.syncCount).toBeLessThanOrEqual(bound(excel));
    // Each total row is one area: ours are few rules, each under the getRanges limit.
    const rules = ours(excel, 'Stor');
    expect(rules.length).toBeLessThanOrEqual(30);
    expect(rules.every((cf) => cf.ranges.length <= 2000)).toBe(true);
    expect(excel.shown('Stor', 'B11')).toMatchObject({ fill: '#C6EFCE' });
    expect(excel.shown('Stor', 'K21')).toMatchObject({ fill: '#FFC7CE' });
    expect(excel.shown('Stor', 'B12')).toMatchObject({ fill: null });
  }, 60000);

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

describe('the fake behaves as Excel does', () => {
  test('no fill and white fill read the same except tintAndShade (office-js #4900, #6218)', () => {
    expect(reportedFill(null)).toEqual({ color: '#FFFFFF', pattern: null, tintAndShade: null, patternColor: null });
    expect(reportedFill('#FFFFFF')).toEqual({ color: '#FFFFFF', pattern: null, tintAndShade: 0, patternColor: null });
  });

  test('a request over 5 MB fails, a getRanges address over the limit fails, a protected sheet refuses writes', async () => {
    const big = new FakeExcel([sheet('A', Array.from({ length: 60_000 }, (_, r) => [`en ganska lång text på rad ${r}`, r, r, r, r, r]))]);
    await expect(
      big.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 60_000, 6).load('values,formulas,numberFormat,valueTypes');
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);

    const excel = new FakeExcel([sheet('A', [[1]]), sheet('P', [[1]], { protected: true })]);
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRanges(long).conditionalFormats.add('Custom');
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('P').getRanges('A1').conditionalFormats.add('Custom');
        await context.sync();
      }),
    ).rejects.toThrow(/AccessDenied/);
  });

  test('the guard notices a value or fill write (so the "never writes" checks can fail)', async () => {
    const excel = new FakeExcel([sheet('A', [[1]])]);
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 1, 1);
      r.values = [[2]];
      r.format.fill.color = '#FF0000';
      context.workbook.worksheets.getItem('A').getRanges('A1').format.font.color = '#FF0000';
    });
    expect(excel.forbiddenWrites().map((o) => o.value)).toEqual(['values', 'format.fill.color', 'format.font.color']);
  });
});

describe('the status layer', () => {
  const controllerRule = { id: 'theirs', type: 'Custom' as const, ranges: 'E1:F1', formula: '=TRUE', fill: '#0000FF', font: '#FFFFFF', stopIfTrue: false };
  const formatted = () =>
    sheet(
      'Budget',
      [
        [
          { value: 1 }, // no fill
          { value: 2, fill: '#FFFFFF' }, // white fill, not "no fill"
          { value: 3, fill: { color: '#DDEBF7', theme: 'accent1', tintAndShade: 0.8 }, font: '#1F4E79' }, // theme colour and tint
          { value: 4, fill: { color: '#FFFF00', pattern: 'LightDown', patternColor: '#FF0000' } }, // pattern fill
          { value: 5 }, // the controller's own conditional format (E1:F1)
          { value: 6, fill: '#FFFF00', font: '#FF0000' },
        ],
      ],
      { conditionalFormats: [{ ...controllerRule }] },
    );

  test('check → save → reopen → clear leaves every cell and the controller’s own format exactly as before', async () => {
    const excel = new FakeExcel([formatted()]);
    const before = structuredClone([...excel.sheet('Budget').cells]);
    engineResult.next = resultFor({
      Budget: ['A1', 'B1', 'C1', 'D1', 'E1'].map((a, i) => cellAt(a, 0, i, (['error', 'ok', 'warning', 'error', 'ok'] as Status[])[i])),
    });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();

    // Shown as the status colours, ours over the controller's format where they overlap (E1);
    // F1 is not checked and still shows the controller's format.
    expect(excel.shown('Budget', 'A1')).toEqual({ fill: '#FFC7CE', font: '#9C0006' });
    expect(excel.shown('Budget', 'B1')).toEqual({ fill: '#C6EFCE', font: '#006100' });
    expect(excel.shown('Budget', 'C1')).toEqual({ fill: '#FFEB9C', font: '#9C5700' });
    expect(excel.shown('Budget', 'E1')).toEqual({ fill: '#C6EFCE', font: '#006100' });
    expect(excel.shown('Budget', 'F1')).toEqual({ fill: '#0000FF', font: '#FFFFFF' });
    // The cells' own formats were never touched.
    expect([...excel.sheet('Budget').cells]).toEqual(before);

    // A second check replaces the layer instead of adding to it.
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(ours(excel, 'Budget')).toHaveLength(3);

    const reopened = excel.saveAndReopen();
    await createExcelAdapter({ run: reopened.run, supports: all }).clearStatusColours();
    expect([...reopened.sheet('Budget').cells]).toEqual(before);
    expect(reopened.sheet('Budget').conditionalFormats.map(({ id: _id, ...rest }) => rest)).toEqual([
      (({ id: _id, ...rest }) => rest)(controllerRule),
    ]);
    expect(reopened.shown('Budget', 'A1')).toEqual({ fill: null, font: '#000000' });
    expect(reopened.shown('Budget', 'B1')).toEqual({ fill: '#FFFFFF', font: '#000000' });
    expect(reopened.forbiddenWrites()).toEqual([]);
    expect(excel.forbiddenWrites()).toEqual([]);
    // Nothing but conditional formats was ever written.
    expect(new Set([...excel.ops, ...reopened.ops].map((o) => o.kind))).toEqual(new Set(['getRanges', 'cf-add', 'cf-delete']));
  });

  test('a cell that is no longer checked loses its status colour on the next check', async () => {
    const excel = new FakeExcel([formatted()]);
    engineResult.next = resultFor({ Budget: [cellAt('F1', 0, 5, 'error'), cellAt('A1', 0, 0, 'ok')] });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(excel.shown('Budget', 'F1')).toMatchObject({ fill: '#FFC7CE' });
    engineResult.next = resultFor({ Budget: [cellAt('A1', 0, 0, 'ok')] });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(excel.shown('Budget', 'F1')).toEqual({ fill: '#0000FF', font: '#FFFFFF' });
    expect(excel.shown('Budget', 'A1')).toMatchObject({ fill: '#C6EFCE' });
  });

  test('one rule per sheet and status, split below the address limit, never one per cell', async () => {
    const grid = Array.from({ length: 400 }, (_, r) => [r, r]);
    const excel = new FakeExcel([sheet('Stor', grid)]);
    const cells: CheckedCell[] = [];
    for (let r = 0; r < 400; r++) {
      cells.push(cellAt(`A${r + 1}`, r, 0, r % 2 ? 'error' : 'ok'));
      cells.push(cellAt(`B${r + 1}`, r, 1, 'warning'));
    }
    engineResult.next = resultFor({ Stor: cells });
    await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    const rules = ours(excel, 'Stor');
    // 800 cells, 3 statuses: the alternating column needs a few address batches, B is one area.
    expect(rules.length).toBeLessThanOrEqual(6);
    expect(rules.every((cf) => cf.ranges.length <= 2000 && cf.stopIfTrue)).toBe(true);
    expect(rules.find((cf) => cf.fill === STATUS_COLOURS.warning.fill)?.ranges).toBe('B1:B400');
    expect(excel.shown('Stor', 'A2')).toMatchObject({ fill: '#FFC7CE' });
    expect(excel.shown('Stor', 'A3')).toMatchObject({ fill: '#C6EFCE' });
    expect(excel.syncCount).toBe(4);
  });
});

describe('protected and hidden sheets', () => {
  test('a protected sheet is skipped with a Swedish message; the other sheet is coloured', async () => {
    const excel = new FakeExcel([sheet('Skyddat', [[1, 2, 3]], { protected: true }), sheet('Öppet', [[1, 2, 3]])]);
    engineResult.next = resultFor({ Skyddat: [cellAt('C1', 0, 2, 'error')], Öppet: [cellAt('C1', 0, 2, 'error')] });
    const run = await createExcelAdapter({ run: excel.run, supports: all }).checkWorkbook();
    expect(run.skipped).toEqual([{ sheet: 'Skyddat', reason: expect.stringMatching(/skyddat/i) }]);
    expect(excel.ops.filter((o) => o.sheet === 'Skyddat')).toEqual([]);
    expect(excel.shown('Skyddat', 'C1')).toMatchObject({ fill: null });
    expect(excel.shown('Öppet', 'C1')).toMatchObject({ fill: '#FFC7CE' });
    expect(run.result.sheets.find((s) => s.name === 'Skyddat')!.cells).toHaveLength(1);
  });

  test('clearing leaves a protected sheet alone and says so', async () => {
    const excel = new FakeExcel([sheet('A', [[1]]), sheet('B', [[1]])]);
    engineResult.next = resultFor({ A: [cellAt('A1', 0, 0, 'ok')], B: [cellAt('A1', 0, 0, 'ok')] });
    const adapter = createExcelAdapter({ run: excel.run, supports: all });
    await adapter.checkWorkbook();
    excel.sheets[1].protected = true;
    await expect(adapter.clearStatusColours()).rejects.toThrow(/skyddade blad: B/);
    expect(adapter.lastClearSkipped).toEqual([{ sheet: 'B', reason: expect.stringMatching(/skyddat/) }]);
    expect(excel.shown('A', 'A1')).toMatchObject({ fill: null });
    expect(excel.shown('B', 'A1')).toMatchObject({ fill: '#C6EFCE' });
    excel.sheets[1].protected = false;
    await adapter.clearStatusColours();
    expect(excel.shown('B', 'A1')).toMatchObject({ fill: null });
  });

  test.each(['Hidden', 'VeryHidden'] as const)('a %s sheet with an error is listed, not coloured, and cannot be jumped to', async (visibility) => {
    const excel = new FakeExcel([sheet('Synligt', [[1]]), sheet('Dolt', [[1, 2, 4]], { visibility })]);
    engineResult.next = resultFor({ Synligt: [cellAt('A1', 0, 0, 'ok')], Dolt: [cellAt('C1', 0, 2, 'error')] });
    const adapter = createExcelAdapter({ run: excel.run, supports: all });
    const run = await adapter.checkWorkbook();
    // Checked: the finding is in the result. Listed with the reason the pane shows.
    expect(run.result.sheets.find((s) => s.name === 'Dolt')!.cells.map((c) => c.status)).toEqual(['error']);
    expect(run.skipped).toEqual([{ sheet: 'Dolt', reason: expect.stringMatching(/dolt.*färgas inte.*hoppa/i) }]);
    // Not coloured.
    expect(excel.sheet('Dolt').conditionalFormats).toEqual([]);
    expect(excel.shown('Synligt', 'A1')).toMatchObject({ fill: '#C6EFCE' });
    // No jump: a Swedish explanation instead of Excel's error, nothing activated or selected.
    await expect(adapter.select('Dolt', 'C1')).rejects.toThrow(/Bladet Dolt är dolt/);
    expect(excel.selected).toBeUndefined();
    expect(excel.ops.filter((o) => o.kind === 'activate' || o.kind === 'select')).toEqual([]);
  });

  test('a sheet hidden after a check loses its layer at the next check', async () => {
    const excel = new FakeExcel([sheet('A', [[1]])]);
    engineResult.next = resultFor({ A: [cellAt('A1', 0, 0, 'error')] });
    const adapter = createExcelAdapter({ run: excel.run, supports: all });
    await adapter.checkWorkbook();
    expect(ours(excel, 'A')).toHaveLength(1);
    excel.sheets[0].visibility = 'Hidden';
    await adapter.checkWorkbook();
    expect(ours(excel, 'A')).toHaveLength(0);
  });
});

describe('selecting and watching', () => {
  test('clicking a finding activates the sheet and selects the cell', async () => {
    const excel = new FakeExcel([sheet('A', [[1]]), sheet('Budgetfördelning', [[1]])]);
    await createExcelAdapter({ run: excel.run, supports: all }).select('Budgetfördelning', 'D6');
    expect(excel.selected).toEqual({ sheet: 'Budgetfördelning', address: 'D6' });
    expect(excel.syncCount).toBe(2);
  });

  const twoTables = (): FakeSheet =>
    sheet('Data', [
      ['Enhet', 'Belopp'],
      ['Norr', 1],
      ['Summa', 1],
      [null, null],
      ['Enhet', 'Belopp'],
      ['Söder', 2],
      ['Summa', 2],
    ]);
  const tables: TableInfo[] = [
    { range: 'A1:B3', kind: 'generic', title: '', r0: 0, c0: 0, r1: 2, c1: 1, headerRows: [0], totalRows: [2] },
    { range: 'A5:B7', kind: 'generic', title: '', r0: 4, c0: 0, r1: 6, c1: 1, headerRows: [4], totalRows: [6] },
  ];

  test.each([true, false])(
    'an edit re-checks once and updates only its table’s part of the layer; own writes are ignored (triggerSource %s)',
    async (triggerSource) => {
      const excel = new FakeExcel([twoTables(), sheet('Annat', [[1, 2]])]);
      excel.eventTriggerSource = triggerSource;
      engineResult.next = resultFor({ Data: [cellAt('B3', 2, 1, 'ok'), cellAt('B7', 6, 1, 'ok')], Annat: [cellAt('B1', 0, 1, 'warning')] }, { Data: tables });
      const adapter = createExcelAdapter({ run: excel.run, supports: all, debounceMs: 20 });
      await adapter.checkWorkbook();
      const results: CheckRun[] = [];
      const stop = await adapter.watchChanges!((r) => results.push(r));
      // Events for the check's own writes may still be arriving: none starts a re-check.
      await new Promise((r) => setTimeout(r, 400));
      expect(results).toHaveLength(0);

      // The engine now says both totals are wrong, but only the first table was edited.
      engineResult.next = resultFor({ Data: [cellAt('B3', 2, 1, 'error'), cellAt('B7', 6, 1, 'error')] }, { Data: tables });
      for (let i = 0; i < 3; i++) excel.userEdit('Data', 'B2', 5);
      await new Promise((r) => setTimeout(r, 500));
      expect(results).toHaveLength(1);
      expect(excel.shown('Data', 'B3')).toMatchObject({ fill: '#FFC7CE' });
      expect(excel.shown('Data', 'B7')).toMatchObject({ fill: '#C6EFCE' });
      // The pane's run agrees with the layer: new findings in the edited table only, the
      // other sheet still there, the summary counted again.
      const run = results[0];
      expect(run.result.sheets.map((x) => x.name)).toEqual(['Data', 'Annat']);
      expect(run.result.sheets[0].cells.map((c) => [c.address, c.status])).toEqual([
        ['B3', 'error'],
        ['B7', 'ok'],
      ]);
      expect(run.result.summary).toMatchObject({ cells: 3, ok: 1, warning: 1, error: 1 });
      expect(run.workbook.sheets[0].rows[1][1]).toEqual({ value: 5 });
      // The re-check's own layer writes raised events; they started no further re-check.
      await new Promise((r) => setTimeout(r, 500));
      expect(results).toHaveLength(1);
      await stop();
      expect(excel.changedHandlers).toHaveLength(0);
      expect(excel.forbiddenWrites()).toEqual([]);
    },
    10000,
  );
});
