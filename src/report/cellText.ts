// A cell's text as Excel shows it, written the Swedish way (`1 777 590`, `−3,4`,
// `2,6 %`). Shared by the HTML report and the "Kopiera till Word" copy so a figure
// looks the same everywhere.
import type { CellInput } from '../engine';
import { formatSwedish } from '../engine';
import { readCell, typedDecimals } from '../engine';
import { formatInfo, type FormatMemo } from '../engine';

export interface CellText {
  text: string;
  /** True when the cell holds a figure (a number, or text that reads as one). */
  numeric: boolean;
}

export interface CellTextOptions {
  /** Rewrite numbers typed as text in the Swedish form (`-55 691` → `−55 691`). */
  normaliseNumberText?: boolean;
  /** Number formats already worked out (one memo per table or report rendered). */
  formats?: FormatMemo;
}

const DATE_CODE = /(^|[^"\\])[ymdhs]/i;

/** Excel's serial date (1900 system) as ISO `yyyy-mm-dd`. */
function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const stripped = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return !/[0#?]/.test(stripped) && DATE_CODE.test(stripped);
}

/** True when an explicit format groups thousands (`#,##0`), as opposed to `0.0`. */
function groupsThousands(numFmt: string): boolean {
  const first = numFmt.split(';')[0].replace(/"[^"]*"/g, '');
  return /[#0?],[#0?]/.test(first);
}

function groupFor(numFmt: string | undefined, x: number, formats: FormatMemo | undefined): string {
  const info = formatInfo(numFmt, formats);
  // Excel's General does not group; Swedish style groups five digits and more,
  // which also keeps years such as 2024 unbroken.
  if (info.general) return Math.abs(x) >= 10000 ? '\u00a0' : '';
  return groupsThousands(numFmt ?? '') ? '\u00a0' : '';
}

export function cellText(cell: CellInput | undefined, options: CellTextOptions = {}): CellText {
  if (!cell || cell.value === null || cell.value === undefined) return { text: '', numeric: false };
  const v = cell.value;
  if (cell.error) return { text: String(v), numeric: false };
  if (typeof v === 'boolean') return { text: v ? 'SANT' : 'FALSKT', numeric: false };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { text: String(v), numeric: false };
    if (isDateFormat(cell.numFmt) && v > 0 && v < 2958466) return { text: serialToIsoDate(v), numeric: true };
    const info = formatInfo(cell.numFmt, options.formats);
    if (info.general) {
      return { text: formatSwedish(v, { decimals: typedDecimals(v), group: groupFor(cell.numFmt, v, options.formats) }), numeric: true };
    }
    const shown = info.percent ? v * 100 : v / info.divisor;
    const text = formatSwedish(shown, { decimals: info.decimals, group: groupFor(cell.numFmt, shown, options.formats) });
    return { text: info.percent ? `${text}\u00a0%` : text, numeric: true };
  }
  const reading = readCell(cell, options.formats);
  if (reading.kind === 'number') {
    if (!options.normaliseNumberText) return { text: v, numeric: true };
    const decimals = Math.max(0, Math.round(-Math.log10(reading.unit)));
    // Keep the writer's grouping (`1 468,2`), add it for five digits and more.
    const grouped = /\d[\s\u00a0\u2007\u2009\u202f]\d/.test(v) || Math.abs(reading.display) >= 10000;
    const text = formatSwedish(reading.display, { decimals, group: grouped ? '\u00a0' : '' });
    return { text: reading.scale === 100 ? `${text}\u00a0%` : text, numeric: true };
  }
  if (reading.kind === 'dash') return { text: v.trim(), numeric: true };
  return { text: v, numeric: false };
}
