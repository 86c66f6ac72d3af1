// Summakoll's status layer: the statuses shown as conditional formats that belong to
// Summakoll, never as fills written over the cells. One definition, used by the Excel
// adapter (Office.js conditional formats) and by the coloured copy (OOXML
// <conditionalFormatting> with <dxf> styles), so a copy written by the command line or the
// preview can be cleared by the add-in, and the add-in's own layer is recognised after
// save and reopen.
//
// The signature of a Summakoll rule is a custom (expression) rule whose formula is
// `N("Summakoll")=0` together with the exact fill and font colours of one status (checks.md
// section 1). Why this formula:
// - It is always TRUE (N of a text is 0), needs no cell reference, so it means the same on
//   every cell of any range and never turns relative when Excel moves it.
// - Its only distinctive part is a string literal. Excel stores a rule's formula as
//   written, re-serialising only function names (upper case) and references; a string
//   literal is kept verbatim through save and reopen, in every locale, because literals are
//   not translated (the English `formula` of the API is invariant; `N` has the same name in
//   the stored file in every language).
// - N() exists in Excel since the first versions, in LibreOffice and in Google Sheets, so
//   other programs show (and print) the same colours.
// Recognition compares the formula case- and space-insensitively, so a program that
// re-cases function names or adds spaces still matches, and also requires the status
// colours: a controller's own rule is only taken for ours if it has our formula and our
// exact colours.
import { columnName, STATUS_COLOURS } from '../engine';
import type { Status } from '../engine';

/** The rule formula as Office.js takes it (with `=`). */
export const LAYER_FORMULA = '=N("Summakoll")=0';
/** The same formula as OOXML stores it in <formula> (no `=`, quotes escaped by the writer). */
export const LAYER_FORMULA_OOXML = 'N("Summakoll")=0';

/** Worst first: the order the rules are written in. A cell has one status, so ours never overlap. */
export const LAYER_STATUSES: Status[] = ['error', 'warning', 'ok'];

const normaliseFormula = (f: string): string => f.replace(/^\s*=/, '').replace(/\s+/g, '').toUpperCase();
const SIGNATURE = normaliseFormula(LAYER_FORMULA);

/** `#c6efce`, `C6EFCE`, `FFC6EFCE` (OOXML ARGB) → `C6EFCE`. */
export function normaliseColour(c: unknown): string | undefined {
  if (typeof c !== 'string') return undefined;
  let hex = c.trim().replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) hex = hex.slice(2);
  return /^[0-9A-F]{6}$/.test(hex) ? hex : undefined;
}

export function isLayerFormula(formula: unknown): boolean {
  return typeof formula === 'string' && normaliseFormula(formula) === SIGNATURE;
}

/** The status a rule shows if it is one of Summakoll's rules, otherwise undefined. */
export function layerStatusOf(formula: unknown, fill: unknown, font: unknown): Status | undefined {
  if (!isLayerFormula(formula)) return undefined;
  const f = normaliseColour(fill);
  const t = normaliseColour(font);
  return LAYER_STATUSES.find((s) => normaliseColour(STATUS_COLOURS[s].fill) === f && normaliseColour(STATUS_COLOURS[s].font) === t);
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface LayerCell {
  row: number;
  col: number;
}

/** One number per cell, ordered by row, then column (Excel has at most 16 384 columns). */
const POS = 65536;

/**
 * Cells as few rectangles: runs along each row, then identical runs of consecutive rows
 * merged. A total row becomes one `B12:K12`, a total column one `H4:H30`. Ordered by first
 * row, then first column.
 */
export function rectangles(cells: Iterable<LayerCell>): Rect[] {
  const keys: number[] = [];
  for (const { row, col } of cells) keys.push(row * POS + col);
  return rectanglesOfKeys(keys);
}

/** The rectangles of cells given as row · 65536 + column, in any order, repeats allowed. */
function rectanglesOfKeys(keys: number[]): Rect[] {
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] <= keys[i];
  if (!sorted) keys.sort((a, b) => a - b);
  const out: Rect[] = [];
  // Rectangles that reached the previous row, by first column (runs of a row never overlap).
  let open: Rect[] = [];
  let i = 0;
  while (i < keys.length) {
    const r = Math.floor(keys[i] / POS);
    const rowEnd = (r + 1) * POS;
    const next: Rect[] = [];
    let o = 0;
    while (i < keys.length && keys[i] < rowEnd) {
      const c0 = keys[i] - r * POS;
      let c1 = c0;
      i++;
      // The run: the next columns of the row (a repeated cell adds nothing).
      while (i < keys.length && keys[i] < rowEnd && keys[i] - r * POS <= c1 + 1) c1 = keys[i++] - r * POS;
      while (o < open.length && open[o].c0 < c0) o++;
      const above = o < open.length ? open[o] : undefined;
      if (above && above.c0 === c0 && above.c1 === c1 && above.r1 === r - 1) {
        above.r1 = r;
        next.push(above);
        o++;
      } else {
        const rect = { r0: r, c0, r1: r, c1 };
        out.push(rect);
        next.push(rect);
      }
    }
    open = next;
  }
  // Made row by row, left to right: already ordered by first row, then first column.
  return out;
}

export function rectAddress({ r0, c0, r1, c1 }: Rect): string {
  const a = `${columnName(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${columnName(c1)}${r1 + 1}`;
}

/** Per status, the A1 areas of its cells (statuses without cells are left out). */
export function layerAreas(cells: Iterable<LayerCell & { status: Status }>): Map<Status, string[]> {
  return layerAreasOf((visit) => {
    for (const c of cells) visit(c.row, c.col, c.status);
  });
}

/** layerAreas for cells given one by one (no object per cell): forEach calls visit for each. */
export function layerAreasOf(forEach: (visit: (row: number, col: number, status: Status) => void) => void): Map<Status, string[]> {
  const byStatus = new Map<Status, number[]>();
  forEach((row, col, status) => {
    const list = byStatus.get(status);
    if (list) list.push(row * POS + col);
    else byStatus.set(status, [row * POS + col]);
  });
  const out = new Map<Status, string[]>();
  for (const s of LAYER_STATUSES) {
    const keys = byStatus.get(s);
    if (keys?.length) out.set(s, rectanglesOfKeys(keys).map(rectAddress));
  }
  return out;
}
