// What a derived cell should hold: a signed sum of cells or a quotient of two sums,
// evaluated in display terms, with each input's display unit carried through to the
// derived cell's terms (checks.md section 3: |∂f/∂x| · u_x).
import { cellAddress, qualified, rangeAddress } from '../read/address';
import type { Grid } from '../read/grid';
import { K_DASH, K_ERROR, K_NUMBER } from '../read/grid';

export interface Term {
  r: number;
  c: number;
  coef: number;
}

/** A relation between the columns of one row (checks.md 4.6, 4.7): the same for every row. */
export interface RowShape {
  kind: 'sum' | 'ratio';
  terms: { c: number; coef: number }[];
  den: { c: number; coef: number }[];
  factor: number;
}

// The column and row kinds say the same as a plain sum or ratio of terms; they let the
// hot loops (every total cell, every row of a relation) skip building term lists.
export type Formula =
  | { kind: 'sum'; terms: Term[] }
  | { kind: 'ratio'; num: Term[]; den: Term[]; factor: number }
  /** Σ of the given rows in column c. */
  | { kind: 'column'; c: number; rows: number[] }
  /** A row relation applied to row r. */
  | { kind: 'row'; r: number; shape: RowShape };

export interface Evaluation {
  value: number;
  /** Inputs holding a value (numbers and dashes). */
  n: number;
  /** The largest input display unit, in the derived cell's terms. */
  inputUnit: number;
  /** The first input holding an Excel error value, if any. */
  error: Term | null;
  /** False for a quotient whose denominator is 0. */
  defined: boolean;
  /** Inputs that are percentages. */
  pct: number;
}

/**
 * Add one input cell to an evaluation's running sum, input count and first error, the
 * cell looked up once; returns its display unit times |coef| (0 for an empty cell, which
 * adds nothing).
 */
function addCell(ev: Evaluation, g: Grid, r: number, c: number, coef: number): number {
  const id = g.cellId(r, c);
  if (id < 0) return 0;
  const k = g.kindById(id);
  if (k === K_ERROR) ev.error ??= { r, c, coef };
  else if (k === K_NUMBER || k === K_DASH) {
    ev.n++;
    if (k === K_NUMBER && g.pctById(id)) ev.pct++;
  }
  ev.value += coef * g.numById(id);
  return Math.abs(coef) * g.unitById(id);
}

function reset(ev: Evaluation): Evaluation {
  ev.value = 0;
  ev.n = 0;
  ev.inputUnit = 0;
  ev.error = null;
  ev.defined = true;
  ev.pct = 0;
  return ev;
}

export function newEvaluation(): Evaluation {
  return { value: 0, n: 0, inputUnit: 0, error: null, defined: true, pct: 0 };
}

/**
 * Every derived cell is evaluated once and read at once: one scratch object per run
 * (Run.formula) serves them all.
 */
export class FormulaScratch {
  readonly result = newEvaluation();
  readonly num = newEvaluation();
  readonly den = newEvaluation();
  /** The evaluations the judgement keeps for the checks of the table being checked. */
  readonly kept = new FigureStore();
}

/**
 * Evaluate f. The result is written into `into` (by default fs.result, which the next call
 * with the same scratch overwrites: read it before evaluating again).
 */
