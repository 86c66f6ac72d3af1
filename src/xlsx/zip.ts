// Reading a zip package safely: the central directory is read first, parts are
// inflated only on demand and with a running byte limit, so neither a lying header
// nor a zip bomb can exhaust memory. Pure (fflate only): runs in Node and browsers.
import { Inflate } from 'fflate';
import { decodeXml } from '../ooxml/decode';
import { crc32Continue, nativeCodec, type RawCodec } from '../ooxml/codec';
import { MSG, SummakollError, XlsxReadError } from './errors';

/** Refuse packages whose needed parts declare more than this in total. */
export const MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024;
/** One part must fit into one JavaScript string after decoding. */
export const MAX_PART_UNCOMPRESSED = 500 * 1024 * 1024;
/** A part over RATIO_MIN_SIZE that compresses better than this is a bomb, not a sheet. */
export const MAX_RATIO = 200;
export const RATIO_MIN_SIZE = 10 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** Raw name bytes, kept so a copy writes the very same name. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttrs: number;
  versionMadeBy: number;
  localOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Lower-case, forward-slash name → entry (names differ in case between writers). */
  byName: Map<string, ZipEntry>;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** True when the UTF-16LE text occurs in the bytes (names in an OLE directory). */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** An OLE compound file is either an encrypted .xlsx or an old .xls: say which. */
function refuseOle(b: Uint8Array): never {
  if (containsUtf16(b, 'EncryptedPackage') || containsUtf16(b, 'EncryptionInfo')) throw new XlsxReadError(MSG.encrypted, 'encrypted');
  throw new XlsxReadError(MSG.oldXls, 'old-format');
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Open a package: validate the signature and read the central directory. No inflating. */
export function openZip(bytes: Uint8Array): ZipArchive {
  if (bytes.length === 0) throw new XlsxReadError(MSG.empty);
  if (startsWith(bytes, OLE_SIGNATURE)) refuseOle(bytes);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxReadError(MSG.notZip);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new XlsxReadError(MSG.truncated);

  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
    // Zip64: the locator sits right before the classic end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw new XlsxReadError(MSG.truncated);
    const z64 = u64(bytes, loc + 8);
    if (z64 + 56 > bytes.length || u32(bytes, z64) !== 0x06064b50) throw new XlsxReadError(MSG.truncated);
    count = u64(bytes, z64 + 32);
    cdSize = u64(bytes, z64 + 40);
    cdOffset = u64(bytes, z64 + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw new XlsxReadError(MSG.truncated);

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new XlsxReadError(MSG.corrupt('innehållsförteckningen är trasig'));
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > bytes.length) throw new XlsxReadError(MSG.truncated);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    const entry: ZipEntry = {
      name,
      nameBytes,
      flags,
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      uncompressedSize: u32(bytes, p + 24),
      versionMadeBy: u16(bytes, p + 4),
      externalAttrs: u32(bytes, p + 38),
      localOffset: u32(bytes, p + 42),
    };
    readZip64Extra(bytes, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    const key = normaliseName(name);
    // Excel and LibreOffice open the last of two same-named parts, a reader the first:
    // which one was meant cannot be known, so the package is refused.
    if (byName.has(key)) throw new XlsxReadError(MSG.duplicate(printable(name)));
    byName.set(key, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries, byName };
}

function readZip64Extra(b: Uint8Array, start: number, len: number, e: ZipEntry): void {
  let q = start;
  while (q + 4 <= start + len) {
    const id = u16(b, q);
    const size = u16(b, q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.uncompressedSize === 0xffffffff) (e.uncompressedSize = u64(b, r)), (r += 8);
      if (e.compressedSize === 0xffffffff) (e.compressedSize = u64(b, r)), (r += 8);
      if (e.localOffset === 0xffffffff) e.localOffset = u64(b, r);
      return;
    }
    q += 4 + size;
  }
}

/** A part name fit for a message: control characters dropped, at most 80 characters. */
function printable(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

export function normaliseName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function findEntry(zip: ZipArchive, path: string): ZipEntry | undefined {
  return zip.byName.get(normaliseName(path));
}

/** The stored (still compressed) bytes of an entry; its local header must agree with the central directory. */
export function rawData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} saknas`));
  const nameLen = u16(b, o + 26);
  if (o + 30 + nameLen > b.length) throw new XlsxReadError(MSG.truncated);
  let sameName = nameLen === e.nameBytes.length;
  for (let i = 0; sameName && i < nameLen; i++) sameName = b[o + 30 + i] === e.nameBytes[i];
  const localFlags = u16(b, o + 6);
  let agrees = sameName && u16(b, o + 8) === e.method && (localFlags & 1) === (e.flags & 1);
  if (agrees && !(localFlags & 8)) {
    // Without a data descriptor the local header carries CRC and sizes too (0xFFFFFFFF: in the Zip64 extra).
    const crc = u32(b, o + 14);
    const csize = u32(b, o + 18);
    const usize = u32(b, o + 22);
    agrees = crc === e.crc && (csize === 0xffffffff || csize === e.compressedSize) && (usize === 0xffffffff || usize === e.uncompressedSize);
  }
  if (!agrees) throw new XlsxReadError(MSG.headerMismatch(printable(e.name)));
  const start = o + 30 + nameLen + u16(b, o + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new XlsxReadError(MSG.truncated);
  return b.subarray(start, end);
}

function inflateNative(codec: RawCodec, e: ZipEntry, data: Uint8Array, limit: number, budget: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = codec.inflateRaw(data, limit);
  } catch (err) {
    if (err instanceof RangeError) {
      if (budget < e.uncompressedSize) throw new XlsxReadError(MSG.zipBomb, 'too-large');
      throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} är större än angivet`));
    }
    throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} går inte att packa upp`));
  }
  if (out.length !== e.uncompressedSize) throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} är mindre än angivet`));
  if (crc32Continue(0, out) !== e.crc) throw new XlsxReadError(MSG.crc(printable(e.name)));
  return out;
}

