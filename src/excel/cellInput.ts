// Turns what Range.load returned (values, formulas, numberFormat, valueTypes) into the
// engine's CellInput rows. Pure, so it is tested without Office.
import type { CellInput } from '../engine';

export interface LoadedBlock {
  /** 0-based position of the block's top-left cell on the sheet. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

export function toCellInput(value: unknown, formula: unknown, numFmt: unknown, valueType: unknown): CellInput | undefined {
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) {
    // A formula returning "" still counts as a formula cell (e.g. =IF(..;"";..)).
    if (typeof formula === 'string' && formula.startsWith('=')) return { value: null, formula };
    return undefined;
  }
  const cell: CellInput = {
    value: typeof value === 'number' || typeof value === 'boolean' ? value : String(value),
  };
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula;
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') cell.numFmt = numFmt;
  if (valueType === 'Error') cell.error = true;
  return cell;
}

/** Write a loaded block into `rows` at its absolute position. */
export function placeBlock(rows: (CellInput | undefined)[][], block: LoadedBlock): void {
  block.values.forEach((valueRow, i) => {
    const r = block.rowIndex + i;
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    valueRow.forEach((value, j) => {
      const cell = toCellInput(value, block.formulas[i]?.[j], block.numberFormat[i]?.[j], block.valueTypes[i]?.[j]);
      if (cell) row[block.columnIndex + j] = cell;
    });
  });
}
