// STUB (owned by the Word/report work): the findings, one per row, for Excel.
import type { Report } from '../engine/report';

export function renderCsv(report: Report): string {
  void report;
  throw new Error('renderCsv is not written yet');
}
