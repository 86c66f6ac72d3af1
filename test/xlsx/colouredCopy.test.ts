// The coloured copy carries the statuses as Summakoll's own conditional formats: only the
// <dxfs> of styles.xml and the <conditionalFormatting> elements of the touched worksheets
// differ from the input, every existing conditional format is kept, exceljs reads the
// rules back, and the add-in's "Rensa statusfärger" (run against a fake Excel seeded from
// the copy) gives back the input's cell formats and conditional formats exactly.
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { strFromU8, zipSync } from 'fflate';
import { checkWorkbook, parseCellAddress } from '../../src/engine';
import type { CheckedCell, Status, WorkbookResult } from '../../src/engine';
import { readXlsx, writeColouredCopy } from '../../src/xlsx';
import { createExcelAdapter } from '../../src/excel/excelAdapter';
import { layerAreas, LAYER_FORMULA_OOXML } from '../../src/excel/statusLayer';
import { decodeXml } from '../../src/ooxml/decode';
import { useNativeCodec, type RawCodec } from '../../src/ooxml/codec';
import { LayerStyles } from '../../src/xlsx/statusStyles';
import { withLayer } from '../../src/xlsx/writeColouredCopy';
import { fakeFromXlsx } from '../excel/xlsxSeed';
import { CORPUS, FIXTURES, fixtureFiles, loadExcelJs, minimalWorkbook, parts, readBytes } from './helpers';
import { requireShared } from '../helpers/shared';

requireShared(FIXTURES, CORPUS);

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

/** Summakoll's <conditionalFormatting> elements (any prefix) taken out again. */
const OURS = /<([\w.-]+:)?conditionalFormatting\b[^>]*>(?:(?!<\/(?:[\w.-]+:)?conditionalFormatting>)[\s\S])*?N\("Summakoll"\)=0[\s\S]*?<\/(?:[\w.-]+:)?conditionalFormatting>/g;
const withoutOurs = (xml: string) => xml.replace(OURS, '');
/** styles.xml without its <dxfs> (the only element the copy may change). */
const withoutDxfs = (xml: string) => xml.replace(/<([\w.-]+:)?dxfs\b[^>]*?(\/>|>[\s\S]*?<\/(?:[\w.-]+:)?dxfs>)/, '');

const stylesPath = (p: Record<string, Uint8Array>) => Object.keys(p).find((n) => /(^|[\\/])styles\.xml$/i.test(n) && !n.includes('_rels'));

/** Equal strings, or a short message at the first difference (parts can be megabytes). */
function expectSame(name: string, actual: string, expected: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  throw new Error(`${name} differs at ${i}: …${actual.slice(Math.max(0, i - 80), i + 120)}… expected …${expected.slice(Math.max(0, i - 80), i + 120)}…`);
}

/** The part-level promise, for any workbook and result. */
function expectOnlyLayerChanged(original: Uint8Array, copy: Uint8Array): void {
  const before = parts(original);
  const after = parts(copy);
  const styles = stylesPath(before);
  if (!styles && stylesPath(after)) {
    // A package without a styles part gets one (the dxfs need it), with its relationship
    // and content type: nothing else is added.
    const added = stylesPath(after)!;
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), added].sort());
    for (const name of Object.keys(before)) {
      const a = strFromU8(before[name]);
      const b = strFromU8(after[name]);
      if (name.endsWith('.rels')) expectSame(name, b.replace(/<Relationship Id="rIdSummakollStyles"[^>]*\/>/, ''), a);
      else if (name === '[Content_Types].xml') expectSame(name, b.replace(/<Override PartName="\/[^"]*styles\.xml"[^>]*\/>/, ''), a);
      else if (a !== b) expectSame(name, withoutOurs(b), a);
    }
    return;
  }
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const name of Object.keys(before)) {
    if (Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) === 0) continue;
    const a = strFromU8(before[name]);
    const b = strFromU8(after[name]);
    if (name === styles) {
      expectSame(name, withoutDxfs(b), withoutDxfs(a));
      const inner = (xml: string) => /<(?:[\w.-]+:)?dxfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?dxfs>/.exec(xml)?.[1] ?? '';
      expect(inner(b).startsWith(inner(a))).toBe(true);
      const count = Number(/<(?:[\w.-]+:)?dxfs\b[^>]*count="(\d+)"/.exec(b)?.[1]);
      expect(count).toBe((inner(b).match(/<(?:[\w.-]+:)?dxf[\s>/]/g) ?? []).length);
    } else {
      // A worksheet: only our conditional formats were added; every byte of the rest is the input's.
      expectSame(name, withoutOurs(b), a);
      expect(b).toContain(LAYER_FORMULA_OOXML);
    }
  }
}

