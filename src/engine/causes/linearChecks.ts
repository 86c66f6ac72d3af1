// Every reported check that is a linear relation between cells, as an equation: the sum of
// coefficient × figure over its cells minus a constant is its residual (0 when it reconciles).
// Read back from the result and the workbook's own figures, so the engine's checks need
// carry nothing extra: sums have coefficients 1, a row relation's signs are the ones that
// reproduce its expected figure, a tie between tables has its unit factor.
import { cellAddress, parseCellAddress } from '../read/address';
import { readCell } from '../read/numbers';
import type { Check, Rule, SheetResult, WorkbookInput } from '../types';
import { findingsOf, forEachCell } from '../result/sheetResult';

export interface Term {
  /** `Sheet!A1`. */
  key: string;
  coef: number;
}

export interface LinearCheck {
  /** The derived cell, `Sheet!A1`. */
  cell: string;
  rule: Rule;
  status: Check['status'];
  /** The derived cell with coefficient 1 and its inputs with their coefficients (−1 for a plain sum). */
  terms: Term[];
  /** Σ coef · figure over the terms (figures as shown: percentages times 100): 0 when it reconciles. */
  residual: number;
  tolerance: number;
}

const SUM_RULES: readonly Rule[] = ['column-sum', 'subtotal-sum', 'total-of-totals', 'rollforward'];
/** Unit factors a tie between tables may carry (tkr, mnkr, mdkr either way). */
const FACTORS: readonly number[] = [1, 1e3, 1e-3, 1e6, 1e-6, 1e9, 1e-9];
const MAX_SIGNED_TERMS = 12;

/** A workbook's figures by `Sheet!A1`, read once (shown figures; null for text and error values). */
export class Figures {
  private readonly sheets = new Map<string, WorkbookInput['sheets'][number]>();
  constructor(wb: WorkbookInput) {
    for (const s of wb.sheets) this.sheets.set(s.name, s);
  }

  /** The shown figure of a cell: a number, 0 for a blank or a dash, null for text or an error. */
  figure(key: string): number | null {
    const at = splitKey(key);
    if (!at) return null;
    const sheet = this.sheets.get(at.sheet);
    const p = parseCellAddress(at.address);
    if (!sheet || !p) return null;
    const x = readCell(sheet.rows[p.r]?.[p.c]);
    if (x.kind === 'number') return x.display;
    if (x.kind === 'empty' || x.kind === 'dash') return 0;
    return null;
  }

  /** The display scale of a cell (100 for a percentage). */
  scale(key: string): number {
    const at = splitKey(key);
    const sheet = at && this.sheets.get(at.sheet);
    const p = at && parseCellAddress(at.address);
    if (!sheet || !p) return 1;
    const x = readCell(sheet.rows[p.r]?.[p.c]);
    return x.kind === 'number' ? x.scale : 1;
  }
}

