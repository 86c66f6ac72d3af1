// Types for the plain-JS zip writer (bench/zipWriter.js), used by the tests.
export interface ZipSink {
  write(buf: Uint8Array): void;
  result(): Uint8Array | undefined;
  close(): void;
}
export function memorySink(): ZipSink;
export function fileSink(path: string): ZipSink;
export function crc32(buf: Uint8Array, prev?: number): number;
export class ZipWriter {
  constructor(sink: ZipSink);
  addEntry(name: string, chunks: Uint8Array | string | Iterable<Uint8Array | string>, level?: number): void;
  addRawEntry(
    name: string,
    entry: { method: number; crc: number; size: number; compressed: Uint8Array[]; compressedSize: number },
  ): void;
  finish(): Uint8Array | undefined;
}
