// Word tables with cells spanning columns or rows, through the Office.js adapter with
// the real engine. Word's `table.values` and `getCell` count cells, not grid columns;
// the adapter reads each table's OOXML for the grid, so the engine sees the table as
// readDocx does and the status fills, the restored shading and "select" land on the
// Word cell that shows the checked figure. Mock Word document (fakeWord.ts).
import { checkWorkbook } from '../../src/engine';
import { WORD_CHECK_OPTIONS, readDocx } from '../../src/docx/docx';
import { STATUS_COLOURS } from '../../src/engine';
import type { CheckedCell, Status, WorkbookResult } from '../../src/engine';
import { createWordAdapter } from '../../src/word/wordAdapter';
import type { ShadingRecords, ShadingStore } from '../../src/word/shadingStore';
import { buildDocx, type Cell } from '../docx/buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR } from '../docx/seed000Tables';
import { fakeDocument, type FakeCellSpec, type FakeDocument, type FakeOptions } from './fakeWord';

const WHITE = '#FFFFFF';
const TITLE = 'Kostnader per post';
const fill = (s: Status) => STATUS_COLOURS[s].fill;

// "Budget 2024" over two columns, "Summa" over the two label columns; the Summa of
// Investering is wrong (560, the parts add up to 550).
const MERGED: FakeCellSpec[][] = [
  ['Rad', 'Post', { text: 'Budget 2024', span: 2 }, 'Utfall 2024'],
  ['', '', 'Drift', 'Investering', 'Totalt'],
  ['1', 'Personal', '1 200', '300', '1 500'],
  ['2', 'Lokaler', '800', '200', '1 000'],
  ['3', 'Övrigt', '450', '50', '500'],
  [{ text: 'Summa', span: 2 }, '2 450', '560', '3 000'],
];

/** The same table without merges: every text at its grid column. */
const PLAIN: string[][] = [
  ['Rad', 'Post', 'Budget 2024', '', 'Utfall 2024'],
  ['', '', 'Drift', 'Investering', 'Totalt'],
  ['1', 'Personal', '1 200', '300', '1 500'],
  ['2', 'Lokaler', '800', '200', '1 000'],
  ['3', 'Övrigt', '450', '50', '500'],
  ['Summa', '', '2 450', '560', '3 000'],
];

function memoryStore(): ShadingStore & { records: ShadingRecords } {
  const s = {
    records: {} as ShadingRecords,
    read: () => JSON.parse(JSON.stringify(s.records)) as ShadingRecords,
    write: async (r: ShadingRecords) => void (s.records = JSON.parse(JSON.stringify(r))),
  };
  return s;
}

function word(tables: FakeCellSpec[][][], before: (string | null)[] = [TITLE], options: FakeOptions = {}, shading?: (t: number, r: number, c: number) => string) {
  const doc = fakeDocument(tables, shading ?? (() => WHITE), before, options);
  const store = memoryStore();
  return { doc, store, adapter: createWordAdapter({ run: doc.run, store }) };
}

/** Every checked cell with its status and the status of each check, in order. */
const statuses = (result: WorkbookResult) =>
  result.sheets.map((s) => s.cells.map((c: CheckedCell) => `${c.address} ${c.status} ${c.checks.map((k) => `${k.rule}:${k.status}`).join(',')}`));

/** The shading writes of a check: Word table, row, cell and fill. */
const shaded = (doc: FakeDocument) => doc.writes.map((w) => [w.table, w.row, w.cell, w.value]);

