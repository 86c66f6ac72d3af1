// Splitting big reads so no single request exceeds Excel on the web's 5 MB payload
// limit. A used range is cut into row chunks; chunks are packed into as few
// context.sync batches as the payload budget allows. For ordinary workbooks that is one
// batch however many rows a sheet has; only a workbook whose data alone exceeds the
// budget needs more batches (their number grows with the data volume, never per row).

/** Excel on the web rejects requests or responses above 5 MB; keep a margin. */
export const PAYLOAD_BUDGET_BYTES = 4.5 * 1024 * 1024;
/** Cautious JSON size of one cell's values + formulas + numberFormat + valueTypes, for the first batch. */
export const BYTES_PER_CELL = 40;
/** The estimate never drops below this, whatever a batch of empty cells measured. */
export const MIN_BYTES_PER_CELL = 12;

/** The JSON size of what a loaded range returned (what Excel on the web sent). */
export function responseBytes(range: { values: unknown; formulas: unknown; numberFormat: unknown; valueTypes: unknown }): number {
  return (
    JSON.stringify(range.values).length +
    JSON.stringify(range.formulas).length +
    JSON.stringify(range.numberFormat).length +
    JSON.stringify(range.valueTypes).length
  );
}
/** Cells per range request, so one huge range never becomes one huge response. */
export const CHUNK_CELLS = 25_000;

export interface RowChunk {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export function rowChunks(
  sheet: string,
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number,
  chunkCells = CHUNK_CELLS,
): RowChunk[] {
  if (rowCount <= 0 || columnCount <= 0) return [];
  const rowsPerChunk = Math.max(1, Math.floor(chunkCells / columnCount));
  const out: RowChunk[] = [];
  for (let r = 0; r < rowCount; r += rowsPerChunk) {
    out.push({ sheet, rowIndex: rowIndex + r, columnIndex, rowCount: Math.min(rowsPerChunk, rowCount - r), columnCount });
  }
  return out;
}

/** Group items into batches whose estimated payload stays under the budget. */
export function packBatches<T>(items: T[], bytesOf: (item: T) => number, budget = PAYLOAD_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length && size + b > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length) batches.push(current);
  return batches;
}
