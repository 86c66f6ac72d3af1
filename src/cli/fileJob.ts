// Everything the command line does for one file, in one place so it can run in a worker
// thread: read, check, write the coloured copy, and write this file's pieces of the JSON
// report, the CSV, the HTML page and the terminal summary to part files that the main
// thread joins in order. Cells are written sheet by sheet and let go, so a file with a
// million checked cells never holds its whole report as one string.
import * as fs from 'fs';
import * as path from 'path';
import { isUtf8 } from 'buffer';
import * as zlib from 'zlib';
import { checkWorkbook, forEachCell, type Summary, type WorkbookInput, type WorkbookResult } from '../engine';
import { useNativeCodec } from '../ooxml/codec';
import { asSummakollError, SummakollError, type ErrorCode } from '../ooxml/errors';
import { CSV_HEAD, csvCellLines } from '../report/csv';
import { HTML_FULL_LIST_LIMIT, renderFileSection } from '../report/html';
import { AtomicFile, writeFileAtomic } from './outputs';
import { readDocument, writeColouredDocument } from './readers';
import { fileLines } from './summary';

/** Larger inputs are refused before reading (a .xlsx of this size is no report). */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

export interface FileJob {
  index: number;
  display: string;
  path: string;
  /** Where the coloured copy goes, when --out was given. */
  copyTarget?: string;
  /** Folder for this run's part files. */
  partsDir: string;
  json: boolean;
  csv: boolean;
  html: boolean;
  summary: boolean;
  htmlFullListLimit?: number;
  csvHref?: string;
}

export interface FileJobResult {
  index: number;
  /** Swedish message when the file could not be checked; then summary is null. */
  error: string | null;
  code?: ErrorCode;
  /** For an internal error: what went wrong, for the terminal (never in the report). */
  detail?: string;
  summary: Summary | null;
  /** Swedish message when the copy could not be written (the check itself succeeded). */
  copyProblem?: string;
}

/** The JSON report up to its first file. */
export const JSON_HEAD = '{\n  "version": 1,\n  "files": [\n';

/**
 * The parts of the first file (index 0) begin with the head of their report, so the main
 * thread can take the part file as the start of the report instead of copying it.
 */
export function partHead(job: Pick<FileJob, 'index'>, ext: 'json' | 'csv'): string {
  if (job.index !== 0) return '';
  return ext === 'json' ? JSON_HEAD : CSV_HEAD;
}

export function partPath(job: Pick<FileJob, 'partsDir' | 'index'>, ext: 'json' | 'csv' | 'html' | 'txt'): string {
  return path.join(job.partsDir, `${job.index}.${ext}`);
}

function indent(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}

/** Node's zlib for the zip parts: several times faster than the portable codec on large sheets. */
useNativeCodec({
  // Output in one piece of the declared size (plus one byte, so a longer part is caught):
  // no list of 16 kB chunks joined into a second copy of a 270 MB sheet.
  inflateRaw: (data, maxOutputLength) =>
    zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutputLength), chunkSize: Math.max(64 * 1024, maxOutputLength + 1) }),
  deflateRaw: (data, level, final) => zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
  // zlib.crc32 (Node 20.15 and later) is several times faster than the portable CRC-32.
  crc32: typeof zlib.crc32 === 'function' ? (data, crc) => zlib.crc32(data, crc) : undefined,
  isUtf8: (data) => isUtf8(data),
  indexOf: (data, needle, from) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(needle, from),
});

/** What one file holds while it is checked; each piece is let go as soon as it is done with. */
interface Held {
  bytes: Uint8Array | null;
  workbook: WorkbookInput | null;
}