export function evaluate(g: Grid, f: Formula, fs: FormulaScratch = new FormulaScratch(), into: Evaluation = fs.result): Evaluation {
  const ev = reset(into);
  switch (f.kind) {
    case 'sum': {
      for (const t of f.terms) {
        const u = addCell(ev, g, t.r, t.c, t.coef);
        if (u > ev.inputUnit) ev.inputUnit = u;
      }
      return ev;
    }
    case 'column': {
      // The hottest case (every total cell).
      const rows = f.rows;
      for (let i = 0; i < rows.length; i++) {
        const u = addCell(ev, g, rows[i], f.c, 1);
        if (u > ev.inputUnit) ev.inputUnit = u;
      }
      return ev;
    }
    case 'row': {
      const { r, shape } = f;
      // Shares are few: the general quotient (apart, so no closure over r is made here).
      if (shape.kind === 'ratio') return evaluate(g, rowQuotient(r, shape), fs, ev);
      const terms = shape.terms;
      for (let i = 0; i < terms.length; i++) {
        const u = addCell(ev, g, r, terms[i].c, terms[i].coef);
        if (u > ev.inputUnit) ev.inputUnit = u;
      }
      return ev;
    }
    case 'ratio': {
      const num = reset(fs.num);
      const den = reset(fs.den);
      for (const t of f.num) addCell(num, g, t.r, t.c, t.coef);
      for (const t of f.den) addCell(den, g, t.r, t.c, t.coef);
      ev.error = num.error ?? den.error;
      ev.n = num.n + den.n;
      if (den.value === 0 || !Number.isFinite(den.value)) {
        ev.value = NaN;
        ev.defined = false;
        return ev;
      }
      ev.value = (f.factor * num.value) / den.value;
      let inputUnit = 0;
      for (const t of f.num) inputUnit = Math.max(inputUnit, Math.abs((f.factor * t.coef) / den.value) * g.unit(t.r, t.c));
      for (const t of f.den) inputUnit = Math.max(inputUnit, Math.abs((f.factor * num.value * t.coef) / (den.value * den.value)) * g.unit(t.r, t.c));
      ev.inputUnit = inputUnit;
      return ev;
    }
  }
}

/** A row relation that is a quotient, as the general quotient in row r. */
function rowQuotient(r: number, shape: RowShape): Formula {
  const at = (t: { c: number; coef: number }): Term => ({ r, c: t.c, coef: t.coef });
  return { kind: 'ratio', num: shape.terms.map(at), den: shape.den.map(at), factor: shape.factor };
}

export function termsOf(f: Formula): Term[] {
  switch (f.kind) {
    case 'sum':
      return f.terms;
    case 'ratio':
      return [...f.num, ...f.den];
    case 'column':
      return f.rows.map((r) => ({ r, c: f.c, coef: 1 }));
    case 'row':
      return [...f.shape.terms, ...f.shape.den].map((t) => ({ r: f.r, c: t.c, coef: t.coef }));
  }
}

/** A1 ranges of a formula's inputs (see inputRanges), without building term lists for the common kinds. */
export function inputsOf(f: Formula): string[] {
  if (f.kind === 'column') return columnRanges(f.rows, f.c);
  if (f.kind === 'row') return rowInputs(f.r, f.shape);
  return inputRanges(termsOf(f));
}

/** Rows of one column as ranges: runs of consecutive rows joined (`B4:B12`), ascending. */
function columnRanges(rows: number[], c: number): string[] {
  return rangesInColumn(rowRuns(rows), c);
}

/** Rows as runs of consecutive rows, ascending and without repeats: [first, last] pairs. */
export function rowRuns(rows: readonly number[]): Int32Array {
  let sorted = rows;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i] <= rows[i - 1]) {
      sorted = [...new Set(rows)].sort((a, b) => a - b);
      break;
    }
  }
  let runs = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1] + 1) runs++;
  const out = new Int32Array(2 * runs);
  let i = 0;
  let k = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out[k++] = sorted[i];
    out[k++] = sorted[j];
    i = j + 1;
  }
  return out;
}

