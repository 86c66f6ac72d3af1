// Finding tables in a sheet (checks.md 4.1): blocks of rows with a header, a label
// column and numeric columns. Tables end at blank rows or at a new header; a header
// repeated inside a table does not end it; text-only rows inside are skipped.
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_ERROR, K_NUMBER, K_TEXT } from '../read/grid';
import { isTotalLabel, type LabelMemo } from './labels';

export interface Table {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  title: string;
  /** Rows above the body holding header texts (title, headers, units). */
  headerRows: number[];
  /** Rows with figures, in order (text-only and repeated header rows left out). */
  bodyRows: number[];
  /** Text-only rows inside the body (section titles, comments): they bound plain readings. */
  textRows: number[];
  labelCol: number;
  /** Columns holding figures, in order. */
  numCols: number[];
  /** Header text per column (all header rows joined). */
  header: Map<number, string>;
}

const ROW_EMPTY = 0;
const ROW_TEXT = 1;
const ROW_FIGURES = 2;

/** Columns a..b of the sheet: tables side by side are found in bands of their own. */
interface Band {
  a: number;
  b: number;
}

/** The last column of band that row r holds (exclusive). */
function bandEnd(g: Grid, r: number, band: Band): number {
  return Math.min(band.b + 1, g.rowLength(r));
}

/** What each row of a band holds, in flat arrays (one object per row would be garbage). */
class RowInfo {
  readonly kind: Uint8Array;
  readonly texts: Int32Array;
  readonly yearsOnly: Uint8Array;

  /** With `used`, also marks there every column of the band that holds a value in some row. */
  constructor(g: Grid, band: Band, used?: Uint8Array) {
    this.kind = new Uint8Array(g.nRows);
    this.texts = new Int32Array(g.nRows);
    this.yearsOnly = new Uint8Array(g.nRows);
    for (let r = 0; r < g.nRows; r++) this.read(g, r, band, used);
  }

  private read(g: Grid, r: number, band: Band, used: Uint8Array | undefined): void {
    let texts = 0;
    let figures = 0;
    let years = 0;
    // Every cell of the sheet passes here: one lookup for its kind, figure and format (the
    // row's cells have consecutive ids).
    const first = g.cellId(r, 0);
    for (let c = band.a, n = bandEnd(g, r, band); c < n; c++) {
      const id = first + c;
      const k = g.kindById(id);
      if (used !== undefined && k !== K_EMPTY) used[c] = 1;
      if (k === K_TEXT) texts++;
      else if (k === K_NUMBER) {
        figures++;
        const v = g.numById(id);
        if (Number.isInteger(v) && v >= 1990 && v <= 2100 && !g.pctById(id)) years++;
      } else if (k === K_DASH || k === K_ERROR) figures++;
    }
    this.kind[r] = figures > 0 ? ROW_FIGURES : texts > 0 ? ROW_TEXT : ROW_EMPTY;
    this.texts[r] = texts;
    this.yearsOnly[r] = figures >= 2 && years === figures ? 1 : 0;
  }
}

// Patterns are made once: a regular expression literal in a function is a new object at every call.
const TRAILING_BARS = /\|+$/;
const KEY_HEADER = /^(?:not|noter|nr|rad|radnr|kod|konto|ref|note|no\.?)$/i;

function rowSignature(g: Grid, r: number, band: Band): string {
  const parts: string[] = [];
  for (let c = band.a, n = bandEnd(g, r, band); c < n; c++) {
    const t = g.kind(r, c) === K_TEXT ? g.text(r, c) : '';
    parts.push(t ? t.toLowerCase().replace(/\s+/g, '') : '');
  }
  // Rows store different numbers of cells: empty cells at the end say nothing.
  return parts.join('|').replace(TRAILING_BARS, '');
}

/** Similar header rows (a page break repeated them, maybe with a typo). */
function similarHeader(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = a.split('|');
  const cb = b.split('|');
  let same = 0;
  let filled = 0;
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i] ?? '';
    const y = cb[i] ?? '';
    if (!x && !y) continue;
    filled++;
    if (x === y || (x && y && (x.startsWith(y.slice(0, 5)) || y.startsWith(x.slice(0, 5))))) same++;
  }
  return filled > 0 && same / filled >= 0.6;
}

