// One self-contained HTML page for a check run: a summary per file, every table
// drawn with its status colours (and a symbol, so colour is never the only
// signal), and the findings. Inline CSS only, no scripts, no external URLs.
import type { Check, CheckedCell, SheetInput, SheetResult, Status, TableInfo, WorkbookInput, WorkbookResult } from '../engine';
import { checkStatusText, findingsOf, STATUS_COLOURS, STATUS_TEXT } from '../engine';
import { FormatMemo, formatSwedish } from '../engine';
import { escapeHtml } from './escapeHtml';
import { cellText } from './cellText';
import { RULE_TEXT } from './ruleText';
import { spanAttributes, tableGrid } from './tableGrid';

export interface HtmlReportFile {
  file: string;
  error: string | null;
  workbook: WorkbookInput | null;
  result: WorkbookResult | null;
}

export const STATUS_MARK: Record<Status, string> = { ok: '✓', warning: '≈', error: '✗' };

const TABLE_KIND_TEXT: Record<TableInfo['kind'], string> = {
  budgetfordelning: 'Budgetfördelning',
  budgetvaxlingar: 'Budgetväxlingar',
  atgardslista: 'Åtgärdslista',
  generic: 'Tabell',
};

function css(): string {
  const statusRules = (Object.keys(STATUS_COLOURS) as Status[])
    .map((s) => `td.s-${s},li.s-${s} .badge,.count.s-${s}{background:${STATUS_COLOURS[s].fill};color:${STATUS_COLOURS[s].font}}`)
    .join('\n');
  return `
body{font-family:"Segoe UI",Calibri,Arial,sans-serif;font-size:10pt;color:#222;margin:1.5em;line-height:1.35}
h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;margin:1.2em 0 .3em;word-break:break-all}h3{font-size:11pt;margin:1em 0 .3em}
table.grid,table.findings{border-collapse:collapse;margin:.3em 0 1em}
table.grid td,table.grid th,table.findings td,table.findings th{border:1px solid #bbb;padding:2px 6px;vertical-align:top}
table.grid th{background:#f2f2f2;font-weight:600;text-align:left}
table.grid td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.grid tr.total td{font-weight:bold}
.mark{font-weight:bold;margin-left:.3em}
table.findings th{background:#f2f2f2;text-align:left}
table.findings td.num{text-align:right;white-space:nowrap}
.summary{margin:.2em 0 .6em}.count{display:inline-block;padding:1px 6px;margin-right:.4em;border-radius:3px;border:1px solid #ccc}
.badge{padding:0 4px;border-radius:3px;white-space:nowrap}
p.file-error{color:#9C0006;font-weight:600}
ul.notes{color:#555}
.legend span{margin-right:1em}
${statusRules}
@media print{
  body{margin:0;font-size:9pt}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  section.file+section.file{break-before:page;page-break-before:always}
  table.grid,table.findings{page-break-inside:auto}
  tr{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  h2,h3{break-after:avoid;page-break-after:avoid}
}`;
}

function num(x: number | null): string {
  return x === null ? '' : escapeHtml(formatSwedish(x));
}

function counts(s: { ok: number; warning: number; error: number }): string {
  return (['ok', 'warning', 'error'] as Status[])
    .map((st) => `<span class="count s-${st}">${STATUS_MARK[st]} ${escapeHtml(STATUS_TEXT[st])}: ${s[st]}</span>`)
    .join('');
}

function cellTitle(c: CheckedCell): string {
  return c.checks.map((k) => `${checkStatusText(k)}: ${k.message}`).join('\n');
}

function renderTable(sheet: SheetInput, table: TableInfo, byCell: Map<string, CheckedCell>): string {
  const header = new Set(table.headerRows);
  const totals = new Set(table.totalRows);
  const formats = new FormatMemo();
  const rows = tableGrid(sheet, table).map((row, i) => {
    const r = table.r0 + i;
    const cls = totals.has(r) ? ' class="total"' : '';
    const cells = row.map((g) => {
      const t = cellText(g.cell, { formats });
      const checked = byCell.get(`${g.row},${g.col}`);
      const tag = header.has(r) && !checked ? 'th' : 'td';
      const classes = [t.numeric ? 'num' : '', checked ? `s-${checked.status}` : ''].filter(Boolean).join(' ');
      const mark = checked
        ? `<span class="mark" aria-label="${escapeHtml(STATUS_TEXT[checked.status])}">${STATUS_MARK[checked.status]}</span>`
        : '';
      const title = checked ? ` title="${escapeHtml(cellTitle(checked))}"` : '';
      return `<${tag}${classes ? ` class="${classes}"` : ''}${spanAttributes(g)}${title}>${escapeHtml(t.text)}${mark}</${tag}>`;
    });
    return `<tr${cls}>${cells.join('')}</tr>`;
  });
  const heading = `${table.title || TABLE_KIND_TEXT[table.kind]} (${TABLE_KIND_TEXT[table.kind]}, ${table.range})`;
  return `<h3>${escapeHtml(heading)}</h3>\n<table class="grid">${rows.join('\n')}</table>`;
}

