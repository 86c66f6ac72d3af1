// Properties of the judgement (checks.md 4.9): a consistent table never gets a red cell,
// whatever its layout; one injected fault in a table whose structure is corroborated is red.
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import type { CellInput, CheckedCell, WorkbookInput } from '../../src/engine';

type Cell = CellInput | undefined;

interface Layout {
  /** Rows of parts, columns of figures (before the Totalt column). */
  parts: number[][];
  totalColumn: 'none' | 'first' | 'last';
  totalRow: 'below' | 'above';
  /** Rows of empty cells and empty columns before the table. */
  offsetRows: number;
  offsetCols: number;
  /** A second consistent table beside it, one blank column apart, or below it, one blank row apart. */
  neighbour: 'none' | 'beside' | 'below';
  /** Figures typed as text (Swedish, with a thin space and a decimal comma none). */
  textNumbers: boolean;
  /** A SUM formula in the total row. */
  formulas: boolean;
}

const NAMES = ['Norr', 'Söder', 'Väster', 'Öster', 'Mitt', 'Fjällen', 'Kusten', 'Dalen'];
const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

function figure(x: number, layout: Layout, formula?: string): CellInput {
  if (layout.textNumbers && !formula && x >= 1000 && x % 7 === 0) return { value: x.toLocaleString('sv-SE').replace(/\s/g, '\u2009') };
  return formula ? { value: x, formula, numFmt: '#,##0' } : { value: x, numFmt: '#,##0' };
}

