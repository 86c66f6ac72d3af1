// One pass over a worksheet's <sheetData> with the OOXML tokenizer: every <c> element with
// its position, used by the reader (values) and by the coloured-copy writer (offsets of the
// start tags). Comments, CDATA, processing instructions and quoted `>` cannot move a cell,
// and elements are matched by namespace URI, so reader and writer always agree.
import { isSpreadsheetNs } from '../ooxml/spreadsheetml';
import { attrValue, T_CLOSE, T_END, T_OPEN, XmlTokenizer } from '../ooxml/tokenizer';
import { MAX_COLUMNS, MAX_ROWS, MSG, XlsxReadError } from './errors';

export interface CellTag {
  /** 0-based row and column (from `r`, or by order when `r` is missing). */
  row: number;
  col: number;
  /** Offset of `<` of the start tag, and just after its `>`. */
  start: number;
  tagEnd: number;
  /** Attribute text of the start tag (without a trailing `/` of a self-closing tag). */
  attrs: string;
  selfClosing: boolean;
  /** Inner XML ('' when self-closing). */
  inner: string;
}

export interface SheetLayout {
  prefix: string;
  /** The root element's local name: `worksheet`, `dialogsheet`, `chartsheet`, … ('' when none is found). */
  root: string;
}

const SHEET_ROOTS = new Set(['worksheet', 'dialogsheet', 'chartsheet', 'macrosheet']);

/** The root element of a sheet part: its prefix as written and its local name. */
export function sheetLayout(xml: string): SheetLayout {
  const tk = new XmlTokenizer(xml);
  for (;;) {
    const k = tk.next();
    if (k === T_END) return { prefix: '', root: '' };
    if (k !== T_OPEN) continue;
    const local = tk.localName();
    if (!SHEET_ROOTS.has(local)) return { prefix: '', root: '' };
    return { prefix: tk.colon < 0 ? '' : xml.slice(tk.nameStart, tk.colon + 1), root: local };
  }
}

/**
 * Parse the column letters and row digits of `B12` (no `$` in cell `r` attributes), 0-based.
 * Figures beyond Excel's limits stop growing just past them, so `ZZZZZZ1` or row
 * 2147483648 come out as MAX_COLUMNS or MAX_ROWS: callers refuse those with `checkRef`.
 */
export function parseRef(ref: string): { r: number; c: number } | null {
  const at = refAt(ref, 0, ref.length);
  return at < 0 ? null : { r: Math.floor(at / REF_COLS), c: at % REF_COLS };
}

/** Room for a column number just past Excel's limit in one number: row · REF_COLS + column. */
const REF_COLS = 32768;

/** parseRef of text[from, to) as row · REF_COLS + column, or −1 (no string, no object: the hot loop). */
function refAt(text: string, from: number, to: number): number {
  let i = from;
  let c = 0;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
    else if (code >= 97 && code <= 122) c = c * 26 + (code - 96);
    else if (code !== 36) break;
    if (c > MAX_COLUMNS) c = MAX_COLUMNS + 1;
    i++;
  }
  let r = 0;
  let digits = 0;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) (r = Math.min(r * 10 + (code - 48), MAX_ROWS + 1)), digits++;
    else if (code !== 36) return -1;
    i++;
  }
  if (c === 0 || digits === 0 || r === 0) return -1;
  return (r - 1) * REF_COLS + (c - 1);
}

/** Refuse a row or column beyond Excel's limits: such a file is damaged, and would be sized by it. */
export function checkRef(r: number, c: number, text: string): void {
  if (r >= MAX_ROWS || c >= MAX_COLUMNS) throw new XlsxReadError(MSG.outsideSheet(text));
}

/** A row number attribute (`<row r="12">`), 0-based; NaN when absent or not a positive integer. */
function rowNumber(r: string | undefined): number {
  if (r === undefined) return NaN;
  const t = r.trim();
  if (!/^[0-9]+$/.test(t)) return NaN;
  return t.length > 8 ? MAX_ROWS : Number(t) - 1;
}

/** The `s` and `t` attributes of the cell being visited (one object, reused). */
export interface CellAttrs {
  /** The style index: the `s` attribute as Number() reads it; undefined without one. */
  s: number | undefined;
  t: string | undefined;
}

/** Where the `r` attribute's value is (−1 without one), and whether it is plain (read as written). */
interface RefSpan {
  start: number;
  end: number;
  plain: boolean;
}

/** True when an attribute value reads as written: no entity, no tab or line break to normalise. */
function plainValue(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 38 || c === 9 || c === 10 || c === 13) return false;
  }
  return true;
}

