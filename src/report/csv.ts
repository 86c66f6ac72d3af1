// The findings for Excel: one check per row, `;`-separated with decimal commas
// (what Swedish Excel expects), UTF-8 with BOM so å, ä and ö survive. Every field that
// holds a separator of any CSV dialect (`;`, `,`, tab), a quote or a line break is quoted,
// so the file reads the same with any separator and no text becomes a formula.
import type { CheckedCell, Report } from '../engine';
import { checkStatusText } from '../engine';
import { RULE_TEXT } from './ruleText';

const HEADER = ['fil', 'blad', 'cell', 'status', 'regel', 'förväntat', 'faktiskt', 'differens', 'tolerans', 'meddelande'];

/**
 * A text Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 * So does every such start after a comma or tab inside the text: a reader that splits on
 * commas ignores quotes in the middle of a `;`-separated line and starts a field there.
 */
export function neutraliseText(text: string): string {
  const inner = /[,\t][=+\-@\t\r]/.test(text) ? text.replace(/([,\t])(?=[=+\-@\t\r])/g, "$1'") : text;
  return /^[=+\-@\t\r]/.test(inner) ? `'${inner}` : inner;
}

/** Quote a field holding `;`, `,`, `"`, a tab or a line break, or edge spaces. */
export function quote(field: string): string {
  return /[;,"\t\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

function text(field: string): string {
  return quote(neutraliseText(field));
}

/** A figure Excel (sv-SE) reads as a number: decimal comma, ASCII minus, no grouping, no exponent. */
export function csvNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  let s = String(Number(x.toPrecision(12)));
  if (/e/i.test(s)) s = x.toFixed(12).replace(/\.?0+$/, '');
  return s.replace('.', ',');
}

/** The byte order mark and the header line, as the file starts. */
export const CSV_HEAD = `\ufeff${HEADER.join(';')}\r\n`;

/** The line of a file that could not be read. */
export function csvErrorLine(file: string, error: string): string {
  return `${[text(file), '', '', text('Kunde inte läsas'), '', '', '', '', '', text(error)].join(';')}\r\n`;
}

/** The lines of one checked cell: one per check. */
export function csvCellLines(file: string, sheet: string, c: Pick<CheckedCell, 'address' | 'checks'>): string {
  let out = '';
  for (const k of c.checks) {
    out += `${[
      text(file),
      text(sheet),
      text(c.address),
      text(checkStatusText(k)),
      text(RULE_TEXT[k.rule] ?? k.rule),
      quote(csvNumber(k.expected)),
      quote(csvNumber(k.actual)),
      quote(csvNumber(k.difference)),
      quote(csvNumber(k.tolerance)),
      text(k.message),
    ].join(';')}\r\n`;
  }
  return out;
}

export function renderCsv(report: Report): string {
  let out = CSV_HEAD;
  for (const f of report.files) {
    if (f.error !== null) {
      out += csvErrorLine(f.file, f.error);
      continue;
    }
    for (const s of f.sheets) for (const c of s.cells) out += csvCellLines(f.file, s.name, c);
  }
  return out;
}