/** Clear in the fake seeded from the copy gives the input's cells and conditional formats. */
async function expectClearRestores(original: Uint8Array, copy: Uint8Array): Promise<void> {
  const input = fakeFromXlsx(original);
  const excel = fakeFromXlsx(copy);
  const adapter = createExcelAdapter({ run: excel.run, supports: () => true });
  const protectedWithLayer = excel.sheets.filter((s) => s.protected && s.conditionalFormats.some((cf) => cf.formula?.includes('Summakoll')));
  if (protectedWithLayer.length) {
    // As the pane says: unprotect, then clear again.
    await expect(adapter.clearStatusColours()).rejects.toThrow(/skyddade blad/);
    for (const s of protectedWithLayer) s.protected = false;
  }
  await adapter.clearStatusColours();
  const strip = (x: typeof excel) => x.sheets.map((s) => ({ name: s.name, cells: [...s.cells], cfs: s.conditionalFormats.map(({ id: _id, ...cf }) => cf) }));
  expect(strip(excel)).toEqual(strip(input));
  expect(excel.forbiddenWrites()).toEqual([]);
}

async function checkCopy(file: string, marks: Record<string, Record<string, Status>>): Promise<void> {
  const original = readBytes(file);
  const copy = writeColouredCopy(original, resultFor(marks));
  expectOnlyLayerChanged(original, copy);
  // Our reader: every value, formula, number format and merge unchanged.
  expect(readXlsx(copy)).toEqual(readXlsx(original));

  // exceljs: the same cells (values, formats, fills, fonts), merges, names and existing
  // conditional formats; ours on top with the status colours.
  const x0 = await loadExcelJs(original).catch(() => undefined);
  // Some corpus files are beyond exceljs (icon filters); the part-level checks above still hold.
  if (x0) await compareWithExcelJs(x0, await loadExcelJs(copy), marks);
  await expectClearRestores(original, copy);
}

