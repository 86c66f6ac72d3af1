// CRC-32 (IEEE 802.3, as zip uses it), slicing by eight: about a gigabyte a second in V8,
// so verifying every part read costs little next to inflating it. Pure: Node and browsers.

const TABLES: Int32Array[] = (() => {
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1];
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) t[n] = t0[prev[n] & 0xff] ^ (prev[n] >>> 8);
    tables.push(t);
  }
  return tables;
})();

/** Continue a CRC-32 over more bytes: crc32Update(crc32Update(0, a), b) === crc32 of a then b. */
export function crc32Update(crc: number, b: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let c = ~crc;
  let i = 0;
  const n8 = b.length - 8;
  for (; i <= n8; i += 8) {
    const lo = c ^ (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    c =
      t7[lo & 0xff] ^
      t6[(lo >>> 8) & 0xff] ^
      t5[(lo >>> 16) & 0xff] ^
      t4[lo >>> 24] ^
      t3[b[i + 4]] ^
      t2[b[i + 5]] ^
      t1[b[i + 6]] ^
      t0[b[i + 7]];
  }
  for (; i < b.length; i++) c = t0[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export function crc32(b: Uint8Array): number {
  return crc32Update(0, b);
}
