'use strict';
// A minimal zip writer for generated test and benchmark workbooks.
// Sizes and CRC go into the local headers (as Excel writes them), never trailing data
// descriptors, so every reader can open the result. Parts are deflated chunk by chunk
// so a million-row sheet never exists as one string.
const fs = require('fs');
const zlib = require('zlib');
const { Deflate, strToU8 } = require('fflate');

/** Collects the zip in memory; result() gives one Uint8Array. */
function memorySink() {
  const chunks = [];
  let size = 0;
  return {
    write(buf) {
      chunks.push(buf);
      size += buf.length;
    },
    result() {
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
    close() {},
  };
}

/** Streams the zip to a file. */
function fileSink(path) {
  const fd = fs.openSync(path, 'w');
  return {
    write(buf) {
      fs.writeSync(fd, buf);
    },
    result() {
      return undefined;
    },
    close() {
      fs.closeSync(fd);
    },
  };
}

function toBytes(chunk) {
  return typeof chunk === 'string' ? strToU8(chunk) : chunk;
}

// CRC-32 of the uncompressed data; zlib.crc32 exists from Node 20.15 (the project needs >= 20).
function crc32(buf, prev) {
  return zlib.crc32(buf, prev);
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (8 << 5) | 31; // 2024-08-31

class ZipWriter {
  constructor(sink) {
    this.sink = sink;
    this.offset = 0;
    this.entries = [];
  }

  _write(buf) {
    this.sink.write(buf);
    this.offset += buf.length;
  }

  /**
   * Adds one deflated entry. `chunks` is a Uint8Array, a string, or an iterable of them.
   * level: deflate level 0-9 (default 6, what Excel uses in effect).
   */
  addEntry(name, chunks, level = 6) {
    const compressed = [];
    let compressedSize = 0;
    const deflate = new Deflate({ level }, (data) => {
      compressed.push(data);
      compressedSize += data.length;
    });
    let crc = 0;
    let size = 0;
    const list = typeof chunks === 'string' || chunks instanceof Uint8Array ? [chunks] : chunks;
    for (const chunk of list) {
      const bytes = toBytes(chunk);
      crc = crc32(bytes, crc);
      size += bytes.length;
      deflate.push(bytes, false);
    }
    deflate.push(new Uint8Array(0), true);
    this.addRawEntry(name, { method: 8, crc, size, compressed, compressedSize });
  }

  /**
   * Adds an entry whose compressed bytes are given as they are. The declared `size` and
   * `crc` are written as given, true or not (zip bombs and damaged files need that).
   */
  addRawEntry(name, { method, crc, size, compressed, compressedSize }) {
    const nameBytes = Buffer.from(name, 'utf8');
    const utf8Flag = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(utf8Flag, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressedSize >>> 0, 18);
    header.writeUInt32LE(size >>> 0, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const offset = this.offset;
    this._write(header);
    this._write(nameBytes);
    for (const c of compressed) this._write(c);
    this.entries.push({ nameBytes, utf8Flag, method, crc, size, compressedSize, offset });
  }

  /** Writes the central directory; returns the zip bytes for a memory sink. */
  finish() {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.utf8Flag, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressedSize >>> 0, 20);
      h.writeUInt32LE(e.size >>> 0, 24);
      h.writeUInt16LE(e.nameBytes.length, 28);
      h.writeUInt32LE(e.offset >>> 0, 42);
      this._write(h);
      this._write(e.nameBytes);
    }
    const cdSize = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(start, 16);
    this._write(end);
    const result = this.sink.result();
    this.sink.close();
    return result;
  }
}

module.exports = { ZipWriter, memorySink, fileSink, crc32 };
