// The cases issue 12 lists against the old hand-written scanner, each read the way XML means
// it, by the reader and by the cell scan the copy writer uses (so both agree on every cell).
import { readXlsx } from '../../src/xlsx';
import { scanCells, sheetLayout } from '../../src/xlsx/sheetScan';
import { NS, workbook } from '../helpers/workbooks';
import { minimalWorkbook } from './helpers';

function sheet(body: string, root = `<worksheet xmlns="${NS}">`, end = '</worksheet>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}<sheetData>${body}</sheetData>${end}`;
}

function cells(xml: string): Record<string, unknown> {
  const wb = readXlsx(workbook(xml));
  const out: Record<string, unknown> = {};
  wb.sheets[0].rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c) out[`${String.fromCharCode(65 + col)}${r + 1}`] = c.formula !== undefined ? [c.value, c.formula] : c.value;
    }),
  );
  return out;
}

function scanned(xml: string): string[] {
  const out: string[] = [];
  scanCells(xml, sheetLayout(xml).prefix, (t) => out.push(`${t.row},${t.col}`));
  return out;
}

test('a commented-out <c> is no cell, for the reader and the writer', () => {
  const xml = sheet('<row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"><v>2</v></c> --><c r="C1"><v>3</v></c></row>');
  expect(cells(xml)).toEqual({ A1: 1, C1: 3 });
  expect(scanned(xml)).toEqual(['0,0', '0,2']);
});

test('<v><![CDATA[5]]></v> is the number 5', () => {
  expect(cells(sheet('<row r="1"><c r="A1"><v><![CDATA[5]]></v></c></row>'))).toEqual({ A1: 5 });
});

test('CDATA inside a formula is its text, not markup', () => {
  expect(cells(sheet('<row r="1"><c r="A1"><f><![CDATA[SUM(B1:B2)]]></f><v>3</v></c></row>'))).toEqual({ A1: [3, '=SUM(B1:B2)'] });
});

test('a > inside an attribute value does not end the tag: t after it is kept', () => {
  const xml = sheet('<row r="1"><c r="A1" x:note="a>b" t="str" xmlns:x="urn:x"><v>text</v></c></row>');
  expect(cells(xml)).toEqual({ A1: 'text' });
  expect(scanned(xml)).toEqual(['0,0']);
});

test('a value closed by </v > is kept', () => {
  expect(cells(sheet('<row r="1"><c r="A1"><v>42</v ></c ></row >'))).toEqual({ A1: 42 });
});

test('&#45;5 is the number -5, and &#x2D;5 too', () => {
  expect(cells(sheet('<row r="1"><c r="A1"><v>&#45;5</v></c><c r="B1"><v>&#x2D;5</v></c></row>'))).toEqual({ A1: -5, B1: -5 });
});

test('x:c under an unprefixed root is a cell when x names the same namespace', () => {
  const xml = sheet(`<row r="1"><c r="A1"><v>1</v></c><x:c r="B1" xmlns:x="${NS}"><x:v>2</x:v></x:c></row>`);
  expect(cells(xml)).toEqual({ A1: 1, B1: 2 });
});

test('an element in another namespace named c is no cell', () => {
  expect(cells(sheet('<row r="1"><c r="A1"><v>1</v></c><o:c r="B1" xmlns:o="urn:other"><o:v>2</o:v></o:c></row>'))).toEqual({ A1: 1 });
});

test('a prefixed root with prefixed cells reads, and processing instructions are skipped', () => {
  const xml = `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><s:worksheet xmlns:s="${NS}"><s:sheetData><s:row r="2"><?pi x?><s:c r="B2"><s:v>7</s:v></s:c></s:row></s:sheetData></s:worksheet>`;
  expect(cells(xml)).toEqual({ B2: 7 });
  expect(scanned(xml)).toEqual(['1,1']);
});

test('single-quoted attributes and entities in attribute values', () => {
  expect(cells(sheet(`<row r='1'><c r='A1' t='inlineStr'><is><t>R&amp;D &lt;3</t></is></c></row>`))).toEqual({ A1: 'R&D <3' });
});