/** The tables of the sheet; `labels` is the run's label memo (none: labels are read afresh). */
export function findTables(g: Grid, labels?: LabelMemo): Table[] {
  // One pass over the sheet reads its rows across all columns and which columns are used:
  // a sheet of one band (most) is then read once.
  const used = new Uint8Array(g.nCols);
  const whole: Band = { a: 0, b: Math.max(0, g.nCols - 1) };
  const info = new RowInfo(g, whole, used);
  const bands = columnBands(g, used);
  if (bands.length === 1 && bands[0].a === whole.a && bands[0].b === whole.b) return findInBand(g, bands[0], labels, info);
  const out: Table[] = [];
  for (const band of bands) out.push(...findInBand(g, band, labels));
  // In reading order: by first row, then left to right.
  return out.sort((x, y) => x.r0 - y.r0 || x.c0 - y.c0);
}

/**
 * The sheet's columns in bands, split at a column empty on every row when the columns to its
 * right start with labels of their own (a table beside the other, checks.md 4.9); an empty
 * column inside a table (a spacer before more figures) splits nothing. `used`: per column, 1
 * when some row holds a value there.
 */
function columnBands(g: Grid, used: Uint8Array): Band[] {
  const bands: Band[] = [];
  let a = 0;
  for (let c = 1; c < g.nCols; c++) {
    if (used[c] || !used[c - 1]) continue;
    // c is an empty column right after a used one: the next used column starts the right side.
    let next = c + 1;
    while (next < g.nCols && !used[next]) next++;
    if (next >= g.nCols) break;
    // Its labels stand first, or second after a row-number column (`Rad`, `Nr`).
    const labelled = hasOwnLabels(g, next) || (next + 1 < g.nCols && used[next + 1] && isRowNumberColumn(g, next) && hasOwnLabels(g, next + 1));
    if (labelled && hasFigures(g, a, c - 1)) {
      bands.push({ a, b: c - 1 });
      a = next;
    }
  }
  bands.push({ a, b: Math.max(a, g.nCols - 1) });
  return bands;
}

/**
 * Column c labels rows of figures to its right: it holds more texts than figures, and at
 * least two rows hold a text in c and a figure after it (a figure column with a few "n/a"
 * is no label column).
 */
function hasOwnLabels(g: Grid, c: number): boolean {
  let labelled = 0;
  let texts = 0;
  let figures = 0;
  for (let r = 0; r < g.nRows; r++) {
    const kind = g.kind(r, c);
    if (kind === K_NUMBER || kind === K_DASH) figures++;
    if (kind !== K_TEXT) continue;
    texts++;
    for (let x = c + 1, len = g.rowLength(r); x < len; x++) {
      const k = g.kind(r, x);
      if (k === K_NUMBER || k === K_DASH) {
        labelled++;
        break;
      }
      if (k === K_EMPTY) break;
    }
  }
  return labelled >= 2 && texts > figures;
}

/** Column c numbers rows: whole numbers from at most 10, going up a few at a time (1, 2, 3, 7, 8), at least two. */
function isRowNumberColumn(g: Grid, c: number): boolean {
  let last = 0;
  let n = 0;
  for (let r = 0; r < g.nRows; r++) {
    const k = g.kind(r, c);
    if (k !== K_NUMBER) continue;
    const x = g.num(r, c);
    if (!Number.isInteger(x) || x <= last || x - last > (n === 0 ? 10 : 5)) return false;
    last = x;
    n++;
  }
  return n >= 2;
}

function hasFigures(g: Grid, a: number, b: number): boolean {
  for (let r = 0; r < g.nRows; r++)
    for (let c = a, n = Math.min(b + 1, g.rowLength(r)); c < n; c++) if (g.kind(r, c) === K_NUMBER) return true;
  return false;
}

