// STUB (owned by the Word/report work): tables of a .docx as a WorkbookInput, and a shaded copy.
import type { WorkbookInput, WorkbookResult } from '../engine/types';

/** Each Word table becomes one sheet named "Tabell N". Throws an Error with a Swedish message. */
export function readDocx(bytes: Uint8Array): WorkbookInput {
  void bytes;
  throw new Error('Word-dokument stöds inte ännu.');
}

/** A copy of the document with checked cells shaded; everything else kept. */
export function writeShadedDocx(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  void result;
  return bytes;
}
