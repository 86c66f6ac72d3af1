// "Kopiera till Word" from Excel: the adapter copies the table it last checked, with the
// cells' own fills (the status layer is conditional formats, not part of them) and never a
// status colour.
import { FakeExcel, sheet } from './fakeExcel';
import { createExcelAdapter, SIGN_OFF_SETTING } from '../../src/excel/excelAdapter';
import { STATUS_COLOURS } from '../../src/engine';

const all = () => true;

function workbook(): FakeExcel {
  return new FakeExcel([
    sheet('Kostnader', [
      ['Kostnader per enhet (tkr)', null, null, null],
      ['Enhet', 'Utfall 2025', 'Budget 2025', 'Prognos 2025'],
      ['Norr', { value: 1200, numFmt: '#,##0' }, 1300, 1250],
      ['Söder', { value: -3400, numFmt: '#,##0' }, -3300, -3350],
      ['Väster', { value: 1000, numFmt: '#,##0' }, 1100, 1050],
      // Wrong on purpose (should be −1 200); a blue fill the author chose. Budget and Prognos
      // reconcile, so the Summa row's reading is corroborated (checks.md 4.9).
      ['Summa', { value: 1300, numFmt: '#,##0', fill: '#DDEBF7' }, -900, -1050],
    ]),
  ]);
}

test('there is no copy before a check', async () => {
  const adapter = createExcelAdapter({ run: workbook().run, supports: all });
  await expect(adapter.tableForCopy!('Kostnader', { r0: 0, c0: 0, r1: 5, c1: 3 } as never)).rejects.toThrow('Kontrollera arbetsboken först.');
});

test('the checked table is copied with its original fill, the red cell counted, no status colour', async () => {
  const excel = workbook();
  const adapter = createExcelAdapter({ run: excel.run, supports: all });
  const run = await adapter.checkWorkbook();
  const s = run.result.sheets.find((x) => x.name === 'Kostnader')!;
  expect(s.cells.find((c) => c.address === 'B6')?.status).toBe('error');
  // The status colour really is shown in the workbook now, over the cell's own fill.
  expect(excel.shown('Kostnader', 'B6').fill).toBe(STATUS_COLOURS.error.fill.toUpperCase());

  const copy = await adapter.tableForCopy!('Kostnader', s.tables[0]);
  expect(copy.errorCells).toBe(1);
  for (const c of Object.values(STATUS_COLOURS)) expect(copy.html.toUpperCase()).not.toContain(c.fill.toUpperCase());
  // The author's own fill of the total cell is kept.
  expect(copy.html.toUpperCase()).toContain('BACKGROUND:#DDEBF7');
  // Cells without a fill, which Excel reports as white, get no white background (tintAndShade).
  expect(copy.html.toUpperCase()).not.toContain('BACKGROUND:#FFFFFF');
  // Swedish figures: grouping with a no-break space, true minus sign.
  expect(copy.html).toContain('1\u00a0200');
  expect(copy.html).toContain('\u22123\u00a0400');
  expect(copy.text).toContain('Summa\t1\u00a0300');
});

test('sign-off marks are kept in a workbook setting', async () => {
  // Workbook settings only (the shared fake Excel models cells and formats).
  const settings = new Map<string, string>();
  const run = (async (batch: (context: Excel.RequestContext) => Promise<unknown>) => {
    const queue: (() => void)[] = [];
    const context = {
      workbook: {
        settings: {
          getItemOrNullObject: (k: string) => {
            const item = { isNullObject: true, value: undefined as unknown, load: () => undefined };
            queue.push(() => Object.assign(item, settings.has(k) ? { isNullObject: false, value: settings.get(k) } : {}));
            return item;
          },
          add: (k: string, v: string) => queue.push(() => settings.set(k, v)),
        },
      },
      sync: async () => queue.splice(0).forEach((f) => f()),
    };
    return batch(context as unknown as Excel.RequestContext);
  }) as never;
  const adapter = createExcelAdapter({ run, supports: all });
  expect(await adapter.loadSignOff!()).toBeUndefined();
  await adapter.saveSignOff!('{"v":1,"marks":{}}');
  expect(settings.get(SIGN_OFF_SETTING)).toBe('{"v":1,"marks":{}}');
  expect(await createExcelAdapter({ run, supports: all }).loadSignOff!()).toBe('{"v":1,"marks":{}}');
});

test('Visa indata without RangeAreas selects the first input range on the right sheet', async () => {
  const excel = workbook();
  const adapter = createExcelAdapter({ run: excel.run, supports: () => false });
  await adapter.selectRanges!('Kostnader', ['B3:B5']);
  expect(excel.selected).toEqual({ sheet: 'Kostnader', address: 'B3:B5' });
});
