// The task pane's list model. A check run becomes a PaneRun: the problems (red, then
// yellow; by sheet, table and position) with the numbers, units and basis of the check that
// decided each cell, the green cells only as a count per table, and each sheet's notes.
// Pure and free of the DOM, so it runs in the preview's Web Worker and in unit tests.
import { findingsOf, forEachStatus } from '../engine';
import type { Check, CheckedCell, SheetInput, SheetResult, Status, Summary, TableInfo, WorkbookInput, WorkbookResult } from '../engine';
import type { SkippedSheet } from '../host/hostAdapter';
import { unitIn } from '../ui/format';
import { T } from '../ui/texts';

/** `problems`: red and yellow findings with green counts; or one status only. */
export type StatusFilter = 'problems' | Status;

export interface Finding {
  /** `sheet!A1`, unique in a run. */
  id: string;
  sheet: string;
  sheetIndex: number;
  /** Index into the sheet's tables; -1 outside every table. */
  tableIndex: number;
  address: string;
  row: number;
  col: number;
  status: Status;
  message: string;
  basis?: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  rounding: boolean;
  /** The checked cell's number format and the table's unit, for showing the figures. */
  numFmt?: string;
  unit?: string;
  /** A1 ranges the check was computed from, sheet-qualified when on another sheet. */
  inputs: string[];
  /** Id of the finding this one is listed under: the entry of the cause that explains it (a
   *  följdfel), when the engine says so (SheetResult.causes). */
  explainedBy?: string;
  /** The cells of that cause (ids; two for a two-cell cause), for "Följdfel av D8 och D9". */
  causeOf?: string[];
  /** This cell is itself one of the cause's cells (the second of a pair), not a följdfel. */
  partOfCause?: boolean;
  /** The engine's advice when this finding is the entry of a cause: on the cause's own cell
   *  when it is red, else on the first red cell it explains. */
  advice?: string;
  /** The advice is the likeliest of several explanations (the engine is not certain). */
  adviceUncertain?: boolean;
  /** The cause's cells (ids) when this finding carries its advice, for "Gå till". */
  causeCells?: string[];
  /** 1 for a consequence listed under the finding that explains it. */
  depth?: 0 | 1;
  /** 1-based position among the problems (next/previous error order); unset for green cells. */
  n?: number;
}

export interface TableSummary {
  /** `sheetIndex:tableIndex`. */
  key: string;
  sheet: string;
  sheetIndex: number;
  tableIndex: number;
  title: string;
  table?: TableInfo;
  ok: number;
  warning: number;
  error: number;
}

export interface PaneRun {
  summary: Summary;
  sheets: { name: string; notes: string[] }[];
  tables: TableSummary[];
  /** Red then yellow findings, by sheet, table, row and column (consequences right after the
   *  finding that explains them): the list's order and next/previous error's order. */
  problems: Finding[];
  skipped: SkippedSheet[];
}

export const tableKey = (sheetIndex: number, tableIndex: number) => `${sheetIndex}:${tableIndex}`;
const RANK: Record<Status, number> = { error: 0, warning: 1, ok: 2 };

/** The check that gave the cell its status (the first one as bad as the cell). */
function decidingCheck(cell: CheckedCell): Check | undefined {
  return cell.checks.find((c) => c.status === cell.status) ?? cell.checks[0];
}

const inTable = (t: TableInfo, row: number, col: number) => row >= t.r0 && row <= t.r1 && col >= t.c0 && col <= t.c1;

function tableIndexOf(tables: TableInfo[], row: number, col: number): number {
  for (let i = 0; i < tables.length; i++) if (inTable(tables[i], row, col)) return i;
  return -1;
}

const textAt = (sheet: SheetInput | undefined, r: number, c: number): string | undefined => {
  const v = sheet?.rows[r]?.[c]?.value;
  return typeof v === 'string' ? v : undefined;
};

