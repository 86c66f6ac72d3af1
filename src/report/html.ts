// STUB (owned by the Word/report work): one self-contained HTML page for a check run.
import type { WorkbookInput, WorkbookResult } from '../engine/types';

export interface HtmlReportFile {
  file: string;
  error: string | null;
  workbook: WorkbookInput | null;
  result: WorkbookResult | null;
}

export function renderHtmlReport(files: HtmlReportFile[]): string {
  void files;
  throw new Error('renderHtmlReport is not written yet');
}
