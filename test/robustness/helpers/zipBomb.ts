// A zip bomb shaped like a workbook: every part is proper, except one worksheet that
// inflates to gigabytes of whitespace (valid XML, so only a size limit stops a reader).
// Built from one deflated 16 MB piece repeated: sync-flushed pieces concatenate into
// one valid deflate stream, so a 2 GiB part costs a second to build, not a minute.
import * as zlib from 'zlib';
import { ZipWriter, memorySink, crc32 } from '../../../bench/zipWriter';

const PIECE = 16 * 1024 * 1024;

export interface BombOptions {
  /** Uncompressed size of the whitespace body, in bytes (a multiple of 16 MiB). */
  inflatedBytes: number;
  /** Write this uncompressed size into the headers instead of the true one. */
  declaredSize?: number;
}

export function buildZipBomb(opts: BombOptions): Uint8Array {
  const prefix = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const suffix = Buffer.from('</sheetData></worksheet>');
  const body = Buffer.alloc(PIECE, 0x20);
  const pieces = Math.max(1, Math.round(opts.inflatedBytes / PIECE));
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(prefix, sync);
  const piece = zlib.deflateRawSync(body, sync);
  const tail = zlib.deflateRawSync(suffix);
  const compressed = [head, ...Array.from({ length: pieces }, () => piece), tail];
  let crc = crc32(prefix, 0);
  for (let i = 0; i < pieces; i++) crc = crc32(body, crc);
  crc = crc32(suffix, crc);
  const size = prefix.length + pieces * PIECE + suffix.length;

  const zip = new ZipWriter(memorySink());
  const NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.addEntry(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/></Types>`,
  );
  zip.addEntry('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.addEntry(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.addEntry(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.addRawEntry('xl/worksheets/sheet1.xml', {
    method: 8,
    crc,
    size: opts.declaredSize ?? size,
    compressed,
    compressedSize: compressed.reduce((s, c) => s + c.length, 0),
  });
  return zip.finish()!;
}