async function compareWithExcelJs(
  x0: Awaited<ReturnType<typeof loadExcelJs>>,
  x1: Awaited<ReturnType<typeof loadExcelJs>>,
  marks: Record<string, Record<string, Status>>,
): Promise<void> {
  expect(x1.definedNames.model).toEqual(x0.definedNames.model);
  for (const ws0 of x0.worksheets) {
    const ws1 = x1.getWorksheet(ws0.name)!;
    expect((ws1.model as unknown as { merges: string[] }).merges).toEqual((ws0.model as unknown as { merges: string[] }).merges);
    ws0.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c0) => {
        const c1 = ws1.getCell(c0.address);
        expect([c0.address, c1.value, c1.numFmt, c1.fill, c1.font]).toEqual([c0.address, c0.value, c0.numFmt, c0.fill, c0.font]);
      }),
    );
    type Cf = { ref: string; rules: { type: string; formulae?: string[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }[] };
    const cfs0 = ((ws0 as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? []) as Cf[];
    const cfs1 = ((ws1 as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? []) as Cf[];
    const isOurs = (cf: Cf) => cf.rules.every((r) => r.formulae?.[0] === LAYER_FORMULA_OOXML);
    expect(JSON.stringify(cfs1.filter((cf) => !isOurs(cf)))).toBe(JSON.stringify(cfs0));
    const mine = marks[ws0.name] ?? {};
    for (const [address, status] of Object.entries(mine)) {
      const rule = cfs1.filter(isOurs).find((cf) => cf.ref.split(' ').some((a) => covers(a, address)));
      expect([address, rule?.rules[0].style?.fill?.bgColor?.argb, rule?.rules[0].style?.font?.color?.argb]).toEqual([address, RGB[status].fill, RGB[status].font]);
    }
  }
}

function covers(area: string, address: string): boolean {
  const [a, b] = area.split(':');
  const p = parseCellAddress(a)!;
  const q = parseCellAddress(b ?? a)!;
  const c = parseCellAddress(address)!;
  return c.r >= p.r && c.r <= q.r && c.c >= p.c && c.c <= q.c;
}

const fixture = path.join(FIXTURES, '000_budgetfordelning_budgetvaxlingar.xlsx');
test('fixture: Budgetfördelning and Budgetväxlingar coloured', async () => {
  await checkCopy(fixture, {
    Budgetfördelning: { D6: 'error', D9: 'ok', B9: 'ok', C9: 'warning', J6: 'error' },
    Budgetväxlingar: { F4: 'error', F11: 'ok', C11: 'warning' },
  });
});

// A real workbook with charts, chart sheets, comments, VBA and many defined names.
const corpusFile = path.join(CORPUS, 'poi__57181.xlsm');
test('corpus workbook with charts, comments and defined names', async () => {
  const names = Object.keys(parts(readBytes(corpusFile)));
  expect(names.some((n) => n.startsWith('xl/charts/'))).toBe(true);
  expect(names.some((n) => n.includes('vmlDrawing'))).toBe(true);
  const wb = readXlsx(readBytes(corpusFile));
  const general = wb.sheets.find((s) => s.name === 'General')!;
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

// Workbooks with conditional formats of their own: every one is kept, ours come first.
const withCf = ['poi__WithConditionalFormatting.xlsx', 'poi__NewStyleConditionalFormattings.xlsx', 'poi__ConditionalFormattingSamples.xlsx', 'poi__test_conditional_formatting.xlsx'];
for (const name of withCf) {
  const file = path.join(CORPUS, name);
  test(`corpus workbook with its own conditional formats: ${name}`, async () => {
    const bytes = readBytes(file);
    const wb = readXlsx(bytes);
    const sheet = wb.sheets.find((s) => s.rows.some((row) => row.some((c) => c && typeof c.value === 'number'))) ?? wb.sheets[0];
    const marks: Record<string, Status> = {};
    const statuses: Status[] = ['ok', 'warning', 'error'];
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c && col < 26 && Object.keys(marks).length < 9) marks[`${String.fromCharCode(65 + col)}${r + 1}`] = statuses[Object.keys(marks).length % 3];
      }),
    );
    const copy = writeColouredCopy(bytes, resultFor({ [sheet.name]: marks }));
    const part = Object.entries(parts(copy)).find(([n, v]) => n.startsWith('xl/worksheets/') && strFromU8(v).includes(LAYER_FORMULA_OOXML))!;
    const xml = strFromU8(part[1]);
    // Ours are the first conditional formats of the sheet, before the workbook's own.
    const first = /<(?:[\w.-]+:)?conditionalFormatting\b[\s\S]*?<\/(?:[\w.-]+:)?conditionalFormatting>/.exec(xml)![0];
    expect(first).toContain(LAYER_FORMULA_OOXML);
    await checkCopy(file, { [sheet.name]: marks });
  }, 60000);
}

// The command line's copies, with the real engine, of every fixture and of the corpus
// workbooks it checks: only the layer's parts differ and the add-in's clear restores them.
describe('the command line copy of every fixture and corpus workbook', () => {
  const files = [
    ...fixtureFiles().map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)).sort().map((f) => path.join(CORPUS, f)),
  ];
  test(`${files.length} workbooks`, async () => {
    let coloured = 0;
    for (const file of files) {
      const original = readBytes(file);
      let result: WorkbookResult;
      try {
        result = checkWorkbook(readXlsx(original));
      } catch {
        continue; // refused by the reader: the command line writes no copy either
      }
      if (!result.sheets.some((s) => s.cells.length)) continue;
      const copy = writeColouredCopy(original, result);
      try {
        expectOnlyLayerChanged(original, copy);
        await expectClearRestores(original, copy);
      } catch (e) {
        throw new Error(`${path.basename(file)}: ${(e as Error).message}`);
      }
      // A copy of the copy replaces the layer: the same bytes again.
      expect(Buffer.compare(Buffer.from(writeColouredCopy(copy, result)), Buffer.from(copy))).toBe(0);
      coloured++;
    }
    expect(coloured).toBeGreaterThanOrEqual(fixtureFiles().length);
  }, 300000);
});

