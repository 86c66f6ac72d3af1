import { buildGrid, K_DASH, K_NUMBER } from '../../src/engine/read/grid';
import { findTables } from '../../src/engine/tables/tableFinder';
import { FootCells } from '../../src/engine/tables/footCells';
import { typedUnitAt, typedUnits } from '../../src/engine/judge/granularity';
import type { SheetInput } from '../../src/engine';
import { sheet } from './helpers';

/** Every row of table t in every footing column: what FootCells holds against the grid itself (copied, or read from the grid past `maxCopied` cells). */
function expectSameAsGrid(s: SheetInput, maxCopied?: number): void {
  const g = buildGrid(s);
  const [t] = findTables(g);
  const footCols = t.numCols;
  const cells = new FootCells(undefined, maxCopied).reset(g, t, footCols);
  const typed = typedUnits(g, t.bodyRows, t.numCols);
  for (let r = t.r0; r <= t.r1; r++) {
    footCols.forEach((c, ci) => {
      expect(cells.kind(r, ci)).toBe(g.kind(r, c));
      expect(cells.num(r, ci)).toBe(g.num(r, c));
      expect(cells.has(r, ci)).toBe(g.kind(r, c) === K_NUMBER || g.kind(r, c) === K_DASH);
      // A unit finer than the figures were typed in is raised to whole units (judge/granularity).
      const floor = Math.min(1, typedUnitAt(typed, r, c));
      const u = g.unit(r, c);
      expect(cells.unit(r, ci)).toBe(u > 0 && u < floor ? floor : u);
    });
  }
}

describe('FootCells: a table\'s footing columns copied from the grid', () => {
  it('holds kind, figure and unit of every row of the table, blanks, dashes and texts included', () => {
    const s = sheet('S', [
        ['Post', 'Budget', 'Utfall', 'Andel'],
        ['Lön', 120, '–', { value: 0.25, numFmt: '0 %' }],
        ['Hyra', { value: 35.5, numFmt: '0.0' }, 30, { value: 0.5, numFmt: '0 %' }],
        ['Övrigt', null, '(S)', { value: 0.25, numFmt: '0 %' }],
        ['Summa', 155.5, 30, { value: 1, numFmt: '0 %' }],
      ]);
    expectSameAsGrid(s);
    // A table too large to copy reads the grid, with the same answers.
    expectSameAsGrid(s, 4);
    const g = buildGrid(s);
    const [t] = findTables(g);
    const small = new FootCells(undefined, 4);
    expect(small.reset(g, t, t.numCols)).not.toBe(small);
    const large = new FootCells();
    expect(large.reset(g, t, t.numCols)).toBe(large);
  });

  it('raises the unit of figures typed in whole units but shown with a decimal', () => {
    const row = (label: string, a: number, b: number) => [label, { value: a, numFmt: '0.0' }, { value: b, numFmt: '0.0' }];
    const s = sheet('S', [['Post', 'A', 'B'], row('a', 10, 3), row('b', 20, 4), row('c', 30, 5), row('d', 40, 6), row('Summa', 100, 18)]);
    expectSameAsGrid(s);
    expectSameAsGrid(s, 4);
    const g = buildGrid(s);
    const [t] = findTables(g);
    expect(g.unit(1, 1)).toBeCloseTo(0.1);
    expect(new FootCells().reset(g, t, t.numCols).unit(1, 0)).toBe(1);
    expect(new FootCells(undefined, 4).reset(g, t, t.numCols).unit(1, 0)).toBe(1);
  });

  it('copies a table of more than a million footing cells whole (reused arrays grow to it)', () => {
    const cols = 1000;
    const rows: (string | number)[][] = [['Post', ...Array.from({ length: cols }, (_, c) => `K${c + 1}`)]];
    for (let r = 0; r < 1050; r++) rows.push([`Rad ${r + 1}`, ...Array.from({ length: cols }, (_, c) => (r * 7 + c * 13) % 1000)]);
    const g = buildGrid(sheet('S', rows));
    const [t] = findTables(g);
    const cells = new FootCells();
    // A small table first: the arrays it leaves are reused and must grow for the large one.
    const small = buildGrid(sheet('T', [['Post', 'A'], ['a', 1], ['b', 2]]));
    cells.reset(small, findTables(small)[0], [1]);
    expect(cells.reset(g, t, t.numCols)).toBe(cells);
    expect(t.numCols.length * (t.r1 - t.r0 + 1)).toBeGreaterThan(1 << 20);
    for (const r of [t.r0, t.r0 + 1, 500, t.r1])
      for (const ci of [0, 1, 499, cols - 1]) {
        expect(cells.num(r, ci)).toBe(g.num(r, t.numCols[ci]));
        expect(cells.kind(r, ci)).toBe(g.kind(r, t.numCols[ci]));
      }
  });
});
