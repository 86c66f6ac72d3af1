// Address lists for Worksheet.getRanges: cells of one colour merged into vertical runs
// (D4:D9) and split into strings below Excel's address length limit, so a sheet is
// coloured with a handful of calls instead of one per cell.
import { columnName } from '../engine';

/** Excel rejects longer address strings; stay well below its 8 192-character limit. */
export const MAX_ADDRESS_CHARS = 2000;

export interface CellRef {
  row: number;
  col: number;
}

/** Merge cells into column runs: same column, consecutive rows. Order: column, row. */
export function verticalRuns(cells: CellRef[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i];
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1].col === start.col && sorted[i + 1].row <= end.row + 1) {
      i++;
      end = sorted[i];
    }
    const col = columnName(start.col);
    out.push(end.row === start.row ? `${col}${start.row + 1}` : `${col}${start.row + 1}:${col}${end.row + 1}`);
    i++;
  }
  return out;
}

/** Join addresses with commas into strings no longer than `limit` characters. */
export function joinAddresses(addresses: string[], limit = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > limit) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

export function addressBatches(cells: CellRef[], limit = MAX_ADDRESS_CHARS): string[] {
  return joinAddresses(verticalRuns(cells), limit);
}
