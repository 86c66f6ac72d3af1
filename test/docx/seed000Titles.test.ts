// Seed 000, sections 7.7 and 7.8, the way the published report has them: each table's
// title is a heading paragraph just above the table (under the section heading), not a
// row of the table. readDocx makes the title the sheet's first row, so the engine
// recognises the templates and the cross-table checks as in the fixture workbook, and
// the shaded copy still shades the right Word cells (one row up from the result row).
import { expectationsOf, worstOfRule } from '../helpers/shared';
import { strFromU8, unzipSync } from 'fflate';
import { checkWorkbook } from '../../src/engine';
import { WORD_CHECK_OPTIONS, readDocx, writeShadedDocx } from '../../src/docx/docx';
import { scanTables } from '../../src/docx/scanTables';
import { STATUS_COLOURS } from '../../src/engine';
import type { CheckedCell, Status } from '../../src/engine';
import { documentXml, packageDocx, xmlText, type TableSpec } from './buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR, SHEET_FOR_FIXTURE } from './seed000Tables';

const expectFile = expectationsOf('000_budgetfordelning_budgetvaxlingar.expect.json');

const BF_TITLE = 'Uppföljning av nämndens beslutade fördelning av budgetramen 2024';
const BV_TITLE = 'Budgetväxlingar tom 31 augusti 2024';

/** The table without its title row, the title as the heading paragraph above it. */
function titleAbove(spec: TableSpec, title: string): TableSpec {
  const first = spec.rows[0][0];
  expect(typeof first === 'string' ? first : first.text).toBe(title); // the row we move out
  return { heading: title, rows: spec.rows.slice(1) };
}

const section = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>${xmlText(text)}</w:t></w:r></w:p>`;
const titlePara = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading4"/></w:pPr><w:r><w:t>${xmlText(text)}</w:t></w:r></w:p>`;

// Section heading, then the title paragraph, then the table.
const xml = documentXml([titleAbove(BUDGETFORDELNING, BF_TITLE), titleAbove(BUDGETVAXLINGAR, BV_TITLE)])
  .replace(titlePara(BF_TITLE), section('7.7 Återrapportering till nämnd på beslutad intern budgetfördelning') + titlePara(BF_TITLE))
  .replace(titlePara(BV_TITLE), section('7.8 Budgetväxlingar') + titlePara(BV_TITLE));
const docx = packageDocx(xml);
const workbook = readDocx(docx);
const result = checkWorkbook(workbook, WORD_CHECK_OPTIONS);

function cellOf(sheet: string, address: string): CheckedCell | undefined {
  return result.sheets.find((s) => s.name === SHEET_FOR_FIXTURE[sheet])?.cells.find((c) => c.address === address);
}

describe('seed 000 as Word tables with their titles above the tables', () => {
  it('has no title inside the tables: the document is as the report has it', () => {
    const tables = scanTables(xml);
    expect(tables.map((t) => t.rows[0][0].text)).toEqual(['Ange nämnd:', 'Ange nämnd:']);
    expect(tables.map((t) => t.before)).toEqual([
      ['7.7 Återrapportering till nämnd på beslutad intern budgetfördelning', BF_TITLE],
      ['7.8 Budgetväxlingar', BV_TITLE],
    ]);
  });

  it('puts each title as the first row of its sheet, so the sheet has the fixture layout', () => {
    expect(workbook.sheets.map((s) => s.rows[0])).toEqual([[{ value: BF_TITLE }], [{ value: BV_TITLE }]]);
    // Budgetfördelning D6 and Budgetväxlingar F11 at the fixture's addresses.
    expect(workbook.sheets[0].rows[5][3]).toEqual({ value: '1 180 309' });
    expect(workbook.sheets[1].rows[10][5]).toEqual({ value: '1 783' });
  });

  it('recognises both templates', () => {
    expect(result.sheets[0].tables.map((t) => t.kind)).toContain('budgetfordelning');
    expect(result.sheets[1].tables.map((t) => t.kind)).toContain('budgetvaxlingar');
  });

  it.each(expectFile.expect.map((e) => [`${e.sheet}!${e.cell} ${e.rule}`, e] as const))('%s', (_name, e) => {
    expect(worstOfRule(cellOf(e.sheet, e.cell), e.rule)).toBe(e.status);
  });

  it('includes the cross-table checks of the fixture', () => {
    const cross = expectFile.expect.filter((e) => e.rule === 'cross-table');
    expect(cross.length).toBeGreaterThan(0);
    for (const e of cross) expect([e.cell, cellOf(e.sheet, e.cell)?.checks.find((k) => k.rule === 'cross-table')?.status]).toEqual([e.cell, e.status]);
  });

  it('scores no unscored cell', () => {
    for (const u of expectFile.unscored) expect([u.cell, cellOf(u.sheet, u.cell)?.checks.length ?? 0]).toEqual([u.cell, 0]);
  });

  it('shades the Word cell one row above the result row (the title row is not in Word)', () => {
    const shadedXml = strFromU8(unzipSync(writeShadedDocx(docx, result))['word/document.xml']);
    const tables = scanTables(shadedXml);
    const fillAt = (t: number, row: number, col: number) => {
      const c = tables[t].rows[row].find((x) => x.col === col)!;
      return /w:fill="([0-9A-F]{6})"/.exec(c.tcPr ? shadedXml.slice(c.tcPr.start, c.tcPr.end) : '')?.[1];
    };
    const fill = (s: Status) => STATUS_COLOURS[s].fill.replace('#', '');
    // Every checked cell: result (row, col) → Word (row − 1, col), with the cell's status.
    result.sheets.forEach((s, t) => {
      for (const c of s.cells) expect([s.name, c.address, fillAt(t, c.row - 1, c.col)]).toEqual([s.name, c.address, fill(c.status)]);
    });
    // By hand: Budgetfördelning D6 (red) is Word row 5 of the table, i.e. index 4; its "Ange nämnd" row stays unshaded.
    expect(fillAt(0, 4, 3)).toBe(fill('error'));
    expect(tables[0].rows[0].every((c) => c.tcPr === null)).toBe(true);
    // Budgetväxlingar F11 (red) is Word index 9.
    expect(fillAt(1, 9, 5)).toBe(fill('error'));
  });
});
