// Word table values (Office.js `table.values`, text per row and cell) as the
// engine's input: one sheet "Tabell N" per table. The engine reads Swedish number
// text itself, so values stay text. The paragraph just above a table, when it is the
// table's title, becomes the sheet's first row, by the same rule as readDocx
// (see ../docx/tableTitle.ts). Pure.
import type { SheetInput, WorkbookInput } from '../engine/types';
import { TABLE_SHEET_PREFIX, tableSheetName } from '../docx/docx';
import { titleOffset, titleRowText, withTitleRow } from '../docx/tableTitle';

/** Word puts cell and paragraph marks in values; a cell is one line of text here. */
function clean(text: unknown): string {
  return String(text ?? '')
    .replace(/[\r\n\u0007\u000b]+/g, ' ')
    .trim();
}

/** The title row's text for a table, or null: `before` is the paragraph above it (null when none). */
export function wordTableTitle(values: readonly (readonly unknown[])[], before: string | null | undefined): string | null {
  return titleRowText(before == null ? [] : [clean(before)], (values[0] ?? []).map(clean));
}

export interface WordWorkbook {
  workbook: WorkbookInput;
  /** Per table: how many rows the sheet has above Word's first row (result row − offset = Word row). */
  offsets: number[];
}

/** `before[i]` is the text of the paragraph just above table i (null or missing: none). */
export function tablesToWorkbook(tables: string[][][], before: readonly (string | null)[] = []): WordWorkbook {
  const titles = tables.map((values, i) => wordTableTitle(values, before[i]));
  return {
    workbook: {
      sheets: tables.map(
        (values, i): SheetInput =>
          withTitleRow(
            {
              name: tableSheetName(i),
              rows: values.map((row) =>
                row.map((v) => {
                  const text = clean(v);
                  return text === '' ? undefined : { value: text };
                }),
              ),
            },
            titles[i],
          ),
      ),
    },
    offsets: titles.map(titleOffset),
  };
}

/** The 0-based table index of a sheet name "Tabell N", or -1. */
export function tableIndex(sheet: string): number {
  if (!sheet.startsWith(TABLE_SHEET_PREFIX)) return -1;
  const n = Number(sheet.slice(TABLE_SHEET_PREFIX.length));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}
