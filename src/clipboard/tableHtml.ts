// "Kopiera till Word": one table as HTML (and tab-separated text) for the region's
// report. Original look only: header rows kept, Swedish figures (no-break space
// grouping, decimal comma, true minus sign), figures right-aligned, total rows bold,
// thin borders, and never Summakoll's status colours. Pure: no DOM.
import type { SheetInput, TableInfo } from '../engine';
import { FormatMemo, STATUS_COLOURS } from '../engine';
import { escapeHtml } from '../report/escapeHtml';
import { cellText } from '../report/cellText';
import { tableGrid, spanAttributes } from '../report/tableGrid';

/** How a cell looked before Summakoll coloured it (what the host can tell). */
export interface OriginalCellFormat {
  bold?: boolean;
  italic?: boolean;
  /** `#RRGGBB` fill the cell had before any status colour. */
  fill?: string;
  /** `#RRGGBB` font colour before any status colour. */
  fontColor?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
}

/** Original formats by `row,col` (0-based sheet coordinates). */
export type OriginalFormats = Map<string, OriginalCellFormat>;

export interface ClipboardTable {
  html: string;
  text: string;
}

const STATUS_FILLS = new Set(Object.values(STATUS_COLOURS).flatMap((c) => [c.fill.toUpperCase(), c.font.toUpperCase()]));
const HEX = /^#[0-9A-Fa-f]{6}$/;

/** A colour we may copy: a plain hex value that is not one of the status colours. */
function keepColour(c: string | undefined): string | null {
  return c && HEX.test(c) && !STATUS_FILLS.has(c.toUpperCase()) ? c.toUpperCase() : null;
}

const BORDER = 'border:0.5pt solid #000000';
const CELL = `${BORDER};padding:0pt 4pt;vertical-align:top`;

export function tableToClipboard(sheet: SheetInput, table: TableInfo, original?: OriginalFormats): ClipboardTable {
  const header = new Set(table.headerRows);
  const totals = new Set(table.totalRows);
  const grid = tableGrid(sheet, table);
  const formats = new FormatMemo();
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  grid.forEach((row, i) => {
    const r = table.r0 + i;
    const textCells: string[] = new Array(table.c1 - table.c0 + 1).fill('');
    const cells = row.map((g) => {
      const t = cellText(g.cell, { normaliseNumberText: true, formats });
      const o = original?.get(`${g.row},${g.col}`);
      const style = [CELL];
      const align = o?.horizontalAlignment ?? (t.numeric ? 'right' : undefined);
      if (align) style.push(`text-align:${align}`);
      if (t.numeric) style.push('white-space:nowrap');
      if (totals.has(r) || o?.bold || (header.has(r) && o?.bold === undefined)) style.push('font-weight:bold');
      if (o?.italic) style.push('font-style:italic');
      const fill = keepColour(o?.fill);
      if (fill) style.push(`background:${fill}`);
      const font = keepColour(o?.fontColor);
      if (font) style.push(`color:${font}`);
      textCells[g.col - table.c0] = t.text.replace(/[\t\r\n]+/g, ' ');
      return `<td${spanAttributes(g)} style="${style.join(';')}">${escapeHtml(t.text)}</td>`;
    });
    htmlRows.push(`<tr>${cells.join('')}</tr>`);
    textRows.push(textCells.join('\t'));
  });
  const headCount = grid.findIndex((_, i) => !header.has(table.r0 + i));
  const split = headCount < 0 ? grid.length : headCount;
  const thead = split > 0 ? `<thead>${htmlRows.slice(0, split).join('')}</thead>` : '';
  const html =
    '<html><head><meta charset="utf-8"></head><body>' +
    `<table style="border-collapse:collapse;${BORDER};font-family:Calibri,Arial,sans-serif;font-size:10pt">` +
    `${thead}<tbody>${htmlRows.slice(split).join('')}</tbody></table></body></html>`;
  return { html, text: `${textRows.join('\r\n')}\r\n` };
}