test('an empty result gives a package with identical parts', () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }], {
    styles: '<styleSheet><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs></styleSheet>',
  });
  const copy = writeColouredCopy(bytes, resultFor({}));
  const a = parts(bytes);
  const b = parts(copy);
  for (const n of Object.keys(a)) expect(strFromU8(b[n])).toBe(strFromU8(a[n]));
});

test('the layer sits at the schema position with priorities that beat the existing rules', () => {
  const sheetXml =
    '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row></sheetData>' +
    '<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>' +
    '<conditionalFormatting sqref="A1:C1"><cfRule type="cellIs" dxfId="0" priority="4" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation sqref="A1"/></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const bytes = minimalWorkbook([{ name: 'A', xml: sheetXml }], {
    styles:
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="2"><xf/><xf numFmtId="3"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>',
  });
  const copy = writeColouredCopy(bytes, resultFor({ A: { A1: 'ok', B1: 'ok', C1: 'error' } }));
  const sheet = strFromU8(parts(copy)['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain(
    '</mergeCells>' +
      '<conditionalFormatting sqref="C1"><cfRule type="expression" dxfId="1" priority="1" stopIfTrue="1"><formula>N("Summakoll")=0</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="A1:B1"><cfRule type="expression" dxfId="2" priority="2" stopIfTrue="1"><formula>N("Summakoll")=0</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="A1:C1"><cfRule type="cellIs" dxfId="0" priority="4"',
  );
  const styles = strFromU8(parts(copy)['xl/styles.xml']);
  expect(styles).toContain('<dxfs count="3"><dxf><font><b/></font></dxf><dxf><font><color rgb="FF9C0006"/></font>');
  expect(styles).toContain('<cellXfs count="2"><xf/><xf numFmtId="3"/></cellXfs>');
});

test('a styles part without <dxfs> gets one after cellStyles; a copy of a copy is the same copy', () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>' }], {
    styles:
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>',
  });
  const copy = writeColouredCopy(bytes, resultFor({ A: { A1: 'warning' } }));
  const styles = strFromU8(parts(copy)['xl/styles.xml']);
  expect(styles).toContain('</cellStyles><dxfs count="1"><dxf>');
  expect(styles).toContain('</dxfs><tableStyles count="0"/>');
  expect(strFromU8(parts(copy)['xl/worksheets/sheet1.xml'])).toMatch(/<\/sheetData><conditionalFormatting sqref="A1">.*<\/conditionalFormatting><pageMargins/);
  const again = writeColouredCopy(copy, resultFor({ A: { A1: 'warning' } }));
  for (const [n, v] of Object.entries(parts(again))) expect([n, strFromU8(v)]).toEqual([n, strFromU8(parts(copy)[n])]);
  // A later check with another status replaces the rule, and a check without statuses removes it.
  const changed = strFromU8(parts(writeColouredCopy(copy, resultFor({ A: { A1: 'error' } })))['xl/worksheets/sheet1.xml']);
  expect(changed.match(/Summakoll/g)).toHaveLength(1);
  const cleared = writeColouredCopy(copy, resultFor({}));
  expect(strFromU8(parts(cleared)['xl/worksheets/sheet1.xml'])).toBe(strFromU8(parts(bytes)['xl/worksheets/sheet1.xml']));
});

