import { strFromU8, unzipSync } from 'fflate';
import { readDocx, writeShadedDocx } from '../../src/docx/docx';
import type { CheckedCell, Status, WorkbookResult } from '../../src/engine';
import { scanTables } from '../../src/docx/scanTables';
import { buildDocx } from './buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR } from './seed000Tables';

function checked(row: number, col: number, status: Status): CheckedCell {
  return { address: `${String.fromCharCode(65 + col)}${row + 1}`, row, col, status, checks: [] };
}

function result(sheets: Record<string, CheckedCell[]>): WorkbookResult {
  return {
    sheets: Object.entries(sheets).map(([name, cells]) => ({ name, tables: [], cells, notes: [] })),
    summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 },
  };
}

/** The <w:tcPr> of the Word cell at (row, grid column) of table `t`. */
function tcPrOf(xml: string, t: number, row: number, col: number): string {
  const cell = scanTables(xml)[t].rows[row].find((c) => c.col === col)!;
  return cell.tcPr ? xml.slice(cell.tcPr.start, cell.tcPr.end) : '';
}

const documentOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']);

describe('writeShadedDocx', () => {
  // The växlingar table: one cell with properties already (width, vertical alignment, old shading).
  const vaxlingar = {
    ...BUDGETVAXLINGAR,
    rows: BUDGETVAXLINGAR.rows.map((r, i) =>
      i === 10
        ? r.map((c, j) =>
            j === 5
              ? { text: c as string, tcPr: '<w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/><w:vAlign w:val="bottom"/>' }
              : j === 2
                ? { text: c as string, tcPr: '<w:tcW w:w="900" w:type="dxa"/><w:vAlign w:val="bottom"/>' }
                : c,
          )
        : r,
    ),
  };
  const original = buildDocx([BUDGETFORDELNING, vaxlingar]);
  const shaded = writeShadedDocx(
    original,
    result({
      'Tabell 1': [checked(5, 3, 'error'), checked(8, 1, 'ok'), checked(5, 9, 'ok')],
      'Tabell 2': [checked(10, 2, 'warning'), checked(10, 5, 'error'), checked(3, 5, 'ok')],
      Budgetfördelning: [checked(0, 0, 'error')],
    }),
  );
  const before = unzipSync(original);
  const after = unzipSync(shaded);
  const xml = documentOf(shaded);

  it('changes word/document.xml only; every other part is identical', () => {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) {
      if (name === 'word/document.xml') continue;
      expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
    }
    expect(strFromU8(after['word/document.xml'])).not.toBe(strFromU8(before['word/document.xml']));
  });

  it('keeps every cell text', () => {
    expect(readDocx(shaded)).toEqual(readDocx(original));
  });

  it('shades the checked cells with the status fills', () => {
    expect(tcPrOf(xml, 0, 5, 3)).toBe('<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/></w:tcPr>');
    expect(tcPrOf(xml, 0, 8, 1)).toContain('w:fill="C6EFCE"');
    expect(tcPrOf(xml, 0, 5, 9)).toContain('w:fill="C6EFCE"');
    expect(tcPrOf(xml, 1, 3, 5)).toContain('w:fill="C6EFCE"');
    // Cells not in the result stay without properties.
    expect(tcPrOf(xml, 0, 5, 4)).toBe('');
    expect(tcPrOf(xml, 0, 0, 0)).toBe('<w:tcPr><w:gridSpan w:val="10"/></w:tcPr>');
  });

  it('puts <w:shd> where the schema orders it and replaces an old one', () => {
    expect(tcPrOf(xml, 1, 10, 2)).toBe(
      '<w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="FFEB9C"/><w:vAlign w:val="bottom"/></w:tcPr>',
    );
    expect(tcPrOf(xml, 1, 10, 5)).toBe(
      '<w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/><w:vAlign w:val="bottom"/></w:tcPr>',
    );
    expect(xml.match(/<w:shd /g)!.length).toBe(6);
  });

  it('returns an equal copy when nothing was checked', () => {
    const same = writeShadedDocx(original, result({ 'Tabell 1': [] }));
    expect(Buffer.from(same).equals(Buffer.from(original))).toBe(true);
  });
});
