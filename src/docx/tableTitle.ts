// A Word report usually puts a table's title in a paragraph just above the table
// ("Budgetväxlingar tom 31 augusti 2024"), not in the table. The engine recognises the
// region's templates from the title, so that paragraph becomes an extra first row of the
// table's sheet, and every result row is one lower than the Word row: `titleOffset`
// says by how much, for everything that maps results back to Word cells. Pure.
import type { CellInput, SheetInput } from '../engine';

/** Longer paragraphs are body text, not a title. */
export const MAX_TITLE_LENGTH = 200;

/**
 * The title row's text for a table, or null. `before` holds the texts of the paragraphs
 * just before the table (nearest last; only the last two count); `firstRow` the texts of
 * the table's first row. A table whose first row is a lone text already has its title.
 */
export function titleRowText(before: readonly string[], firstRow: readonly string[]): string | null {
  const filled = firstRow.map((t) => t.trim()).filter((t) => t !== '');
  if (filled.length === 1 && /\p{L}/u.test(filled[0])) return null;
  const near = before.slice(-2).map((t) => t.replace(/\s+/g, ' ').trim());
  const title = [...near].reverse().find((t) => t !== '');
  return title && title.length <= MAX_TITLE_LENGTH ? title : null;
}

/** Rows the title adds above the table: 1 with a title row, else 0. */
export function titleOffset(title: string | null): number {
  return title === null ? 0 : 1;
}

/** The sheet with the title as its first row (column A), rows and merges moved down. */
export function withTitleRow(sheet: SheetInput, title: string | null): SheetInput {
  if (title === null) return sheet;
  const titleRow: (CellInput | undefined)[] = [{ value: title }];
  return {
    ...sheet,
    rows: [titleRow, ...sheet.rows],
    merges: sheet.merges?.map((m) => ({ ...m, r0: m.r0 + 1, r1: m.r1 + 1 })),
  };
}
