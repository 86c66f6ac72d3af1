// The JSON report of checks.md section 6, built from engine results.
import type { Cause, Check, Status, TableKind, WorkbookResult } from '../types';

export interface ReportCell {
  address: string;
  status: Status;
  checks: Check[];
}
export interface ReportTable {
  range: string;
  kind: TableKind;
  title: string;
}
export interface ReportSheet {
  name: string;
  tables: ReportTable[];
  cells: ReportCell[];
  /** What the engine saw but could not judge, and hard-coded totals (checks.md 4.9, 4.8). */
  notes: string[];
  /** The figures that most likely explain the red cells, with their följdfel. */
  causes: Cause[];
}
export interface ReportFile {
  file: string;
  error: string | null;
  sheets: ReportSheet[];
}
export interface Report {
  version: 1;
  files: ReportFile[];
  summary: { files: number; tables: number; cells: number; ok: number; warning: number; error: number };
}

export interface FileOutcome {
  file: string;
  /** Swedish message when the file could not be read; then result is null. */
  error: string | null;
  result: WorkbookResult | null;
}

export function reportFile(outcome: FileOutcome): ReportFile {
  return {
    file: outcome.file,
    error: outcome.error,
    sheets: (outcome.result?.sheets ?? []).map((s) => ({
      name: s.name,
      tables: s.tables.map((t) => ({ range: t.range, kind: t.kind, title: t.title })),
      cells: s.cells.map((c) => ({ address: c.address, status: c.status, checks: c.checks })),
      notes: s.notes,
      causes: s.causes ?? [],
    })),
  };
}

export function buildReport(outcomes: FileOutcome[]): Report {
  const summary = { files: outcomes.length, tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  for (const o of outcomes) {
    if (!o.result) continue;
    summary.tables += o.result.summary.tables;
    summary.cells += o.result.summary.cells;
    summary.ok += o.result.summary.ok;
    summary.warning += o.result.summary.warning;
    summary.error += o.result.summary.error;
  }
  return { version: 1, files: outcomes.map(reportFile), summary };
}
