// A sheet prepared for checking: every cell read once as a figure (or text),
// and merged header texts spread over the columns they cover.
import { readCell, typedDecimals, type NumberReading } from './numbers';
import { formatInfo, FormatMemo } from './numberFormat';
import type { CellInput, SheetInput } from '../types';

export interface Grid {
  name: string;
  nRows: number;
  nCols: number;
  /** reading(r, c): the cell as a figure, dash, text, error or empty (allocates; not for hot loops). */
  at(r: number, c: number): NumberReading;
  cell(r: number, c: number): CellInput | undefined;
  /** The text of a text cell as at() gives it (untrimmed); '' for any other cell. No reading object. */
  text(r: number, c: number): string;
  /** Text of a cell, or of the merged area's top-left cell when the cell lies inside one. */
  textAt(r: number, c: number): string;
  /** Fast accessors for hot loops: kind (K_*), figure in display terms (0 unless a number), display unit. */
  kind(r: number, c: number): number;
  num(r: number, c: number): number;
  unit(r: number, c: number): number;
  /** True when the cell holds a value that counts as an input (a number or a dash). */
  has(r: number, c: number): boolean;
  /** A percentage (display = value · 100). */
  pct(r: number, c: number): boolean;
  /** A number typed as text. */
  fromText(r: number, c: number): boolean;
  /** How many cells are percentages: with none, no row or column can be one of shares. */
  readonly percentCells: number;
  /** How many cells are numbers typed as text or error values: with none, no input finding. */
  readonly flaggedInputs: number;
  /** The cell has a formula (its text is in cell(r, c).formula). */
  hasFormula(r: number, c: number): boolean;
  /** Stored cells: ids run from 0 to cellCount − 1 in row-major order. */
  readonly cellCount: number;
  /**
   * The id of cell (r, c), ordered by row then column; −1 for a cell the sheet does not store.
   * A row's cells have consecutive ids: cellId(r, c) = cellId(r, 0) + c for c < rowLength(r).
   */
  cellId(r: number, c: number): number;
  /** kind, num and unit by cell id (a valid id ≥ 0): one lookup for the three in hot loops. */
  kindById(id: number): number;
  numById(id: number): number;
  unitById(id: number): number;
  /** A percentage, by cell id. */
  pctById(id: number): boolean;
  /** Columns stored in row r (cells beyond are empty): loops over a row stop here, so a
   *  sheet with one cell far out (XFD1048576) costs its cells, not rows × columns. */
  rowLength(r: number): number;
}

export const K_EMPTY = 0;
export const K_NUMBER = 1;
export const K_DASH = 2;
export const K_TEXT = 3;
export const K_ERROR = 4;

const EMPTY: Readonly<NumberReading> = { kind: 'empty' };
const DASH: Readonly<NumberReading> = { kind: 'dash' };
const F_PCT = 1;
const F_TEXT = 2;
const F_FORMULA = 4;

export function buildGrid(sheet: SheetInput, formats: FormatMemo = new FormatMemo()): Grid {
  const rows = sheet.rows ?? [];
  const nRows = rows.length;
  // One flat store for the whole sheet: a reading object per cell would be garbage.
  const start = new Int32Array(nRows + 1);
  let total = 0;
  let nCols = 0;
  for (let r = 0; r < nRows; r++) {
    start[r] = total;
    const len = rows[r]?.length ?? 0;
    total += len;
    if (len > nCols) nCols = len;
  }
  start[nRows] = total;
  const kinds = new Uint8Array(total);
  const nums = new Float64Array(total);
  const units = new Float64Array(total);
  const flags = new Uint8Array(total);
  // Counted while reading: with none, whole scans for shares and input findings are skipped.
  let percentCells = 0;
  let flaggedInputs = 0;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r];
    if (!row) continue;
    const base = start[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const i = base + c;
      if (!cell) continue;
      // Each property read once: cells from different adapters come in many shapes.
      const v = cell.value;
      if (cell.formula) flags[i] = F_FORMULA;
      if (v === null || v === undefined) continue;
      const plain = !cell.error;
      // Fast path for the common case, a stored number: no reading object.
      if (typeof v === 'number' && plain && Number.isFinite(v)) {
        const fmt = formatInfo(cell.numFmt, formats);
        if (!fmt.date) {
          const display = fmt.percent ? v * 100 : v;
          kinds[i] = K_NUMBER;
          nums[i] = display;
          units[i] = (fmt.general ? Math.pow(10, -typedDecimals(display)) : fmt.unit) * fmt.divisor;
          if (fmt.percent) {
            flags[i] |= F_PCT;
            percentCells++;
          }
          continue;
        }
      }
      // Labels: a text starting with a letter is no number, dash or error value (see readCell).
      if (typeof v === 'string' && plain && startsWithLetter(v)) {
        kinds[i] = K_TEXT;
        continue;
      }
      const x = readCell(cell, formats);
      switch (x.kind) {
        case 'number':
          kinds[i] = K_NUMBER;
          nums[i] = x.display;
          units[i] = x.unit;
          flags[i] |= (x.scale === 100 ? F_PCT : 0) | (x.fromText ? F_TEXT : 0);
          if (x.scale === 100) percentCells++;
          if (x.fromText) flaggedInputs++;
          break;
        case 'dash':
          kinds[i] = K_DASH;
          break;
        case 'text':
          kinds[i] = K_TEXT;
          break;
        case 'error':
          kinds[i] = K_ERROR;
          flaggedInputs++;
          break;
        default:
          break;
      }
    }
  }
  // Merged areas: remember the anchor of every covered cell (headers only need text).
  const anchor = new Map<number, number>();
  for (const m of sheet.merges ?? []) {
    const cells = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
    if (cells > 5000 || m.r0 < 0 || m.c0 < 0) continue;
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) anchor.set(mergeKey(r, c), mergeKey(m.r0, m.c0));
  }
  return new SheetGrid(sheet.name, rows, nCols, start, kinds, nums, units, flags, anchor, percentCells, flaggedInputs);
}

