// The grid layout of a Word table from its OOXML, and the sheets built on it: the
// same sheets readDocx makes of the same tables in a .docx (spans, rows starting
// later, vertical merges, the title paragraph above), and Word cells found again
// from grid positions.
import { mainDocumentXml, wordTableLayout } from '../../src/word/tableLayout';
import { tablesToWorkbook } from '../../src/word/tablesToWorkbook';
import { readDocx } from '../../src/docx/docx';
import { documentXml, packageDocx, tableXml, type Cell } from '../docx/buildDocx';
import { flatOpc } from './fakeWord';

const text = (c: Cell) => (typeof c === 'string' ? c : Array.isArray(c.text) ? c.text.join('\r') : (c.text ?? ''));

/** Word's values of a table: one text per cell; continuation cells of vertical merges listed (empty) or left out. */
function wordValues(rows: Cell[][], omitContinuation = false): string[][] {
  return rows.map((row) => row.filter((c) => !(omitContinuation && typeof c !== 'string' && c.vMerge === 'continue')).map(text));
}

// A header over two columns, a "Summa" label over two columns.
const SPANS: Cell[][] = [
  ['Rad', 'Post', { text: 'Budget 2024', span: 2 }, 'Utfall'],
  ['', '', 'Drift', 'Investering', ''],
  ['1', 'Personal', '1 200', '300', '1 500'],
  [{ text: 'Summa', span: 2 }, '1 200', '300', '1 500'],
];

// "Post" over two rows, "2024" over two columns.
const VMERGE: Cell[][] = [
  [{ text: 'Post', vMerge: 'restart' }, { text: '2024', span: 2 }, 'Summa'],
  [{ vMerge: 'continue' }, 'Kvinnor', 'Män', ''],
  ['Chefer', '1', '2', '3'],
];

describe('mainDocumentXml', () => {
  it('takes the document part out of a flat-OPC package, not the other parts', () => {
    const header = '<pkg:part pkg:name="/word/header1.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"><pkg:xmlData><w:hdr xmlns:w="w"><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:hdr></pkg:xmlData></pkg:part>';
    const pkg = flatOpc(tableXml([['a', 'b']])).replace('<pkg:part pkg:name="/word/document.xml"', `${header}<pkg:part pkg:name="/word/document.xml"`);
    const xml = mainDocumentXml(pkg)!;
    expect(xml.startsWith('<w:document')).toBe(true);
    expect(xml.endsWith('</w:document>')).toBe(true);
    expect(xml).not.toContain('w:hdr');
    expect(xml).not.toContain('w:styles');
  });

  it('takes a document part that is no package as it is, and nothing else', () => {
    const doc = documentXml([{ rows: [['a']] }]);
    expect(mainDocumentXml(doc)).toBe(doc);
    expect(mainDocumentXml('<pkg:package xmlns:pkg="p"></pkg:package>')).toBeNull();
    expect(mainDocumentXml('inte xml')).toBeNull();
    expect(mainDocumentXml('')).toBeNull();
  });
});

