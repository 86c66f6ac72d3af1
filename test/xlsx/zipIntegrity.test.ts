// Zip integrity: every part read is checked against its CRC-32, two parts of one name and a
// local header that disagrees with the central directory are refused: the tool must never
// check one version of a part while Excel shows another.
import * as zlib from 'zlib';
import { readXlsx, XlsxReadError } from '../../src/xlsx';
import { crc32 } from '../../src/ooxml/crc32';
import { extract, findEntry, openZip } from '../../src/xlsx/zip';
import { rewriteZip } from '../../src/xlsx/zipWrite';
import { useNativeCodec, type RawCodec } from '../../src/ooxml/codec';
import { goodSheet, indexOfAscii, workbook, workbookParts, zipParts } from '../helpers/workbooks';
import { crc32 as benchCrc } from '../../bench/zipWriter';

function refusal(bytes: Uint8Array): XlsxReadError {
  try {
    readXlsx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    return e as XlsxReadError;
  }
  throw new Error('the workbook was read');
}

test('crc32 agrees with an independent implementation at every length', () => {
  const b = new Uint8Array(1000).map((_x, i) => (i * 7919) & 0xff);
  for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 255, 1000]) expect(crc32(b.subarray(0, n))).toBe(benchCrc(b.subarray(0, n)) >>> 0);
});

test('an intact workbook reads, stored or deflated', () => {
  for (const level of [0, 6]) expect(readXlsx(zipParts(workbookParts(goodSheet()), level)).sheets[0].rows[4][1]?.value).toBe(60);
});

test('a stored part with one changed byte fails its CRC-32 and is refused as damaged', () => {
  const bytes = zipParts(workbookParts(goodSheet()), 0);
  const at = indexOfAscii(bytes, '<v>10</v>');
  expect(at).toBeGreaterThan(0);
  bytes[at + 3] = '7'.charCodeAt(0); // 10 → 70: still a valid sheet, only the checksum knows
  const e = refusal(bytes);
  expect(e.code).toBe('damaged');
  expect(e.message).toMatch(/kontrollsumma.*xl\/worksheets\/sheet1\.xml|xl\/worksheets\/sheet1\.xml.*kontrollsumma/);
});

test('a deflated part whose CRC-32 in both headers is wrong is refused', () => {
  const bytes = workbook(goodSheet());
  const zip = openZip(bytes);
  const e = findEntry(zip, 'xl/worksheets/sheet1.xml')!;
  // Damage the CRC in the local header and in the central directory alike.
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const wrong = (e.crc ^ 0x5a5a5a5a) >>> 0;
  view.setUint32(e.localOffset + 14, wrong, true);
  const cd = indexOfAscii(bytes, 'PK\x01\x02', e.localOffset);
  let p = cd;
  for (;;) {
    const nameLen = view.getUint16(p + 28, true);
    const name = String.fromCharCode(...bytes.subarray(p + 46, p + 46 + nameLen));
    if (name === e.name) break;
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  view.setUint32(p + 16, wrong, true);
  const damaged = openZip(bytes);
  expect(() => extract(damaged, findEntry(damaged, e.name)!)).toThrow(/kontrollsumma/);
  expect(refusal(bytes).message).toMatch(/kontrollsumma/);
});

test('two parts with the same name are refused, whichever comes first', () => {
  const parts = workbookParts(goodSheet());
  const other = workbookParts(goodSheet().replace('<v>60</v>', '<v>99</v>'))[4];
  for (const order of [[...parts, other], [other, ...parts]]) {
    const e = refusal(zipParts(order));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/två delar med samma namn \(xl\/worksheets\/sheet1\.xml\)/);
  }
});

test('names that differ only in case or slashes are the same part', () => {
  const parts = workbookParts(goodSheet());
  const e = refusal(zipParts([...parts, ['XL/Worksheets/Sheet1.xml', parts[4][1]]]));
  expect(e.message).toMatch(/samma namn/);
});

test('a local header that names another part than the central directory is refused', () => {
  const bytes = workbook(goodSheet());
  const at = indexOfAscii(bytes, 'xl/worksheets/sheet1.xml'); // first: the local header
  bytes[at + 'xl/worksheets/sheet'.length] = '9'.charCodeAt(0);
  expect(refusal(bytes).message).toMatch(/beskrivs olika/);
});

test('a local header whose sizes disagree with the central directory is refused', () => {
  const bytes = zipParts(workbookParts(goodSheet()), 0);
  const zip = openZip(bytes);
  const e = findEntry(zip, 'xl/worksheets/sheet1.xml')!;
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(e.localOffset + 22, e.uncompressedSize + 1, true);
  expect(refusal(bytes).message).toMatch(/beskrivs olika/);
});

describe('a replaced part given in pieces', () => {
  const native: RawCodec = {
    inflateRaw: (data, max) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) }),
    deflateRaw: (data, level, final) => zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
    crc32: (data, crc) => zlib.crc32(data, crc),
  };
  const base = zipParts(workbookParts(goodSheet()), 6);
  const name = 'xl/worksheets/sheet1.xml';
  // Over 16 MB (deflated piece by piece, each stream but the last ending with a sync flush) and small (joined).
  const big = new TextEncoder().encode('<row>'.padEnd(1000, 'x')).subarray(0, 1000);
  const large = Array.from({ length: 17 * 1024 }, (_x, i) => big.map((b, j) => (j % 97 === 0 ? 48 + ((i + j) % 10) : b)));
  const small = [new TextEncoder().encode('<a>'), new Uint8Array(0), new TextEncoder().encode('å</a>')];
  for (const [codecName, codec] of [['fflate', null], ['zlib', native]] as const) {
    for (const [what, pieces] of [['over 16 MB', large], ['small', small]] as const) {
      test(`${what}, ${codecName}: the part reads back whole, with its CRC-32`, () => {
        useNativeCodec(codec);
        try {
          const copy = rewriteZip(openZip(base), new Map([[name, [...pieces]]]));
          // Read back with the portable inflater, whichever codec wrote it.
          useNativeCodec(null);
          const zip = openZip(copy);
          const whole = extract(zip, findEntry(zip, name)!);
          const expected = Buffer.concat(pieces.map((b) => Buffer.from(b)));
          expect(Buffer.compare(Buffer.from(whole), expected)).toBe(0);
          expect(findEntry(zip, name)!.crc).toBe(crc32(expected));
          // A part of up to 16 MB is deflated joined, as one array would be: the same bytes.
          useNativeCodec(codec);
          if (what === 'small') expect(Buffer.compare(Buffer.from(rewriteZip(openZip(base), new Map([[name, expected]]))), Buffer.from(copy))).toBe(0);
        } finally {
          useNativeCodec(null);
        }
      });
    }
  }
});
