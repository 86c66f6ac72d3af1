import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/docx/docx';
import { buildDocx, documentXml, packageDocx, tableXml } from './buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR } from './seed000Tables';

const textAt = (wb: ReturnType<typeof readDocx>, sheet: number, r: number, c: number) => wb.sheets[sheet].rows[r]?.[c]?.value;

describe('readDocx', () => {
  it('turns each Word table into a sheet "Tabell N" of cell texts', () => {
    const wb = readDocx(buildDocx([BUDGETFORDELNING, BUDGETVAXLINGAR]));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Tabell 1', 'Tabell 2']);
    // D6 of the budgetfördelning, text as typed: the engine reads it.
    expect(textAt(wb, 0, 5, 3)).toBe('1 180 309');
    expect(textAt(wb, 0, 5, 9)).toBe('3,3');
    expect(textAt(wb, 0, 8, 0)).toBe('Summa');
    expect(textAt(wb, 0, 6, 1)).toBeUndefined();
    // Rubrik of row 11 of the växlingar, with & decoded.
    expect(textAt(wb, 1, 4, 1)).toBe('Övriga fastighetskostnader LG2, reception & vaktmästeri');
    expect(textAt(wb, 1, 10, 5)).toBe('1 783');
  });

  it('makes gridSpan cells merges and places later cells in their grid column', () => {
    const wb = readDocx(buildDocx([BUDGETFORDELNING]));
    const s = wb.sheets[0];
    expect(s.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 9 },
      { r0: 3, c0: 8, r1: 3, c1: 9 },
    ]);
    expect(textAt(wb, 0, 0, 0)).toBe('Uppföljning av nämndens beslutade fördelning av budgetramen 2024');
    expect(textAt(wb, 0, 3, 8)).toBe('Nettokostnadsutveckling jan-aug -24 jf jan-aug -23');
    expect(textAt(wb, 0, 4, 9)).toBe('%');
  });

  it('makes vMerge cells vertical merges', () => {
    const wb = readDocx(
      buildDocx([
        {
          rows: [
            [{ text: 'Post', vMerge: 'restart' }, { text: '2024', span: 2 }],
            [{ vMerge: 'continue' }, 'Kvinnor', 'Män'],
            ['Chef', '1', '2'],
          ],
        },
      ]),
    );
    // The paragraph just above the table is its title row (row 0); the table starts at row 1.
    expect(textAt(wb, 0, 0, 0)).toBe('Delårsrapport');
    expect(wb.sheets[0].merges).toEqual([
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 1, c1: 2 },
    ]);
    expect(textAt(wb, 0, 2, 0)).toBeUndefined();
    expect(textAt(wb, 0, 2, 2)).toBe('Män');
  });

  it('joins paragraphs with a space, reads tabs and breaks as spaces, decodes entities', () => {
    const doc = documentXml([{ rows: [[{ text: ['Summa', 'Verksamhetens', ''] }, '<img src=x onerror=alert(1)>']] }]).replace(
      '<w:t xml:space="preserve">Verksamhetens</w:t>',
      '<w:t xml:space="preserve">Verksamhetens</w:t><w:tab/><w:t>nettokostnad</w:t><w:br/><w:t>(tkr)</w:t>',
    );
    const wb = readDocx(packageDocx(doc));
    // Row 0 is the title paragraph above the table.
    expect(textAt(wb, 0, 1, 0)).toBe('Summa Verksamhetens nettokostnad (tkr)');
    expect(textAt(wb, 0, 1, 1)).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads nested tables as tables of their own, not as text of the outer cell', () => {
    const inner = tableXml([['Inre', '1 000'], ['Summa', '1 000']]);
    const wb = readDocx(buildDocx([{ rows: [['Yttre', { text: 'Före', extra: inner }], ['Sist', '2']] }]));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Tabell 1', 'Tabell 2']);
    // The outer table has the paragraph above it as title row; the nested one has no title.
    expect(textAt(wb, 0, 0, 0)).toBe('Delårsrapport');
    expect(textAt(wb, 0, 1, 1)).toBe('Före');
    expect(textAt(wb, 0, 2, 1)).toBe('2');
    expect(textAt(wb, 1, 1, 1)).toBe('1 000');
    expect(wb.sheets[0].rows.length).toBe(3);
    expect(wb.sheets[1].rows.length).toBe(2);
  });

  it('skips the fallback copy of alternate content and deleted text', () => {
    const doc = documentXml([{ rows: [['X']] }]).replace(
      '<w:t xml:space="preserve">X</w:t>',
      '<w:t>A</w:t></w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice><w:r><w:t>B</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>B</w:t></w:r></mc:Fallback></mc:AlternateContent><w:del><w:r><w:delText>Z</w:delText></w:r></w:del><w:r><w:t>C</w:t>',
    );
    expect(textAt(readDocx(packageDocx(doc)), 0, 0, 0)).toBe('ABC');
  });

  it('reads a document without tables as a workbook without sheets', () => {
    expect(readDocx(buildDocx([])).sheets).toEqual([]);
  });

  it('uses the prefix the document binds to WordprocessingML', () => {
    const doc = documentXml([{ rows: [['Summa', '3']] }]).replace(/w:/g, 'ns0:').replace('xmlns:w=', 'xmlns:ns0=');
    expect(textAt(readDocx(packageDocx(doc)), 0, 1, 1)).toBe('3');
  });
});

describe('readDocx refuses what is not a .docx, in Swedish', () => {
  const ole = (extra: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Array.from(extra).flatMap((ch) => [ch.charCodeAt(0), 0]);
    b.set(name, 1024);
    return b;
  };

  it('an empty file', () => expect(() => readDocx(new Uint8Array(0))).toThrow(/tom/));
  it('a text file', () => expect(() => readDocx(strToU8('hej'))).toThrow(/inget Word-dokument \(\.docx\)/));
  it('an encrypted document', () => expect(() => readDocx(ole('EncryptionInfo'))).toThrow(/lösenordsskyddat/));
  it('an old .doc', () => expect(() => readDocx(ole('WordDocument'))).toThrow(/gamla Word-formatet \(\.doc\)/));
  it('a zip without a document', () =>
    expect(() => readDocx(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/word\/document\.xml/));
  it('a truncated zip', () => expect(() => readDocx(buildDocx([]).slice(0, 60))).toThrow(/skadad|ofullständig/));
  it('a zip bomb', () => {
    const huge = new Uint8Array(12 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 });
    expect(() => readDocx(bomb)).toThrow(/zip-bomb/);
  });
});
