// The corners of SpreadsheetML, each in a tiny hand-written package whose expected
// reading is obvious from the XML itself.
import * as path from 'path';
import { readXlsx } from '../../src/xlsx';
import { translateFormula } from '../../src/xlsx/sharedFormula';
import { CORPUS, makeZip, minimalWorkbook, NS, readBytes, RNS } from './helpers';
import { requireShared } from '../helpers/shared';

const sst = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

describe('cell types and strings', () => {
  const wb = readXlsx(
    minimalWorkbook(
      [
        {
          name: 'Blad1',
          xml: `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Inline &amp; text</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#REF!</v></c></row>
<row r="3"><c r="A3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B3"><v>-1.5E3</v></c><c r="C3" t="n"><v>0</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="5"><c r="B5" s="1"/><c r="C5"><f>SUM(C1:C4)</f></c></row>
</sheetData>`,
        },
      ],
      {
        sharedStrings: sst([
          '<si><t>Summa</t></si>',
          '<si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>',
          '<si><t>&#228;&#x00F6; &lt;tkr&gt; rad1_x000D__x000A_rad2 _x005F_x000D_</t></si>',
          '<si><t/></si>',
        ]),
      },
    ),
  );
  const rows = wb.sheets[0].rows;

  test('shared strings: plain, rich runs without phonetics, entities and escapes', () => {
    expect(rows[0][0]).toEqual({ value: 'Summa' });
    expect(rows[0][1]).toEqual({ value: 'Rich text' });
    expect(rows[0][2]).toEqual({ value: 'äö <tkr> rad1\r\nrad2 _x000D_' });
    expect(rows[0][3]).toEqual({ value: '' });
  });

  test('inline strings, booleans, errors', () => {
    expect(rows[1][0]).toEqual({ value: 'Inline & text' });
    expect(rows[1][1]).toEqual({ value: true });
    expect(rows[1][2]).toEqual({ value: false });
    expect(rows[1][3]).toEqual({ value: '#REF!', error: true });
    expect(rows[2][3]).toEqual({ value: '#DIV/0!', formula: '=1/0', error: true });
  });

  test('string formulas, numbers in exponent form, cached zero', () => {
    expect(rows[2][0]).toEqual({ value: 'ab', formula: '="a"&"b"' });
    expect(rows[2][1]).toEqual({ value: -1500 });
    expect(rows[2][2]).toEqual({ value: 0 });
  });

  test('a formula without a cached value, and a styled empty cell', () => {
    expect(rows[3]).toEqual([]);
    expect(rows[4][1]).toBeUndefined();
    expect(rows[4][2]).toEqual({ value: null, formula: '=SUM(C1:C4)' });
  });
});

test('cells and rows without r attributes are placed by order', () => {
  const wb = readXlsx(
    minimalWorkbook([{ name: 'A', xml: '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData>' }]),
  );
  const rows = wb.sheets[0].rows;
  expect(rows[0][0]?.value).toBe(1);
  expect(rows[0][1]?.value).toBe(2);
  expect(rows[1][2]?.value).toBe(3);
  expect(rows[1][3]?.value).toBe(4);
});

test('shared formulas are translated to each cell', () => {
  const wb = readXlsx(
    minimalWorkbook([
      {
        name: 'S',
        xml: `<sheetData>
<row r="13"><c r="B13"><f t="shared" ref="B13:D13" si="0">SUM(B4:B12)</f><v>10</v></c><c r="C13"><f t="shared" si="0"/><v>20</v></c><c r="D13"><f t="shared" si="0"/><v>0</v></c></row>
<row r="14"><c r="B14"><f t="shared" ref="B14:B16" si="1">B13*$A$1+'Blad 2'!C3</f><v>1</v></c></row>
<row r="15"><c r="B15"><f t="shared" si="1"/><v>2</v></c></row>
</sheetData>`,
      },
    ]),
  );
  const rows = wb.sheets[0].rows;
  expect(rows[12][1]?.formula).toBe('=SUM(B4:B12)');
  expect(rows[12][2]?.formula).toBe('=SUM(C4:C12)');
  expect(rows[12][3]).toEqual({ value: 0, formula: '=SUM(D4:D12)' });
  expect(rows[14][1]?.formula).toBe("=B14*$A$1+'Blad 2'!C4");
});