/** The table as rows of cells, its top-left at (r0, c0) in the sheet coordinates given. */
function tableRows(layout: Layout, title: string, r0: number, c0: number): Cell[][] {
  const width = layout.parts[0].length;
  const withTotal = (row: number[]): number[] => {
    const s = row.reduce((a, b) => a + b, 0);
    if (layout.totalColumn === 'first') return [s, ...row];
    if (layout.totalColumn === 'last') return [...row, s];
    return row;
  };
  const heads = Array.from({ length: width }, (_, i) => `${title} ${2020 + i}`);
  const header = layout.totalColumn === 'first' ? ['Totalt', ...heads] : layout.totalColumn === 'last' ? [...heads, 'Totalt'] : heads;
  const body = layout.parts.map(withTotal);
  const sums = body[0].map((_, c) => body.reduce((a, r) => a + r[c], 0));
  const out: Cell[][] = [[{ value: 'Enhet' }, ...header.map((h) => ({ value: h }))]];
  const partRow = (i: number): Cell[] => [{ value: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${i}` : '') }, ...body[i].map((x) => figure(x, layout))];
  const firstPart = layout.totalRow === 'above' ? r0 + 2 : r0 + 1;
  const lastPart = firstPart + body.length - 1;
  const totalRow: Cell[] = [
    { value: 'Summa' },
    ...sums.map((x, c) => figure(x, { ...layout, textNumbers: false }, layout.formulas && layout.totalRow === 'below' ? `=SUM(${colName(c0 + 1 + c)}${firstPart + 1}:${colName(c0 + 1 + c)}${lastPart + 1})` : undefined)),
  ];
  if (layout.totalRow === 'above') out.push(totalRow);
  body.forEach((_, i) => out.push(partRow(i)));
  if (layout.totalRow === 'below') out.push(totalRow);
  return out;
}

function place(grid: Cell[][], rows: Cell[][], r0: number, c0: number): void {
  rows.forEach((row, i) => {
    const target = (grid[r0 + i] ??= []);
    row.forEach((cell, j) => (target[c0 + j] = cell));
  });
}

function workbook(layout: Layout): WorkbookInput {
  const grid: Cell[][] = [];
  const r0 = layout.offsetRows;
  const c0 = layout.offsetCols;
  const main = tableRows(layout, 'Utfall', r0, c0);
  place(grid, main, r0, c0);
  if (layout.neighbour === 'beside') {
    const cb = c0 + main[0].length + 1;
    place(grid, tableRows({ ...layout, parts: layout.parts.map((r) => r.map((x) => x * 3 + 11)) }, 'Budget', r0, cb), r0, cb);
  } else if (layout.neighbour === 'below') {
    const rb = r0 + main.length + 1;
    place(grid, tableRows({ ...layout, parts: layout.parts.map((r) => r.map((x) => x * 2 + 5)) }, 'Budget', rb, c0), rb, c0);
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return { sheets: [{ name: 'Tabeller', rows: grid }] };
}

// Figures of a report: sizable, varied (fast-check's bias towards bounds repeats values,
// which no report has), now and then zero.
const figureArb = fc.oneof({ weight: 9, arbitrary: fc.noBias(fc.integer({ min: 100, max: 900000 })) }, { weight: 1, arbitrary: fc.constant(0) });

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  parts: fc.integer({ min: 2, max: 4 }).chain((w) => fc.array(fc.array(figureArb, { minLength: w, maxLength: w }), { minLength: 3, maxLength: 8 })),
  totalColumn: fc.constantFrom('none' as const, 'first' as const, 'last' as const),
  totalRow: fc.constantFrom('below' as const, 'above' as const),
  offsetRows: fc.integer({ min: 0, max: 40 }),
  offsetCols: fc.integer({ min: 0, max: 12 }),
  neighbour: fc.constantFrom('none' as const, 'beside' as const, 'below' as const),
  textNumbers: fc.boolean(),
  formulas: fc.boolean(),
});

const red = (cells: CheckedCell[]) => cells.filter((c) => c.status === 'error').map((c) => `${c.address}: ${c.checks.map((k) => k.message).join(' | ')}`);

describe('property: a consistent table is never red, whatever its layout', () => {
  it('Totalt first or last, totals above or below, side by side or stacked, far from A1, text numbers, formulas', () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const res = checkWorkbook(workbook(layout));
        expect(red(res.sheets[0].cells)).toEqual([]);
      }),
      { numRuns: process.env.CI ? 1500 : 300, seed: 20261129 },
    );
  });
});

type Fault = 'transpose' | 'sign' | 'sum-leaves-out';

/** A table with four columns, a Summa below and a Totalt column; one fault injected. */
function faulty(parts: number[][], fault: Fault, row: number, col: number): { wb: WorkbookInput; expectRed: string[] } {
  const layout: Layout = { parts, totalColumn: 'last', totalRow: 'below', offsetRows: 0, offsetCols: 0, neighbour: 'none', textNumbers: false, formulas: fault === 'sum-leaves-out' };
  const wb = workbook(layout);
  const rows = wb.sheets[0].rows;
  const summa = parts.length + 1;
  const cellAt = (r: number, c: number) => rows[r][c]!;
  if (fault === 'sum-leaves-out') {
    // The Summa's SUM in column col leaves out the last part row, and its cached value follows it.
    const c = col + 1;
    const cell = cellAt(summa, c);
    const L = colName(c);
    cell.formula = `=SUM(${L}2:${L}${parts.length})`;
    cell.value = parts.slice(0, -1).reduce((a, r) => a + r[col], 0);
    return { wb, expectRed: [`${L}${summa + 1}`] };
  }
  const cell = cellAt(row + 1, col + 1);
  const x = cell.value as number;
  cell.value = fault === 'sign' ? -x : transposed(x);
  // The part's column total and its row's Totalt no longer reconcile.
  return { wb, expectRed: [`${colName(col + 1)}${summa + 1}`, `${colName(parts[0].length + 1)}${row + 2}`] };
}

/** The figure with its last two different digits swapped. */
function transposed(x: number): number {
  const s = String(x).split('');
  for (let i = s.length - 1; i > 0; i--)
    if (s[i] !== s[i - 1]) {
      [s[i], s[i - 1]] = [s[i - 1], s[i]];
      return Number(s.join(''));
    }
  return x + 9;
}

describe('property: one injected fault in a corroborated table is red', () => {
  const parts = fc.array(fc.array(fc.noBias(fc.integer({ min: 1000, max: 900000 })), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 8 });
  it('a transposed digit, a flipped sign or a row left out of a SUM', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom<Fault>('transpose', 'sign', 'sum-leaves-out'), fc.nat(), fc.nat(), (p, fault, rowSeed, colSeed) => {
        const row = rowSeed % p.length;
        const col = colSeed % p[0].length;
        const { wb, expectRed } = faulty(p, fault, row, col);
        const res = checkWorkbook(wb);
        const reds = res.sheets[0].cells.filter((c) => c.status === 'error').map((c) => c.address);
        for (const a of expectRed) expect(reds).toContain(a);
      }),
      { numRuns: process.env.CI ? 600 : 200, seed: 20261130 },
    );
  });
});
