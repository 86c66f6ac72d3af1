// One worksheet part → rows of CellInput, merges and sheet protection.
import type { CellInput, MergedArea } from '../engine';
import { MSG, XlsxReadError } from './errors';
import { translateFormula } from './sharedFormula';
import { stringItemText } from './sharedStrings';
import { checkRef, parseRef, scanCells } from './sheetScan';
import { decodeEntities, elements, getAttr, textContent } from './xml';

/** More cells than this is refused rather than risking running out of memory. */
export const MAX_CELLS = 20_000_000;

const EMPTY_ROW = Object.freeze([]) as unknown as (CellInput | undefined)[];

export interface ParsedSheet {
  rows: (CellInput | undefined)[][];
  merges: MergedArea[];
  protected: boolean;
}

export interface CellCounter {
  cells: number;
}

/** Raw text of the first child `<qname>` of a cell body, '' for `<qname/>`, undefined when absent. */
function child(inner: string, qname: string): { attrs: string; text: string } | undefined {
  const open = `<${qname}`;
  let p = 0;
  for (;;) {
    const s = inner.indexOf(open, p);
    if (s < 0) return undefined;
    const after = inner.charCodeAt(s + open.length);
    if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      p = s + open.length;
      continue;
    }
    const gt = inner.indexOf('>', s);
    if (gt < 0) return undefined;
    if (inner.charCodeAt(gt - 1) === 47) return { attrs: inner.slice(s + open.length, gt - 1), text: '' };
    const close = `</${qname}>`;
    const e = inner.indexOf(close, gt);
    return { attrs: inner.slice(s + open.length, gt), text: e < 0 ? inner.slice(gt + 1) : inner.slice(gt + 1, e) };
  }
}

/** Days since 1899-12-30 for an ISO date cell (`t="d"`), as Excel stores dates. */
function isoDateToSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return null;
  return ms / 86400000 + 25569;
}

function parseRange(ref: string): MergedArea | null {
  const [a, b] = ref.split(':');
  const p = parseRef(a);
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q) return null;
  checkRef(Math.max(p.r, q.r), Math.max(p.c, q.c), `det sammanfogade området ${ref}`);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

export function parseWorksheet(
  xml: string,
  prefix: string,
  sst: string[],
  numFmtOfXf: (string | undefined)[],
  counter: CellCounter,
): ParsedSheet {
  const rows: (CellInput | undefined)[][] = [];
  const masters = new Map<string, { formula: string; r: number; c: number }>();
  const vName = `${prefix}v`;
  const fName = `${prefix}f`;
  const isName = `${prefix}is`;

  scanCells(xml, prefix, (tag) => {
    if (tag.selfClosing || tag.inner.length === 0) return;
    const t = getAttr(tag.attrs, 't') ?? 'n';
    const v = child(tag.inner, vName);
    const f = child(tag.inner, fName);
    let formula: string | undefined;
    if (f) {
      const ft = getAttr(f.attrs, 't');
      const text = decodeEntities(f.text);
      if (ft === 'shared') {
        const si = getAttr(f.attrs, 'si') ?? '';
        if (text.trim() !== '') {
          masters.set(si, { formula: text, r: tag.row, c: tag.col });
          formula = text;
        } else {
          const m = masters.get(si);
          if (m) formula = translateFormula(m.formula, tag.row - m.r, tag.col - m.c);
        }
      } else if (ft !== 'dataTable' && text.trim() !== '') formula = text;
    }

    let value: CellInput['value'] = null;
    let error = false;
    switch (t) {
      case 's': {
        if (v) {
          const idx = Number(v.text);
          value = Number.isInteger(idx) && idx >= 0 && idx < sst.length ? sst[idx] : '';
        }
        break;
      }
      case 'str':
        value = v ? textContent(v.text) : formula ? '' : null;
        break;
      case 'inlineStr': {
        const is = child(tag.inner, isName);
        value = is ? stringItemText(is.text, prefix) : v ? textContent(v.text) : null;
        break;
      }
      case 'b':
        value = v ? v.text.trim() === '1' || v.text.trim().toLowerCase() === 'true' : null;
        break;
      case 'e':
        value = v ? textContent(v.text) : null;
        error = value !== null;
        break;
      case 'd':
        value = v ? isoDateToSerial(v.text.trim()) : null;
        break;
      default: {
        if (v && v.text.trim() !== '') {
          const n = Number(v.text);
          value = Number.isFinite(n) ? n : textContent(v.text);
        }
      }
    }
    if (value === null && formula === undefined) return;

    if (++counter.cells > MAX_CELLS) throw new XlsxReadError(MSG.tooLarge('mer än 20 miljoner celler'), 'too-large');
    const cell: CellInput = { value };
    if (formula !== undefined) cell.formula = `=${formula}`;
    const s = getAttr(tag.attrs, 's');
    if (s !== undefined) {
      const fmt = numFmtOfXf[Number(s)];
      if (fmt !== undefined) cell.numFmt = fmt;
    }
    if (error) cell.error = true;
    const row = rows[tag.row] ?? (rows[tag.row] = []);
    row[tag.col] = cell;
  });

  const merges: MergedArea[] = [];
  const mc = xml.indexOf(`<${prefix}mergeCells`);
  if (mc >= 0) {
    for (const el of elements(xml, `${prefix}mergeCell`, mc)) {
      const ref = getAttr(el.attrs, 'ref');
      const area = ref ? parseRange(ref) : null;
      if (area) merges.push(area);
    }
  }

  let isProtected = false;
  const sp = elements(xml, `${prefix}sheetProtection`, Math.max(0, xml.lastIndexOf(`</${prefix}sheetData>`)))[0];
  if (sp) {
    const flag = getAttr(sp.attrs, 'sheet');
    isProtected = flag === '1' || flag === 'true';
  }
  // Fill holes so consumers can index rows without checking; one shared frozen row keeps
  // a sheet with a lone cell on row 1 048 576 cheap.
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = EMPTY_ROW;
  return { rows, merges, protected: isProtected };
}
