// Writing a package back: unchanged entries are copied as their stored compressed
// bytes (same name, method, CRC, time), replaced entries are deflated anew.
import { Deflate, deflateSync } from 'fflate';
import { crc32Continue, nativeCodec } from '../ooxml/codec';
import { rawData, type ZipArchive, type ZipEntry } from './zip';

/** Parts larger than this are deflated at level 1. */
export const FAST_DEFLATE_BYTES = 16 * 1024 * 1024;

/**
 * zlib's default level 6 for the usual parts; level 1 for a part over 16 MB (a sheet of a
 * million rows), where level 6 takes seconds (4 s for 270 MB against 0.7 s) to save a fifth
 * of the size: the copy of a generated 1 M-row sheet is then as large as its input (49 MB, 41 MB at level 6).
 */
export function deflateLevel(size: number): 1 | 6 {
  return size > FAST_DEFLATE_BYTES ? 1 : 6;
}

/**
 * A replaced part's uncompressed bytes: one array, or pieces in order (a large part edited
 * in the middle need not be copied into one array first).
 */
export type PartBytes = Uint8Array | Uint8Array[];

function joined(pieces: Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const b of pieces) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

/**
 * Raw deflate of the pieces as one stream. A part up to 16 MB is joined and deflated at
 * level 6 (the same bytes as ever); a larger one is deflated piece by piece at level 1,
 * each piece but the last ending with a sync flush (byte-aligned, not final), so the
 * streams concatenate into one valid stream (pigz does the same).
 */
function deflatePieces(pieces: Uint8Array[], size: number): Uint8Array[] {
  const level = deflateLevel(size);
  const codec = nativeCodec();
  if (level === 6 || pieces.length === 1) {
    const data = joined(pieces, size);
    return [codec ? codec.deflateRaw(data, level, true) : deflateSync(data, { level })];
  }
  if (codec) return pieces.map((b, i) => codec.deflateRaw(b, level, i === pieces.length - 1));
  const out: Uint8Array[] = [];
  const d = new Deflate({ level }, (chunk) => out.push(chunk));
  pieces.forEach((b, i) => d.push(b, i === pieces.length - 1));
  return out;
}

interface OutEntry {
  entry: ZipEntry;
  /** The stored data, in pieces written one after the other. */
  data: Uint8Array[];
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * The fields a local header and a central-directory record share, from "version needed"
 * to the name length (26 bytes; at offset 4 of a local header, 6 of a directory record).
 */
function writeEntryFields(view: DataView, p: number, o: OutEntry, flags: number): void {
  view.setUint16(p, 20, true);
  view.setUint16(p + 2, flags, true);
  view.setUint16(p + 4, o.method, true);
  view.setUint16(p + 6, o.entry.time, true);
  view.setUint16(p + 8, o.entry.date, true);
  view.setUint32(p + 10, o.crc, true);
  view.setUint32(p + 14, o.compressedSize, true);
  view.setUint32(p + 18, o.uncompressedSize, true);
  view.setUint16(p + 22, o.entry.nameBytes.length, true);
}

/** A new package with the same entries in the same order; `replace` maps entry name → new uncompressed bytes. */
export function rewriteZip(zip: ZipArchive, replace: Map<string, PartBytes>, add = new Map<string, Uint8Array>()): Uint8Array {
  const added: ZipEntry[] = [...add.keys()].map((name) => {
    const nameBytes = new TextEncoder().encode(name);
    // 1980-01-01 00:00, the DOS epoch: a fixed time keeps copies reproducible.
    return { name, nameBytes, flags: 0x0800, method: 8, time: 0, date: 0x21, crc: 0, compressedSize: 0, uncompressedSize: 0, externalAttrs: 0, versionMadeBy: 20, localOffset: 0 };
  });
  const all = [...zip.entries, ...added];
  replace = new Map<string, PartBytes>([...replace, ...add]);
  const out: OutEntry[] = all.map((entry) => {
    const fresh = replace.get(entry.name);
    if (!fresh) {
      return {
        entry,
        data: [rawData(zip, entry)],
        method: entry.method,
        crc: entry.crc,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      };
    }
    const pieces = Array.isArray(fresh) ? fresh : [fresh];
    let size = 0;
    let crc = 0;
    for (const b of pieces) {
      size += b.length;
      crc = crc32Continue(crc, b);
    }
    const data = deflatePieces(pieces, size);
    let compressedSize = 0;
    for (const b of data) compressedSize += b.length;
    return { entry, data, method: 8, crc, compressedSize, uncompressedSize: size };
  });

  let size = 22;
  for (const o of out) size += 30 + o.entry.nameBytes.length + o.compressedSize + 46 + o.entry.nameBytes.length;
  if (size > 0xffffffff || out.length > 0xffff) throw new Error('Paketet är för stort för att skrivas.');
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const o of out) {
    offsets.push(p);
    // Bit 3 (data descriptor) is cleared: sizes are known and written in the header.
    const flags = o.entry.flags & 0x0800;
    view.setUint32(p, 0x04034b50, true);
    writeEntryFields(view, p + 4, o, flags);
    view.setUint16(p + 28, 0, true);
    buf.set(o.entry.nameBytes, p + 30);
    p += 30 + o.entry.nameBytes.length;
    for (const b of o.data) {
      buf.set(b, p);
      p += b.length;
    }
  }
  const cdStart = p;
  out.forEach((o, i) => {
    const flags = o.entry.flags & 0x0800;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, o.entry.versionMadeBy, true);
    writeEntryFields(view, p + 6, o, flags);
    view.setUint16(p + 30, 0, true);
    view.setUint16(p + 32, 0, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, 0, true);
    view.setUint32(p + 38, o.entry.externalAttrs, true);
    view.setUint32(p + 42, offsets[i], true);
    buf.set(o.entry.nameBytes, p + 46);
    p += 46 + o.entry.nameBytes.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, out.length, true);
  view.setUint16(p + 10, out.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return buf;
}
