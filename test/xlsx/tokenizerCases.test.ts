// The cases issue 12 lists against the old hand-written scanner, each read the way XML means
// it, by the reader and by the cell scan the copy writer uses (so both agree on every cell).
import { readXlsx } from '../../src/xlsx';
import { scanCells, sheetLayout } from '../../src/xlsx/sheetScan';
import { NS, workbook } from '../helpers/workbooks';

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