function findInBand(g: Grid, band: Band, labels: LabelMemo | undefined, read?: RowInfo): Table[] {
  const info = read ?? new RowInfo(g, band);
  const tables: Table[] = [];
  // Header rows of a text-only block, waiting for figures after a blank row or two.
  let pending: { rows: number[]; end: number } | null = null;
  let r = 0;
  while (r < g.nRows) {
    if (info.kind[r] === ROW_EMPTY) {
      r++;
      continue;
    }
    // A block of non-empty rows.
    const start = r;
    while (r < g.nRows && info.kind[r] !== ROW_EMPTY) r++;
    const end = r - 1;
    const inherited = pending && start - pending.end <= 3 && info.kind[start] === ROW_FIGURES ? pending.rows : [];
    pending = splitBlock(g, info, band, start, end, tables, inherited, labels);
  }
  return mergeContinuations(g, band, tables);
}

/** Split a block of rows into tables; returns its rows when the block is text only. */
function splitBlock(g: Grid, info: RowInfo, band: Band, start: number, end: number, out: Table[], inherited: number[], labels: LabelMemo | undefined): { rows: number[]; end: number } | null {
  let r = start;
  let first = true;
  while (r <= end) {
    // Header: leading text rows (and rows of bare years), then the body.
    const headerRows: number[] = first ? [...inherited] : [];
    first = false;
    // A row of bare years (`Mnkr | 2024 | 2023`) heading figures is a header too.
    while (r <= end && (info.kind[r] === ROW_TEXT || (info.yearsOnly[r] && r + 1 <= end && info.kind[r + 1] === ROW_FIGURES && !info.yearsOnly[r + 1]))) {
      headerRows.push(r);
      r++;
    }
    if (r > end) return { rows: headerRows, end }; // text only: no table, maybe the header of the next block
    const headerSig = headerRows.length ? rowSignature(g, headerRows[headerRows.length - 1], band) : '';
    const bodyRows: number[] = [];
    const textRows: number[] = [];
    let stop = end + 1;
    for (; r <= end; r++) {
      if (info.kind[r] === ROW_FIGURES) {
        bodyRows.push(r);
        continue;
      }
      // A text row with several cells followed by figures is a header: repeated → skip, new → new table.
      if (info.texts[r] >= 2 && r + 1 <= end && info.kind[r + 1] !== ROW_EMPTY) {
        const sig = rowSignature(g, r, band);
        if (headerSig && similarHeader(sig, headerSig)) {
          textRows.push(r);
          continue;
        }
        if (!isTotalLabel(firstText(g, r, band), labels)) {
          stop = r;
          break;
        }
      }
      textRows.push(r);
    }
    if (bodyRows.length) out.push(makeTable(g, band, headerRows, bodyRows, textRows));
    r = stop;
  }
  return null;
}

/** Non-empty cells of a row in the band. */
function countTexts(g: Grid, r: number, band: Band): number {
  let n = 0;
  for (let c = band.a, len = bandEnd(g, r, band); c < len; c++) if (g.kind(r, c) !== K_EMPTY) n++;
  return n;
}

function firstText(g: Grid, r: number, band: Band): string {
  for (let c = band.a, n = bandEnd(g, r, band); c < n; c++) if (g.kind(r, c) === K_TEXT) return g.text(r, c);
  return '';
}