export function splitKey(key: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(key);
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

/** `Sheet!A1` of a cell on a sheet (one way of writing it, so keys compare). */
export function keyOf(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, '')}`;
}

/** An input range (`B2:B4`, `D9`, `'Budget'!D9`) as its sheet and corners, or null. */
function inputRange(sheet: string, input: string): { sheet: string; r0: number; c0: number; r1: number; c1: number } | null {
  const at = input.includes('!') ? splitKey(input) : null;
  const ref = (at ? at.address : input).replace(/\$/g, '');
  const colon = ref.indexOf(':');
  const p = parseCellAddress(colon < 0 ? ref : ref.slice(0, colon));
  const q = colon < 0 ? p : parseCellAddress(ref.slice(colon + 1));
  if (!p || !q) return null;
  return { sheet: at ? at.sheet : sheet, r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

/** The cells of an input range as keys: `B2:B4`, `D9`, `'Budget'!D9`. */
export function expandInput(sheet: string, input: string): string[] {
  const x = inputRange(sheet, input);
  if (!x) return [];
  const out: string[] = [];
  for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) out.push(keyOf(x.sheet, cellAddress(r, c)));
  return out;
}


/**
 * The linear checks of a result that a cause can touch: the failing ones, and those that share
 * a cell with them or with such a check (two steps: a figure worked out from a suspect cell,
 * and the checks of that figure). The rest of a large workbook is never turned into equations:
 * its cells are visited one at a time, not listed. Checks whose equation cannot be read back
 * are left out.
 */
export function linearChecks(wb: WorkbookInput, sheets: SheetResult[], figures = new Figures(wb)): LinearCheck[] {
  const near = new NearCells();
  const failing: LinearCheck[] = [];
  // The red cells only: findings are built without the cells that reconcile.
  for (const sheet of sheets)
    for (const cell of findingsOf(sheet)) {
      if (cell.status !== 'error') continue;
      for (const check of cell.checks) {
        if (check.status !== 'error') continue;
        const lc = toLinear(sheet.name, cell.address, check, figures);
        if (!lc) continue;
        failing.push(lc);
        for (const t of lc.terms) near.addKey(t.key);
      }
    }
  if (!failing.length) return failing;
  let out: LinearCheck[] = [];
  for (let step = 0; step < 2; step++) {
    out = [];
    const reached: string[] = [];
    for (const sheet of sheets)
      forEachCell(sheet, (cell) => {
        const own = near.has(sheet.name, cell.row, cell.col);
        for (const check of cell.checks) {
          if (!own && !check.inputs.some((i) => near.touches(sheet.name, i))) continue;
          const lc = toLinear(sheet.name, cell.address, check, figures);
          if (!lc) continue;
          out.push(lc);
          for (const t of lc.terms) reached.push(t.key);
        }
      });
    for (const k of reached) near.addKey(k);
  }
  return out;
}

/** Cells by sheet, as numbers (row · 16 384 + column): looked up for every check of a workbook. */
class NearCells {
  private readonly bySheet = new Map<string, Set<number>>();

  addKey(key: string): void {
    const at = splitKey(key);
    const p = at ? parseCellAddress(at.address) : null;
    if (!at || !p) return;
    let set = this.bySheet.get(at.sheet);
    if (!set) this.bySheet.set(at.sheet, (set = new Set()));
    set.add(p.r * 16384 + p.c);
  }

  has(sheet: string, r: number, c: number): boolean {
    return this.bySheet.get(sheet)?.has(r * 16384 + c) ?? false;
  }

  /** Whether an input range (`B2:B4`, `'Budget'!D9`) holds one of the cells. */
  touches(sheet: string, input: string): boolean {
    const x = inputRange(sheet, input);
    const set = x && this.bySheet.get(x.sheet);
    if (!x || !set) return false;
    for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (set.has(r * 16384 + c)) return true;
    return false;
  }
}

function toLinear(sheet: string, address: string, check: Check, figures: Figures): LinearCheck | null {
  if (check.expected === null || check.actual === null || check.tolerance === null) return null;
  const y = keyOf(sheet, address);
  const scale = figures.scale(y);
  // Percentages are compared in their own terms by the engine; leave them to it.
  if (scale !== 1) return null;
  const yFigure = figures.figure(y);
  if (yFigure === null) return null;
  const inputs = check.inputs.flatMap((i) => expandInput(sheet, i));
  if (!inputs.length) return null;
  const xs: number[] = [];
  for (const k of inputs) {
    const x = figures.figure(k);
    if (x === null) return null;
    xs.push(x);
  }
  const expected = check.expected;
  let coefs: number[] | null = null;
  if (SUM_RULES.includes(check.rule)) coefs = fits(xs.map(() => 1), xs, expected) ? xs.map(() => 1) : null;
  else if (check.rule === 'row-relation') coefs = signsThatFit(xs, expected);
  else if (check.rule === 'cross-table') {
    const sum = xs.reduce((a, b) => a + b, 0);
    const k = FACTORS.find((f) => fits(xs.map(() => f), xs, expected));
    coefs = k !== undefined && sum !== 0 ? xs.map(() => k) : null;
  }
  if (!coefs) return null;
  const terms: Term[] = [{ key: y, coef: 1 }, ...inputs.map((key, i) => ({ key, coef: -coefs![i] }))];
  return { cell: y, rule: check.rule, status: check.status, terms, residual: yFigure - expected, tolerance: check.tolerance };
}

function fits(coefs: number[], xs: number[], expected: number): boolean {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += coefs[i] * xs[i];
  return Math.abs(s - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
}

/** Signs (+1/−1) that reproduce the expected figure, the first term's sign + when that fits.
 *  Past MAX_SIGNED_TERMS terms only the plain sum is tried (a wide row's Totalt). */
function signsThatFit(xs: number[], expected: number): number[] | null {
  const n = xs.length;
  if (n > MAX_SIGNED_TERMS) return fits(xs.map(() => 1), xs, expected) ? xs.map(() => 1) : null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const coefs = xs.map((_, i) => ((mask >> i) & 1 ? -1 : 1));
    if (fits(coefs, xs, expected)) return coefs;
  }
  return null;
}
