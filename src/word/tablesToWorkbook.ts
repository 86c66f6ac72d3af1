// Word table values (Office.js `table.values`, text per row and cell) as the
// engine's input: one sheet "Tabell N" per table. The engine reads Swedish number
// text itself, so values stay text. Pure.
import type { SheetInput, WorkbookInput } from '../engine/types';
import { TABLE_SHEET_PREFIX, tableSheetName } from '../docx/docx';

/** Word puts cell and paragraph marks in values; a cell is one line of text here. */
function clean(text: unknown): string {
  return String(text ?? '')
    .replace(/[\r\n\u0007\u000b]+/g, ' ')
    .trim();
}

export function tablesToWorkbook(tables: string[][][]): WorkbookInput {
  return {
    sheets: tables.map(
      (values, i): SheetInput => ({
        name: tableSheetName(i),
        rows: values.map((row) => row.map((v) => {
          const text = clean(v);
          return text === '' ? undefined : { value: text };
        })),
      }),
    ),
  };
}

/** The 0-based table index of a sheet name "Tabell N", or -1. */
export function tableIndex(sheet: string): number {
  if (!sheet.startsWith(TABLE_SHEET_PREFIX)) return -1;
  const n = Number(sheet.slice(TABLE_SHEET_PREFIX.length));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}
