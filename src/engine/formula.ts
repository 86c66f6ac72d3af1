// What a derived cell should hold: a signed sum of cells or a quotient of two sums,
// evaluated in display terms, with each input's display unit carried through to the
// derived cell's terms (checks.md section 3: |∂f/∂x| · u_x).
import { cellAddress, qualified, rangeAddress } from './address';
import type { Grid } from './grid';
import { K_ERROR } from './grid';

export interface Term {
  r: number;
  c: number;
  coef: number;
}

export type Formula =
  | { kind: 'sum'; terms: Term[] }
  | { kind: 'ratio'; num: Term[]; den: Term[]; factor: number };

export interface Evaluation {
  value: number;
  /** Inputs holding a value (numbers and dashes). */
  n: number;
  /** The largest input display unit, in the derived cell's terms. */
  inputUnit: number;
  /** Inputs holding an Excel error value. */
  errors: Term[];
  /** False for a quotient whose denominator is 0. */
  defined: boolean;
}

function sumTerms(g: Grid, terms: Term[]): { s: number; n: number; errors: Term[] } {
  let s = 0;
  let n = 0;
  const errors: Term[] = [];
  for (const t of terms) {
    if (g.kind(t.r, t.c) === K_ERROR) errors.push(t);
    else if (g.has(t.r, t.c)) n++;
    s += t.coef * g.num(t.r, t.c);
  }
  return { s, n, errors };
}

export function evaluate(g: Grid, f: Formula): Evaluation {
  if (f.kind === 'sum') {
    const { s, n, errors } = sumTerms(g, f.terms);
    let inputUnit = 0;
    for (const t of f.terms) {
      const u = Math.abs(t.coef) * g.unit(t.r, t.c);
      if (u > inputUnit) inputUnit = u;
    }
    return { value: s, n, inputUnit, errors, defined: true };
  }
  const num = sumTerms(g, f.num);
  const den = sumTerms(g, f.den);
  const errors = [...num.errors, ...den.errors];
  if (den.s === 0 || !Number.isFinite(den.s)) return { value: NaN, n: num.n + den.n, inputUnit: 0, errors, defined: false };
  const value = (f.factor * num.s) / den.s;
  let inputUnit = 0;
  for (const t of f.num) inputUnit = Math.max(inputUnit, Math.abs((f.factor * t.coef) / den.s) * g.unit(t.r, t.c));
  for (const t of f.den) inputUnit = Math.max(inputUnit, Math.abs((f.factor * num.s * t.coef) / (den.s * den.s)) * g.unit(t.r, t.c));
  return { value, n: num.n + den.n, inputUnit, errors, defined: true };
}

export function termsOf(f: Formula): Term[] {
  return f.kind === 'sum' ? f.terms : [...f.num, ...f.den];
}

/** A1 ranges of the inputs, runs in one column joined (`B4:B12`). */
export function inputRanges(terms: Term[], otherSheet?: string): string[] {
  if (terms.length > 0 && !otherSheet) {
    // Fast paths: one column, rows ascending without gaps (a column sum) …
    let run = true;
    for (let i = 1; i < terms.length && run; i++) run = terms[i].c === terms[0].c && terms[i].r === terms[i - 1].r + 1;
    if (run) return [rangeAddress(terms[0].r, terms[0].c, terms[terms.length - 1].r, terms[0].c)];
    // … or a few cells of one row in different columns (a row relation).
    if (terms.length <= 4) {
      let oneRow = true;
      for (let i = 1; i < terms.length && oneRow; i++) oneRow = terms[i].r === terms[0].r && terms.every((t, j) => j === i || t.c !== terms[i].c);
      if (oneRow) return terms.map((t) => t).sort((a, b) => a.c - b.c).map((t) => cellAddress(t.r, t.c));
    }
  }
  const cells = [...new Map(terms.map((t) => [`${t.r},${t.c}`, t])).values()].sort((a, b) => a.c - b.c || a.r - b.r);
  const out: string[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].c === cells[i].c && cells[j + 1].r === cells[j].r + 1) j++;
    const a = rangeAddress(cells[i].r, cells[i].c, cells[j].r, cells[j].c);
    out.push(otherSheet ? qualified(otherSheet, a) : a);
    i = j + 1;
  }
  return out;
}
