// Sign-off: a finding marked "Granskad" with an optional comment. Marks are keyed by the
// finding's sheet and cell and remember the value the cell had, so a mark survives a
// re-check while the value is unchanged and falls away once the figure changes. Stored in
// the workbook by the host (Excel: a workbook setting; preview: a part of the downloaded copy).
// Also the export of the findings with their sign-off: CSV for Excel and a table for e-mail.
import { csvNumber, neutraliseText } from '../report/csv';
import { escapeHtml } from '../report/escapeHtml';
import { differenceFigure, figure } from '../ui/format';
import { STATUS_LABEL, T } from '../ui/texts';
import type { Finding, PaneRun } from './findings';

export interface Mark {
  comment: string;
  /** The cell's value when it was marked. */
  actual: number | null;
  /** ISO time of the mark. */
  at: string;
}

export type Marks = Record<string, Mark>;

export const MARKS_SETTING = 'Summakoll.signOff';

const sameValue = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** The mark that still applies to the finding (none once the cell's value changed). */
export function markOf(marks: Marks, f: Finding): Mark | undefined {
  const m = marks[f.id];
  return m && sameValue(m.actual, f.actual) ? m : undefined;
}

export function serializeMarks(marks: Marks): string {
  return JSON.stringify({ v: 1, marks });
}

/** Marks from their stored form; anything damaged reads as no marks. */
export function parseMarks(text: string | null | undefined): Marks {
  if (!text) return {};
  try {
    const data = JSON.parse(text) as { v?: number; marks?: Record<string, Partial<Mark>> };
    if (data?.v !== 1 || typeof data.marks !== 'object' || !data.marks) return {};
    const out: Marks = {};
    for (const [id, m] of Object.entries(data.marks)) {
      if (!m || typeof m !== 'object') continue;
      out[id] = {
        comment: typeof m.comment === 'string' ? m.comment.slice(0, 2000) : '',
        actual: typeof m.actual === 'number' && Number.isFinite(m.actual) ? m.actual : null,
        at: typeof m.at === 'string' ? m.at : '',
      };
    }
    return out;
  } catch {
    return {};
  }
}

function tableTitle(run: PaneRun, f: Finding): string {
  return run.tables.find((t) => t.sheetIndex === f.sheetIndex && t.tableIndex === f.tableIndex)?.title ?? '';
}

const statusText = (f: Finding) => (f.status === 'warning' ? (f.rounding ? T.roundingDifference : T.needsReview) : STATUS_LABEL[f.status]);

function quote(field: string): string {
  return /[;"\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}
const csvText = (s: string) => quote(neutraliseText(s));

/** The findings (red, then yellow) with their sign-off, `;`-separated, for Swedish Excel. */
export function findingsCsv(run: PaneRun, marks: Marks): string {
  const lines = [T.exportHeader.join(';')];
  for (const f of run.problems) {
    const m = markOf(marks, f);
    lines.push(
      [
        csvText(f.sheet),
        csvText(tableTitle(run, f)),
        f.address,
        csvText(statusText(f)),
        csvText(f.message),
        csvNumber(f.expected),
        csvNumber(f.actual),
        csvNumber(f.difference),
        csvText(f.basis ?? ''),
        m ? T.yes : T.no,
        csvText(m?.comment ?? ''),
      ].join(';'),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The same findings as an HTML table (for pasting into an e-mail) and as tab-separated text. */
export function findingsTable(run: PaneRun, marks: Marks): { html: string; text: string } {
  const head = T.exportHeader;
  const rows = run.problems.map((f) => {
    const m = markOf(marks, f);
    const ctx = { numFmt: f.numFmt, unit: f.unit };
    return [f.sheet, tableTitle(run, f), f.address, statusText(f), f.message, figure(f.expected, ctx), figure(f.actual, ctx), differenceFigure(f.difference, ctx), f.basis ?? '', m ? T.yes : T.no, m?.comment ?? ''];
  });
  const cell = (tag: string, s: string) => `<${tag} style="border:0.5pt solid #000;padding:0 4pt;text-align:left;vertical-align:top">${escapeHtml(s)}</${tag}>`;
  const html =
    '<html><head><meta charset="utf-8"></head><body><table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:10pt">' +
    `<thead><tr>${head.map((h) => cell('th', h)).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((s) => cell('td', s)).join('')}</tr>`).join('')}</tbody></table></body></html>`;
  const text = [head, ...rows].map((r) => r.map((s) => s.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n') + '\r\n';
  return { html, text };
}
