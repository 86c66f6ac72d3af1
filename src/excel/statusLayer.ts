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

/**
 * Cells as few rectangles: runs along each row, then identical runs of consecutive rows
 * merged. A total row becomes one `B12:K12`, a total column one `H4:H30`.
 */
export function rectangles(cells: Iterable<LayerCell>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const list = byRow.get(row);
    if (list) list.push(col);
    else byRow.set(row, [col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Rect>(); // "c0:c1" → rectangle still growing downwards
  const out: Rect[] = [];
  for (const r of rows) {
    const cols = [...new Set(byRow.get(r)!)].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [c0, c1] of runs) {
      const k = `${c0}:${c1}`;
      const prev = open.get(k);
      if (prev && prev.r1 === r - 1) {
        prev.r1 = r;
        next.set(k, prev);
      } else {
        const rect = { r0: r, c0, r1: r, c1 };
        out.push(rect);
        next.set(k, rect);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

export function rectAddress({ r0, c0, r1, c1 }: Rect): string {
  const a = `${columnName(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${columnName(c1)}${r1 + 1}`;
}

/** Per status, the A1 areas of its cells (statuses without cells are left out). */
export function layerAreas(cells: Iterable<LayerCell & { status: Status }>): Map<Status, string[]> {
  const byStatus = new Map<Status, LayerCell[]>();
  for (const c of cells) {
    const list = byStatus.get(c.status);
    if (list) list.push(c);
    else byStatus.set(c.status, [c]);
  }
  const out = new Map<Status, string[]>();
  for (const s of LAYER_STATUSES) {
    const list = byStatus.get(s);
    if (list?.length) out.set(s, rectangles(list).map(rectAddress));
  }
  return out;
}
