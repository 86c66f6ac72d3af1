// Cells of a Word table placed on the table's grid, as both the .docx reader and the Word
// add-in read them: a cell's text at its first grid column, a cell spanning columns or
// rows (w:gridSpan, w:vMerge) as a merged area, the cells a vertical merge continues
// into left empty. Pure.
import type { CellInput, MergedArea } from '../engine';

/** One <w:tc> of a row: its first grid column, the columns it spans, its vertical merge, its text. */
export interface GridCell {
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  text: string;
}

export interface PlacedCells {
  rows: (CellInput | undefined)[][];
  merges: MergedArea[];
}

/**
 * Place rows[r] (cells in order) on the grid. `covers(r, col, owner, ownerRow)` is told, for
 * every grid position a cell covers, which cell shows there: the cell itself, or the cell
 * that started the vertical merge it continues (in row ownerRow).
 */
export function placeOnGrid<C extends GridCell>(rows: readonly (readonly C[])[], covers?: (r: number, col: number, owner: C, ownerRow: number) => void): PlacedCells {
  const out: (CellInput | undefined)[][] = rows.map(() => []);
  const merges: MergedArea[] = [];
  /** Grid column → the vertical merge growing there, and the cell that started it. */
  const growing = new Map<number, { area: MergedArea; owner: C }>();
  rows.forEach((row, r) => {
    for (const cell of row) {
      const grown = cell.vMerge === 'continue' ? growing.get(cell.col) : undefined;
      if (grown) {
        grown.area.r1 = r;
        if (covers) for (let col = cell.col; col < cell.col + cell.span; col++) covers(r, col, grown.owner, grown.area.r0);
        continue;
      }
      if (cell.text !== '') out[r][cell.col] = { value: cell.text };
      const area = { r0: r, c0: cell.col, r1: r, c1: cell.col + cell.span - 1 };
      if (cell.span > 1) merges.push(area);
      for (let col = cell.col; col < cell.col + cell.span; col++) {
        growing.delete(col);
        covers?.(r, col, cell, r);
      }
      if (cell.vMerge === 'restart') {
        if (cell.span === 1) merges.push(area);
        growing.set(cell.col, { area, owner: cell });
      }
    }
  });
  return { rows: out, merges: merges.filter((m) => m.r1 > m.r0 || m.c1 > m.c0) };
}