describe('translateFormula', () => {
  test.each([
    ['SUM(B4:B12)', 0, 1, 'SUM(C4:C12)'],
    ['SUM(B4:B12)', 2, 0, 'SUM(B6:B14)'],
    ['$B$4+B$4+$B4', 1, 1, '$B$4+C$4+$B5'],
    ['SUM(A:A)+SUM(3:3)', 1, 1, 'SUM(B:B)+SUM(4:4)'],
    ['"B4"&B4', 1, 0, '"B4"&B5'],
    ['LOG10(A1)+Sheet1!A1', 0, 1, 'LOG10(B1)+Sheet1!B1'],
    ['A1*1E5+ROUND(A2,2)', 1, 0, 'A2*1E5+ROUND(A3,2)'],
    ['A1-1', -1, 0, '#REF!-1'],
  ])('%s moved by (%i, %i)', (f, dr, dc, want) => {
    expect(translateFormula(f, dr, dc)).toBe(want);
  });
});

test('number formats: custom codes and built-in ids', () => {
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0&quot; tkr&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const wb = readXlsx(
    minimalWorkbook(
      [{ name: 'F', xml: '<sheetData><row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>0.5</v></c><c r="D1" s="3"><v>4</v></c><c r="E1" s="4"><v>45000</v></c><c r="F1" s="5"><v>0.25</v></c></row></sheetData>' }],
      { styles },
    ),
  );
  const r = wb.sheets[0].rows[0];
  expect(r.map((c) => c?.numFmt)).toEqual([undefined, '#,##0', '0%', '#,##0.0" tkr"', 'mm-dd-yy', '0.00%']);
});

test('merges and sheet protection', () => {
  const wb = readXlsx(
    minimalWorkbook([
      { name: 'Skyddat', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="A1:J1"/><mergeCell ref="B3:C4"/></mergeCells>' },
      { name: 'Öppet', xml: '<sheetData/>' },
    ]),
  );
  expect(wb.sheets[0].protected).toBe(true);
  expect(wb.sheets[0].merges).toEqual([
    { r0: 0, c0: 0, r1: 0, c1: 9 },
    { r0: 2, c0: 1, r1: 3, c1: 2 },
  ]);
  expect(wb.sheets[1].protected).toBeUndefined();
  expect(wb.sheets[1].rows).toEqual([]);
});

test('chart sheets are skipped; absolute targets, prefixed and strict markup are read', () => {
  const strictRel = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const bytes = makeZip({
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${strictRel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:rr="${RNS}"><x:sheets><x:sheet name="Diagram" sheetId="1" rr:id="c1"/><x:sheet name="Data &amp; mer" sheetId="2" rr:id="w1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c1" Type="${strictRel}/chartsheet" Target="/xl/chartsheets/sheet1.xml"/><Relationship Id="w1" Type="${strictRel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="s1" Type="${strictRel}/sharedStrings" Target="../xl/strings.xml"/></Relationships>`,
    'xl/chartsheets/sheet1.xml': '<chartsheet/>',
    'xl/worksheets/data.xml': `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>A2*2</x:f><x:v>8</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    'xl/strings.xml': `<x:sst xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:si><x:t>Hej</x:t></x:si></x:sst>`,
  });
  const wb = readXlsx(bytes);
  expect(wb.sheets.map((s) => s.name)).toEqual(['Data & mer']);
  expect(wb.sheets[0].rows[0]).toEqual([{ value: 'Hej' }, { value: 8, formula: '=A2*2' }]);
});

const corpusFile = (f: string) => path.join(CORPUS, f);
test('corpus: _x000D_ escapes and CDATA inline strings', () => {
  requireShared(CORPUS);
  const x = readXlsx(readBytes(corpusFile('calamine__tests_has_x000D_.xlsx')));
  expect(x.sheets[0].rows[0][0]?.value).toBe('ABC\r\nDEF');
  const cdata = readXlsx(readBytes(corpusFile('calamine__tests_inlineStr_cdata.xlsx')));
  const texts = cdata.sheets.flatMap((s) => s.rows.flat()).map((c) => c?.value);
  expect(texts).toEqual(['Hello CDATA', 'World', '12345', 'NormalText']);
});
