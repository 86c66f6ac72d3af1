// Reading numbers the way Swedish report tables write them (checks.md section 2).
// Every figure is read in *display terms*: a cell formatted `0,0 %` holding 0.026
// is read as 2.6 with one decimal and scale 100, so relations between percentages
// and percentage points need no special cases later on.

import type { CellInput } from '../types';
import { formatInfo, type FormatMemo } from './numberFormat';

export type NumberReading =
  | {
      kind: 'number';
      /** The figure as a person sees it (percent cells times 100). */
      display: number;
      /** Display unit: 10^-decimals in display terms (1 for `#,##0`, 0.1 for `0,0 %`). */
      unit: number;
      /** display / scale is the stored value. 100 for percentages, else 1. */
      scale: number;
      /** True when the number was typed as text (`text-number` warning). */
      fromText: boolean;
    }
  | { kind: 'dash' }
  | { kind: 'empty' }
  | { kind: 'error'; text: string }
  | { kind: 'text'; text: string };

export interface ParsedText {
  value: number;
  decimals: number;
  percent: boolean;
}

const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const DASH_TEXT = /^[-–—−]$/;
const MINUS = /^[-−–]/;
const UNIT_SUFFIX = /(?:kr|tkr|mnkr|mkr|mdkr|sek|st)\.?$/i;
/** `(1,000)`, `(1 000)`, `(1.000.000)`: a unit indicator (in thousands, in millions), not −1 000. */
const UNIT_INDICATOR = /^\(\s*1(?:[,.\s\u00a0]?000)+\s*\)$/;

/** Parse a text such as `1 777 590`, `−55 691`, `(1 234)`, `2,6 %`, `97 259 kr`. Null when it is no number. */
export function parseNumberText(raw: string): ParsedText | null {
  let s = raw.trim();
  if (s.length === 0 || s.length > 40 || !startsLikeNumber(s) || UNIT_INDICATOR.test(s)) return null;
  let negative = false;
  let percent = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(UNIT_SUFFIX, '').trim();
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (MINUS.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  // Thousands groups separated by spaces must be exactly three digits: `1 777 590`.
  if (/[\s\u00a0\u2007\u2009\u202f]/.test(s)) {
    if (!/^\d{1,3}(?:[\s\u00a0\u2007\u2009\u202f]\d{3})+(?:[.,]\d+)?$/.test(s)) return null;
    s = s.replace(SPACES, '');
  }
  let intPart: string;
  let fracPart = '';
  if (/^\d+$/.test(s)) {
    intPart = s;
  } else if (/^\d+[.,]\d+$/.test(s)) {
    [intPart, fracPart] = s.split(/[.,]/);
  } else if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s) || /^\d{1,3}(?:,\d{3}){2,}$/.test(s)) {
    // English thousands: 1,234,567 or 1,234.5
    const [i, f = ''] = s.split('.');
    intPart = i.replace(/,/g, '');
    fracPart = f;
  } else if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) {
    // Continental thousands: 1.234.567 or 1.234,5
    const [i, f = ''] = s.split(',');
    intPart = i.replace(/\./g, '');
    fracPart = f;
  } else {
    return null;
  }
  const value = Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  if (!Number.isFinite(value)) return null;
  return { value: negative && value !== 0 ? -value : value, decimals: fracPart.length, percent };
}

/** Every number text starts with a digit, a sign or an opening parenthesis: labels are ruled out at once. */
function startsLikeNumber(s: string): boolean {
  const ch = s.charCodeAt(0);
  return (ch >= 48 && ch <= 57) || ch === 40 /* ( */ || ch === 43 /* + */ || ch === 45 /* - */ || ch === 0x2212 /* − */ || ch === 0x2013 /* – */;
}

/** True for a cell text that stands for zero in a numeric column. */
export function isDash(text: string): boolean {
  return DASH_TEXT.test(text.trim());
}

const TRAILING_ZEROS = /0+$/;

/** Decimals a person sees for a number shown in General format. */
export function typedDecimals(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  // 15 significant digits is what Excel stores and shows at most.
  const s = Math.abs(x).toPrecision(15).replace(TRAILING_ZEROS, '');
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(s.length - dot - 1, 10);
}

/** Read one cell as a figure in display terms (formats remembered in `formats`, when given). */
export function readCell(cell: CellInput | undefined, formats?: FormatMemo): NumberReading {
  if (!cell || cell.value === null || cell.value === undefined) return { kind: 'empty' };
  const v = cell.value;
  if (cell.error) return { kind: 'error', text: String(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: String(v) };
    const fmt = formatInfo(cell.numFmt, formats);
    if (fmt.date) return { kind: 'text', text: String(v) };
    const scale = fmt.percent ? 100 : 1;
    const display = v * scale;
    const decimals = fmt.general ? typedDecimals(display) : fmt.decimals;
    return { kind: 'number', display, unit: Math.pow(10, -decimals) * fmt.divisor, scale, fromText: false };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  const text = v;
  if (text.trim() === '') return { kind: 'empty' };
  if (/^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(text.trim())) {
    return { kind: 'error', text: text.trim() };
  }
  if (isDash(text)) return { kind: 'dash' };
  const parsed = parseNumberText(text);
  if (!parsed) return { kind: 'text', text };
  return {
    kind: 'number',
    display: parsed.value,
    unit: Math.pow(10, -parsed.decimals),
    scale: parsed.percent ? 100 : 1,
    fromText: true,
  };
}