/** The runs of rowRuns as A1 ranges in column c (`B4:B12`). */
export function rangesInColumn(runs: Int32Array, c: number): string[] {
  const out = new Array<string>(runs.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = rangeAddress(runs[2 * k], c, runs[2 * k + 1], c);
  return out;
}

/** Cells of one row: each column once, left to right (cells of one row never join into ranges). */
export function rowInputs(r: number, shape: RowShape): string[] {
  const { terms, den } = shape;
  // The common relation, a difference or sum of two columns: no list to build.
  if (den.length === 0 && terms.length === 2 && terms[0].c !== terms[1].c) {
    const a = terms[0].c < terms[1].c ? terms[0].c : terms[1].c;
    const b = terms[0].c < terms[1].c ? terms[1].c : terms[0].c;
    return [cellAddress(r, a), cellAddress(r, b)];
  }
  const cols: number[] = [];
  for (const t of terms) if (!cols.includes(t.c)) cols.push(t.c);
  for (const t of den) if (!cols.includes(t.c)) cols.push(t.c);
  for (let i = 1; i < cols.length; i++) if (cols[i] < cols[i - 1]) return cols.sort((a, b) => a - b).map((c) => cellAddress(r, c));
  return cols.map((c) => cellAddress(r, c));
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

/**
 * A sum shown as a percentage over parts that are plain fractions (100 % over 0,046 + …) is
 * compared in the cell's own terms: the parts' sum times 100. (The other way round, plain
 * figures beside percentages are percentage points and stay as they are.)
 */
export function alignPercentSum(g: Grid, r: number, c: number, f: Formula, ev: Evaluation): Evaluation {
  if ((f.kind === 'column' || f.kind === 'sum') && ev.pct === 0 && ev.n > 0 && g.pct(r, c)) {
    ev.value *= 100;
    ev.inputUnit *= 100;
  }
  return ev;
}

/**
 * The memory of the EvaluatedFigures of one table (every total row's columns, every
 * relation's rows): slices of a few arrays reused for every table, not a set of arrays per
 * total and relation. A run has one (Run.formula.kept), emptied when a table's check starts;
 * it grows as needed (figures already handed out keep their place).
 */
export class FigureStore {
  /** value and inputUnit of slot s at 2s and 2s + 1. */
  numbers = new Float64Array(512);
  n = new Int32Array(256);
  evaluated = new Uint8Array(256);
  /** What EvaluatedFigures.at hands out: one object, read at once. */
  readonly one: Evaluation = newEvaluation();
  private used = 0;

  /** Forget every slice: the next table starts at the beginning. */
  clear(): void {
    this.used = 0;
  }

  /** A slice of `size` slots, none evaluated; returns its first slot. */
  take(size: number): number {
    const from = this.used;
    const to = from + size;
    if (to > this.n.length) this.grow(to);
    this.evaluated.fill(0, from, to);
    this.used = to;
    return from;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, 2 * this.n.length);
    const numbers = new Float64Array(2 * capacity);
    numbers.set(this.numbers.subarray(0, 2 * this.used));
    const n = new Int32Array(capacity);
    n.set(this.n.subarray(0, this.used));
    const evaluated = new Uint8Array(capacity);
    evaluated.set(this.evaluated.subarray(0, this.used));
    this.numbers = numbers;
    this.n = n;
    this.evaluated = evaluated;
  }
}

/**
 * Evaluations kept by index (a relation's rows, a total's columns) so that a check can reuse
 * what the judgement worked out: each cell is evaluated once. They live in a FigureStore
 * (the run's, by default a store of their own) until it is cleared.
 */
export class EvaluatedFigures {
  private readonly from: number;

  constructor(
    readonly size: number,
    private readonly store: FigureStore = new FigureStore(),
  ) {
    this.from = store.take(size);
  }

  /** Keep a defined evaluation without an error value. */
  set(i: number, ev: Evaluation): void {
    const s = this.from + i;
    const numbers = this.store.numbers;
    numbers[2 * s] = ev.value;
    numbers[2 * s + 1] = ev.inputUnit;
    this.store.n[s] = ev.n;
    this.store.evaluated[s] = 1;
  }

  /** The evaluation kept at i (the store's one reused object: read it before asking for another), or undefined. */
  at(i: number): Evaluation | undefined {
    const s = this.from + i;
    if (!this.store.evaluated[s]) return undefined;
    const e = this.store.one;
    e.value = this.store.numbers[2 * s];
    e.n = this.store.n[s];
    e.inputUnit = this.store.numbers[2 * s + 1];
    return e;
  }
}