/** A plain run of 1 to 9 digits as its number, else −1. */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Read r, s and t of a <c> start tag in one pass over its attributes (no closure: the hot loop). */
function readCellAttrs(xml: string, from: number, to: number, out: CellAttrs, ref: RefSpan): void {
  out.s = out.t = undefined;
  ref.start = -1;
  let p = from;
  for (;;) {
    while (p < to && xml.charCodeAt(p) <= 32) p++;
    if (p >= to) return;
    const ns = p;
    while (p < to) {
      const c = xml.charCodeAt(p);
      if (c === 61 || c <= 32) break;
      p++;
    }
    const ne = p;
    while (p < to && xml.charCodeAt(p) <= 32) p++;
    if (ne === ns || xml.charCodeAt(p) !== 61) return;
    p++;
    while (p < to && xml.charCodeAt(p) <= 32) p++;
    const q = xml.charCodeAt(p);
    if (q !== 34 && q !== 39) return;
    const ve = xml.indexOf(q === 34 ? '"' : "'", p + 1);
    if (ve < 0 || ve > to) return;
    if (ne - ns === 1) {
      const c = xml.charCodeAt(ns);
      if (c === 114) {
        ref.start = p + 1;
        ref.end = ve;
        ref.plain = plainValue(xml, p + 1, ve);
      } else if (c === 115) {
        // Number() of the value as XML reads it; plain digits need no string.
        const n = digitsAt(xml, p + 1, ve);
        out.s = n >= 0 ? n : Number(attrValue(xml, p + 1, ve));
      } else if (c === 116) out.t = attrValue(xml, p + 1, ve);
    }
    p = ve + 1;
  }
}

/**
 * Walk a worksheet part. onCell sees every SpreadsheetML <c> inside <sheetData> with the
 * tokenizer at its start tag and may read its children; whatever it leaves of the element
 * is skipped. onOther sees every other start tag outside <sheetData> (merges, protection).
 * Row and column come from `r` attributes, or by order when they are missing; a reference
 * beyond Excel's limits throws (a damaged file).
 */
export function walkCells(
  xml: string,
  onCell: (tk: XmlTokenizer, row: number, col: number, attrs: CellAttrs) => void,
  onOther?: (tk: XmlTokenizer) => void,
): void {
  const tk = new XmlTokenizer(xml);
  const attrs: CellAttrs = { s: undefined, t: undefined };
  const ref: RefSpan = { start: -1, end: -1, plain: true };
  let dataDepth = -1;
  let row = -1;
  let col = -1;
  for (;;) {
    const k = tk.next();
    if (k === T_END) return;
    if (k === T_CLOSE) {
      if (dataDepth >= 0 && tk.depth < dataDepth) dataDepth = -1;
      continue;
    }
    if (k !== T_OPEN) continue;
    if (dataDepth < 0) {
      if (tk.localIs('sheetData') && isSpreadsheetNs(tk.uri())) {
        if (!tk.selfClosing) dataDepth = tk.depth;
        continue;
      }
      onOther?.(tk);
      continue;
    }
    // Inside <sheetData>: rows, and cells in them.
    const isMain = isSpreadsheetNs(tk.uri());
    if (isMain && tk.localIs('row')) {
      const r = tk.attr('r');
      const n = rowNumber(r);
      row = n >= 0 ? n : row + 1;
      checkRef(row, 0, `raden ${r ?? row + 1}`);
      col = -1;
      continue; // its cells follow as the next tokens
    }
    if (isMain && tk.localIs('c')) {
      readCellAttrs(xml, tk.attrStart, tk.attrEnd, attrs, ref);
      let at = -1;
      if (ref.start >= 0 && ref.plain) at = refAt(xml, ref.start, ref.end);
      else if (ref.start >= 0) {
        const text = attrValue(xml, ref.start, ref.end);
        at = refAt(text, 0, text.length);
      }
      if (at >= 0) {
        col = at % REF_COLS;
        const r = Math.floor(at / REF_COLS);
        if (row < 0 || r !== row) row = r;
      } else {
        col += 1;
        if (row < 0) row = 0;
      }
      if (row >= MAX_ROWS || col >= MAX_COLUMNS) {
        checkRef(row, col, ref.start >= 0 ? `cellen ${attrValue(xml, ref.start, ref.end)}` : `kolumn ${col + 1} på rad ${row + 1}`);
      }
      const parent = tk.selfClosing ? tk.depth : tk.depth - 1;
      onCell(tk, row, col, attrs);
      while (tk.depth > parent) if (tk.next() === T_END) return;
      continue;
    }
    tk.skipElement();
  }
}

/**
 * Visit every cell of the sheet in document order, with the offsets of its start tag (for
 * the copy writer). Only cells written with the root's prefix (`prefix` + `c`) are visited,
 * so a writer that rebuilds the start tag as `<${prefix}c …>` keeps the end tag matching.
 */
export function scanCells(xml: string, prefix: string, onCell: (cell: CellTag) => void): void {
  const qname = `${prefix}c`;
  walkCells(xml, (tk, row, col) => {
    if (tk.nameEnd - tk.nameStart !== qname.length || !xml.startsWith(qname, tk.nameStart)) return;
    const start = tk.start;
    const tagEnd = tk.end;
    const attrs = tk.attrText();
    const selfClosing = tk.selfClosing;
    let inner = '';
    if (!selfClosing) {
      const d = tk.depth - 1;
      while (tk.depth > d) if (tk.next() === T_END) return;
      inner = xml.slice(tagEnd, tk.start);
    }
    onCell({ row, col, start, tagEnd, attrs, selfClosing, inner });
  });
}