describe('Word tables with merged cells', () => {
  it('get the same sheet and statuses as the same table without merges, and as readDocx', async () => {
    const merged = word([MERGED]);
    const plain = word([PLAIN]);
    const a = await merged.adapter.checkWorkbook();
    const b = await plain.adapter.checkWorkbook();
    expect(a.workbook.sheets[0].rows).toEqual(b.workbook.sheets[0].rows);
    expect(a.workbook.sheets[0].rows[6]).toEqual([{ value: 'Summa' }, undefined, { value: '2 450' }, { value: '560' }, { value: '3 000' }]);
    expect(statuses(a.result)).toEqual(statuses(b.result));
    // The check finds the table's sums: the wrong 560 is red, its column's total ok.
    const cells = a.result.sheets[0].cells;
    expect(cells.find((c) => c.address === 'D7')?.status).toBe('error');
    expect(cells.find((c) => c.address === 'C7')?.status).toBe('ok');

    // The command line reads the same table in a .docx the same way.
    const docx = readDocx(buildDocx([{ heading: TITLE, rows: MERGED as Cell[][] }]));
    expect(a.workbook.sheets).toEqual(docx.sheets.map((s) => ({ ...s })));
    expect(statuses(a.result)).toEqual(statuses(checkWorkbook(docx, WORD_CHECK_OPTIONS)));
  });

  it('shades the Word cell that shows each checked figure', async () => {
    const { doc, adapter, store } = word([MERGED]);
    const run = await adapter.checkWorkbook();
    // Row 5 (Summa) has four Word cells: grid columns C, D, E are cells 1, 2, 3. The Totalt
    // 3 000 is the sum of its column: Drift + Investering fails on the Summa row only because
    // of the wrong 560, which is the one red cell (checks.md 4.9).
    expect(shaded(doc)).toEqual([
      [0, 2, 4, fill('ok')],
      [0, 3, 4, fill('ok')],
      [0, 4, 4, fill('ok')],
      [0, 5, 1, fill('ok')],
      [0, 5, 2, fill('error')],
      [0, 5, 3, fill('ok')],
    ]);
    expect(doc.tables[0][5].map((c) => c.text)).toEqual(['Summa', '2 450', '560', '3 000']);
    expect(doc.tables[0][5].map((c) => c.shading)).toEqual([WHITE, fill('ok'), fill('error'), fill('ok')]);
    // Each checked figure's status on the Word cell that holds it (Word row = sheet row − title row).
    for (const c of run.result.sheets[0].cells) {
      const text = run.workbook.sheets[0].rows[c.row][c.col]?.value;
      expect([c.address, doc.tables[0][c.row - 1].find((w) => w.text === text)?.shading]).toEqual([c.address, fill(c.status)]);
    }
    expect(Object.keys(store.records).sort()).toEqual(['0|2|4', '0|3|4', '0|4|4', '0|5|1', '0|5|2', '0|5|3']);
  });

  it('restores the original shading of the right Word cells, also of cells no longer checked', async () => {
    const original = (t: number, r: number, c: number) => `#${String(t)}${String(r).padStart(2, '0')}${String(c).padStart(2, '0')}A`;
    const { doc, adapter, store } = word([MERGED], [TITLE], {}, original);
    const before = JSON.stringify(doc.tables);
    await adapter.checkWorkbook();
    expect(store.records['0|5|2']).toEqual({ original: '#00502A', applied: fill('error') });
    // The figure is no longer a figure: its cell gets its own shading back at the next check.
    doc.tables[0][5][2].text = 'saknas';
    await adapter.checkWorkbook();
    expect(doc.tables[0][5][2].shading).toBe('#00502A');
    expect(doc.tables[0][5][1].shading).not.toBe('#00501A');
    doc.tables[0][5][2].text = '560';
    await adapter.checkWorkbook();
    const syncs = doc.syncs;
    await adapter.clearStatusColours();
    expect(doc.syncs - syncs).toBe(3);
    expect(JSON.stringify(doc.tables)).toBe(before);
    expect(store.records).toEqual({});
  });

  it('jumps to the Word cell of a grid address, the spanning cell for every column it covers', async () => {
    const { doc, adapter } = word([MERGED]);
    await adapter.select('Tabell 1', 'D7'); // the wrong 560: Word row 5, cell 2
    await adapter.select('Tabell 1', 'B7'); // under "Summa"
    await adapter.select('Tabell 1', 'D2'); // under "Budget 2024"
    await adapter.select('Tabell 1', 'E2'); // "Utfall 2024"
    await adapter.select('Tabell 1', 'A1'); // the title row: no Word cell
    await adapter.select('Tabell 1', 'F7'); // beyond the grid
    expect(doc.selected).toEqual(['cell 0,5,2', 'cell 0,5,0', 'cell 0,0,2', 'cell 0,0,3', 'table 0', 'table 0']);
  });

  it('maps vertically merged cells whether Word lists their continuation cells or not', async () => {
    // "Post" over the two header rows, "Personal" over two rows of figures.
    const table: FakeCellSpec[][] = [
      [{ text: 'Post', vMerge: 'restart' }, { text: 'Budget 2024', span: 2 }, 'Utfall'],
      [{ vMerge: 'continue' }, 'Drift', 'Investering', 'Totalt'],
      [{ text: 'Personal', vMerge: 'restart' }, '1 200', '300', '1 500'],
      [{ vMerge: 'continue' }, '800', '200', '1 000'],
      ['Summa', '2 000', '510', '2 500'],
    ];
    const listed = word([table]);
    const left = word([table], [TITLE], { omitVMergeContinuation: true });
    expect(left.doc.tables[0][3].map((c) => c.text)).toEqual(['800', '200', '1 000']);
    expect(listed.doc.tables[0][3].map((c) => c.text)).toEqual(['', '800', '200', '1 000']);
    const a = await listed.adapter.checkWorkbook();
    const b = await left.adapter.checkWorkbook();
    const docx = readDocx(buildDocx([{ heading: TITLE, rows: table as Cell[][] }]));
    expect(a.workbook).toEqual(docx);
    expect(b.workbook).toEqual(docx);
    expect(a.workbook.sheets[0].rows[4]).toEqual([undefined, { value: '800' }, { value: '200' }, { value: '1 000' }]);
    expect(statuses(a.result)).toEqual(statuses(checkWorkbook(docx, WORD_CHECK_OPTIONS)));
    expect(statuses(b.result)).toEqual(statuses(a.result));
    expect(b.result.sheets[0].cells.find((c) => c.address === 'C6')?.status).toBe('error');
    expect(shaded(listed.doc)).toEqual([
      [0, 4, 1, fill('ok')],
      [0, 4, 2, fill('error')],
      [0, 4, 3, fill('ok')],
    ]);
    expect(shaded(left.doc)).toEqual(shaded(listed.doc));
    // In a continuation row, the cell index depends on whether Word lists the continuation cell.
    for (const { adapter } of [listed, left]) {
      await adapter.select('Tabell 1', 'D5'); // 1 000
      await adapter.select('Tabell 1', 'A5'); // under the merged "Personal": the merged cell
      await adapter.select('Tabell 1', 'A3'); // under the merged "Post"
    }
    expect(listed.doc.selected).toEqual(['cell 0,3,3', 'cell 0,2,0', 'cell 0,0,0']);
    expect(left.doc.selected).toEqual(['cell 0,3,2', 'cell 0,2,0', 'cell 0,0,0']);
  });

  it.each([1, 50])('uses the same number of syncs for %i table(s) with merged cells', async (n) => {
    const { doc, adapter } = word(
      Array.from({ length: n }, () => MERGED),
      Array.from({ length: n }, () => TITLE),
    );
    await adapter.checkWorkbook();
    // Tables; paragraphs above them with each table's OOXML; shading read; shading written.
    expect(doc.syncs).toBe(4);
    expect(doc.tables.every((t) => t[5][2].shading === fill('error'))).toBe(true);
    let syncs = doc.syncs;
    await adapter.select(`Tabell ${n}`, 'D7');
    expect(doc.syncs - syncs).toBe(3);
    expect(doc.selected).toEqual([`cell ${n - 1},5,2`]);
    syncs = doc.syncs;
    await adapter.clearStatusColours();
    expect(doc.syncs - syncs).toBe(3);
  });
});

