// The status layer's signature and areas: one definition for the add-in and the copies.
import { STATUS_COLOURS } from '../../src/engine';
import { isLayerFormula, layerAreas, layerStatusOf, LAYER_FORMULA, LAYER_FORMULA_OOXML, rectangles, rectAddress } from '../../src/excel/statusLayer';
import { cellsOfAddress } from '../../src/excel/layerExcel';

test('the signature: our formula (as Office.js and as OOXML write it) plus the exact status colours', () => {
  expect(isLayerFormula(LAYER_FORMULA)).toBe(true);
  expect(isLayerFormula(LAYER_FORMULA_OOXML)).toBe(true);
  expect(isLayerFormula('=n( "Summakoll" ) = 0')).toBe(true);
  expect(isLayerFormula('=N("Summakol")=0')).toBe(false);
  expect(isLayerFormula('=TRUE')).toBe(false);
  expect(layerStatusOf(LAYER_FORMULA, '#FFC7CE', '#9C0006')).toBe('error');
  expect(layerStatusOf(LAYER_FORMULA_OOXML, 'FFC6EFCE', 'ff006100')).toBe('ok');
  expect(layerStatusOf(LAYER_FORMULA, STATUS_COLOURS.warning.fill.toLowerCase(), STATUS_COLOURS.warning.font)).toBe('warning');
  // Our formula with someone else's colours, or our colours with another formula: not ours.
  expect(layerStatusOf(LAYER_FORMULA, '#FFC7CE', '#000000')).toBeUndefined();
  expect(layerStatusOf('=A1>0', '#FFC7CE', '#9C0006')).toBeUndefined();
});

test('cells become few rectangles: total rows, total columns, single cells', () => {
  const cells = [
    ...[1, 2, 3, 4].map((col) => ({ row: 9, col })), // B10:E10
    ...[1, 2, 3, 4].map((col) => ({ row: 10, col })), // merged with the row above
    ...[3, 4, 5, 6].map((row) => ({ row, col: 7 })), // H4:H7
    { row: 0, col: 0 },
  ];
  expect(rectangles(cells).map(rectAddress)).toEqual(['A1', 'H4:H7', 'B10:E11']);
  const areas = layerAreas([
    { row: 0, col: 0, status: 'ok' },
    { row: 0, col: 1, status: 'ok' },
    { row: 1, col: 1, status: 'error' },
  ]);
  expect([...areas.entries()]).toEqual([
    ['error', ['B2']],
    ['ok', ['A1:B1']],
  ]);
  expect(cellsOfAddress("Blad1!A1:B2, 'Mitt, blad'!D4")).toHaveLength(5);
});
