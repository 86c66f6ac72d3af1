// The status layer's signature and areas: one definition for the add-in and the copies.
import fc from 'fast-check';
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

/** The first implementation (a map of rows, a map of open runs per row), kept as the reference. */
function referenceRectangles(cells: { row: number; col: number }[]): { r0: number; c0: number; r1: number; c1: number }[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let open = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
  const out: { r0: number; c0: number; r1: number; c1: number }[] = [];
  for (const r of rows) {
    const cols = [...new Set(byRow.get(r)!)].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
    for (const [c0, c1] of runs) {
      const prev = open.get(`${c0}:${c1}`);
      if (prev && prev.r1 === r - 1) {
        prev.r1 = r;
        next.set(`${c0}:${c1}`, prev);
      } else {
        const rect = { r0: r, c0, r1: r, c1 };
        out.push(rect);
        next.set(`${c0}:${c1}`, rect);
      }
    }
    open = next;
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

test('rectangles agree with the reference for cells in any order, with repeats', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 9 }) }), { maxLength: 80 }), (cells) => {
      expect(rectangles(cells)).toEqual(referenceRectangles(cells));
      const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
      expect(rectangles(sorted)).toEqual(referenceRectangles(cells));
    }),
    { numRuns: 500 },
  );
  // Excel's last row and column.
  expect(rectangles([{ row: 1048575, col: 16383 }, { row: 1048574, col: 16383 }]).map(rectAddress)).toEqual(['XFD1048575:XFD1048576']);
});
