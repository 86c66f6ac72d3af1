// Raw deflate and inflate for zip parts. The pure-JavaScript codec (fflate) runs everywhere;
// Node's native zlib is several times faster on large parts, so the command line installs
// it with useNativeCodec(). The browser bundle never imports zlib.

export interface RawCodec {
  /** Inflate raw deflate data; throw a RangeError when the output would exceed maxOutputLength. */
  inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
}

let native: RawCodec | null = null;

/** Install a native codec (Node's zlib) for this thread; null goes back to fflate. */
export function useNativeCodec(codec: RawCodec | null): void {
  native = codec;
}

export function nativeCodec(): RawCodec | null {
  return native;
}
