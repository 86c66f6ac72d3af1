// A sheet prepared for checking: every cell read once as a figure (or text),
// and merged header texts spread over the columns they cover.
import { readCell, type NumberReading } from './numbers';
import type { CellInput, SheetInput } from './types';

export interface Grid {
  name: string;
  nRows: number;
  nCols: number;
  /** reading(r, c): the cell as a figure, dash, text, error or empty. */
  at(r: number, c: number): NumberReading;
  cell(r: number, c: number): CellInput | undefined;
  /** Text of a cell, or of the merged area's top-left cell when the cell lies inside one. */
  textAt(r: number, c: number): string;
  /** Number of non-empty cells in row r. */
  rowLength(r: number): number;
}

const EMPTY: NumberReading = { kind: 'empty' };

export function buildGrid(sheet: SheetInput): Grid {
  const rows = sheet.rows ?? [];
  const readings: NumberReading[][] = new Array(rows.length);
  let nCols = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      readings[r] = [];
      continue;
    }
    const out: NumberReading[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) out[c] = readCell(row[c]);
    readings[r] = out;
    if (row.length > nCols) nCols = row.length;
  }
  // Merged areas: remember the anchor of every covered cell (headers only need text).
  const anchor = new Map<number, number>();
  const key = (r: number, c: number) => r * 20000 + c;
  for (const m of sheet.merges ?? []) {
    const cells = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
    if (cells > 5000 || m.r0 < 0 || m.c0 < 0) continue;
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) anchor.set(key(r, c), key(m.r0, m.c0));
  }
  const textOf = (r: number, c: number): string => {
    const v = rows[r]?.[c]?.value;
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.trim() : String(v);
  };
  return {
    name: sheet.name,
    nRows: rows.length,
    nCols,
    at: (r, c) => readings[r]?.[c] ?? EMPTY,
    cell: (r, c) => rows[r]?.[c],
    textAt(r, c) {
      const own = textOf(r, c);
      if (own) return own;
      const a = anchor.get(key(r, c));
      return a === undefined ? '' : textOf(Math.floor(a / 20000), a % 20000);
    },
    rowLength(r) {
      const row = readings[r];
      if (!row) return 0;
      let n = 0;
      for (let c = 0; c < row.length; c++) if (row[c].kind !== 'empty') n++;
      return n;
    },
  };
}

/** True when a reading holds a value that counts as an input (a number or a dash). */
export function hasValue(x: NumberReading): boolean {
  return x.kind === 'number' || x.kind === 'dash';
}

/** The figure in display terms; dash and empty count as 0. */
export function displayOf(x: NumberReading): number {
  return x.kind === 'number' ? x.display : 0;
}

/** Display unit of a figure; 0 for anything without one. */
export function unitOf(x: NumberReading): number {
  return x.kind === 'number' ? x.unit : 0;
}