test('a DOCTYPE is refused, inside or before the root', () => {
  expect(() => readXlsx(workbook(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`))).toThrow(/DOCTYPE/);
});

test('mismatched end tags are a damaged file, said in Swedish', () => {
  expect(() => readXlsx(workbook(sheet('<row r="1"><c r="A1"><v>1</f></c></row>')))).toThrow(/Filen är skadad.*passar inte/);
});

// The reader's shortcuts (a cell that is just <v>…</v> read in one step; r and s read without
// strings) must read every variant as the general path does.
test('a cell of one <v> reads as the general path would, whatever surrounds it', () => {
  const xml = sheet(
    '<row r="1">' +
      '<c r="A1"><v>1</v></c>' +
      '<c r="B1"><v>2</v> </c>' + // whitespace before </c>: general path
      '<c r="C1"><v>a&amp;b</v></c>' + // an entity in the text: a text, decoded
      '<c r="D1" t="str"><v>x\r\ny</v></c>' + // a line break read as XML reads it
      '<c r="E1"><v></v></c>' + // no text: empty
      '<c r="F1"><v/></c>' +
      '<c r="G1"><v>7</v><v>8</v></c>' + // the first <v> counts
      '<c r="H1" xmlns="urn:other"><v>9</v></c>' + // another namespace: no cell
      `<c r="I1"><v xmlns="urn:other">10</v><v>11</v></c>` + // a <v> of another namespace is skipped
      '<c r="J1"><v>12</v></c >' + // an end tag with a space
      '<c r="K1"><v>13</v><!-- note --></c>' +
      '</row>',
  );
  expect(cells(xml)).toEqual({ A1: 1, B1: 2, C1: 'a&b', D1: 'x\ny', G1: 7, I1: 11, J1: 12, K1: 13 });
});

test('r and s read as XML reads them: entities, spaces and odd digits', () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
  const body =
    '<sheetData><row r="1">' +
      '<c r="&#66;1" s="1"><v>1</v></c>' + // B1 written with an entity
      '<c r="C1" s="001"><v>2</v></c>' +
      '<c r="D1" s=" 1 "><v>3</v></c>' + // Number(" 1 ") is 1
      '<c r="E1" s=""><v>4</v></c>' + // Number("") is 0: General
      '<c r="$F$1" s="1e0"><v>5</v></c>' +
      '<c r="g1" s="x"><v>6</v></c>' + // lower-case letters; an unknown style
      '<c r="H\t1"><v>7</v></c>' + // a tab in r: not a reference, the next column
      '</row></sheetData>';
  const wb = readXlsx(minimalWorkbook([{ name: 'A', xml: body }], { styles }));
  const row = wb.sheets[0].rows[0];
  expect(Array.from(row, (c) => (c ? [c.value, c.numFmt ?? 'General'] : null))).toEqual([
    null,
    [1, '0.0'],
    [2, '0.0'],
    [3, '0.0'],
    [4, 'General'],
    [5, '0.0'],
    [6, 'General'],
    [7, 'General'],
  ]);
});

test('figures with the same value and format share one read-only cell object; -0 stays -0', () => {
  const xml = sheet('<row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>5</v></c><c r="C1"><v>-0</v></c><c r="D1"><v>0</v></c><c r="E1"><f>A1</f><v>5</v></c></row><row r="2"><c r="A2"><v>5.0</v></c></row>');
  const rows = readXlsx(workbook(xml)).sheets[0].rows;
  expect(rows[0][0]).toBe(rows[0][1]);
  expect(rows[1][0]).toBe(rows[0][0]);
  expect(Object.is(rows[0][2]?.value, -0)).toBe(true);
  expect(Object.is(rows[0][3]?.value, 0)).toBe(true);
  expect(rows[0][4]).toEqual({ value: 5, formula: '=A1' });
  expect(rows[0][4]).not.toBe(rows[0][0]);
});