/** The unit of a column: its heading cells, else the table's title and the rows just above it. */
export function unitOf(sheet: SheetInput | undefined, table: TableInfo | undefined, col: number): string | undefined {
  if (!sheet || !table) return undefined;
  for (const r of table.headerRows) {
    const u = unitIn(textAt(sheet, r, col));
    if (u) return u;
  }
  const title = unitIn(table.title);
  if (title) return title;
  for (let r = table.r0 - 1; r >= Math.max(0, table.r0 - 2); r--) {
    for (let c = table.c0; c <= table.c1; c++) {
      const u = unitIn(textAt(sheet, r, c));
      if (u) return u;
    }
  }
  for (const r of table.headerRows) {
    for (let c = table.c0; c <= table.c1; c++) {
      const u = unitIn(textAt(sheet, r, c));
      if (u) return u;
    }
  }
  return undefined;
}

/** `A1`, `Blad!A1` or `'Blad 1'!A1` as a finding id (`sheet!A1`). */
export function idOf(ref: string, sheet: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  return m ? `${(m[1] ?? m[2]).replace(/''/g, "'")}!${m[3].replace(/\$/g, '')}` : `${sheet}!${ref.replace(/\$/g, '')}`;
}

export function toFinding(sheetInput: SheetInput | undefined, sheet: SheetResult, sheetIndex: number, cell: CheckedCell): Finding {
  const check = decidingCheck(cell);
  const tableIndex = tableIndexOf(sheet.tables, cell.row, cell.col);
  const table = tableIndex >= 0 ? sheet.tables[tableIndex] : undefined;
  const numFmt = sheetInput?.rows[cell.row]?.[cell.col]?.numFmt;
  return {
    id: `${sheet.name}!${cell.address}`,
    sheet: sheet.name,
    sheetIndex,
    tableIndex,
    address: cell.address,
    row: cell.row,
    col: cell.col,
    status: cell.status,
    message: check?.message ?? '',
    basis: check?.basis || undefined,
    expected: check?.expected ?? null,
    actual: check?.actual ?? null,
    difference: check?.difference ?? null,
    rounding: check?.detail === 'rounding',
    numFmt: numFmt && numFmt !== 'General' ? numFmt : undefined,
    unit: formatIsPercent(numFmt) ? undefined : unitOf(sheetInput, table, cell.col),
    inputs: check?.inputs ?? [],
  };
}

const formatIsPercent = (numFmt: string | undefined) => !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''));

export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.status] - RANK[b.status] ||
    a.sheetIndex - b.sheetIndex ||
    (a.tableIndex < 0 ? 1e9 : a.tableIndex) - (b.tableIndex < 0 ? 1e9 : b.tableIndex) ||
    a.row - b.row ||
    a.col - b.col
  );
}

/** The run as the task pane shows it. Builds objects for the problems only. */
export function buildPaneRun(workbook: WorkbookInput, result: WorkbookResult, skipped: SkippedSheet[] = []): PaneRun {
  const tables: TableSummary[] = [];
  const problems: Finding[] = [];
  result.sheets.forEach((sheet, sheetIndex) => {
    const input = workbook.sheets.find((s) => s.name === sheet.name);
    const perTable: TableSummary[] = sheet.tables.map((table, i) => ({
      key: tableKey(sheetIndex, i),
      sheet: sheet.name,
      sheetIndex,
      tableIndex: i,
      title: table.title || table.range,
      table,
      ok: 0,
      warning: 0,
      error: 0,
    }));
    const loose: TableSummary = { key: tableKey(sheetIndex, -1), sheet: sheet.name, sheetIndex, tableIndex: -1, title: T.outsideTables, ok: 0, warning: 0, error: 0 };
    let last = -1;
    forEachStatus(sheet, (row, col, status) => {
      // Cells come in order: the table of the previous cell is the first guess.
      const t = last >= 0 && inTable(sheet.tables[last], row, col) ? last : tableIndexOf(sheet.tables, row, col);
      last = t;
      (t >= 0 ? perTable[t] : loose)[status]++;
    });
    for (const s of [...perTable, loose]) if (s.ok + s.warning + s.error > 0) tables.push(s);
    for (const cell of findingsOf(sheet)) problems.push(toFinding(input, sheet, sheetIndex, cell));
  });
  problems.sort(compareFindings);
  attachCauses(result, problems);
  const ordered = [...withConsequences(problems.filter((f) => f.status === 'error')), ...withConsequences(problems.filter((f) => f.status === 'warning'))];
  ordered.forEach((x, i) => {
    x.finding.depth = x.depth;
    x.finding.n = i + 1;
  });
  return {
    summary: result.summary,
    sheets: result.sheets.map((s) => ({ name: s.name, notes: s.notes ?? [] })),
    tables,
    problems: ordered.map((x) => x.finding),
    skipped,
  };
}

