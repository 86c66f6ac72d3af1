import fc from 'fast-check';
import { buildGrid } from '../../src/engine/read/grid';
import { findTables } from '../../src/engine/tables/tableFinder';
import { checkWorkbook } from '../../src/engine';
import type { CellInput, SheetInput } from '../../src/engine';
import { sheet } from './helpers';

const tablesOf = (s: SheetInput) => findTables(buildGrid(s));

describe('table detection (checks.md 4.1)', () => {
  it('takes a merged title, a multi-row header and a units row as the header', () => {
    const s = sheet(
      'S',
      [
        ['Årsarbetare'],
        ['Yrkesgrupp', 'Antal 2024', null, 'Antal 2023', null],
        [null, 'Kvinnor', 'Män', 'Kvinnor', 'Män'],
        [null, '(st)', '(st)', '(st)', '(st)'],
        ['Chef', 40, 38, 42, 39],
        ['Kock', 45, 10, 47, 11],
      ],
      undefined,
      [{ r0: 0, c0: 0, r1: 0, c1: 4 }, { r0: 1, c0: 1, r1: 1, c1: 2 }, { r0: 1, c0: 3, r1: 1, c1: 4 }],
    );
    const [t] = tablesOf(s);
    expect(t.title).toBe('Årsarbetare');
    expect(t.headerRows).toEqual([0, 1, 2, 3]);
    expect(t.bodyRows).toEqual([4, 5]);
    expect(t.labelCol).toBe(0);
    expect(t.numCols).toEqual([1, 2, 3, 4]);
    // The merged header text reaches the covered column.
    expect(t.header.get(2)).toContain('Antal 2024');
    expect(t.header.get(2)).toContain('Män');
  });

  it('ends tables at blank rows and at a new header, not at a repeated one', () => {
    const s = sheet('S', [
      ['Enhet', 'Budget', 'Utfall'],
      ['A', 1, 2],
      ['Enhet', 'Budget', 'Utfall'],
      ['B', 3, 4],
      [],
      ['Område', 'Intäkter', 'Kostnader'],
      ['C', 5, 6],
      ['Kategori', 'Antal', 'Andel'],
      ['D', 7, 8],
    ]);
    const ts = tablesOf(s);
    expect(ts.map((t) => t.bodyRows)).toEqual([[1, 3], [6], [8]]);
  });

  it('skips text-only rows inside a table (comments, section titles)', () => {
    const s = sheet('S', [
      ['Post', 'A', 'B'],
      ['Intäkter'],
      ['x', 1, 2],
      ['Kommentar: siffrorna är preliminära'],
      ['y', 3, 4],
      ['Summa', 4, 6],
    ]);
    const [t] = tablesOf(s);
    expect(t.bodyRows).toEqual([2, 4, 5]);
    expect(t.textRows).toContain(3);
  });

  it('a row-number column left of the label column is not a figure column', () => {
    const s = sheet('S', [
      ['Rad', 'Rubrik', 'Belopp'],
      [1, 'Ingående', 100],
      [2, 'Växling', 5],
      [null, 'Utgående', 105],
    ]);
    const [t] = tablesOf(s);
    expect(t.labelCol).toBe(1);
    expect(t.numCols).toEqual([2]);
  });

  it('a header row of bare years is a header, not figures', () => {
    const s = sheet('S', [
      ['Mnkr', 2024, 2023],
      ['Intäkter', 120, 110],
      ['Kostnader', -100, -95],
      ['Summa', 20, 15],
    ]);
    const [t] = tablesOf(s);
    expect(t.headerRows).toEqual([0]);
    expect(t.bodyRows).toEqual([1, 2, 3]);
    expect(t.header.get(1)).toBe('2024');
  });

  it('a note column (Not) is no figure column', () => {
    const s = sheet('S', [
      ['Mnkr', 'Not', 'Utfall'],
      ['Intäkter', 1, 120],
      ['Kostnader', 2, -100],
      ['Summa', null, 20],
    ]);
    const [t] = tablesOf(s);
    expect(t.numCols).toEqual([2]);
  });

  it('a header separated from its figures by a blank row still heads them', () => {
    const s = sheet('S', [['Uppföljning 2024'], ['Post', 'Budget', 'Förändring'], [], ['x', 1, 2], ['y', 3, 4]]);
    const ts = tablesOf(s);
    expect(ts).toHaveLength(1);
    expect(ts[0].headerRows).toEqual([0, 1]);
    expect(ts[0].title).toBe('Uppföljning 2024');
    expect(ts[0].header.get(2)).toBe('Förändring');
  });

  it('a blank column splits a table only where labels of their own follow it', () => {
    // Right of the blank column: a figure column with an "n/a" and dates shown as text, no labels.
    const spacer = sheet('S', [
      ['Post', 'Budget', 'Utfall', null, 'Max', 'Datum', 'Högsta'],
      ['Norr', 100, 90, null, 120, '2024-03-01', 130],
      ['Syd', 200, 210, null, 230, 'n/a', 240],
      ['Väst', 300, 310, null, 330, '2024-05-01', 340],
    ]);
    expect(tablesOf(spacer).map((t) => t.numCols)).toEqual([[1, 2, 4, 6]]);
    // A table beside it whose row numbers stand before its labels (Rad | Rubrik | belopp).
    const beside = sheet('S', [
      ['Post', 'Budget', 'Utfall', null, 'Rad', 'Rubrik', 'Belopp'],
      ['Norr', 100, 90, null, 1, 'Ingående ram', 1781],
      ['Syd', 200, 210, null, 2, 'Växling', 0.9],
      ['Summa', 300, 300, null, 3, 'Utgående ram', 1781.9],
    ]);
    expect(tablesOf(beside).map((t) => [t.labelCol, t.numCols])).toEqual([
      [0, [1, 2]],
      [5, [6]],
    ]);
  });

  it('a Summa row after a blank row still belongs to its table', () => {
    const s = sheet('S', [['Post', 'A', 'B'], ['x', 1, 2], ['y', 3, 4], [], ['Summa', 4, 6]]);
    const ts = tablesOf(s);
    expect(ts).toHaveLength(1);
    expect(ts[0].bodyRows).toEqual([1, 2, 4]);
  });
});

