// Tables of a .docx as a WorkbookInput (one sheet "Tabell N" per <w:tbl>, cell text
// as text: the engine reads Swedish number text itself), and a copy of the document
// with the checked cells shaded. Pure: runs in Node and in the browser.
import type { SheetInput, Status, WorkbookInput, WorkbookResult } from '../engine';
import { worst } from '../engine';
import { STATUS_COLOURS } from '../engine';
import { SummakollError, type ErrorCode } from '../ooxml/errors';
import { T_END, T_OPEN, XmlTokenizer } from '../ooxml/tokenizer';
import { checkDeclaredSizes, decodeText, extract, findEntry, openZip, type ZipArchive, type ZipEntry } from '../xlsx/zip';
import { rewriteZip } from '../xlsx/zipWrite';
import { scanTables, wordPrefix, type ScannedCell, type ScannedTable } from './scanTables';
import { applyEdits, shadingEdit, type XmlEdit } from './shading';
import { titleOffset, titleRowText, withTitleRow } from './tableTitle';
import { placeOnGrid } from './gridPlacement';

export const DOCX_MSG = {
  empty: 'Filen är tom (0 byte) och kan inte läsas.',
  notZip: 'Filen är inget Word-dokument (.docx): den är inget zip-paket. Öppna den i Word och spara som .docx.',
  encrypted: 'Word-dokumentet är lösenordsskyddat (krypterat). Ta bort lösenordet i Word och spara som .docx.',
  oldDoc: 'Filen är i det gamla Word-formatet (.doc). Öppna den i Word och spara som Word-dokument (.docx).',
  noDocument: 'Filen saknar huvuddokumentet (word/document.xml) och är inget Word-dokument.',
  tooLarge: 'Word-dokumentets text är för stor för att kontrolleras (över 200 MB).',
};

/** document.xml larger than this is refused (after the zip module's own bomb checks). */
const MAX_DOCUMENT_XML = 200 * 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const TABLE_SHEET_PREFIX = 'Tabell ';

/** Word tables hold nothing but text, so a figure typed as text is normal there, not a finding. */
export const WORD_CHECK_OPTIONS = { textNumbers: 'accept' } as const;

export function tableSheetName(index: number): string {
  return `${TABLE_SHEET_PREFIX}${index + 1}`;
}

function hasUtf16(b: Uint8Array, text: string): boolean {
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    for (let k = 0; k < text.length; k++) {
      if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Word's own messages for what the shared zip reader refuses, then its verdict. */
function fail(message: string, code: ErrorCode = 'damaged'): never {
  throw new SummakollError(message, code);
}

function openDocxZip(bytes: Uint8Array): ZipArchive {
  if (bytes.length === 0) fail(DOCX_MSG.empty);
  if (bytes.length >= 8 && OLE.every((v, i) => bytes[i] === v)) {
    if (hasUtf16(bytes, 'EncryptionInfo') || hasUtf16(bytes, 'EncryptedPackage')) fail(DOCX_MSG.encrypted, 'encrypted');
    fail(DOCX_MSG.oldDoc, 'old-format');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail(DOCX_MSG.notZip, 'unsupported-file');
  return asWordError(() => openZip(bytes));
}

function asWordError<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SummakollError) throw new SummakollError(err.message.replace(/\bExcel\b/g, 'Word').replace('.xlsx', '.docx'), err.code);
    throw err;
  }
}

/** The main document part: word/document.xml, or wherever _rels/.rels points. */
function mainDocumentEntry(zip: ZipArchive): ZipEntry {
  const direct = findEntry(zip, 'word/document.xml');
  if (direct) return direct;
  const rels = findEntry(zip, '_rels/.rels');
  if (rels && rels.uncompressedSize < 1024 * 1024) {
    const xml = asWordError(() => decodeText(extract(zip, rels)));
    const target = asWordError(() => officeDocumentTarget(xml));
    const entry = target ? findEntry(zip, target.replace(/^\//, '')) : undefined;
    if (entry) return entry;
  }
  fail(DOCX_MSG.noDocument);
}

/** The target of the package's officeDocument relationship, read with the tokenizer. */
function officeDocumentTarget(relsXml: string): string | undefined {
  const tk = new XmlTokenizer(relsXml);
  for (;;) {
    const k = tk.next();
    if (k === T_END) return undefined;
    if (k === T_OPEN && tk.localIs('Relationship') && /\/officeDocument$/.test(tk.attr('Type') ?? '') && tk.attr('TargetMode') !== 'External') {
      return tk.attr('Target');
    }
  }
}

function readDocumentXml(zip: ZipArchive): { entry: ZipEntry; xml: string } {
  const entry = mainDocumentEntry(zip);
  if (entry.uncompressedSize > MAX_DOCUMENT_XML) fail(DOCX_MSG.tooLarge, 'too-large');
  asWordError(() => checkDeclaredSizes([entry]));
  const xml = asWordError(() => decodeText(extract(zip, entry, MAX_DOCUMENT_XML)));
  return { entry, xml };
}

function toSheet(table: ScannedTable, index: number): SheetInput {
  return { name: tableSheetName(index), ...placeOnGrid(table.rows) };
}

/** The title paragraph above a table that becomes its sheet's first row, or null. */
function titleOf(table: ScannedTable): string | null {
  return titleRowText(table.before, (table.rows[0] ?? []).map((c) => c.text));
}

/**
 * Each Word table becomes one sheet named "Tabell N", with the title paragraph above it
 * (if any, see tableTitle.ts) as an extra first row. Throws an Error with a Swedish message.
 */
export function readDocx(bytes: Uint8Array): WorkbookInput {
  const zip = openDocxZip(bytes);
  const { xml } = readDocumentXml(zip);
  return { sheets: scanTables(xml).map((t, i) => withTitleRow(toSheet(t, i), titleOf(t))) };
}

/** A copy of the document with checked cells shaded; every other part copied byte for byte. */
export function writeShadedDocx(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  const zip = openDocxZip(bytes);
  const { entry, xml } = readDocumentXml(zip);
  const tables = scanTables(xml);
  const w = wordPrefix(xml);
  // One edit per <w:tc>, with the worst status of the result cells it holds.
  const wanted = new Map<ScannedCell, Status>();
  for (const sheet of result.sheets) {
    if (!sheet.name.startsWith(TABLE_SHEET_PREFIX)) continue;
    const table = tables[Number(sheet.name.slice(TABLE_SHEET_PREFIX.length)) - 1];
    if (!table) continue;
    // Result rows count the title row readDocx put above the table; Word rows do not.
    const offset = titleOffset(titleOf(table));
    for (const checked of sheet.cells) {
      const cell = table.rows[checked.row - offset]?.find((c) => c.col <= checked.col && checked.col < c.col + c.span);
      if (!cell) continue;
      const before = wanted.get(cell);
      wanted.set(cell, before ? worst(before, checked.status) : checked.status);
    }
  }
  const edits: XmlEdit[] = [...wanted].map(([cell, status]) => shadingEdit(xml, w, cell, STATUS_COLOURS[status].fill.replace('#', '')));
  if (edits.length === 0) return bytes.slice();
  const shaded = applyEdits(xml, edits);
  return asWordError(() => rewriteZip(zip, new Map([[entry.name, new TextEncoder().encode(shaded)]])));
}
