// One pass over a worksheet's <sheetData>: every <c> element with its position, used
// by the reader (values) and by the coloured-copy writer (offsets of the start tags).
import { MAX_COLUMNS, MAX_ROWS, MSG, XlsxReadError } from './errors';
import { getAttr, rootPrefix } from './xml';

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
  /** The root element's local name: `worksheet`, `dialogsheet`, `chartsheet`, … */
  root: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function sheetLayout(xml: string): SheetLayout {
  const m = /<([A-Za-z_][\w.-]*:)?(worksheet|dialogsheet|chartsheet|macrosheet)[\s>/]/.exec(xml);
  if (!m) return { prefix: rootPrefix(xml, 'worksheet'), root: '' };
  return { prefix: m[1] ?? '', root: m[2] };
}

/**
 * Parse the column letters and row digits of `B12` (no `$` in cell `r` attributes), 0-based.
 * Figures beyond Excel's limits stop growing just past them, so `ZZZZZZ1` or row
 * 2147483648 come out as MAX_COLUMNS or MAX_ROWS: callers refuse those with `checkRef`.
 */
export function parseRef(ref: string): { r: number; c: number } | null {
  let i = 0;
  let c = 0;
  while (i < ref.length) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
    else if (code >= 97 && code <= 122) c = c * 26 + (code - 96);
    else if (code !== 36) break;
    if (c > MAX_COLUMNS) c = MAX_COLUMNS + 1;
    i++;
  }
  let r = 0;
  let digits = 0;
  while (i < ref.length) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) (r = Math.min(r * 10 + (code - 48), MAX_ROWS + 1)), digits++;
    else if (code !== 36) return null;
    i++;
  }
  if (c === 0 || digits === 0 || r === 0) return null;
  return { r: r - 1, c: c - 1 };
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

/** Visit every cell of the sheet in document order. */
export function scanCells(xml: string, prefix: string, onCell: (cell: CellTag) => void): void {
  const dataStart = xml.indexOf(`<${prefix}sheetData`);
  if (dataStart < 0) return;
  let dataEnd = xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) dataEnd = xml.length;
  const re = new RegExp(`<${escapeRe(prefix)}(row|c)(?=[\\s/>])([^>]*)>`, 'g');
  const cClose = `</${prefix}c>`;
  re.lastIndex = dataStart;
  let row = -1;
  let col = -1;
  for (;;) {
    const m = re.exec(xml);
    if (!m || m.index >= dataEnd) break;
    let attrs = m[2];
    const selfClosing = attrs.charCodeAt(attrs.length - 1) === 47;
    if (selfClosing) attrs = attrs.slice(0, -1);
    if (m[1] === 'row') {
      const r = getAttr(attrs, 'r');
      const n = rowNumber(r);
      row = n >= 0 ? n : row + 1;
      checkRef(row, 0, `raden ${r ?? row + 1}`);
      col = -1;
      continue;
    }
    const r = getAttr(attrs, 'r');
    const ref = r === undefined ? null : parseRef(r);
    if (ref) {
      col = ref.c;
      if (row < 0 || ref.r !== row) row = ref.r;
    } else {
      col += 1;
      if (row < 0) row = 0;
    }
    checkRef(row, col, r !== undefined ? `cellen ${r}` : `kolumn ${col + 1} på rad ${row + 1}`);
    const tagEnd = m.index + m[0].length;
    let inner = '';
    if (!selfClosing) {
      const e = xml.indexOf(cClose, tagEnd);
      if (e < 0) break;
      inner = xml.slice(tagEnd, e);
      re.lastIndex = e + cClose.length;
    }
    onCell({ row, col, start: m.index, tagEnd, attrs, selfClosing, inner });
  }
}
