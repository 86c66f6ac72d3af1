// Seed 000, sections 7.7 and 7.8, in Word through the Office.js adapter, the way the
// published report has them: each table's title is the paragraph just above the table,
// not a row of it. The adapter reads that paragraph (getParagraphBeforeOrNullObject) and
// makes it the sheet's first row, as readDocx does (test/docx/seed000Titles.test.ts), so
// the engine recognises the templates and the cross-table checks; the status fills land
// on the Word cell one row above the result row. Real engine, mock Word document.
import { expectationsOf, worstOfRule } from '../helpers/shared';
import { fakeDocument, type FakeCellSpec } from './fakeWord';
import { createWordAdapter } from '../../src/word/wordAdapter';
import { STATUS_COLOURS } from '../../src/engine';
import type { CheckedCell, Status } from '../../src/engine';
import type { ShadingRecords } from '../../src/word/shadingStore';
import type { Cell, TableSpec } from '../docx/buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR, SHEET_FOR_FIXTURE } from '../docx/seed000Tables';

const expectFile = expectationsOf('000_budgetfordelning_budgetvaxlingar.expect.json');

const BF_TITLE = 'Uppföljning av nämndens beslutade fördelning av budgetramen 2024';
const BV_TITLE = 'Budgetväxlingar tom 31 augusti 2024';
const WHITE = '#FFFFFF';

const text = (c: Cell) => (typeof c === 'string' ? c : Array.isArray(c.text) ? c.text.join('\r') : (c.text ?? ''));

/**
 * The table as Word has it, without the title row: one cell per Word cell (a cell
 * spanning columns is one cell, as Word reports it, with its span in the OOXML).
 */
function wordValues(spec: TableSpec, title: string): FakeCellSpec[][] {
  expect(text(spec.rows[0][0])).toBe(title); // the row we move out of the table
  return spec.rows.slice(1).map((row) => row.map((c) => (typeof c === 'string' ? c : { text: text(c), span: c.span, vMerge: c.vMerge })));
}

const doc = fakeDocument(
  [wordValues(BUDGETFORDELNING, BF_TITLE), wordValues(BUDGETVAXLINGAR, BV_TITLE)],
  () => WHITE,
  [BF_TITLE, BV_TITLE],
);
let records: ShadingRecords = {};
const adapter = createWordAdapter({
  run: doc.run,
  store: { read: () => records, write: async (r) => void (records = r) },
});
const runPromise = adapter.checkWorkbook();

async function cellOf(sheet: string, address: string): Promise<CheckedCell | undefined> {
  const { result } = await runPromise;
  return result.sheets.find((s) => s.name === SHEET_FOR_FIXTURE[sheet])?.cells.find((c) => c.address === address);
}

const fill = (s: Status) => STATUS_COLOURS[s].fill;

describe('seed 000 in Word, titles as paragraphs above the tables', () => {
  it('puts each title as the first row of its sheet, so the sheet has the fixture layout', async () => {
    const { workbook } = await runPromise;
    expect(workbook.sheets.map((s) => s.rows[0])).toEqual([[{ value: BF_TITLE }], [{ value: BV_TITLE }]]);
    // Budgetfördelning D6 and Budgetväxlingar F11 at the fixture's addresses.
    expect(workbook.sheets[0].rows[5][3]).toEqual({ value: '1 180 309' });
    expect(workbook.sheets[1].rows[10][5]).toEqual({ value: '1 783' });
  });

  it('recognises both templates', async () => {
    const { result } = await runPromise;
    expect(result.sheets[0].tables.map((t) => t.kind)).toContain('budgetfordelning');
    expect(result.sheets[1].tables.map((t) => t.kind)).toContain('budgetvaxlingar');
  });

  it.each(expectFile.expect.map((e) => [`${e.sheet}!${e.cell} ${e.rule}`, e] as const))('%s', async (_name, e) => {
    expect(worstOfRule(await cellOf(e.sheet, e.cell), e.rule)).toBe(e.status);
  });

  it('includes the budgetväxlingar cross-table checks of the fixture', async () => {
    const cross = expectFile.expect.filter((e) => e.rule === 'cross-table');
    expect(cross.length).toBeGreaterThan(0);
    for (const e of cross) {
      expect([e.cell, (await cellOf(e.sheet, e.cell))?.checks.find((k) => k.rule === 'cross-table')?.status]).toEqual([e.cell, e.status]);
    }
  });

  it('scores no unscored cell', async () => {
    for (const u of expectFile.unscored) expect([u.cell, (await cellOf(u.sheet, u.cell))?.checks.length ?? 0]).toEqual([u.cell, 0]);
  });

  it('shades the Word cell one row above the result row (the title row is not in Word)', async () => {
    const { result } = await runPromise;
    let checked = 0;
    result.sheets.forEach((s, t) => {
      for (const c of s.cells) {
        expect([s.name, c.address, doc.tables[t][c.row - 1][c.col].shading]).toEqual([s.name, c.address, fill(c.status)]);
        checked += 1;
      }
    });
    // Nothing else is shaded.
    expect(doc.tables.flat(2).filter((c) => c.shading !== WHITE)).toHaveLength(checked);
    // By hand: Budgetfördelning D6 (red) is Word row 5 of the table, i.e. index 4; its "Ange nämnd" row stays unshaded.
    expect(doc.tables[0][4][3].shading).toBe(fill('error'));
    expect(doc.tables[0][0].every((c) => c.shading === WHITE)).toBe(true);
    // Budgetväxlingar F11 (red) is Word index 9; the records keep Word positions.
    expect(doc.tables[1][9][5].shading).toBe(fill('error'));
    expect(records['1|9|5']).toEqual({ original: WHITE, applied: fill('error') });
    expect(doc.writes.filter((w) => w.property !== 'shadingColor')).toEqual([]);
  });

  it('jumps from a finding to its Word cell', async () => {
    await adapter.select('Tabell 2', 'F11');
    expect(doc.selected.at(-1)).toBe('cell 1,9,5');
  });
});
