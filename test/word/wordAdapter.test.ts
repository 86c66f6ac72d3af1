// The Word adapter against a mock Word document. The engine is replaced by a small
// deterministic stand-in: these tests are about reading, shading and restoring.
import type { WorkbookInput, WorkbookResult } from '../../src/engine';
import { fakeDocument } from './fakeWord';
import type { ShadingRecords, ShadingStore } from '../../src/word/shadingStore';

// Stand-in engine: in every table, a cell whose text is "1 000" is ok, "999" is an error, "1 000,4" a warning.
jest.mock('../../src/engine/checkWorkbook', () => ({
  checkWorkbook: (wb: WorkbookInput, options?: unknown): WorkbookResult => {
    (globalThis as { lastCheckOptions?: unknown }).lastCheckOptions = options;
    const status = { '1 000': 'ok', '999': 'error', '1 000,4': 'warning' } as Record<string, 'ok' | 'error' | 'warning'>;
    const sheets = wb.sheets.map((s) => ({
      name: s.name,
      tables: [],
      notes: [],
      cells: s.rows.flatMap((row, r) =>
        row.flatMap((cell, c) => {
          const st = typeof cell?.value === 'string' ? status[cell.value] : undefined;
          return st ? [{ address: `${String.fromCharCode(65 + c)}${r + 1}`, row: r, col: c, status: st, checks: [] }] : [];
        }),
      ),
    }));
    const cells = sheets.flatMap((s) => s.cells);
    return {
      sheets,
      summary: { tables: 0, cells: cells.length, ok: cells.filter((c) => c.status === 'ok').length, warning: cells.filter((c) => c.status === 'warning').length, error: cells.filter((c) => c.status === 'error').length },
    };
  },
}));

// eslint-disable-next-line import/first
import { createWordAdapter } from '../../src/word/wordAdapter';

function memoryStore(): ShadingStore & { records: ShadingRecords; writes: number } {
  const s = {
    records: {} as ShadingRecords,
    writes: 0,
    read: () => JSON.parse(JSON.stringify(s.records)) as ShadingRecords,
    write: async (r: ShadingRecords) => {
      s.records = JSON.parse(JSON.stringify(r));
      s.writes += 1;
    },
  };
  return s;
}

function table(rows: number): string[][] {
  const out = [['Post', 'Belopp']];
  for (let i = 0; i < rows; i++) out.push([`Rad ${i}`, String(i)]);
  out.push(['Summa', '1 000']);
  return out;
}

describe('Word adapter', () => {
  it('reads every table as a sheet "Tabell N" of text', async () => {
    const doc = fakeDocument([table(1), [['<img src=x onerror=alert(1)>', '999\r']]]);
    const run = await createWordAdapter({ run: doc.run, store: memoryStore() }).checkWorkbook();
    expect(run.workbook.sheets.map((s) => s.name)).toEqual(['Tabell 1', 'Tabell 2']);
    expect(run.workbook.sheets[1].rows[0]).toEqual([{ value: '<img src=x onerror=alert(1)>' }, { value: '999' }]);
    expect(run.workbook.sheets[0].rows[1][1]).toEqual({ value: '0' });
    expect(run.result.summary.error).toBe(1);
    // Word cells are all text: figures typed as text are no finding there.
    expect((globalThis as { lastCheckOptions?: unknown }).lastCheckOptions).toEqual({ textNumbers: 'accept' });
  });

  it('shades checked cells with the status fills and never writes a value', async () => {
    const doc = fakeDocument([table(2), [['a', '999'], ['b', '1 000,4']]]);
    await createWordAdapter({ run: doc.run, store: memoryStore() }).checkWorkbook();
    expect(doc.tables[0][3][1].shading).toBe('#C6EFCE');
    expect(doc.tables[1][0][1].shading).toBe('#FFC7CE');
    expect(doc.tables[1][1][1].shading).toBe('#FFEB9C');
    expect(doc.tables[0][1][1].shading).toBe('#FFFFFF');
    expect(doc.writes.filter((w) => w.property !== 'shadingColor')).toEqual([]);
  });

  it('uses the same number of syncs whatever the number and size of the tables', async () => {
    // Tables; paragraphs above them with each table's OOXML (its grid); shading read; shading written.
    const small = fakeDocument([table(1)]);
    await createWordAdapter({ run: small.run, store: memoryStore() }).checkWorkbook();
    const many = 22;
    const big = fakeDocument(
      [table(300), table(200), ...Array.from({ length: many - 2 }, () => [['x', '999']])],
      undefined,
      Array.from({ length: many }, (_, i) => (i % 3 === 0 ? null : `Titel ${i}`)),
    );
    const adapter = createWordAdapter({ run: big.run, store: memoryStore() });
    await adapter.checkWorkbook();
    expect(small.syncs).toBe(4);
    expect(big.syncs).toBe(4);
    const afterCheck = big.syncs;
    await adapter.select('Tabell 2', 'B3');
    expect(big.syncs - afterCheck).toBe(3);
  });

  it('restores the original shading exactly, and keeps it across checks', async () => {
    const originals = (t: number, r: number, c: number) => (t === 0 && c === 1 ? `#0${r}0${t}0${c}`.padEnd(7, '0') : '#FFFFFF');
    const doc = fakeDocument([table(2), [['x', '999']]], originals);
    const before = JSON.stringify(doc.tables);
    const store = memoryStore();
    const adapter = createWordAdapter({ run: doc.run, store });
    await adapter.checkWorkbook();
    // A second check must not take Summakoll's own fill for the original.
    await adapter.checkWorkbook();
    expect(doc.tables[0][3][1].shading).toBe('#C6EFCE');
    expect(store.records['0|3|1']).toEqual({ original: '#030001', applied: '#C6EFCE' });
    const syncsBefore = doc.syncs;
    await adapter.clearStatusColours();
    expect(doc.syncs - syncsBefore).toBe(3);
    expect(JSON.stringify(doc.tables)).toBe(before);
    expect(store.records).toEqual({});
  });

  it('keeps a colour the user set after the check, and restores cells no longer checked', async () => {
    const doc = fakeDocument([[['a', '999'], ['b', '1 000']]], () => '#123456');
    const store = memoryStore();
    const adapter = createWordAdapter({ run: doc.run, store });
    await adapter.checkWorkbook();
    doc.tables[0][0][1].shading = '#00FF00'; // the user recoloured the red cell
    doc.tables[0][1][1].text = 'inget'; // and the ok cell is no longer a figure
    await adapter.checkWorkbook();
    expect(doc.tables[0][1][1].shading).toBe('#123456');
    expect(doc.tables[0][0][1].shading).toBe('#FFC7CE');
    await adapter.clearStatusColours();
    expect(doc.tables[0][0][1].shading).toBe('#00FF00');
  });

  it('does not fail when a recorded table is gone', async () => {
    const store = memoryStore();
    store.records = { '5|0|0': { original: '#FFFFFF', applied: '#FFC7CE' } };
    const doc = fakeDocument([[['a', '999']]]);
    await createWordAdapter({ run: doc.run, store }).clearStatusColours();
    expect(store.records).toEqual({});
  });

  it('jumps to a cell, or to the table', async () => {
    const doc = fakeDocument([table(1), table(1)]);
    const adapter = createWordAdapter({ run: doc.run, store: memoryStore() });
    await adapter.select('Tabell 2', 'B3');
    await adapter.select('Tabell 1', 'Z99');
    expect(doc.selected).toEqual(['cell 1,2,1', 'table 0']);
    await expect(adapter.select('Tabell 9', 'A1')).rejects.toThrow(/finns inte längre/);
  });
});

