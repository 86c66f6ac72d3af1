// The coloured copy changes the status cells' style and nothing else: part by part,
// value by value, and read back by exceljs as an independent check.
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8 } from 'fflate';
import { parseCellAddress } from '../../src/engine';
import type { CheckedCell, Status, WorkbookResult } from '../../src/engine';
import { readXlsx, writeColouredCopy } from '../../src/xlsx';
import { CORPUS, FIXTURES, loadExcelJs, minimalWorkbook, parts, readBytes } from './helpers';

const RGB: Record<Status, { fill: string; font: string }> = {
  ok: { fill: 'FFC6EFCE', font: 'FF006100' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

/** A hand-made result: the engine's output is not needed to test the writer. */
function resultFor(marks: Record<string, Record<string, Status>>): WorkbookResult {
  return {
    sheets: Object.entries(marks).map(([name, cells]) => ({
      name,
      tables: [],
      notes: [],
      cells: Object.entries(cells).map(([address, status]): CheckedCell => {
        const { r, c } = parseCellAddress(address)!;
        return { address, row: r, col: c, status, checks: [] };
      }),
    })),
    summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 },
  };
}

function sheetPartOf(bytes: Uint8Array, sheetName: string): string {
  const p = parts(bytes);
  const wb = strFromU8(p['xl/workbook.xml']);
  const rels = strFromU8(p['xl/_rels/workbook.xml.rels']);
  const esc = sheetName.replace(/&/g, '&amp;');
  const id = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1] ?? new RegExp(`<sheet [^>]*r:id="([^"]+)"[^>]*name="${esc}"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const t = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, '');
  return `xl/${t}`;
}

const dropStyleAttr = (xml: string) => xml.replace(/ s="\d+"/g, '');

/** Name and size of the first font in styles.xml: what a cell without a style shows. */
function defaultFont(styles: string): [string | undefined, number | undefined] {
  const font = /<fonts[^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(styles)?.[1] ?? '';
  const name = /<name val="([^"]+)"/.exec(font)?.[1];
  const size = /<sz val="([^"]+)"/.exec(font)?.[1];
  return [name, size === undefined ? undefined : Number(size)];
}

async function checkCopy(file: string, marks: Record<string, Record<string, Status>>): Promise<void> {
  const original = readBytes(file);
  const copy = writeColouredCopy(original, resultFor(marks));
  const before = parts(original);
  const after = parts(copy);

  // 1. Part by part: only styles.xml and the touched worksheets differ.
  const touched = new Set(Object.keys(marks).map((s) => sheetPartOf(original, s)));
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const name of Object.keys(before)) {
    const same = Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) === 0;
    if (name === 'xl/styles.xml' || touched.has(name)) expect([name, same]).toEqual([name, false]);
    else expect([name, same]).toEqual([name, true]);
  }
  // 2. In the touched sheets only `s` attributes changed.
  for (const name of touched) expect(dropStyleAttr(strFromU8(after[name]))).toBe(dropStyleAttr(strFromU8(before[name])));
  // 3. Existing styles are kept as they were; new ones are appended.
  const stylesBefore = strFromU8(before['xl/styles.xml']);
  const stylesAfter = strFromU8(after['xl/styles.xml']);
  for (const list of ['fonts', 'fills', 'cellXfs']) {
    const inner = (xml: string) => new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)![1];
    expect(inner(stylesAfter).startsWith(inner(stylesBefore))).toBe(true);
    const count = Number(new RegExp(`<${list} count="(\\d+)"`).exec(stylesAfter)![1]);
    const tag = list === 'cellXfs' ? 'xf' : list.slice(0, -1);
    expect(count).toBe((inner(stylesAfter).match(new RegExp(`<${tag}[ >/]`, 'g')) ?? []).length);
  }

  // 4. Our reader: every value, formula, number format and merge unchanged.
  expect(readXlsx(copy)).toEqual(readXlsx(original));

  // 5. exceljs: same values, formulas, formats, merges, defined names; the right colours.
  const x0 = await loadExcelJs(original);
  const x1 = await loadExcelJs(copy);
  expect(x1.definedNames.model).toEqual(x0.definedNames.model);
  for (const ws0 of x0.worksheets) {
    const ws1 = x1.getWorksheet(ws0.name)!;
    expect((ws1.model as unknown as { merges: string[] }).merges).toEqual((ws0.model as unknown as { merges: string[] }).merges);
    ws0.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c0) => {
        const c1 = ws1.getCell(c0.address);
        expect([c0.address, c1.value, c1.numFmt]).toEqual([c0.address, c0.value, c0.numFmt]);
      }),
    );
    const mine = marks[ws0.name] ?? {};
    for (const [address, status] of Object.entries(mine)) {
      const c1 = ws1.getCell(address);
      const c0 = ws0.getCell(address);
      expect(c1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: RGB[status].fill } });
      expect(c1.font?.color).toEqual({ argb: RGB[status].font });
      // The rest of the font (bold, size, name) is the original's; a cell without a style
      // of its own had the workbook's default font (the first in styles.xml).
      if (c0.font) expect({ ...c1.font, color: undefined }).toEqual({ ...c0.font, color: undefined });
      else expect([c1.font?.name, c1.font?.size]).toEqual(defaultFont(stylesBefore));
      // exceljs shows a cell without a style of its own as no border; its copy as an empty one.
      expect(c1.border ?? {}).toEqual(c0.border ?? {});
      expect(c1.alignment ?? {}).toEqual(c0.alignment ?? {});
    }
  }
}

const fixture = path.join(FIXTURES, '000_budgetfordelning_budgetvaxlingar.xlsx');
(fs.existsSync(fixture) ? test : test.skip)('fixture: Budgetfördelning and Budgetväxlingar coloured', async () => {
  await checkCopy(fixture, {
    Budgetfördelning: { D6: 'error', D9: 'ok', B9: 'ok', C9: 'warning', J6: 'error' },
    Budgetväxlingar: { F4: 'error', F11: 'ok', C11: 'warning' },
  });
});

// A real workbook with charts, chart sheets, comments, VBA and many defined names.
const corpusFile = path.join(CORPUS, 'poi__57181.xlsm');
(fs.existsSync(corpusFile) ? test : test.skip)('corpus workbook with charts, comments and defined names', async () => {
  const names = Object.keys(parts(readBytes(corpusFile)));
  expect(names.some((n) => n.startsWith('xl/charts/'))).toBe(true);
  expect(names.some((n) => n.includes('vmlDrawing'))).toBe(true);
  const wb = readXlsx(readBytes(corpusFile));
  const general = wb.sheets.find((s) => s.name === 'General')!;
  // Pick numeric cells by reading, not by guessing addresses.
  const numeric: string[] = [];
  general.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && typeof c.value === 'number' && numeric.length < 6) numeric.push(`${String.fromCharCode(65 + col)}${r + 1}`);
    }),
  );
  expect(numeric.length).toBe(6);
  const statuses: Status[] = ['ok', 'warning', 'error', 'ok', 'error', 'warning'];
  await checkCopy(corpusFile, { General: Object.fromEntries(numeric.map((a, i) => [a, statuses[i]])) });
}, 60000);

test('an empty result gives a package with identical parts', () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }], {
    styles: '<styleSheet><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs></styleSheet>',
  });
  const copy = writeColouredCopy(bytes, resultFor({}));
  const a = parts(bytes);
  const b = parts(copy);
  for (const n of Object.keys(a)) expect(strFromU8(b[n])).toBe(strFromU8(a[n]));
});

test('a cell without a style, a self-closing font and a shared new style for the same pair', () => {
  const bytes = minimalWorkbook(
    [{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="1"><v>3</v></c></row></sheetData>' }],
    {
      styles:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font/><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/></font></fonts><fills count="1"><fill/></fills><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="3" fontId="1"><alignment horizontal="right"/></xf></cellXfs></styleSheet>',
    },
  );
  const copy = writeColouredCopy(bytes, resultFor({ A: { A1: 'ok', B1: 'ok', C1: 'error' } }));
  const sheet = strFromU8(parts(copy)['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain('<c r="A1" s="2"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="3"><v>3</v></c>');
  const styles = strFromU8(parts(copy)['xl/styles.xml']);
  expect(styles).toContain('<fonts count="4"><font/><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/></font><font><color rgb="FF006100"/></font><font><b/><sz val="11"/><color rgb="FF9C0006"/><name val="Calibri"/></font></fonts>');
  expect(styles).toContain('<xf numFmtId="3" fontId="3" fillId="2" applyFont="1" applyFill="1"><alignment horizontal="right"/></xf>');
  expect(styles).toMatch(/<fills count="3">.*<fgColor rgb="FFC6EFCE"\/>.*<fgColor rgb="FFFFC7CE"\/>/);
});

test('a workbook without styles.xml gets one, with its relationship and content type', async () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>' }]);
  const copy = writeColouredCopy(bytes, resultFor({ A: { B1: 'warning' } }));
  const p = parts(copy);
  expect(strFromU8(p['xl/_rels/workbook.xml.rels'])).toContain('Target="styles.xml"');
  expect(strFromU8(p['[Content_Types].xml'])).toContain('PartName="/xl/styles.xml"');
  expect(readXlsx(copy)).toEqual(readXlsx(bytes));
  const x = await loadExcelJs(copy);
  const b1 = x.getWorksheet('A')!.getCell('B1');
  expect(b1.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: RGB.warning.fill } });
  expect(b1.font?.color).toEqual({ argb: RGB.warning.font });
  expect(x.getWorksheet('A')!.getCell('A1').fill).toBeUndefined();
});

test('an empty self-closing styleSheet gets the lists it needs', async () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }], {
    styles: `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
  });
  const copy = writeColouredCopy(bytes, resultFor({ A: { A1: 'error' } }));
  const x = await loadExcelJs(copy);
  expect(x.getWorksheet('A')!.getCell('A1').fill).toMatchObject({ fgColor: { argb: RGB.error.fill } });
  expect(readXlsx(copy)).toEqual(readXlsx(bytes));
});

