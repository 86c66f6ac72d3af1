// The Swedish summary for the terminal: per file and table, every cell that does not
// reconcile, then a total line. Pure text; figures with a plain space as group separator.
import type { FileOutcome } from '../engine';
import type { Check, CheckedCell, SheetResult, Status, TableInfo } from '../engine';
import { checkStatusText, findingsOf, formatSwedish, forEachStatus, STATUS_TEXT } from '../engine';

const RANK: Record<Status, number> = { ok: 0, warning: 1, error: 2 };

export function num(x: number | null): string {
  return x === null ? '–' : formatSwedish(x, { group: ' ' });
}

export function countLine(ok: number, warning: number, error: number): string {
  return `${ok} stämmer, ${warning} avrundning, ${error} stämmer inte`;
}

/** The check that decides the cell's status (the first of the worst). */
function decisiveCheck(cell: CheckedCell): Check | undefined {
  return cell.checks.find((c) => c.status === cell.status) ?? cell.checks[0];
}

export function cellLine(cell: CheckedCell): string {
  const check = decisiveCheck(cell);
  const head = `${cell.address}  ${check ? checkStatusText(check) : STATUS_TEXT[cell.status]}`;
  if (!check) return head;
  const figures = `väntat ${num(check.expected)}, faktiskt ${num(check.actual)}, differens ${num(check.difference)}`;
  const basis = check.basis ? ` (grund: ${check.basis})` : '';
  return `${head}: ${figures}${check.message ? ` – ${check.message}` : ''}${basis}`;
}

function inTable(t: TableInfo, row: number, col: number): boolean {
  return row >= t.r0 && row <= t.r1 && col >= t.c0 && col <= t.c1;
}

/**
 * Per table, the count of cells by status and the cells that do not reconcile; a cell
 * belongs to the first table that holds it. Reads statuses and findings only: the cells
 * that reconcile need no objects here.
 */
function sheetLines(sheet: SheetResult): string[] {
  const lines: string[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  const statuses: Status[] = [];
  forEachStatus(sheet, (r, c, st) => {
    rows.push(r);
    cols.push(c);
    statuses.push(st);
  });
  const tableOf = new Int32Array(rows.length).fill(-1);
  const flagged = findingsOf(sheet);
  const flaggedTable = new Int32Array(flagged.length).fill(-1);
  sheet.tables.forEach((t, ti) => {
    const count: Record<Status, number> = { ok: 0, warning: 0, error: 0 };
    for (let i = 0; i < rows.length; i++) {
      if (tableOf[i] >= 0 || !inTable(t, rows[i], cols[i])) continue;
      tableOf[i] = ti;
      count[statuses[i]]++;
    }
    lines.push(`  ${sheet.name}: ${t.title || '(utan rubrik)'} (${t.range}) – ${countLine(count.ok, count.warning, count.error)}`);
    const here: CheckedCell[] = [];
    flagged.forEach((c, i) => {
      if (flaggedTable[i] >= 0 || !inTable(t, c.row, c.col)) return;
      flaggedTable[i] = ti;
      here.push(c);
    });
    for (const c of here.sort((a, b) => RANK[b.status] - RANK[a.status] || a.row - b.row || a.col - b.col)) lines.push(`      ${cellLine(c)}`);
  });
  const loose = flagged.filter((_, i) => flaggedTable[i] < 0);
  if (loose.length > 0) {
    lines.push(`  ${sheet.name}: celler utanför tabeller`);
    for (const c of loose) lines.push(`      ${cellLine(c)}`);
  }
  lines.push(...causeLines(sheet));
  for (const n of sheet.notes) lines.push(`  ${sheet.name}: Obedömt: ${n}`);
  return lines;
}

/** Each cause first, its följdfel indented under it (only sheets with red cells have any). */
function causeLines(sheet: SheetResult): string[] {
  const out: string[] = [];
  for (const c of sheet.causes ?? []) {
    const at = (cell: string, on: string) => (on === sheet.name ? cell : `${on}!${cell}`);
    const where = c.also ? `${at(c.cell, c.sheet)} och ${at(c.also.cell, c.also.sheet)}` : at(c.cell, c.sheet);
    out.push(`  ${sheet.name}: Trolig orsak ${where}${c.certain ? '' : ' (osäker)'}: ${c.message}`);
    if (c.explains.length) out.push(`      följdfel: ${c.explains.join(', ')}`);
  }
  return out;
}

export function fileLines(o: FileOutcome): string[] {
  if (o.error !== null || !o.result) return [`${o.file}: ${o.error ?? 'Filen kunde inte kontrolleras.'}`];
  const s = o.result.summary;
  const lines = [`${o.file}`];
  for (const sheet of o.result.sheets) lines.push(...sheetLines(sheet));
  if (o.result.sheets.every((sh) => sh.tables.length === 0)) lines.push('  Inga tabeller hittades.');
  lines.push(`  Summa: ${countLine(s.ok, s.warning, s.error)}`);
  return lines;
}

export function summaryText(outcomes: FileOutcome[]): string {
  const lines: string[] = [];
  let ok = 0;
  let warning = 0;
  let error = 0;
  let unreadable = 0;
  for (const o of outcomes) {
    lines.push(...fileLines(o), '');
    if (!o.result) unreadable++;
    else (ok += o.result.summary.ok), (warning += o.result.summary.warning), (error += o.result.summary.error);
  }
  const files = `${outcomes.length} ${outcomes.length === 1 ? 'fil' : 'filer'}`;
  const notRead = unreadable > 0 ? ` (${unreadable} kunde inte läsas)` : '';
  lines.push(`Totalt ${files}${notRead}: ${countLine(ok, warning, error)}`);
  return `${lines.join('\n')}\n`;
}