function findingRows(sheetName: string, cells: CheckedCell[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (c.status === 'ok') continue;
    for (const k of c.checks as Check[]) {
      if (k.status === 'ok') continue;
      out.push(
        `<tr><td>${escapeHtml(sheetName)}</td><td>${escapeHtml(c.address)}</td>` +
          `<td><span class="badge" style="background:${STATUS_COLOURS[k.status].fill};color:${STATUS_COLOURS[k.status].font}">${STATUS_MARK[k.status]} ${escapeHtml(checkStatusText(k))}</span></td>` +
          `<td>${escapeHtml(RULE_TEXT[k.rule] ?? k.rule)}</td><td class="num">${num(k.expected)}</td><td class="num">${num(k.actual)}</td>` +
          `<td class="num">${num(k.difference)}</td><td class="num">${num(k.tolerance)}</td><td>${escapeHtml(k.message)}</td><td>${escapeHtml(k.basis ?? '')}</td></tr>`,
      );
    }
  }
  return out;
}

function renderSheet(sheet: SheetInput | undefined, res: SheetResult): string {
  const byCell = new Map(res.cells.map((c) => [`${c.row},${c.col}`, c] as const));
  const parts: string[] = [];
  if (sheet) for (const t of res.tables) parts.push(renderTable(sheet, t, byCell));
  if (res.notes.length > 0) {
    parts.push(`<ul class="notes">${res.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

/** More checked cells than this in one file: the page shows summaries and findings, the CSV the full list. */
export const HTML_FULL_LIST_LIMIT = 50000;
/** At most this many findings per file on the page; the CSV has them all. */
export const HTML_FINDINGS_LIMIT = 20000;

export interface FileSectionOptions {
  /** Draw every table only up to this many checked cells (default HTML_FULL_LIST_LIMIT). */
  fullListLimit?: number;
  /** Where the CSV with every check lies, relative to the page; undefined when none is written. */
  csvHref?: string;
}

export function renderErrorSection(file: string, error: string | null): string {
  return `<section class="file"><h2>${escapeHtml(file)}</h2><p class="file-error">${escapeHtml(error ?? 'Filen kunde inte läsas.')}</p></section>`;
}

function csvPointer(opts: FileSectionOptions): string {
  return opts.csvHref
    ? `<a href="${escapeHtml(encodeURI(opts.csvHref))}">${escapeHtml(opts.csvHref)}</a>`
    : 'CSV-filen (skriv den med --csv FIL)';
}

/** One file's section of the page. */
export function renderFileSection(f: HtmlReportFile, opts: FileSectionOptions = {}): string {
  const head = `<h2>${escapeHtml(f.file)}</h2>`;
  if (f.error !== null || !f.result) return renderErrorSection(f.file, f.error);
  const r = f.result;
  const summary =
    `<p class="summary">${r.summary.tables} tabeller, ${r.summary.cells} kontrollerade celler. ${counts(r.summary)}</p>`;
  const limit = opts.fullListLimit ?? HTML_FULL_LIST_LIMIT;
  if (r.summary.cells > limit) return renderLargeFile(f, head + summary, opts);
  const sheets = r.sheets
    .filter((s) => s.tables.length > 0 || s.cells.length > 0 || s.notes.length > 0)
    .map((s) => {
      const input = f.workbook?.sheets.find((w) => w.name === s.name);
      return `<h3>Blad: ${escapeHtml(s.name)}</h3>\n${renderSheet(input, s)}`;
    });
  const findings = r.sheets.flatMap((s) => findingRows(s.name, s.cells));
  return `<section class="file">${head}${summary}${sheets.join('\n')}${causesSection(r)}<h3>Avvikelser</h3>${findingsTable(findings)}</section>`;
}

/** The likely causes of the red cells, each with its följdfel under it. */
function causesSection(r: WorkbookResult): string {
  const items: string[] = [];
  for (const s of r.sheets)
    for (const c of s.causes ?? []) {
      const where = escapeHtml(`${c.sheet}!${c.cell}${c.also ? ` och ${c.also.sheet === c.sheet ? c.also.cell : `${c.also.sheet}!${c.also.cell}`}` : ''}`);
      const follow = c.explains.length ? `<br><span class="follow">Följdfel: ${escapeHtml(c.explains.join(', '))}</span>` : '';
      items.push(`<li><strong>${where}</strong>${c.certain ? '' : ' (osäker)'}: ${escapeHtml(c.message)}${follow}</li>`);
    }
  return items.length ? `<h3>Trolig orsak</h3><ul class="causes">${items.join('')}</ul>` : '';
}

function findingsTable(findings: string[], more = 0, opts: FileSectionOptions = {}): string {
  if (findings.length === 0) return '<p>Inga avvikelser: alla kontrollerade celler stämmer.</p>';
  return (
    '<table class="findings"><thead><tr><th>Blad</th><th>Cell</th><th>Status</th><th>Regel</th><th>Förväntat</th>' +
    '<th>Faktiskt</th><th>Differens</th><th>Tolerans</th><th>Meddelande</th><th>Grund</th></tr></thead><tbody>' +
    findings.join('\n') +
    '</tbody></table>' +
    (more > 0 ? `<p>… och ${more} avvikelser till: alla finns i ${csvPointer(opts)}.</p>` : '')
  );
}

/** A file with very many checked cells: tables and counts per sheet, the findings, and a pointer to the CSV. */
function renderLargeFile(f: HtmlReportFile, top: string, opts: FileSectionOptions): string {
  const r = f.result as WorkbookResult;
  const parts: string[] = [
    `<p class="large">Filen har ${r.summary.cells} kontrollerade celler: sidan visar tabellerna, sammanfattningen och avvikelserna. ` +
      `Hela listan över kontrollerade celler finns i ${csvPointer(opts)}.</p>`,
  ];
  const findings: string[] = [];
  let more = 0;
  for (const s of r.sheets) {
    if (s.tables.length > 0) {
      parts.push(
        `<h3>Blad: ${escapeHtml(s.name)}</h3><ul>${s.tables
          .map((t) => `<li>${escapeHtml(`${t.title || TABLE_KIND_TEXT[t.kind]} (${TABLE_KIND_TEXT[t.kind]}, ${t.range})`)}</li>`)
          .join('')}</ul>`,
      );
    }
    if (s.notes.length > 0) parts.push(`<ul class="notes">${s.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
    const flagged = findingsOf(s);
    for (const row of findingRows(s.name, flagged)) {
      if (findings.length < HTML_FINDINGS_LIMIT) findings.push(row);
      else more++;
    }
  }
  return `<section class="file">${top}${parts.join('\n')}${causesSection(r)}<h3>Avvikelser</h3>${findingsTable(findings, more, opts)}</section>`;
}

export interface RunTotals {
  files: number;
  unreadable: number;
  tables: number;
  cells: number;
  ok: number;
  warning: number;
  error: number;
}

/** The page up to the first file's section. */
export function htmlStart(t: RunTotals): string {
  const legend = (['ok', 'warning', 'error'] as Status[])
    .map((s) => `<span><span class="count s-${s}">${STATUS_MARK[s]}</span>${escapeHtml(STATUS_TEXT[s])}</span>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Summakoll – rapport</title>
<style>${css()}</style>
</head>
<body>
<h1>Summakoll – rapport</h1>
<p class="summary">${t.files} filer${t.unreadable > 0 ? ` (${t.unreadable} kunde inte läsas)` : ''}, ${t.tables} tabeller, ${t.cells} kontrollerade celler. ${counts(t)}</p>
<p class="legend">${legend}</p>
`;
}

export const HTML_END = `
</body>
</html>
`;

export function renderHtmlReport(files: HtmlReportFile[], opts: FileSectionOptions = {}): string {
  const total: RunTotals = { files: files.length, unreadable: 0, tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  for (const f of files) {
    if (!f.result) {
      total.unreadable += 1;
      continue;
    }
    for (const k of ['tables', 'cells', 'ok', 'warning', 'error'] as const) total[k] += f.result.summary[k];
  }
  return `${htmlStart(total)}${files.map((f) => renderFileSection(f, opts)).join('\n')}${HTML_END}`;
}