/**
 * The engine's causes on the findings: one entry per cause — the cause's own cell when it is
 * red, else (a part that no check colours, a växling in the wrong column) the first red cell
 * it explains — with its advice, and the other red cells it explains (and the other cell of a
 * pair) listed under it. `problems` come sorted.
 */
function attachCauses(result: WorkbookResult, problems: Finding[]): void {
  let byId: Map<string, Finding> | undefined;
  for (const sheet of result.sheets) {
    for (const c of sheet.causes ?? []) {
      byId ??= new Map(problems.map((f) => [f.id, f]));
      const own = [idOf(c.cell, c.sheet), ...(c.also ? [idOf(c.also.cell, c.also.sheet)] : [])];
      const follows = c.explains.map((e) => idOf(e, c.sheet));
      const anchor =
        own.map((id) => byId!.get(id)).find((f) => f) ??
        follows
          .map((id) => byId!.get(id))
          .filter((f): f is Finding => !!f)
          .sort(compareFindings)[0];
      if (!anchor || anchor.advice !== undefined) continue;
      anchor.advice = c.message;
      anchor.adviceUncertain = !c.certain && c.kind !== 'several';
      anchor.causeCells = own;
      for (const id of [...own, ...follows]) {
        const f = byId.get(id);
        if (!f || f === anchor || f.explainedBy) continue;
        f.explainedBy = anchor.id;
        f.causeOf = own;
        f.partOfCause = own.includes(id);
      }
    }
  }
}

/** The green findings of one table (loaded when the user opens its count). */
export function okFindings(workbook: WorkbookInput, result: WorkbookResult, key: string): Finding[] {
  const [si, ti] = key.split(':').map(Number);
  const sheet = result.sheets[si];
  if (!sheet) return [];
  const input = workbook.sheets.find((s) => s.name === sheet.name);
  const table = ti >= 0 ? sheet.tables[ti] : undefined;
  const out: Finding[] = [];
  for (const cell of sheet.cells) {
    if (cell.status !== 'ok') continue;
    const inside = table ? inTable(table, cell.row, cell.col) : tableIndexOf(sheet.tables, cell.row, cell.col) < 0;
    if (inside) out.push(toFinding(input, sheet, si, cell));
  }
  return out.sort(compareFindings);
}

// ---- Rows of the virtualised list ----

export type Row =
  | { kind: 'section'; key: string; status: Status; count: number }
  | { kind: 'table'; key: string; table: TableSummary; actions: boolean }
  | { kind: 'finding'; key: string; finding: Finding; depth: 0 | 1 }
  | { kind: 'okTable'; key: string; table: TableSummary; expanded: boolean; actions: boolean }
  | { kind: 'loading'; key: string };

/** Green findings per table key, or 'loading' while they are fetched. */
export type Expanded = Map<string, Finding[] | 'loading'>;