/** A-Z, a-z, or a Latin letter such as å, ä, ö, é (U+00C0–U+024F). */
function startsWithLetter(s: string): boolean {
  const ch = s.charCodeAt(0);
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 0xc0 && ch <= 0x24f);
}

const mergeKey = (r: number, c: number): number => r * 20000 + c;

/**
 * The grid as one class over flat typed arrays: the accessors are methods on one
 * prototype, so the hot loops of every sheet call the same functions.
 */
class SheetGrid implements Grid {
  readonly nRows: number;

  constructor(
    readonly name: string,
    private readonly rows: (CellInput | undefined)[][],
    readonly nCols: number,
    private readonly start: Int32Array,
    private readonly kinds: Uint8Array,
    private readonly nums: Float64Array,
    private readonly units: Float64Array,
    private readonly flags: Uint8Array,
    private readonly anchor: Map<number, number>,
    readonly percentCells: number,
    readonly flaggedInputs: number,
  ) {
    this.nRows = rows.length;
  }

  get cellCount(): number {
    return this.kinds.length;
  }

  cellId(r: number, c: number): number {
    return this.idx(r, c);
  }

  kindById(id: number): number {
    return this.kinds[id];
  }

  numById(id: number): number {
    return this.nums[id];
  }

  unitById(id: number): number {
    return this.units[id];
  }

  pctById(id: number): boolean {
    return (this.flags[id] & F_PCT) !== 0;
  }

  rowLength(r: number): number {
    return r < 0 || r >= this.nRows ? 0 : this.start[r + 1] - this.start[r];
  }

  /** Index of (r, c) in the flat arrays; -1 outside the sheet's stored cells. */
  private idx(r: number, c: number): number {
    if (r < 0 || r >= this.nRows || c < 0) return -1;
    const i = this.start[r] + c;
    return i < this.start[r + 1] ? i : -1;
  }

  at(r: number, c: number): NumberReading {
    const i = this.idx(r, c);
    if (i < 0) return EMPTY;
    switch (this.kinds[i]) {
      case K_NUMBER:
        return { kind: 'number', display: this.nums[i], unit: this.units[i], scale: this.flags[i] & F_PCT ? 100 : 1, fromText: (this.flags[i] & F_TEXT) !== 0 };
      case K_DASH:
        return DASH;
      // Texts are read again from the input (as readCell gives them) rather than kept twice.
      case K_TEXT:
        return { kind: 'text', text: this.text(r, c) };
      case K_ERROR: {
        const cell = this.rows[r][c]!;
        return { kind: 'error', text: cell.error ? String(cell.value) : String(cell.value).trim() };
      }
      default:
        return EMPTY;
    }
  }

  text(r: number, c: number): string {
    const i = this.idx(r, c);
    if (i < 0 || this.kinds[i] !== K_TEXT) return '';
    const v = this.rows[r][c]!.value;
    return typeof v === 'string' ? v : String(v);
  }

  cell(r: number, c: number): CellInput | undefined {
    return this.rows[r]?.[c];
  }

  private textOf(r: number, c: number): string {
    const v = this.rows[r]?.[c]?.value;
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.trim() : String(v);
  }

  textAt(r: number, c: number): string {
    const own = this.textOf(r, c);
    if (own) return own;
    const a = this.anchor.get(mergeKey(r, c));
    return a === undefined ? '' : this.textOf(Math.floor(a / 20000), a % 20000);
  }

  kind(r: number, c: number): number {
    const i = this.idx(r, c);
    return i < 0 ? K_EMPTY : this.kinds[i];
  }

  num(r: number, c: number): number {
    const i = this.idx(r, c);
    return i < 0 ? 0 : this.nums[i];
  }

  unit(r: number, c: number): number {
    const i = this.idx(r, c);
    return i < 0 ? 0 : this.units[i];
  }

  has(r: number, c: number): boolean {
    const i = this.idx(r, c);
    return i >= 0 && (this.kinds[i] === K_NUMBER || this.kinds[i] === K_DASH);
  }

  pct(r: number, c: number): boolean {
    const i = this.idx(r, c);
    return i >= 0 && (this.flags[i] & F_PCT) !== 0;
  }

  fromText(r: number, c: number): boolean {
    const i = this.idx(r, c);
    return i >= 0 && (this.flags[i] & F_TEXT) !== 0;
  }

  hasFormula(r: number, c: number): boolean {
    const i = this.idx(r, c);
    return i >= 0 && (this.flags[i] & F_FORMULA) !== 0;
  }
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
