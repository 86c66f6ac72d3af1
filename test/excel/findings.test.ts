// The Excel adapter's pure helpers (the task pane's list model: test/taskpane/findings.test.ts).
import { addressBatches, joinAddresses, verticalRuns } from '../../src/excel/addressBatches';
import { parseMergedAddress } from '../../src/excel/readWorkbook';
import { copyFormatOf } from '../../src/excel/tableFormats';
import { packBatches, rowChunks } from '../../src/excel/rowChunks';

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
