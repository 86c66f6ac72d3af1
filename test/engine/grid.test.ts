// The grid reads every cell once; at() gives the same reading as readCell for any cell.
import fc from 'fast-check';
import { buildGrid, K_DASH, K_EMPTY, K_ERROR, K_NUMBER, K_TEXT } from '../../src/engine/read/grid';
import { readCell } from '../../src/engine/read/numbers';
import type { CellInput } from '../../src/engine/types';

const KIND: Record<string, number> = { empty: K_EMPTY, number: K_NUMBER, dash: K_DASH, text: K_TEXT, error: K_ERROR };

describe('buildGrid', () => {
  const cells: CellInput[] = [
    { value: 'Summa Vård' },
    { value: 'Årets resultat' },
    { value: '  Kock ' },
    { value: '1 777 590' },
    { value: '−55 691' },
    { value: '–' },
    { value: ' #REF! ' },
    { value: '#DIV/0!', error: true },
    { value: true },
    { value: 45292, numFmt: 'yyyy-mm-dd' },
    { value: 0.029, numFmt: '0.0%' },
    { value: 1234.5, numFmt: '#,##0' },
    { value: '' },
    { value: null },
  ];
  const g = buildGrid({ name: 'Blad1', rows: [cells] });

  it.each(cells.map((cell, c) => [JSON.stringify(cell.value), c] as const))('cell %s reads as readCell reads it', (_, c) => {
    const want = readCell(cells[c]);
    expect(g.at(0, c)).toEqual(want);
    expect(g.kind(0, c)).toBe(KIND[want.kind]);
  });

  it('labels are text without a second copy: the text is the input itself', () => {
    expect(g.at(0, 0)).toEqual({ kind: 'text', text: 'Summa Vård' });
    expect(g.textAt(0, 2)).toBe('Kock');
  });

  it('agrees with readCell on any short text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Ärende', 'é 12', 'x', '12 %', '(3)', '—', '#N/A')), { minLength: 1, maxLength: 20 }), (texts) => {
        const row = texts.map((value) => ({ value }));
        const grid = buildGrid({ name: 'B', rows: [row] });
        row.forEach((cell, c) => expect(grid.at(0, c)).toEqual(readCell(cell)));
      }),
    );
  });

  it('knows which cells have a formula, also one whose cached result is missing', () => {
    const f = buildGrid({ name: 'F', rows: [[{ value: 5, formula: '=SUM(A2:A3)' }, { value: null, formula: '=B2-C2' }, { value: 7 }, { value: 'Summa', formula: '' }]] });
    expect([0, 1, 2, 3, 4].map((c) => f.hasFormula(0, c))).toEqual([true, true, false, false, false]);
    expect(f.hasFormula(3, 0)).toBe(false);
  });

  it('numbers the cells of a row consecutively, whatever the rows\' lengths (hot loops add the column to the row\'s first id)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.option(fc.integer({ min: -99, max: 99 }), { nil: undefined }), { maxLength: 8 }), { maxLength: 12 }), (values) => {
        const grid = buildGrid({ name: 'R', rows: values.map((row) => row.map((v) => (v === undefined ? undefined : { value: v }))) });
        const seen = new Set<number>();
        for (let r = 0; r < values.length; r++) {
          expect(grid.rowLength(r)).toBe(values[r].length);
          for (let c = 0; c < values[r].length; c++) {
            const id = grid.cellId(r, c);
            expect(id).toBe(grid.cellId(r, 0) + c);
            expect(grid.kindById(id)).toBe(grid.kind(r, c));
            seen.add(id);
          }
          expect(grid.cellId(r, values[r].length)).toBe(-1);
        }
        expect(seen.size).toBe(grid.cellCount);
      }),
    );
  });
});