/** Read and check one file; write its parts and its copy. Never throws. */
export function runFileJob(job: FileJob): FileJobResult {
  const held: Held = { bytes: null, workbook: null };
  let result: WorkbookResult;
  try {
    const st = fs.statSync(job.path);
    if (!st.isFile()) throw new SummakollError('Det här är ingen vanlig fil och kan inte kontrolleras.', 'unsupported-file');
    if (st.size > MAX_INPUT_BYTES) throw new SummakollError('Filen är för stor för att kontrolleras (över 1 GB).', 'too-large');
    held.bytes = new Uint8Array(fs.readFileSync(job.path));
    const read = readDocument(job.path, held.bytes);
    held.workbook = read.workbook;
    result = checkWorkbook(held.workbook, read.options);
  } catch (err) {
    return failure(job, err);
  }
  // Only the HTML page of a small file draws the input cells again.
  if (!job.html || result.summary.cells > (job.htmlFullListLimit ?? HTML_FULL_LIST_LIMIT)) held.workbook = null;
  let copyProblem: string | undefined;
  if (job.copyTarget) {
    try {
      writeFileAtomic(job.copyTarget, writeColouredDocument(job.path, held.bytes, result));
    } catch (err) {
      const e = asSummakollError(err);
      copyProblem =
        e.code === 'internal'
          ? `${e.message} (den färgade kopian, ${(e as { detail?: string }).detail ?? ''})`
          : `den färgade kopian kunde inte skrivas: ${e.message}`;
    }
  }
  held.bytes = null;
  try {
    writeParts(job, held, result);
  } catch (err) {
    return failure(job, err);
  }
  return { index: job.index, error: null, summary: result.summary, copyProblem };
}

function failure(job: FileJob, err: unknown): FileJobResult {
  const e = asSummakollError(err);
  const detail = (e as { detail?: string }).detail;
  return { index: job.index, error: e.message, code: e.code, detail, summary: null };
}

function writeParts(job: FileJob, held: Held, result: WorkbookResult): void {
  const limit = job.htmlFullListLimit ?? HTML_FULL_LIST_LIMIT;
  // The summary and the HTML page read statuses and findings only, or (small files) the cells.
  if (job.summary) {
    writeFileAtomic(partPath(job, 'txt'), `${fileLines({ file: job.display, error: null, result }).join('\n')}\n`);
  }
  if (job.html) {
    const html = renderFileSection({ file: job.display, error: null, workbook: held.workbook, result }, { fullListLimit: limit, csvHref: job.csvHref });
    writeFileAtomic(partPath(job, 'html'), html);
  }
  // The cell list needs no input cells: let them go before building the cell objects.
  held.workbook = null;
  if (!job.json && !job.csv) return;
  const json = job.json ? new AtomicFile(partPath(job, 'json')) : null;
  const csv = job.csv ? new AtomicFile(partPath(job, 'csv')) : null;
  try {
    // Causes cross sheets: worked out before any sheet lets its cells go (only when a cell is red).
    const causes = job.json ? result.sheets.map((s) => s.causes ?? []) : [];
    csv?.write(partHead(job, 'csv'));
    json?.write(`${partHead(job, 'json')}    {\n      "file": ${JSON.stringify(job.display)},\n      "error": null,\n      "sheets": [`);
    result.sheets.forEach((s, si) => {
      if (json) {
        json.write(`${si > 0 ? ',' : ''}\n        {\n          "name": ${JSON.stringify(s.name)},\n`);
        const tables = s.tables.map((t) => ({ range: t.range, kind: t.kind, title: t.title }));
        json.write(`          "tables": ${indent(JSON.stringify(tables, null, 2), '          ')},\n          "cells": [`);
      }
      // One cell object at a time, from the engine's compact result: none is kept.
      let n = 0;
      forEachCell(s, (c) => {
        json?.write(`${n > 0 ? ',' : ''}\n            ${JSON.stringify({ address: c.address, status: c.status, checks: c.checks })}`);
        csv?.write(csvCellLines(job.display, s.name, c));
        n++;
      });
      // The causes may have built the sheet's list of cells: let it go before the next sheet.
      s.cells = [];
      json?.write(`${n > 0 ? '\n          ' : ''}]`);
      json?.write(`,\n          "notes": ${JSON.stringify(s.notes)},\n          "causes": ${JSON.stringify(causes[si] ?? [])}`);
      json?.write('\n        }');
    });
    json?.write(`${result.sheets.length > 0 ? '\n      ' : ''}]\n    }`);
    json?.commit();
    csv?.commit();
  } catch (err) {
    json?.abort();
    csv?.abort();
    throw err;
  }
}
