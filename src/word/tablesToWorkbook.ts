// Word table values (Office.js `table.values`, text per row and cell) as the
// engine's input: one sheet "Tabell N" per table. The engine reads Swedish number
// text itself, so values stay text. When the table's grid layout is known (see
// tableLayout.ts), every cell's text is put at its first grid column and spans and
// vertical merges become merged areas, as readDocx does (../docx/docx.ts); without
// it the values are taken as they are. The paragraph just above a table, when it is
// the table's title, becomes the sheet's first row, by the same rule as readDocx
// (see ../docx/tableTitle.ts). Pure.
import type { CellInput, MergedArea, SheetInput, WorkbookInput } from '../engine';
import { placeOnGrid } from '../docx/gridPlacement';
import { TABLE_SHEET_PREFIX, tableSheetName } from '../docx/docx';
import { titleOffset, titleRowText, withTitleRow } from '../docx/tableTitle';
import type { TableLayout } from './tableLayout';

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

/** A Word cell: row of the table and index of the cell in that row (as getCell takes them). */
export interface WordCell {
  row: number;
  cell: number;
}

/** Grid position (row of the table, without a title row; grid column) → the Word cell shown there. */
export class WordTableGrid {
  constructor(private readonly at: readonly (readonly (WordCell | undefined)[])[]) {}

  /** The Word cell at a grid position (every column a span covers gives the spanning cell), or null. */
  wordCell(row: number, col: number): WordCell | null {
    return this.at[row]?.[col] ?? null;
  }
}

interface PlacedTable {
  rows: (CellInput | undefined)[][];
  merges: MergedArea[];
  grid: WordTableGrid;
}

const input = (text: string): CellInput | undefined => (text === '' ? undefined : { value: text });

/** Values as they are: cell index = grid column. */
function asValues(values: readonly (readonly unknown[])[]): PlacedTable {
  return {
    rows: values.map((row) => row.map((v) => input(clean(v)))),
    merges: [],
    grid: new WordTableGrid(values.map((row, r) => row.map((_, cell) => ({ row: r, cell })))),
  };
}

/** Cells at their grid columns, placed as readDocx places scanned cells (placeOnGrid). */
function onGrid(values: readonly (readonly unknown[])[], layout: TableLayout): PlacedTable {
  const at: (WordCell | undefined)[][] = values.map(() => []);
  const cells = layout.map((row, r) => row.map((c) => ({ ...c, text: c.cell >= 0 ? clean(values[r][c.cell]) : '' })));
  const { rows, merges } = placeOnGrid(cells, (r, col, owner, ownerRow) => {
    at[r][col] = owner.cell >= 0 ? { row: ownerRow, cell: owner.cell } : undefined;
  });
  return { rows, merges, grid: new WordTableGrid(at) };
}

export interface WordWorkbook {
  workbook: WorkbookInput;
  /** Per table: how many rows the sheet has above Word's first row (result row − offset = Word row). */
  offsets: number[];
  /** Per table: the Word cell at each grid position (rows as Word's, without the title row). */
  grids: WordTableGrid[];
}

/**
 * `before[i]` is the text of the paragraph just above table i (null or missing: none);
 * `layouts[i]` its grid layout (null or missing: the values are taken as they are).
 */
export function tablesToWorkbook(
  tables: string[][][],
  before: readonly (string | null)[] = [],
  layouts: readonly (TableLayout | null)[] = [],
): WordWorkbook {
  const titles = tables.map((values, i) => wordTableTitle(values, before[i]));
  const placed = tables.map((values, i) => {
    const layout = layouts[i];
    return layout ? onGrid(values, layout) : asValues(values);
  });
  return {
    workbook: {
      sheets: placed.map((p, i): SheetInput => withTitleRow({ name: tableSheetName(i), rows: p.rows, merges: p.merges }, titles[i])),
    },
    offsets: titles.map(titleOffset),
    grids: placed.map((p) => p.grid),
  };
}

/** The 0-based table index of a sheet name "Tabell N", or -1. */
export function tableIndex(sheet: string): number {
  if (!sheet.startsWith(TABLE_SHEET_PREFIX)) return -1;
  const n = Number(sheet.slice(TABLE_SHEET_PREFIX.length));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}