/** Problems with each consequence moved right after the finding that explains it. */
function withConsequences(findings: Finding[]): { finding: Finding; depth: 0 | 1 }[] {
  const ids = new Set(findings.map((f) => f.id));
  const children = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.explainedBy && f.explainedBy !== f.id && ids.has(f.explainedBy)) {
      const list = children.get(f.explainedBy) ?? [];
      list.push(f);
      children.set(f.explainedBy, list);
    }
  }
  const out: { finding: Finding; depth: 0 | 1 }[] = [];
  for (const f of findings) {
    if (f.explainedBy && f.explainedBy !== f.id && ids.has(f.explainedBy)) continue;
    out.push({ finding: f, depth: 0 });
    for (const c of children.get(f.id) ?? []) out.push({ finding: c, depth: 1 });
  }
  return out;
}

const TABLE_INDEX = new WeakMap<PaneRun, TableSummary[][]>();

/** The run's tables by [sheetIndex][tableIndex + 1] (no string keys to hash), built once. */
function tablesByIndex(run: PaneRun): TableSummary[][] {
  let at = TABLE_INDEX.get(run);
  if (!at) {
    at = [];
    for (const t of run.tables) (at[t.sheetIndex] ??= [])[t.tableIndex + 1] = t;
    TABLE_INDEX.set(run, at);
  }
  return at;
}

/** The list's rows at once. */
export function listRows(run: PaneRun, filter: StatusFilter, expanded: Expanded): Row[] {
  const steps = listRowsInSteps(run, filter, expanded, Infinity);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * The list's rows, pausing (yield) after every `step` findings or tables, so that a page can
 * build the rows of a very large run in short tasks.
 */
export function* listRowsInSteps(run: PaneRun, filter: StatusFilter, expanded: Expanded, step = 1000): Generator<void, Row[], void> {
  let done = 0;
  const rows: Row[] = [];
  const withActions = new Set<TableSummary>();
  const firstAppearance = (t: TableSummary) => {
    if (withActions.has(t)) return false;
    withActions.add(t);
    return true;
  };
  const tableAt = tablesByIndex(run);
  const counts = { error: 0, warning: 0, ok: 0 };
  for (const f of run.problems) counts[f.status]++;
  let section: Status | undefined;
  let currentSheet = -2;
  let currentTable = -2;
  // The problems come sorted (red, then yellow) with consequences after their cause: one pass.
  for (const finding of run.problems) {
    if (++done % step === 0) yield;
    if (filter !== 'problems' && filter !== finding.status) continue;
    if (finding.status !== section) {
      section = finding.status;
      currentSheet = currentTable = -2;
      rows.push({ kind: 'section', key: `s-${section}`, status: section, count: counts[section] });
    }
    if ((finding.sheetIndex !== currentSheet || finding.tableIndex !== currentTable) && finding.depth !== 1) {
      currentSheet = finding.sheetIndex;
      currentTable = finding.tableIndex;
      const table = tableAt[currentSheet]?.[currentTable + 1];
      if (table) rows.push({ kind: 'table', key: `t-${section}-${table.key}`, table, actions: firstAppearance(table) });
    }
    rows.push({ kind: 'finding', key: finding.id, finding, depth: finding.depth ?? 0 });
  }
  if (filter === 'problems' || filter === 'ok') {
    let any = false;
    for (const t of run.tables) {
      if (++done % step === 0) yield;
      if (t.ok === 0) continue;
      if (!any) rows.push({ kind: 'section', key: 's-ok', status: 'ok', count: run.summary.ok });
      any = true;
      const open = expanded.size ? expanded.get(t.key) : undefined;
      rows.push({ kind: 'okTable', key: `o-${t.key}`, table: t, expanded: !!open, actions: firstAppearance(t) });
      if (open === 'loading') rows.push({ kind: 'loading', key: `l-${t.key}` });
      else if (open) for (const f of open) rows.push({ kind: 'finding', key: f.id, finding: f, depth: 0 });
    }
  }
  return rows;
}

/** The findings next/previous error walks through, in the order the list shows them. */
export function navigationOrder(run: PaneRun): Finding[] {
  return run.problems;
}