test('a workbook without styles.xml gets one, with its relationship and content type', async () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>' }]);
  const copy = writeColouredCopy(bytes, resultFor({ A: { B1: 'warning' } }));
  const p = parts(copy);
  expect(strFromU8(p['xl/_rels/workbook.xml.rels'])).toContain('Target="styles.xml"');
  expect(strFromU8(p['[Content_Types].xml'])).toContain('PartName="/xl/styles.xml"');
  expect(readXlsx(copy)).toEqual(readXlsx(bytes));
  const x = await loadExcelJs(copy);
  const cf = (x.getWorksheet('A') as unknown as { conditionalFormattings: { ref: string; rules: { style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
  expect(cf.map((c) => [c.ref, c.rules[0].style.fill.bgColor.argb])).toEqual([['B1', RGB.warning.fill]]);
});

test('an empty self-closing styleSheet gets a <dxfs>', async () => {
  const bytes = minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }], {
    styles: `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
  });
  const copy = writeColouredCopy(bytes, resultFor({ A: { A1: 'error' } }));
  expect(strFromU8(parts(copy)['xl/styles.xml'])).toContain('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dxfs count="1">');
  expect(readXlsx(copy)).toEqual(readXlsx(bytes));
});

// A real workbook with data validation rules: they stay exactly as they were.
const validationFile = path.join(CORPUS, 'poi__DataValidationEvaluations.xlsx');
test('corpus workbook with data validation', async () => {
  const bytes = readBytes(validationFile);
  const wb = readXlsx(bytes);
  const sheet = wb.sheets.find((s) => s.rows.some((row) => row.some((c) => c && typeof c.value === 'number')))!;
  const numeric: string[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && typeof c.value === 'number' && col < 26 && numeric.length < 4) numeric.push(`${String.fromCharCode(65 + col)}${r + 1}`);
    }),
  );
  expect(numeric.length).toBeGreaterThan(0);
  await checkCopy(validationFile, { [sheet.name]: Object.fromEntries(numeric.map((a, i) => [a, (['ok', 'warning', 'error', 'ok'] as Status[])[i]])) });
}, 60000);

describe('a worksheet part is edited in its bytes exactly as the XML text would be', () => {
  const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs></styleSheet>';
  const body =
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Försäljning € 😀</t></is></c><c r="B1"><v>2</v></c></row></sheetData>' +
    '<!-- åäö --><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><!-- slut: ÅÄÖ € -->';
  const xmlText = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
  const withSheet = (sheet: Uint8Array) => {
    const p = parts(minimalWorkbook([{ name: 'A', xml: '<sheetData/>' }], { styles }));
    p['xl/worksheets/sheet1.xml'] = sheet;
    return zipSync(p);
  };
  const sheetOf = (bytes: Uint8Array) => parts(bytes)['xl/worksheets/sheet1.xml'];
  /** What the copy writes, worked out on the XML text (with the package's styles) and encoded as UTF-8. */
  const expected = (bytes: Uint8Array, marks: Record<string, Status>) => {
    const cells = Object.entries(marks).map(([a, status]) => ({ row: parseCellAddress(a)!.r, col: parseCellAddress(a)!.c, status }));
    const layerStyles = new LayerStyles(strFromU8(parts(bytes)['xl/styles.xml']));
    return new TextEncoder().encode(withLayer(decodeXml(sheetOf(bytes)), layerAreas(cells), layerStyles));
  };
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const utf8 = new TextEncoder().encode(xmlText);
  const cases: [string, Uint8Array][] = [
    ['UTF-8 with text beyond ASCII', utf8],
    ['a byte order mark first (the copy has none, as before)', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ['a byte that is not UTF-8 (written back as U+FFFD, as before)', (() => {
      const b = new Uint8Array(utf8);
      b[Buffer.from(utf8).indexOf('<v>2') + 3] = 0xff;
      return b;
    })()],
  ];
  for (const [what, sheet] of cases) {
    test(what, () => {
      const marks: Record<string, Status> = { A1: 'ok', B1: 'error' };
      const input = withSheet(sheet);
      const copy = writeColouredCopy(input, resultFor({ A: marks }));
      expect(hex(sheetOf(copy))).toBe(hex(expected(input, marks)));
      // A copy of the copy with other statuses: the old layer out, the new one in, the rest unchanged.
      const again = writeColouredCopy(copy, resultFor({ A: { B1: 'warning' } }));
      expect(hex(sheetOf(again))).toBe(hex(expected(copy, { B1: 'warning' })));
      expect(strFromU8(sheetOf(again)).match(/Summakoll/g)).toHaveLength(1);
      // Without statuses the old layer goes and nothing else changes.
      expect(hex(sheetOf(writeColouredCopy(copy, resultFor({}))))).toBe(hex(new TextEncoder().encode(new TextDecoder().decode(sheet))));
    });
  }
});

describe('a large worksheet part is edited around its cells, as the whole text would be', () => {
  // The command line's codec: with a UTF-8 validator and a byte search, a part over 1 MB is
  // decoded only outside <sheetData>. Its copy must be the copy of the whole-text path.
  const native: RawCodec = {
    inflateRaw: (data, max) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) }),
    deflateRaw: (data, level, final) => zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
    crc32: (data, crc) => zlib.crc32(data, crc),
    isUtf8: (data) => isUtf8(data),
    indexOf: (data, needle, from) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(needle, from),
  };
  const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs></styleSheet>';
  const rows = (p: string) =>
    Array.from({ length: 30000 }, (_x, i) => `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="inlineStr"><${p}is><${p}t>Kontö ${i}</${p}t></${p}is></${p}c><${p}c r="B${i + 1}"><${p}v>${i}</${p}v></${p}c></${p}row>`).join('');
  const sheetXml = (p: string, before: string, inCells: string, after: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>${before}<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetPr/><${p}sheetData>${rows(p)}${inCells}</${p}sheetData>${after}</${p}worksheet>`;
  const withSheet = (sheet: Uint8Array) => {
    const p = parts(minimalWorkbook([{ name: 'A', xml: '<sheetData/>' }], { styles }));
    p['xl/worksheets/sheet1.xml'] = sheet;
    return zipSync(p);
  };
  const sheetOf = (bytes: Uint8Array) => parts(bytes)['xl/worksheets/sheet1.xml'];
  const copyWith = (codec: RawCodec | null, bytes: Uint8Array, marks: Record<string, Status>) => {
    useNativeCodec(codec);
    try {
      return writeColouredCopy(bytes, resultFor({ A: marks }));
    } finally {
      useNativeCodec(null);
    }
  };
  const enc = (s: string) => new TextEncoder().encode(s);
  const cases: [string, Uint8Array][] = [
    ['plain, text beyond ASCII after the cells', enc(sheetXml('', '', '', '<!-- åäö € 😀 --><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>'))],
    ['a prefixed root', enc(sheetXml('x:', '', '', '<x:mergeCells count="1"><x:mergeCell ref="C1:D1"/></x:mergeCells><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>'))],
    ['sheetData named in a comment before the root', enc(sheetXml('', '<!-- sheetData -->', '', ''))],
    ['a layer-like text inside the cells', enc(sheetXml('', '', '<!-- <conditionalFormatting sqref="A1"> -->', '<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>'))],
    ['a byte order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(sheetXml('', '', '', ''))])],
  ];
  for (const [what, sheet] of cases) {
    test(what, () => {
      const input = withSheet(sheet);
      const marks: Record<string, Status> = { B1: 'ok', B2: 'ok', B3: 'error', A30000: 'warning' };
      const copy = copyWith(native, input, marks);
      expect(Buffer.compare(Buffer.from(sheetOf(copy)), Buffer.from(sheetOf(copyWith(null, input, marks))))).toBe(0);
      // A copy of the copy: the old layer replaced, the same way on both paths.
      const again = copyWith(native, copy, { B2: 'error' });
      expect(Buffer.compare(Buffer.from(sheetOf(again)), Buffer.from(sheetOf(copyWith(null, copy, { B2: 'error' }))))).toBe(0);
      expect(strFromU8(sheetOf(again)).match(/Summakoll/g)).toHaveLength(1);
      // No statuses: the old layer goes, nothing else changes.
      const cleared = copyWith(native, copy, {});
      expect(Buffer.compare(Buffer.from(sheetOf(cleared)), Buffer.from(sheetOf(copyWith(null, copy, {}))))).toBe(0);
    });
  }
});
