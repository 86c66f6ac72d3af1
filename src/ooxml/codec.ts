// Raw deflate and inflate for zip parts. The pure-JavaScript codec (fflate) runs everywhere;
// Node's native zlib is several times faster on large parts, so the command line installs
// it with useNativeCodec(). The browser bundle never imports zlib.
import { crc32Update } from './crc32';

export interface RawCodec {
  /** Inflate raw deflate data; throw a RangeError when the output would exceed maxOutputLength. */
  inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array;
  /**
   * Raw deflate at a zlib level (1 fastest … 9 smallest). Not final: the stream ends with a
   * sync flush instead of a final block, so another raw stream may follow it.
   */
  deflateRaw(data: Uint8Array, level: number, final: boolean): Uint8Array;
  /** CRC-32 of data continued from crc (zip's checksum), when the platform has a faster one. */
  crc32?(data: Uint8Array, crc: number): number;
  /** True when the bytes are valid UTF-8 (a fast validator of the platform). */
  isUtf8?(data: Uint8Array): boolean;
  /** First offset ≥ from where needle occurs in data, or −1 (the platform's byte search). */
  indexOf?(data: Uint8Array, needle: Uint8Array, from: number): number;
}

let native: RawCodec | null = null;

/** Install a native codec (Node's zlib) for this thread; null goes back to fflate. */
export function useNativeCodec(codec: RawCodec | null): void {
  native = codec;
}

export function nativeCodec(): RawCodec | null {
  return native;
}

/** CRC-32 continued from crc: the native one when installed, else the portable one. */
export function crc32Continue(crc: number, data: Uint8Array): number {
  return native?.crc32 ? native.crc32(data, crc) >>> 0 : crc32Update(crc, data);
}
