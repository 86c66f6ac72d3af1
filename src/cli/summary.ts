// The Swedish summary for the terminal: per file and table, every cell that does not
// reconcile, then a total line. Pure text; figures with a plain space as group separator.
import type { FileOutcome } from '../engine/report';
import type { Check, CheckedCell, SheetResult, Status, TableInfo } from '../engine/types';
import { formatSwedish, STATUS_TEXT } from '../engine';

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
  const head = `${cell.address}  ${STATUS_TEXT[cell.status]}`;
  if (!check) return head;
  const figures = `väntat ${num(check.expected)}, faktiskt ${num(check.actual)}, differens ${num(check.difference)}`;
  return `${head}: ${figures}${check.message ? ` – ${check.message}` : ''}`;
}

function inTable(t: TableInfo, c: CheckedCell): boolean {
  return c.row >= t.r0 && c.row <= t.r1 && c.col >= t.c0 && c.col <= t.c1;
}

function sheetLines(sheet: SheetResult): string[] {
  const lines: string[] = [];
  const flagged = sheet.cells.filter((c) => c.status !== 'ok');
  const placed = new Set<CheckedCell>();
  for (const t of sheet.tables) {
    const cells = sheet.cells.filter((c) => inTable(t, c) && !placed.has(c));
    cells.forEach((c) => placed.add(c));
    const count = (s: Status) => cells.filter((c) => c.status === s).length;
    lines.push(`  ${sheet.name}: ${t.title || '(utan rubrik)'} (${t.range}) – ${countLine(count('ok'), count('warning'), count('error'))}`);
    for (const c of cells.filter((x) => x.status !== 'ok').sort((a, b) => RANK[b.status] - RANK[a.status] || a.row - b.row || a.col - b.col)) {
      lines.push(`      ${cellLine(c)}`);
    }
  }
  const loose = flagged.filter((c) => !placed.has(c));
  if (loose.length > 0) {
    lines.push(`  ${sheet.name}: celler utanför tabeller`);
    for (const c of loose) lines.push(`      ${cellLine(c)}`);
  }
  return lines;
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
