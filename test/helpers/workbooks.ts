// Workbooks built in the test, part by part: a minimal package around worksheet XML,
// with the parts written in order by the plain zip writer (so a test can write two parts
// of the same name, store parts uncompressed, or damage bytes afterwards).
import { memorySink, ZipWriter } from '../../bench/zipWriter';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type Parts = [name: string, content: string | Uint8Array][];

/** The parts of a one-sheet workbook whose worksheet is `sheetXml` (the whole part, or a sheetData body). */
export function workbookParts(sheetXml: string, opts: { sheetName?: string; sharedStrings?: string } = {}): Parts {
  const sheet = sheetXml.includes('<worksheet') || sheetXml.includes(':worksheet')
    ? sheetXml
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>${sheetXml}</sheetData></worksheet>`;
  const parts: Parts = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${opts.sheetName ?? 'Blad1'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${
        opts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''
      }</Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  if (opts.sharedStrings) parts.push(['xl/sharedStrings.xml', opts.sharedStrings]);
  return parts;
}

/** Zip the parts in order; level 0 stores them uncompressed. */
export function zipParts(parts: Parts, level = 6): Uint8Array {
  const zip = new ZipWriter(memorySink());
  for (const [name, data] of parts) zip.addEntry(name, data, level);
  return zip.finish() as Uint8Array;
}

export function workbook(sheetXml: string, opts: { sheetName?: string; sharedStrings?: string } = {}): Uint8Array {
  return zipParts(workbookParts(sheetXml, opts));
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A small table that reconciles: Enhet/Belopp, three rows and a Summa row with a SUM formula. */
export function goodSheet(): string {
  return (
    `<row r="1">${inline('A1', 'Enhet')}${inline('B1', 'Belopp')}</row>` +
    [1, 2, 3].map((v, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `Enhet ${i + 1}`)}<c r="B${i + 2}"><v>${v * 10}</v></c></row>`).join('') +
    `<row r="5">${inline('A5', 'Summa')}<c r="B5"><f>SUM(B2:B4)</f><v>60</v></c></row>`
  );
}

/** Offset of the first occurrence of `text` (ASCII) in the bytes, or -1. */
export function indexOfAscii(b: Uint8Array, text: string, from = 0): number {
  outer: for (let i = from; i + text.length <= b.length; i++) {
    for (let k = 0; k < text.length; k++) if (b[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