function makeTable(g: Grid, band: Band, headerRows: number[], bodyRows: number[], textRows: number[]): Table {
  // No spread into Math.min: a table may have a million rows.
  let r0 = Infinity;
  let r1 = -Infinity;
  for (const list of [headerRows, bodyRows, textRows])
    for (const r of list) {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
    }
  // Columns: label column = leftmost column with the most texts in body rows.
  const texts = new Array<number>(g.nCols).fill(0);
  const figs = new Array<number>(g.nCols).fill(0);
  for (const r of bodyRows) {
    const first = g.cellId(r, 0);
    for (let c = band.a, n = bandEnd(g, r, band); c < n; c++) {
      const k = g.kindById(first + c);
      if (k === K_TEXT) texts[c]++;
      else if (k === K_NUMBER || k === K_DASH || k === K_ERROR) figs[c]++;
    }
  }
  let labelCol = -1;
  for (let c = band.a; c <= band.b && c < g.nCols; c++) {
    if (texts[c] > 0 && texts[c] >= figs[c]) {
      labelCol = c;
      break;
    }
  }
  const numCols: number[] = [];
  for (let c = Math.max(labelCol + 1, band.a); c <= band.b && c < g.nCols; c++) if (figs[c] > 0 && figs[c] >= texts[c] && !isKeyColumn(g, headerRows, c) && !captionNamesKey(g, bodyRows[0], c)) numCols.push(c);
  let c0 = labelCol >= 0 ? labelCol : numCols[0] ?? 0;
  let c1 = numCols.length ? numCols[numCols.length - 1] : c0;
  for (let c = band.a; c <= band.b && c < g.nCols; c++) if (texts[c] || figs[c]) c0 = Math.min(c0, c), (c1 = Math.max(c1, c));
  // Column headers leave out title rows (one text across the table): a title is no column's name.
  const columnHeaderRows = headerRows.filter((r) => countTexts(g, r, band) > 1);
  const header = new Map<number, string>();
  for (let c = c0; c <= c1; c++) {
    const parts: string[] = [];
    for (const r of columnHeaderRows) {
      const t = g.textAt(r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    header.set(c, parts.join(' '));
  }
  return {
    r0,
    r1,
    c0,
    c1,
    title: titleOf(g, band, headerRows, c0, c1),
    headerRows,
    bodyRows,
    textRows: textRows.sort((a, b) => a - b),
    labelCol,
    numCols,
    header,
  };
}

/** Note, row number and account columns hold numbers that are no amounts. */
function isKeyColumn(g: Grid, headerRows: number[], c: number): boolean {
  for (const r of headerRows) if (KEY_HEADER.test(g.textAt(r, c))) return true;
  return false;
}

/** How far above a table's first figures a column's caption may stand (a header block set apart by blank rows). */
const CAPTION_REACH = 12;
const KEY_CAPTION = /\b(?:code|kod|koder|konto|kontonr|kontonummer)\b/i;

/**
 * The column's caption, the nearest text above the figures (possibly in a header block set
 * apart by blank rows), names an identifier: "NAICS code", "Kontonummer".
 */
function captionNamesKey(g: Grid, firstBody: number, c: number): boolean {
  for (let r = firstBody - 1; r >= 0 && r >= firstBody - CAPTION_REACH; r--) {
    const k = g.kind(r, c);
    if (k === K_TEXT) return KEY_CAPTION.test(g.textAt(r, c));
    if (k === K_NUMBER || k === K_DASH || k === K_ERROR) return false;
  }
  return false;
}

function titleOf(g: Grid, band: Band, headerRows: number[], c0: number, c1: number): string {
  for (const r of headerRows) {
    let only = '';
    let n = 0;
    for (let c = band.a, len = bandEnd(g, r, band); c < len; c++) {
      if (g.kind(r, c) !== K_TEXT) continue;
      n++;
      only = g.text(r, c);
    }
    if (n === 1 && only.length > 3) return only.trim();
  }
  const r = headerRows[0];
  if (r === undefined) return '';
  const parts: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const t = g.textAt(r, c);
    if (t && !parts.includes(t)) parts.push(t);
  }
  return parts.join(' ').slice(0, 120);
}

/** A block of figures with no header of its own right after a table continues it (a blank row before Summa). */
function mergeContinuations(g: Grid, band: Band, tables: Table[]): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && t.headerRows.length === 0 && t.r0 - prev.r1 <= 3 && sharesColumns(prev, t)) {
      // Rebuild the table so its columns cover the continued rows too.
      out[out.length - 1] = makeTable(g, band, prev.headerRows, [...prev.bodyRows, ...t.bodyRows], [...prev.textRows, ...t.textRows]);
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The same label column and at least one figure column in common. */
function sharesColumns(a: Table, b: Table): boolean {
  const set = new Set(a.numCols);
  return b.numCols.some((c) => set.has(c)) && (b.labelCol === a.labelCol || b.labelCol < 0);
}
