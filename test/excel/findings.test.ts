// The task pane's list model and the Excel adapter's pure helpers.
import { groupFindings } from '../../src/taskpane/findings';
import { addressBatches, joinAddresses, verticalRuns } from '../../src/excel/addressBatches';
import { parseMergedAddress } from '../../src/excel/readWorkbook';
import { copyFormatOf } from '../../src/excel/tableFormats';
import { packBatches, rowChunks } from '../../src/excel/rowChunks';
import { cellText } from '../../src/preview/cellText';
import type { Check, WorkbookResult } from '../../src/engine';

const check = (status: Check['status'], message: string, extra: Partial<Check> = {}): Check => ({
  rule: 'column-sum', status, expected: 10, actual: 12, difference: 2, tolerance: 0, inputs: [], message, ...extra,
});

const result: WorkbookResult = {
  sheets: [
    {
      name: 'Blad1',
      tables: [
        { range: 'A1:C5', kind: 'generic', title: 'Tabell ett', r0: 0, c0: 0, r1: 4, c1: 2, headerRows: [0], totalRows: [4] },
        { range: 'A8:C9', kind: 'generic', title: '', r0: 7, c0: 0, r1: 8, c1: 2, headerRows: [], totalRows: [8] },
      ],
      cells: [
        { address: 'C5', row: 4, col: 2, status: 'error', checks: [check('ok', 'rad ok'), check('error', 'summan fel')] },
        { address: 'B5', row: 4, col: 1, status: 'ok', checks: [check('ok', 'rad ok')] },
        { address: 'B9', row: 8, col: 1, status: 'warning', checks: [check('warning', 'avrundat', { detail: 'rounding' })] },
        { address: 'F20', row: 19, col: 5, status: 'ok', checks: [] },
      ],
      notes: [],
    },
    { name: 'Tomt', tables: [], cells: [], notes: [] },
  ],
  summary: { tables: 2, cells: 4, ok: 2, warning: 1, error: 1 },
};

test('findings are grouped by sheet and table, in reading order, with the deciding check', () => {
  const groups = groupFindings(result, 'all');
  expect(groups.map((g) => g.sheet)).toEqual(['Blad1']);
  expect(groups[0].tables.map((t) => t.title)).toEqual(['Tabell ett', 'A8:C9', 'Utanför tabeller']);
  expect(groups[0].tables[0].findings.map((f) => f.address)).toEqual(['B5', 'C5']);
  const c5 = groups[0].tables[0].findings[1];
  expect(c5).toMatchObject({ status: 'error', message: 'summan fel', expected: 10, actual: 12, difference: 2 });
  expect(groups[0].tables[1].findings[0].rounding).toBe(true);
});

test('the status filter keeps only that status and drops empty groups', () => {
  const groups = groupFindings(result, 'error');
  expect(groups[0].tables).toHaveLength(1);
  expect(groups[0].tables[0].findings.map((f) => f.address)).toEqual(['C5']);
  expect(groupFindings(result, 'warning')[0].tables.map((t) => t.title)).toEqual(['A8:C9']);
});

test('address batches merge vertical runs and stay under the length limit', () => {
  expect(verticalRuns([{ row: 3, col: 3 }, { row: 4, col: 3 }, { row: 5, col: 3 }, { row: 8, col: 3 }, { row: 0, col: 0 }])).toEqual(['A1', 'D4:D6', 'D9']);
  expect(joinAddresses(['A1', 'B2', 'C3'], 5)).toEqual(['A1,B2', 'C3']);
  const many = Array.from({ length: 3000 }, (_, i) => ({ row: i * 2, col: i % 7 }));
  const batches = addressBatches(many);
  expect(batches.every((b) => b.length <= 2000)).toBe(true);
  expect(batches.join(',').split(',')).toHaveLength(3000);
});

test('merged-area addresses from Excel, with quoted sheet names', () => {
  expect(parseMergedAddress("'Blad, ett'!A1:B2, 'Blad, ett'!$C$3")).toEqual([
    { r0: 0, c0: 0, r1: 1, c1: 1 },
    { r0: 2, c0: 2, r1: 2, c1: 2 },
  ]);
});

test('copied formats: "no fill" is told from white by tintAndShade (office-js #4900), never by the pattern', () => {
  // Excel reports both as #FFFFFF with a null pattern; only tintAndShade differs.
  expect(copyFormatOf({ format: { fill: { color: '#FFFFFF', tintAndShade: null }, font: { color: '#000000' } } })).toMatchObject({ fill: undefined });
  expect(copyFormatOf({ format: { fill: { color: '#ffffff', tintAndShade: 0 }, font: { color: '#ff0000' } } })).toMatchObject({ fill: '#FFFFFF', fontColor: '#FF0000' });
  expect(copyFormatOf({ format: { fill: { color: '#DDEBF7', tintAndShade: 0.8 } } })).toMatchObject({ fill: '#DDEBF7' });
});

test('row chunks cover the used range exactly and batches respect the budget', () => {
  const chunks = rowChunks('S', 2, 1, 50_001, 3, 25_000);
  expect(chunks[0]).toEqual({ sheet: 'S', rowIndex: 2, columnIndex: 1, rowCount: 8333, columnCount: 3 });
  expect(chunks.reduce((s, c) => s + c.rowCount, 0)).toBe(50_001);
  expect(chunks[chunks.length - 1].rowIndex + chunks[chunks.length - 1].rowCount).toBe(50_003);
  expect(packBatches([4, 4, 4, 1], (x) => x, 8)).toEqual([[4, 4], [4, 1]]);
});

test('preview cells are shown the Swedish way', () => {
  expect(cellText({ value: 1777590.5, numFmt: '#,##0' })).toBe('1\u00a0777\u00a0591');
  expect(cellText({ value: 0.026, numFmt: '0.0%' })).toBe('2,6 %');
  expect(cellText({ value: -3.4 })).toBe('\u22123,4');
  expect(cellText({ value: 'Summa' })).toBe('Summa');
  expect(cellText(undefined)).toBe('');
});
