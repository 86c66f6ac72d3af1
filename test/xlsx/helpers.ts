// Shared helpers for the xlsx tests: fixture paths, zip parts, exceljs loading.
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const CORPUS = path.join(SHARED, 'corpus');

export function fixtureFiles(): string[] {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

/** Every part of a package, uncompressed. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  return strFromU8(parts(bytes)[name]);
}

/** A package from text parts (for hand-written edge cases). */
export function makeZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z);
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal valid workbook around given worksheet XML bodies (sheetData etc.). */
export function minimalWorkbook(
  sheets: { name: string; xml: string }[],
  extra: { sharedStrings?: string; styles?: string } = {},
): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}${extra.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${
      extra.styles ? `<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>` : ''
    }</Relationships>`,
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${RNS}">${s.xml}</worksheet>`;
  });
  if (extra.sharedStrings) files['xl/sharedStrings.xml'] = extra.sharedStrings;
  if (extra.styles) files['xl/styles.xml'] = extra.styles;
  return makeZip(files);
}
