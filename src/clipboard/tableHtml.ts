// "Kopiera till Word": one table as HTML (and tab-separated text) for the region's
// report. Original look only: title, header rows and units kept, the template's helper rows
// (`Ange nämnd:`, `Kolumn: A B C …`) left out, Swedish figures (no-break space
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

/**
 * A row of the region's template that helps whoever fills it in and does not belong in the
 * report: an input prompt (`Ange nämnd:` with the answer beside it) or the column key
 * (`Kolumn: A`, `B`, `C` … — the letters the template's formulas refer to).
 */
export function isHelperRow(sheet: SheetInput, r: number, c0: number, c1: number): boolean {
  const texts: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const v = sheet.rows[r]?.[c]?.value;
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string') {
      if (texts.length === 0) return false; // a figure before any text: a data row
      texts.push(String(v));
      continue;
    }
    texts.push(v.trim());
  }
  if (!texts.length) return false;
  const first = texts[0];
  if (/^ange\b[^:]{0,60}:/i.test(first)) return true;
  if (/^kolumn(er)?\s*:/i.test(first)) return true;
  // Only column letters in order (A B C …), as a key row without its label.
  const letters = texts.map((t) => t.replace(/^kolumn(er)?\s*:\s*/i, ''));
  return letters.length >= 3 && letters.every((t, i) => /^[A-Z]{1,3}$/.test(t) && (i === 0 || colIndex(t) === colIndex(letters[i - 1]) + 1));
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The table's grid without helper rows; merged cells that span a dropped row shrink. */
function reportGrid(sheet: SheetInput, table: TableInfo): { grid: ReturnType<typeof tableGrid>; rows: number[] } {
  const grid = tableGrid(sheet, table);
  const dropped = new Set<number>();
  for (let r = table.r0; r <= table.r1; r++) if (isHelperRow(sheet, r, table.c0, table.c1)) dropped.add(r);
  if (!dropped.size) return { grid, rows: grid.map((_, i) => table.r0 + i) };
  const out: typeof grid = [];
  const rows: number[] = [];
  grid.forEach((row, i) => {
    const r = table.r0 + i;
    if (dropped.has(r)) {
      // A merged cell anchored here moves to the next kept row it covers, if any.
      for (const g of row) {
        if (g.rowspan <= 1) continue;
        let next = r + 1;
        while (next < r + g.rowspan && dropped.has(next)) next++;
        if (next < r + g.rowspan) {
          const target = grid[next - table.r0];
          const at = target.findIndex((x) => x.col > g.col);
          const moved = { ...g, row: next, rowspan: g.rowspan - (next - r) };
          target.splice(at < 0 ? target.length : at, 0, moved);
        }
      }
      return;
    }
    rows.push(r);
    out.push(
      row.map((g) => {
        let span = g.rowspan;
        for (let k = r + 1; k < r + g.rowspan; k++) if (dropped.has(k)) span--;
        return span === g.rowspan ? g : { ...g, rowspan: span };
      }),
    );
  });
  return { grid: out, rows };
}

const BORDER = 'border:0.5pt solid #000000';
const CELL = `${BORDER};padding:0pt 4pt;vertical-align:top`;

export function tableToClipboard(sheet: SheetInput, table: TableInfo, original?: OriginalFormats): ClipboardTable {
  const header = new Set(table.headerRows);
  const totals = new Set(table.totalRows);
  const { grid, rows } = reportGrid(sheet, table);
  const formats = new FormatMemo();
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  grid.forEach((row, i) => {
    const r = rows[i];
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
  const headCount = rows.findIndex((r) => !header.has(r));
  const split = headCount < 0 ? grid.length : headCount;
  const thead = split > 0 ? `<thead>${htmlRows.slice(0, split).join('')}</thead>` : '';
  const html =
    '<html><head><meta charset="utf-8"></head><body>' +
    `<table style="border-collapse:collapse;${BORDER};font-family:Calibri,Arial,sans-serif;font-size:10pt">` +
    `${thead}<tbody>${htmlRows.slice(split).join('')}</tbody></table></body></html>`;
  return { html, text: `${textRows.join('\r\n')}\r\n` };
}