// A real workbook with data validation rules: they stay exactly as they were.
const validationFile = path.join(CORPUS, 'poi__DataValidationEvaluations.xlsx');
(fs.existsSync(validationFile) ? test : test.skip)('corpus workbook with data validation', async () => {
  const bytes = readBytes(validationFile);
  const wb = readXlsx(bytes);
  const sheet = wb.sheets.find((s) => s.rows.some((row) => row.some((c) => c && typeof c.value === 'number')))!;
  const part = strFromU8(parts(bytes)[sheetPartOf(bytes, sheet.name)]);
  expect(part).toContain('<dataValidation');
  const numeric: string[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && typeof c.value === 'number' && col < 26 && numeric.length < 4) numeric.push(`${String.fromCharCode(65 + col)}${r + 1}`);
    }),
  );
  expect(numeric.length).toBeGreaterThan(0);
  await checkCopy(validationFile, { [sheet.name]: Object.fromEntries(numeric.map((a, i) => [a, (['ok', 'warning', 'error', 'ok'] as Status[])[i]])) });
  const copy = writeColouredCopy(bytes, resultFor({ [sheet.name]: Object.fromEntries(numeric.map((a) => [a, 'error' as Status])) }));
  const validations = (xml: string) => /<dataValidations[\s\S]*?<\/dataValidations>/.exec(xml)![0];
  expect(validations(strFromU8(parts(copy)[sheetPartOf(copy, sheet.name)]))).toBe(validations(part));
  const x0 = await loadExcelJs(bytes);
  const x1 = await loadExcelJs(copy);
  const dv = (x: typeof x0) => (x.getWorksheet(sheet.name)!.model as unknown as { dataValidations: unknown }).dataValidations;
  // Compared as text: exceljs reads some rules as invalid dates, which never equal each other.
  expect(JSON.stringify(dv(x1))).toBe(JSON.stringify(dv(x0)));
}, 60000);