describe('Word adapter with a title paragraph above a table', () => {
  const TITLE = 'Budgetväxlingar tom 31 augusti 2024';

  it('puts the title as the first row of the sheet, and not when the table already has a lone title row', async () => {
    const doc = fakeDocument([table(1), [['Egen rubrik', ''], ['a', '999']], table(1)], undefined, [`  ${TITLE}\r`, 'Stycke ovanför', null]);
    const run = await createWordAdapter({ run: doc.run, store: memoryStore() }).checkWorkbook();
    expect(run.workbook.sheets[0].rows[0]).toEqual([{ value: TITLE }]);
    expect(run.workbook.sheets[0].rows[1]).toEqual([{ value: 'Post' }, { value: 'Belopp' }]);
    expect(run.workbook.sheets[0].rows).toHaveLength(4); // title + Post, Rad 0, Summa
    // First row "Egen rubrik" is a lone text: the paragraph above is not added.
    expect(run.workbook.sheets[1].rows[0]).toEqual([{ value: 'Egen rubrik' }, undefined]);
    // No paragraph above (the null object): no title row.
    expect(run.workbook.sheets[2].rows[0]).toEqual([{ value: 'Post' }, { value: 'Belopp' }]);
  });

  it('shades the Word cell one row above the result row and records the Word position', async () => {
    // table(2): Word rows Post / Rad 0 / Rad 1 / Summa "1 000" (index 3).
    const doc = fakeDocument([table(2), [['a', '999']]], () => '#FFFFFF', [TITLE, null]);
    const store = memoryStore();
    const adapter = createWordAdapter({ run: doc.run, store });
    const run = await adapter.checkWorkbook();
    const ok = run.result.sheets[0].cells.find((c) => c.status === 'ok')!;
    expect([ok.row, ok.col, ok.address]).toEqual([4, 1, 'B5']); // the sheet counts the title row
    expect(doc.tables[0][3][1].shading).toBe('#C6EFCE');
    expect(doc.tables[0].flat().filter((c) => c.shading !== '#FFFFFF')).toHaveLength(1);
    expect(doc.tables[1][0][1].shading).toBe('#FFC7CE'); // no title: no offset
    expect(Object.keys(store.records).sort()).toEqual(['0|3|1', '1|0|1']);
    await adapter.clearStatusColours();
    expect(doc.tables.flat(2).every((c) => c.shading === '#FFFFFF')).toBe(true);
  });

  it('restores a cell no longer checked at its Word position', async () => {
    const doc = fakeDocument([[['Post', 'Belopp'], ['Summa', '1 000']]], () => '#ABCDEF', [TITLE]);
    const adapter = createWordAdapter({ run: doc.run, store: memoryStore() });
    await adapter.checkWorkbook();
    expect(doc.tables[0][1][1].shading).toBe('#C6EFCE');
    doc.tables[0][1][1].text = 'inget';
    await adapter.checkWorkbook();
    expect(doc.tables[0][1][1].shading).toBe('#ABCDEF');
  });

  it('selects the Word cell of a sheet address, and the table for the title row', async () => {
    const doc = fakeDocument([table(1)], undefined, [TITLE]);
    const adapter = createWordAdapter({ run: doc.run, store: memoryStore() });
    await adapter.select('Tabell 1', 'B4'); // sheet row 4 = Word row 3 (index 2): "Summa", "1 000"
    await adapter.select('Tabell 1', 'A1'); // the title row has no Word cell
    expect(doc.selected).toEqual(['cell 0,2,1', 'table 0']);
  });
});