const cellArb: fc.Arbitrary<CellInput | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => ({ value: v })) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((v) => ({ value: v, numFmt: '#,##0' })) },
  { weight: 2, arbitrary: fc.constantFrom('Summa', 'Totalt', 'Förändring', 'Andel %', '-', '–', '1 234,5', '(12)', '#REF!', 'Över 10', 'Kvinnor', 'Rad').map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.constantFrom({ value: '#DIV/0!', error: true }, { value: 0.5, numFmt: '0 %' }, { value: 3, formula: '=SUM(B1:B2)' }, { value: true }) },
);

const gridArb = fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 24 });

describe('property: the table finder and the engine never throw', () => {
  it(`on random grids (${process.env.CI ? 10000 : 2000} cases)`, () => {
    fc.assert(
      fc.property(gridArb, fc.array(fc.record({ r0: fc.nat(25), c0: fc.nat(9), r1: fc.nat(25), c1: fc.nat(9) }), { maxLength: 3 }), (rows, merges) => {
        const s: SheetInput = { name: 'S', rows, merges };
        const tables = tablesOf(s);
        for (const t of tables) {
          expect(t.r0).toBeLessThanOrEqual(t.r1);
          for (const r of t.bodyRows) expect(r).toBeGreaterThanOrEqual(t.r0);
        }
        const res = checkWorkbook({ sheets: [s] });
        for (const c of res.sheets[0].cells) expect(['ok', 'warning', 'error']).toContain(c.status);
      }),
      { numRuns: process.env.CI ? 10000 : 2000 },
    );
  });

  it('a generated table is found whole, wherever it stands', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(4), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), (top, left, nRows, nCols) => {
        const rows: (CellInput | undefined)[][] = [];
        for (let i = 0; i < top; i++) rows.push([]);
        const pad = () => new Array<CellInput | undefined>(left).fill(undefined);
        rows.push([...pad(), { value: 'Post' }, ...Array.from({ length: nCols }, (_, j) => ({ value: `Kolumn ${j + 1}` }))]);
        for (let i = 0; i < nRows; i++) rows.push([...pad(), { value: `Rad ${i + 1}` }, ...Array.from({ length: nCols }, (_, j) => ({ value: i * 10 + j + 1 }))]);
        const ts = tablesOf({ name: 'S', rows });
        expect(ts).toHaveLength(1);
        expect(ts[0].bodyRows).toEqual(Array.from({ length: nRows }, (_, i) => top + 1 + i));
        expect(ts[0].labelCol).toBe(left);
        expect(ts[0].numCols).toEqual(Array.from({ length: nCols }, (_, j) => left + 1 + j));
      }),
      { numRuns: 500 },
    );
  });

  it('two generated tables side by side, one blank column apart, are two tables', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (top, rowsA, rowsB, colsA, colsB) => {
        const rows: (CellInput | undefined)[][] = [];
        for (let i = 0; i < top; i++) rows.push([]);
        const bAt = 1 + colsA + 1; // label, figures, one blank column
        const height = 1 + Math.max(rowsA, rowsB);
        for (let i = 0; i < height; i++) {
          const row: (CellInput | undefined)[] = [];
          if (i === 0) {
            row[0] = { value: 'Post' };
            for (let j = 0; j < colsA; j++) row[1 + j] = { value: `A ${j + 1}` };
            row[bAt] = { value: 'Enhet' };
            for (let j = 0; j < colsB; j++) row[bAt + 1 + j] = { value: `B ${j + 1}` };
          } else {
            if (i <= rowsA) {
              row[0] = { value: `Post ${i}` };
              for (let j = 0; j < colsA; j++) row[1 + j] = { value: i * 10 + j };
            }
            if (i <= rowsB) {
              row[bAt] = { value: `Enhet ${i}` };
              for (let j = 0; j < colsB; j++) row[bAt + 1 + j] = { value: i * 100 + j };
            }
          }
          rows.push(row);
        }
        const ts = tablesOf({ name: 'S', rows });
        expect(ts.map((t) => [t.labelCol, t.numCols, t.bodyRows.length])).toEqual([
          [0, Array.from({ length: colsA }, (_, j) => 1 + j), rowsA],
          [bAt, Array.from({ length: colsB }, (_, j) => bAt + 1 + j), rowsB],
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('the result does not depend on the order sheets are read in', () => {
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 2, maxLength: 4 }), (grids) => {
        const sheets: SheetInput[] = grids.map((rows, i) => ({ name: `S${i}`, rows }));
        const key = (res: ReturnType<typeof checkWorkbook>) =>
          res.sheets
            .map((s) => `${s.name}:${s.cells.map((c) => `${c.address}=${c.status}`).join(',')}`)
            .sort()
            .join('|');
        expect(key(checkWorkbook({ sheets: [...sheets].reverse() }))).toBe(key(checkWorkbook({ sheets })));
      }),
      { numRuns: 300 },
    );
  });
});
