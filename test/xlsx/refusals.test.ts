// Files that cannot be read are refused with one clear Swedish message, never a crash.
import * as fs from 'fs';
import * as path from 'path';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { readXlsx, XlsxReadError } from '../../src/xlsx';
import { CORPUS, FIXTURES, minimalWorkbook, readBytes } from './helpers';
import { requireShared } from '../helpers/shared';

function refusal(bytes: Uint8Array): string {
  try {
    readXlsx(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(XlsxReadError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

/** A zip with one stored/deflated entry whose central directory says what we like. */
function zipWithEntry(name: string, data: Uint8Array, declaredSize: number, method = 8): Uint8Array {
  const body = method === 8 ? deflateSync(data) : data;
  const nameBytes = new TextEncoder().encode(name);
  const buf = new Uint8Array(30 + nameBytes.length + body.length + 46 + nameBytes.length + 22);
  const v = new DataView(buf.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(8, method, true);
  v.setUint32(18, body.length, true);
  v.setUint32(22, declaredSize, true);
  v.setUint16(26, nameBytes.length, true);
  buf.set(nameBytes, 30);
  buf.set(body, 30 + nameBytes.length);
  const cd = 30 + nameBytes.length + body.length;
  v.setUint32(cd, 0x02014b50, true);
  v.setUint16(cd + 10, method, true);
  v.setUint32(cd + 20, body.length, true);
  v.setUint32(cd + 24, declaredSize, true);
  v.setUint16(cd + 28, nameBytes.length, true);
  buf.set(nameBytes, cd + 46);
  const e = cd + 46 + nameBytes.length;
  v.setUint32(e, 0x06054b50, true);
  v.setUint16(e + 8, 1, true);
  v.setUint16(e + 10, 1, true);
  v.setUint32(e + 12, 46 + nameBytes.length, true);
  v.setUint32(e + 16, cd, true);
  return buf;
}

test('empty file', () => {
  expect(refusal(new Uint8Array(0))).toMatch(/tom/);
});

test('not a zip (a CSV renamed to .xlsx)', () => {
  expect(refusal(new TextEncoder().encode('Post;Belopp\nSumma;100\n'))).toMatch(/inte en Excel-arbetsbok \(\.xlsx\)/);
});

test('OLE file: encrypted package versus old .xls', () => {
  const ole = (stream: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < stream.length; i++) b[1024 + 2 * i] = stream.charCodeAt(i);
    return b;
  };
  expect(refusal(ole('EncryptedPackage'))).toMatch(/lösenordsskyddad/);
  expect(refusal(ole('Workbook'))).toMatch(/gamla Excel-formatet \(\.xls\)/);
});

test('a real password-protected workbook from the corpus', () => {
  requireShared(CORPUS);
  expect(refusal(readBytes(path.join(CORPUS, 'calamine__tests_pass_protected.xlsx')))).toMatch(/lösenordsskyddad/);
});

test('truncated zip', () => {
  const good = minimalWorkbook([{ name: 'A', xml: '<sheetData/>' }]);
  expect(refusal(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/skadad/);
});

test('a zip without a workbook part', () => {
  const bytes = zipWithEntry('hello.txt', new TextEncoder().encode('hej'), 3);
  expect(refusal(bytes)).toMatch(/saknar arbetsboksdelen/);
});

test('zip bomb: refused from the declared sizes before inflating', () => {
  // 64 MB of zeros deflate to about 64 kB: ratio ~1000:1 on a part over 10 MB.
  const zeros = new Uint8Array(64 * 1024 * 1024);
  const bytes = zipWithEntry('xl/workbook.xml', zeros, zeros.length);
  const t = Date.now();
  expect(refusal(bytes)).toMatch(/zip-bomb/);
  expect(Date.now() - t).toBeLessThan(2000);
});

test('zip bomb with a lying header: the running limit stops inflating', () => {
  // The header claims 100 bytes; the data inflates to 50 MB.
  const zeros = new Uint8Array(50 * 1024 * 1024);
  const bytes = zipWithEntry('xl/workbook.xml', zeros, 100);
  const before = process.memoryUsage().heapUsed;
  expect(refusal(bytes)).toMatch(/skadad|zip-bomb/);
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(40 * 1024 * 1024);
});

describe('random damage to a small fixture', () => {
  const fixture = path.join(FIXTURES, '003_nyckeltal.xlsx');
  const base = fs.existsSync(fixture) ? readBytes(fixture) : minimalWorkbook([{ name: 'A', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }]);

  test('never throws anything but XlsxReadError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: base.length }), { nil: undefined }),
        (edits, cut) => {
          const b = base.slice(0, cut ?? base.length);
          for (const e of edits) if (e.at < b.length) b[e.at] = e.byte;
          try {
            const wb = readXlsx(b);
            expect(Array.isArray(wb.sheets)).toBe(true);
          } catch (err) {
            if (!(err instanceof XlsxReadError)) throw err;
            expect(err.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 300, seed: 4711 },
    );
  });
});