/** Refuse before inflating anything when the declared sizes are absurd. */
export function checkDeclaredSizes(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    checkEntrySize(e);
    total += e.uncompressedSize;
  }
  if (total > MAX_TOTAL_UNCOMPRESSED) throw new XlsxReadError(MSG.zipBomb, 'too-large');
}

function checkEntrySize(e: ZipEntry): void {
  if (e.uncompressedSize > RATIO_MIN_SIZE && e.uncompressedSize > MAX_RATIO * Math.max(1, e.compressedSize)) {
    throw new XlsxReadError(MSG.zipBomb, 'too-large');
  }
  if (e.uncompressedSize > MAX_PART_UNCOMPRESSED) throw new XlsxReadError(MSG.tooLarge(`delen ${printable(e.name)} är över 500 MB`), 'too-large');
}

class LimitExceeded extends Error {}

const CHUNK = 64 * 1024;

/**
 * Inflate one entry. The output may not exceed its declared size (a lying header is
 * a broken or hostile file) nor the caller's remaining budget.
 */
export function extract(zip: ZipArchive, e: ZipEntry, budget = MAX_PART_UNCOMPRESSED): Uint8Array {
  if (e.flags & 1) throw new XlsxReadError(MSG.encryptedEntry, 'encrypted');
  checkEntrySize(e);
  const data = rawData(zip, e);
  const limit = Math.min(e.uncompressedSize, budget, MAX_PART_UNCOMPRESSED);
  if (e.method === 0) {
    if (data.length > limit) throw new XlsxReadError(MSG.zipBomb, 'too-large');
    if (data.length !== e.uncompressedSize || crc32Continue(0, data) !== e.crc) throw new XlsxReadError(MSG.crc(printable(e.name)));
    return data;
  }
  if (e.method !== 8) throw new XlsxReadError(MSG.unsupportedCompression);
  const codec = nativeCodec();
  if (codec) return inflateNative(codec, e, data, limit, budget);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new LimitExceeded();
    crc = crc32Continue(crc, chunk);
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += CHUNK) {
      inflater.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
    }
  } catch (err) {
    if (err instanceof LimitExceeded) {
      if (total > budget && budget < e.uncompressedSize) throw new XlsxReadError(MSG.zipBomb, 'too-large');
      throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} är större än angivet`));
    }
    throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} går inte att packa upp`));
  }
  if (total !== e.uncompressedSize) throw new XlsxReadError(MSG.corrupt(`delen ${printable(e.name)} är mindre än angivet`));
  if (crc !== e.crc) throw new XlsxReadError(MSG.crc(printable(e.name)));
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Decode a part as text: UTF-8, UTF-16 by byte order mark, or the encoding its XML
 * declaration names (then the declaration in the text says UTF-8). Refuses an unknown
 * encoding and a DOCTYPE with a SummakollError.
 */
export function decodeText(b: Uint8Array): string {
  try {
    return decodeXml(b);
  } catch (err) {
    if (err instanceof SummakollError && !(err instanceof XlsxReadError)) throw new XlsxReadError(err.message, err.code);
    throw err;
  }
}
