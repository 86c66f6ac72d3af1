// The groups search stops a run once its sum has left the target for good (FootCells.sign and
// maxUnit bound it): it must find exactly the groups the search without that stop finds.
import fc from 'fast-check';
import { buildGrid } from '../../src/engine/read/grid';
import { findTables } from '../../src/engine/tables/tableFinder';
import { FootCells } from '../../src/engine/tables/footCells';
import { tableRowFacts } from '../../src/engine/tables/rowLabels';
import { ReadingsScratch } from '../../src/engine/hypotheses/readings';
import { detectGroups } from '../../src/engine/hypotheses/parts';
import type { CellInput } from '../../src/engine';
import { sheet, type Plain } from './helpers';

/** The groups of the sheet's first table: with the bound (copied cells), and without it (read from the grid). */
function groupsBothWays(rows: Plain[][]): { bounded: string; unbounded: string } {
  const g = buildGrid(sheet('S', rows));
  const [t] = findTables(g);
  const facts = tableRowFacts(g, t);
  const show = (cells: FootCells) => JSON.stringify(detectGroups(cells, t.bodyRows, facts, new ReadingsScratch()).map((x) => [x.row, x.items]));
  const copied = new FootCells();
  const bounded = show(copied.reset(g, t, t.numCols));
  // A table too large to copy (here: any) is read from the grid, where no sign is known.
  const fromGrid = new FootCells(undefined, 0).reset(g, t, t.numCols);
  expect(fromGrid.sign(0)).toBe(0);
  return { bounded, unbounded: show(fromGrid) };
}

describe('FootCells: the sign and largest unit of a column', () => {
  it('says which way a running sum of the column moves, and its coarsest unit', () => {
    const dec = (value: number): CellInput => ({ value, numFmt: '0.0' });
    const g = buildGrid(
      sheet('S', [
        ['Post', 'Plus', 'Minus', 'Båda', 'Noll'],
        ['a', 5, -5, 5, 0],
        ['b', dec(2.5), 0, -1, 0],
        ['c', 0, dec(-2.5), 3, '–'],
        ['Summa', dec(7.5), dec(-7.5), 7, 0],
      ]),
    );
    const [t] = findTables(g);
    const cells = new FootCells().reset(g, t, t.numCols);
    expect([0, 1, 2, 3].map((ci) => cells.sign(ci))).toEqual([1, -1, 0, 1]);
    // Whole figures carry unit 1 (General format), the decimals 0.1.
    expect(cells.maxUnit(0)).toBe(1);
    expect(cells.maxUnit(3)).toBe(1);
    // Worked out again for the next table the instance is reset to.
    const g2 = buildGrid(sheet('T', [['Post', 'A'], ['a', -3], ['b', -4], ['Summa', -7]]));
    const [t2] = findTables(g2);
    expect(cells.reset(g2, t2, t2.numCols).sign(0)).toBe(-1);
  });
});

describe('detectGroups: stopping a run that has left its target changes no group', () => {
  it('finds the same groups with and without the stop, on groups, rounding, zero rows and mixed signs', () => {
    // Per column: only figures ≥ 0, only ≤ 0, or both.
    const signOf = fc.constantFrom(1, -1, 0);
    const group = fc.record({
      parts: fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
      // The head: the parts' sum, a rounding step off it, or some other figure.
      off: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }),
      unrelated: fc.boolean(),
      zerosAfter: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(signOf, { minLength: 3, maxLength: 3 }), fc.array(group, { minLength: 1, maxLength: 6 }), fc.boolean(), (signs, groups, decimals) => {
        // The sign of the figure in column ci on row number k (a mixed column: every third negative).
        const signAt = (ci: number, k: number): number => (signs[ci] === 0 ? (k % 3 === 0 ? -1 : 1) : signs[ci]);
        const figure = (v: number): Plain => (decimals ? { value: v / 10, numFmt: '0.0' } : v);
        const rows: Plain[][] = [['Post', 'A', 'B', 'C']];
        let k = 0;
        groups.forEach((gr, gi) => {
          const sums = [0, 1, 2].map((ci) => gr.parts.reduce((a, p, pi) => a + signAt(ci, k + pi + 1) * p[ci], 0));
          const head = [0, 1, 2].map((ci) => (gr.unrelated ? 17 + gi : sums[ci] + gr.off[ci]));
          // The head's figures are already signed: written as they are.
          rows.push([`Grupp ${gi + 1}`, ...head.map(figure)]);
          k++;
          for (const p of gr.parts) rows.push([`Del ${k}`, ...p.map((x, ci) => figure(signAt(ci, k++) * x))]);
          for (let z = 0; z < gr.zerosAfter; z++) rows.push([`Noll ${k++}`, 0, 0, 0]);
        });
        const { bounded, unbounded } = groupsBothWays(rows);
        expect(bounded).toBe(unbounded);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a group that reconciles in two columns and within rounding in the third, after rows of zeros', () => {
    const rows: Plain[][] = [['Post', 'A', 'B', 'C'], ['Grupp', 10, 20, 31], ['a', 4, 12, 18], ['b', 6, 8, 12], ['c', 0, 0, 0], ['Annat', 40, 1, 7]];
    const { bounded, unbounded } = groupsBothWays(rows);
    expect(bounded).toBe(unbounded);
    expect(JSON.parse(bounded)).toEqual([[1, [3, 2]]]);
  });
});