describe('wordTableLayout', () => {
  it('places each Word cell at its first grid column', () => {
    const layout = wordTableLayout(wordValues(SPANS), flatOpc(tableXml(SPANS)))!;
    expect(layout[0].map((c) => [c.cell, c.col, c.span])).toEqual([
      [0, 0, 1],
      [1, 1, 1],
      [2, 2, 2],
      [3, 4, 1],
    ]);
    expect(layout[3].map((c) => [c.cell, c.col])).toEqual([
      [0, 0],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('maps continuation cells of vertical merges whether Word lists them or leaves them out', () => {
    const listed = wordTableLayout(wordValues(VMERGE), flatOpc(tableXml(VMERGE)))!;
    expect(listed[1].map((c) => [c.cell, c.col, c.vMerge])).toEqual([
      [0, 0, 'continue'],
      [1, 1, null],
      [2, 2, null],
      [3, 3, null],
    ]);
    const left = wordTableLayout(wordValues(VMERGE, true), flatOpc(tableXml(VMERGE)))!;
    expect(left[1].map((c) => [c.cell, c.col])).toEqual([
      [-1, 0],
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('is null when the OOXML is missing, unreadable or not of this table', () => {
    const values = wordValues(SPANS);
    expect(wordTableLayout(values, undefined)).toBeNull();
    expect(wordTableLayout(values, '')).toBeNull();
    expect(wordTableLayout(values, '<pkg:package><trasig')).toBeNull();
    expect(wordTableLayout(values, flatOpc('<w:p/>'))).toBeNull();
    // Another table: a row has other cells than Word's.
    expect(wordTableLayout(values, flatOpc(tableXml(SPANS.slice(0, 3).concat([['Summa', '1 200', '300', '1 500', '']]))))).toBeNull();
    expect(wordTableLayout([], flatOpc(tableXml(SPANS)))).toBeNull();
  });

  it('finds a nested table in the package of the table around it, by its cells and texts', () => {
    const inner: Cell[][] = [[{ text: 'Inre', span: 2 }, 'x'], ['a', 'b', 'c']];
    const twin: Cell[][] = [[{ text: 'Tvilling', span: 2 }, 'y'], ['d', 'e', 'f']];
    const outer = tableXml([[{ text: 'Yttre', extra: tableXml(twin) }, { text: 'Före', extra: tableXml(inner) }]]);
    const layout = wordTableLayout(wordValues(inner), flatOpc(outer))!;
    expect(layout).not.toBeNull();
    expect(layout[0].map((c) => c.col)).toEqual([0, 2]);
    // Same shape as the twin: the texts decide.
    expect(wordTableLayout(wordValues(twin), flatOpc(outer))).toEqual(layout);
  });
});

describe('tablesToWorkbook on the grid layout', () => {
  /** readDocx of the tables with a heading paragraph above each, and the same tables as Word gives them. */
  function both(tables: Cell[][][], omitContinuation = false, edit: (xml: string) => string = (x) => x) {
    const specs = tables.map((rows, i) => ({ heading: `Tabell ${i + 1} rubrik`, rows }));
    const docx = readDocx(packageDocx(edit(documentXml(specs))));
    const values = tables.map((rows) => wordValues(rows, omitContinuation));
    const layouts = tables.map((rows, i) => wordTableLayout(values[i], flatOpc(edit(tableXml(rows)))));
    const word = tablesToWorkbook(
      values,
      specs.map((s) => s.heading),
      layouts,
    );
    return { docx, word };
  }

  it('gives the sheets readDocx gives for the same tables', () => {
    const { docx, word } = both([SPANS, VMERGE]);
    expect(word.workbook).toEqual(docx);
    expect(word.workbook.sheets[0].rows[4]).toEqual([{ value: 'Summa' }, undefined, { value: '1 200' }, { value: '300' }, { value: '1 500' }]);
    expect(word.workbook.sheets[0].merges).toEqual([
      { r0: 1, c0: 2, r1: 1, c1: 3 },
      { r0: 4, c0: 0, r1: 4, c1: 1 },
    ]);
    expect(both([VMERGE], true).word.workbook).toEqual(both([VMERGE]).docx);
  });

  it('gives the sheets readDocx gives for a row that starts later (w:gridBefore)', () => {
    const rows: Cell[][] = [['Post', 'A', 'B'], ['x', '1', '2'], ['Summa', '3']];
    const later = (xml: string) => xml.replace(/(<w:tr>)((?:(?!<w:tr>).)*?Summa)/, '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>$2');
    const { docx, word } = both([rows], false, later);
    expect(docx.sheets[0].rows[3]).toEqual([undefined, { value: 'Summa' }, { value: '3' }]);
    expect(word.workbook).toEqual(docx);
    expect(word.grids[0].wordCell(2, 0)).toBeNull();
    expect(word.grids[0].wordCell(2, 2)).toEqual({ row: 2, cell: 1 });
  });

  it('finds the Word cell of every grid position, the spanning cell over all its columns', () => {
    const values = wordValues(VMERGE, true);
    const { grids } = tablesToWorkbook([values], [], [wordTableLayout(values, flatOpc(tableXml(VMERGE)))]);
    const g = grids[0];
    expect([g.wordCell(0, 1), g.wordCell(0, 2), g.wordCell(0, 3)]).toEqual([
      { row: 0, cell: 1 },
      { row: 0, cell: 1 },
      { row: 0, cell: 2 },
    ]);
    // Under the merged "Post": the merged cell, which Word keeps in the first row.
    expect(g.wordCell(1, 0)).toEqual({ row: 0, cell: 0 });
    expect([g.wordCell(1, 1), g.wordCell(1, 3)]).toEqual([
      { row: 1, cell: 0 },
      { row: 1, cell: 2 },
    ]);
    expect([g.wordCell(1, 4), g.wordCell(9, 0)]).toEqual([null, null]);
  });

  it('takes the values as they are without a layout', () => {
    const values = wordValues(SPANS);
    const { workbook, grids } = tablesToWorkbook([values], [], [null]);
    expect(workbook.sheets[0].rows[3]).toEqual([{ value: 'Summa' }, { value: '1 200' }, { value: '300' }, { value: '1 500' }]);
    expect(workbook.sheets[0].merges).toEqual([]);
    expect(grids[0].wordCell(3, 3)).toEqual({ row: 3, cell: 3 });
    expect(grids[0].wordCell(3, 4)).toBeNull();
  });
});
