// Fuzzing the reader from inside the package: parts of a valid generated workbook get
// damaged XML (cut, deleted, odd tokens, hostile attribute values, entity tricks) and are
// zipped again with correct CRCs, so the damage reaches the XML reading, not just the zip
// layer. Each file must be read or refused with a clear Swedish message, never crash, and
// what was read must go through the engine without an exception.
import fc from 'fast-check';
import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { writeXlsx } from '../../bench/genWorkbook';
import { ZipWriter, memorySink } from '../../bench/zipWriter';
import { checkWorkbook } from '../../src/engine';
import { readXlsx } from '../../src/xlsx';
import { unclearMessage } from './helpers/cli';

const base = unzipSync(
  writeXlsx({
    sheets: [
      {
        name: 'Budget',
        rows: [
          ['Budgetfördelning 2024 (tkr)'],
          ['Verksamhet', 'Budget', 'Utfall', 'Avvikelse'],
          ['Hälso- och sjukvård', 1200, 1150, { v: 50, f: 'B3-C3' }],
          ['Tandvård', 300, 310, { v: -10, f: 'B4-C4' }],
          ['Kultur', { v: 80.5, fmt: 'dec1' }, 75, { v: 5.5, f: 'B5-C5' }],
          ['Summa', { v: 1580.5, f: 'SUM(B3:B5)' }, { v: 1535, f: 'SUM(C3:C5)' }, { v: 45.5, f: 'SUM(D3:D5)' }],
          ['Andel', { v: 0.5, fmt: 'pct' }, true, { error: '#DIV/0!', f: '1/0' }],
        ],
        merges: ['A1:D1'],
      },
      { name: 'Tom', rows: [] },
    ],
  }),
);
const PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', '_rels/.rels'];

const TOKENS = [
  '<', '>', '&', '"', "'", '</row>', '<row>', '<row r="0">', '<row r="99999999999">', '<c r="A1">', '<c r="XFE1048577"><v>1</v></c>',
  '<c r="B2" t="s"><v>99999</v></c>', '<c r="B2" t="s"><v>-1</v></c>', '<c t="n"><v>1e309</v></c>', '<c r="C3"><v>NaN</v></c>',
  '<c r="D3" s="9999"><v>1</v></c>', '<c r="A1" t="inlineStr"><is><t>x</t></is></c>', '<f t="shared" si="0"/>', '<f t="shared" ref="A1:A3" si="1">B1+</f>',
  '\u0000', '\uFFFF', '&#0;', '&#xD800;', '&unknown;', '<![CDATA[', ']]>', '<!-- ', '<?pi x?>',
  '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', '&c;',
  '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="Z9:A1"/>', 'numFmtId="9999"', '<sheet name="" sheetId="2" r:id="rId99"/>',
  'Target="../../../../etc/passwd"', 'Target="worksheets/sheet1.xml"', '<dimension ref="A1:XFD1048576"/>',
];

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'attr'; at: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), token: fc.constantFrom(...TOKENS) }),
  fc.record({
    kind: fc.constant('attr' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.constantFrom('', '0', '-1', 'A0', 'ZZZZ1', 'XFD1048576', '1e99', '99999999999999999999', 'B2:A1', '&amp;', 'rId0'),
  }),
);

function apply(xml: string, m: Mutation): string {
  const at = Math.floor(m.at * xml.length);
  switch (m.kind) {
    case 'cut':
      return xml.slice(0, at);
    case 'delete':
      return xml.slice(0, at) + xml.slice(at + m.len);
    case 'insert':
      return xml.slice(0, at) + m.token + xml.slice(at);
    case 'attr': {
      // Replace the value of the next attribute after the position.
      const re = /="[^"]*"/g;
      re.lastIndex = at;
      const hit = re.exec(xml);
      return hit ? xml.slice(0, hit.index) + `="${m.value}"` + xml.slice(hit.index + hit[0].length) : xml;
    }
  }
}

function rezip(parts: Record<string, Uint8Array>): Uint8Array {
  const zip = new ZipWriter(memorySink());
  for (const [name, data] of Object.entries(parts)) zip.addEntry(name, data);
  return zip.finish()!;
}

const outcomes = { read: 0, refused: 0 };

/** Reads and checks; returns a problem description or null. */
function tryFile(bytes: Uint8Array): string | null {
  let wb;
  try {
    wb = readXlsx(bytes);
    outcomes.read++;
  } catch (e) {
    outcomes.refused++;
    const err = e as Error;
    if (err.name !== 'XlsxReadError') return `${err.name}: ${err.message}`;
    const why = unclearMessage(err.message);
    return why ? `${why}: ${err.message}` : null;
  }
  try {
    checkWorkbook(wb);
  } catch (e) {
    return `motorn kastade: ${(e as Error).stack}`;
  }
  return null;
}

test('the unmodified base workbook is read and checked', () => {
  expect(tryFile(rezip(base))).toBeNull();
  expect(readXlsx(rezip(base)).sheets.map((s) => s.name)).toEqual(['Budget', 'Tom']);
});

test('damaged XML in any part is read or refused clearly, never a crash', () => {
  fc.assert(
    fc.property(fc.constantFrom(...PARTS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (part, mutations) => {
      const xml = mutations.reduce(apply, strFromU8(base[part]));
      const t0 = Date.now();
      const problem = tryFile(rezip({ ...base, [part]: strToU8(xml) }));
      expect({ part, problem }).toEqual({ part, problem: null });
      expect(Date.now() - t0).toBeLessThan(2000);
    }),
    { numRuns: 400, seed: 4711 },
  );
  // The fuzzing must reach past the first refusal: most damaged files are still read.
  // eslint-disable-next-line no-console
  console.log(`XML-fuzz: ${outcomes.read} lästa, ${outcomes.refused} avvisade`);
  expect(outcomes.read).toBeGreaterThan(100);
});

test('an entity expansion bomb (billion laughs) in the shared strings does not blow up', () => {
  let dtd = '<!DOCTYPE sst [<!ENTITY a0 "ha">';
  for (let i = 1; i < 10; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  dtd += ']>';
  const sst = strFromU8(base['xl/sharedStrings.xml']).replace('?>\n', `?>\n${dtd}`).replace('<t xml:space="preserve">Budget</t>', '<t xml:space="preserve">&a9;</t>');
  const t0 = Date.now();
  expect(tryFile(rezip({ ...base, 'xl/sharedStrings.xml': strToU8(sst) }))).toBeNull();
  expect(Date.now() - t0).toBeLessThan(2000);
});
