// One worksheet part → rows of CellInput, merges and sheet protection.
import type { CellInput, MergedArea } from '../engine';
import { MSG, XlsxReadError } from './errors';
import { translateFormula } from './sharedFormula';
import { ownString } from '../ooxml/ownString';
import { isSpreadsheetNs } from '../ooxml/spreadsheetml';
import { T_CLOSE, T_END, T_OPEN, type XmlTokenizer } from '../ooxml/tokenizer';
import { stringItem } from './sharedStrings';
import { checkRef, parseRef, walkCells, type CellAttrs } from './sheetScan';
import { decodeExcelEscapes } from './xml';

/** More cells than this is refused rather than risking running out of memory. */
export const MAX_CELLS = 20_000_000;

const EMPTY_ROW = Object.freeze([]) as unknown as (CellInput | undefined)[];

export interface ParsedSheet {
  rows: (CellInput | undefined)[][];
  merges: MergedArea[];
  protected: boolean;
}

/**
 * Figure cells (a number, no formula) with the same value and format are one object: the
 * engine's input is read-only, and a sheet of a million rows repeats its figures (0, small
 * counts) often. At most 65 536 figures per format are remembered; others get their own.
 */
class SharedFigures {
  private readonly byFormat = new Map<string | undefined, Map<number, CellInput>>();
  figure(value: number, fmt: string | undefined): CellInput {
    let known = this.byFormat.get(fmt);
    if (!known) this.byFormat.set(fmt, (known = new Map()));
    // -0 and 0 are one key in a Map but not the same figure: -0 is never shared.
    const cell = known.get(value);
    if (cell !== undefined && !Object.is(value, -0)) return cell;
    const fresh: CellInput = fmt === undefined ? { value } : { value, numFmt: fmt };
    if (known.size < 65536 && !Object.is(value, -0)) known.set(value, fresh);
    return fresh;
  }
}

export interface CellCounter {
  cells: number;
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
  _prefix: string,
  sst: string[],
  numFmtOfXf: (string | undefined)[],
  counter: CellCounter,
): ParsedSheet {
  const rows: (CellInput | undefined)[][] = [];
  const shared = new SharedFigures();
  const masters = new Map<string, { formula: string; r: number; c: number }>();
  const merges: MergedArea[] = [];
  let isProtected = false;

  const onCell = (tk: XmlTokenizer, row: number, col: number, attrs: CellAttrs) => {
    if (tk.selfClosing) return;
    const t = attrs.t ?? 'n';
    const s = attrs.s;
    const cellDepth = tk.depth;
    let v: string | undefined;
    let f: string | undefined;
    let ft: string | undefined;
    let si: string | undefined;
    let inline: string | undefined;
    // Most cells are `<c …><v>…</v></c>`: read in one step (the same result as the loop).
    if ((v = tk.onlyTextChild('v')) === undefined) for (;;) {
      const k = tk.next();
      if (k === T_END) break;
      if (k === T_CLOSE) {
        if (tk.depth < cellDepth) break;
        continue;
      }
      if (k !== T_OPEN || tk.depth !== cellDepth + (tk.selfClosing ? 0 : 1)) continue;
      if (!isSpreadsheetNs(tk.uri())) {
        tk.skipElement();
        continue;
      }
      if (tk.localIs('v')) {
        if (v === undefined) v = tk.innerText();
        else tk.skipElement();
      } else if (tk.localIs('f')) {
        if (f === undefined) {
          ft = tk.attr('t');
          si = tk.attr('si');
          f = tk.innerText();
        } else tk.skipElement();
      } else if (tk.localIs('is')) {
        if (inline === undefined) inline = stringItem(tk);
        else tk.skipElement();
      } else tk.skipElement();
    }

    let formula: string | undefined;
    if (f !== undefined) {
      if (ft === 'shared') {
        const key = si ?? '';
        if (f.trim() !== '') {
          masters.set(key, { formula: f, r: row, c: col });
          formula = f;
        } else {
          const m = masters.get(key);
          if (m) formula = translateFormula(m.formula, row - m.r, col - m.c);
        }
      } else if (ft !== 'dataTable' && f.trim() !== '') formula = f;
    }

    let value: CellInput['value'] = null;
    let error = false;
    switch (t) {
      case 's': {
        if (v !== undefined) {
          const idx = Number(v);
          value = v.trim() !== '' && Number.isInteger(idx) && idx >= 0 && idx < sst.length ? sst[idx] : '';
        }
        break;
      }
      case 'str':
        value = v !== undefined ? ownString(decodeExcelEscapes(v)) : formula ? '' : null;
        break;
      case 'inlineStr':
        value = inline !== undefined ? inline : v !== undefined ? ownString(decodeExcelEscapes(v)) : null;
        break;
      case 'b':
        value = v !== undefined ? v.trim() === '1' || v.trim().toLowerCase() === 'true' : null;
        break;
      case 'e':
        value = v !== undefined ? ownString(decodeExcelEscapes(v)) : null;
        error = value !== null;
        break;
      case 'd':
        value = v !== undefined ? isoDateToSerial(v.trim()) : null;
        break;
      default: {
        if (v !== undefined && v.trim() !== '') {
          const n = Number(v);
          value = Number.isFinite(n) ? n : ownString(decodeExcelEscapes(v));
        }
      }
    }
    if (value === null && formula === undefined) return;

    if (++counter.cells > MAX_CELLS) throw new XlsxReadError(MSG.tooLarge('mer än 20 miljoner celler'), 'too-large');
    const fmt = s !== undefined ? numFmtOfXf[s] : undefined;
    // Strings kept in the cell are copies: a slice of the sheet's XML would keep all of it.
    if (formula !== undefined) formula = ownString(`=${formula}`);
    // One literal per shape: properties added later would each cost a backing store (about
    // 40 bytes a cell, 200 MB on a sheet of 5 million figures).
    let cell: CellInput;
    if (formula === undefined && !error && typeof value === 'number') cell = shared.figure(value, fmt);
    else if (formula === undefined) cell = fmt === undefined ? { value } : { value, numFmt: fmt };
    else cell = fmt === undefined ? { value, formula } : { value, formula, numFmt: fmt };
    if (error) cell.error = true;
    const r = rows[row] ?? (rows[row] = []);
    r[col] = cell;
  };

  const onOther = (tk: XmlTokenizer) => {
    if (!isSpreadsheetNs(tk.uri())) return;
    if (tk.localIs('mergeCell')) {
      const ref = tk.attr('ref');
      const area = ref ? parseRange(ref) : null;
      if (area) merges.push(area);
    } else if (tk.localIs('sheetProtection')) {
      const flag = tk.attr('sheet');
      isProtected = flag === '1' || flag === 'true';
    }
  };

  walkCells(xml, onCell, onOther);

  // Fill holes so consumers can index rows without checking; one shared frozen row keeps
  // a sheet with a lone cell on row 1 048 576 cheap.
  // Rows grown cell by cell keep spare capacity (17 slots for 7 cells): a copy is exact.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) rows[r] = EMPTY_ROW;
    else if (row.length <= 64) rows[r] = row.slice();
  }
  return { rows, merges, protected: isProtected };
}
