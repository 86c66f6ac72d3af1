// The findings for Excel: one check per row, `;`-separated with decimal commas
// (what Swedish Excel expects), UTF-8 with BOM so å, ä and ö survive.
import type { Report } from '../engine';
import { STATUS_TEXT } from '../engine';
import { RULE_TEXT } from './ruleText';

const HEADER = ['fil', 'blad', 'cell', 'status', 'regel', 'förväntat', 'faktiskt', 'differens', 'tolerans', 'meddelande'];

/** A text Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`. */
export function neutraliseText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[;"\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
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

export function renderCsv(report: Report): string {
  const lines: string[] = [HEADER.join(';')];
  for (const f of report.files) {
    if (f.error !== null) {
      lines.push([text(f.file), '', '', text('Kunde inte läsas'), '', '', '', '', '', text(f.error)].join(';'));
      continue;
    }
    for (const s of f.sheets) {
      for (const c of s.cells) {
        for (const k of c.checks) {
          lines.push(
            [
              text(f.file),
              text(s.name),
              text(c.address),
              text(STATUS_TEXT[k.status]),
              text(RULE_TEXT[k.rule] ?? k.rule),
              csvNumber(k.expected),
              csvNumber(k.actual),
              csvNumber(k.difference),
              csvNumber(k.tolerance),
              text(k.message),
            ].join(';'),
          );
        }
      }
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