describe('Word tables whose layout cannot be read', () => {
  it('takes the values as they are when the OOXML is no table of theirs, table by table', async () => {
    const { doc, adapter } = word([MERGED, MERGED], [TITLE, TITLE], { ooxml: (t, generated) => (t === 0 ? '<pkg:package><trasig' : generated) });
    const run = await adapter.checkWorkbook();
    expect(doc.syncs).toBe(4);
    // Table 1 as Word's values: Summa's figures one column to the left, no merges.
    expect(run.workbook.sheets[0].rows[6]).toEqual([{ value: 'Summa' }, { value: '2 450' }, { value: '560' }, { value: '3 000' }]);
    expect(run.workbook.sheets[0].merges).toEqual([]);
    expect(run.workbook.sheets[1].rows[6]).toEqual([{ value: 'Summa' }, undefined, { value: '2 450' }, { value: '560' }, { value: '3 000' }]);
    // Shading still goes to the cell of each result column (cell index = column), as before.
    for (const c of run.result.sheets[0].cells) {
      expect(doc.tables[0][c.row - 1][c.col].shading).toBe(fill(c.status));
    }
  });

  it('takes the values as they are when getOoxml fails the batch, with one more sync', async () => {
    const { doc, adapter, store } = word([MERGED], [TITLE], {
      ooxml: () => {
        throw new Error('GeneralException');
      },
    });
    const run = await adapter.checkWorkbook();
    expect(doc.syncs).toBe(5);
    // The title paragraph is still read.
    expect(run.workbook.sheets[0].rows[0]).toEqual([{ value: TITLE }]);
    expect(run.workbook.sheets[0].rows[6]).toEqual([{ value: 'Summa' }, { value: '2 450' }, { value: '560' }, { value: '3 000' }]);
    expect(Object.keys(store.records).length).toBeGreaterThan(0);
    const syncs = doc.syncs;
    await adapter.select('Tabell 1', 'B7');
    expect(doc.syncs - syncs).toBe(4);
    expect(doc.selected).toEqual(['cell 0,5,1']);
  });
});

describe('seed 000 in Word with the fixture layout (title rows spanning the table)', () => {
  const tables = [BUDGETFORDELNING, BUDGETVAXLINGAR];
  const headings = tables.map((t) => t.heading!);

  it('gets the sheets and statuses readDocx gets, and shades the cells of the checked figures', async () => {
    const { doc, adapter } = word(
      tables.map((t) => t.rows.map((row) => row.map((c) => (typeof c === 'string' ? c : { text: String(c.text ?? ''), span: c.span, vMerge: c.vMerge })))),
      headings,
    );
    const run = await adapter.checkWorkbook();
    const docx = readDocx(buildDocx(tables));
    expect(run.workbook).toEqual(docx);
    const expected = checkWorkbook(docx, WORD_CHECK_OPTIONS);
    expect(statuses(run.result)).toEqual(statuses(expected));
    expect(run.result.summary).toEqual(expected.summary);
    // Budgetväxlingar row 6 is the repeated title: one Word cell over six columns.
    expect(doc.tables[1][5]).toHaveLength(1);
    // Every checked figure's status on the Word cell that holds it.
    run.result.sheets.forEach((s, t) => {
      for (const c of s.cells) {
        const text = run.workbook.sheets[t].rows[c.row][c.col]?.value;
        const cell = doc.tables[t][c.row].find((w) => w.text === text && w.shading === fill(c.status));
        expect([s.name, c.address, cell !== undefined]).toEqual([s.name, c.address, true]);
      }
    });
  });
});
