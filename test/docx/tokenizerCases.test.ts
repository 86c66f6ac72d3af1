// The Word reader on the shared OOXML tokenizer: comments, CDATA, entities and prefixes
// bound by URI are read as XML means them, and a DOCTYPE is refused.
import { readDocx } from '../../src/docx/docx';
import { documentXml, packageDocx } from './buildDocx';

/** The table's last row (the title paragraph above may add a first row). */
const lastRow = (doc: string) => {
  const rows = readDocx(packageDocx(doc)).sheets[0].rows;
  return rows[rows.length - 1].map((c) => c?.value);
};

test('a commented-out cell is no cell', () => {
  const doc = documentXml([{ rows: [['A', 'B']] }]).replace('<w:tc>', '<!-- <w:tc><w:p><w:r><w:t>X</w:t></w:r></w:p></w:tc> --><w:tc>');
  expect(lastRow(doc)).toEqual(['A', 'B']);
});

test('CDATA and entities in w:t are text', () => {
  const doc = documentXml([{ rows: [['X', 'Y']] }])
    .replace('<w:t xml:space="preserve">X</w:t>', '<w:t><![CDATA[1 <000>]]></w:t>')
    .replace('<w:t xml:space="preserve">Y</w:t>', '<w:t>R&amp;D &#8211; &#x2212;5</w:t>');
  expect(lastRow(doc)).toEqual(['1 <000>', 'R&D – −5']);
});

test('WordprocessingML under another prefix, and a second prefix for the same namespace', () => {
  const doc = documentXml([{ rows: [['Summa', '3']] }])
    .replace(/w:/g, 'ns0:')
    .replace('xmlns:w=', 'xmlns:ns0=')
    .replace('<ns0:tbl>', '<ns0:tbl xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main">');
  expect(lastRow(doc)).toEqual(['Summa', '3']);
});

test('a DOCTYPE in document.xml is refused in Swedish', () => {
  const doc = documentXml([{ rows: [['A']] }]).replace('?>', '?><!DOCTYPE d [<!ENTITY e "x">]>');
  expect(() => readDocx(packageDocx(doc))).toThrow(/DOCTYPE/);
});
