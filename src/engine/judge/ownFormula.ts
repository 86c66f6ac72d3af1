// A derived cell's own formula, when it is a plain linear one (cell references, SUM or
// SUBTOTAL(9, …) of ranges, + and −, numbers): the reading the controller wrote down. The
// judgement trusts a formula whose cached value it reproduces over a reading of its own
// (checks.md 4.9), unless the formula is shown wrong by the rest of its row.
import type { Grid } from '../read/grid';

export interface LinearTerm {
  r: number;
  c: number;
  coef: number;
}

/** What a cell's formula says about the cell: its terms, and whether its cached value reproduces them. */
export interface OwnFormula {
  terms: LinearTerm[];
  /** The cached value equals the formula evaluated over the cells' values. */
  holds: boolean;
}

const MAX_TERMS = 20000;

/** The linear terms of an English A1 formula, or null when it is anything else. */
export function linearTerms(formula: string): LinearTerm[] | null {
  const p = new Parser(formula);
  try {
    if (p.peek() !== '=') return null;
    p.i++;
    const out: LinearTerm[] = [];
    p.expression(1, out);
    p.skip();
    return p.i === p.s.length && out.length > 0 && out.length <= MAX_TERMS ? out : null;
  } catch {
    return null;
  }
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  peek(): string {
    return this.s[this.i] ?? '';
  }

  skip(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  expression(sign: number, out: LinearTerm[]): void {
    this.skip();
    let s = 1;
    while (this.peek() === '+' || this.peek() === '-') {
      if (this.peek() === '-') s = -s;
      this.i++;
      this.skip();
    }
    this.term(sign * s, out);
    for (;;) {
      this.skip();
      const op = this.peek();
      if (op !== '+' && op !== '-') return;
      this.i++;
      this.skip();
      let t = op === '-' ? -1 : 1;
      while (this.peek() === '+' || this.peek() === '-') {
        if (this.peek() === '-') t = -t;
        this.i++;
        this.skip();
      }
      this.term(sign * t, out);
    }
  }

  term(sign: number, out: LinearTerm[]): void {
    this.skip();
    if (this.peek() === '(') {
      this.i++;
      this.expression(sign, out);
      this.skip();
      if (this.peek() !== ')') throw new Error(')');
      this.i++;
      return;
    }
    const m = /^(SUM|SUMMA|SUBTOTAL)\s*\(/i.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      if (m[1].toUpperCase() === 'SUBTOTAL') {
        this.skip();
        const n = /^(9|109)\s*,/.exec(this.s.slice(this.i));
        if (!n) throw new Error('subtotal');
        this.i += n[0].length;
      }
      for (;;) {
        this.skip();
        this.rangeOrRef(sign, out);
        this.skip();
        if (this.peek() === ',' || this.peek() === ';') {
          this.i++;
          continue;
        }
        if (this.peek() !== ')') throw new Error(')');
        this.i++;
        return;
      }
    }
    const num = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(this.s.slice(this.i));
    // A constant term adds nothing we can check against cells; only a plain 0 is harmless.
    if (num) {
      if (Number(num[0]) !== 0) throw new Error('constant');
      this.i += num[0].length;
      return;
    }
    this.rangeOrRef(sign, out);
  }

  rangeOrRef(sign: number, out: LinearTerm[]): void {
    const a = this.ref();
    this.skip();
    if (this.peek() !== ':') {
      out.push({ r: a.r, c: a.c, coef: sign });
      return;
    }
    this.i++;
    this.skip();
    const b = this.ref();
    const [r0, r1] = a.r <= b.r ? [a.r, b.r] : [b.r, a.r];
    const [c0, c1] = a.c <= b.c ? [a.c, b.c] : [b.c, a.c];
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_TERMS) throw new Error('large');
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push({ r, c, coef: sign });
  }

  ref(): { r: number; c: number } {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?![A-Z0-9_!(])/i.exec(this.s.slice(this.i));
    if (!m) throw new Error('ref');
    this.i += m[0].length;
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  }
}

/** The raw value of a cell for a formula: numbers count, anything else is 0 (as Excel's SUM). */
function rawValue(g: Grid, r: number, c: number): number {
  const v = g.cell(r, c)?.value;
  return typeof v === 'number' ? v : 0;
}

/** The cell's own linear formula and whether its cached value reproduces it; null when it has none. */
export function ownFormula(g: Grid, r: number, c: number): OwnFormula | null {
  if (!g.hasFormula(r, c)) return null;
  const cell = g.cell(r, c);
  if (!cell?.formula || typeof cell.value !== 'number') return null;
  const terms = linearTerms(cell.formula);
  if (!terms) return null;
  let sum = 0;
  for (const t of terms) sum += t.coef * rawValue(g, t.r, t.c);
  const holds = Math.abs(sum - cell.value) <= 1e-9 * Math.max(1, Math.abs(sum), Math.abs(cell.value));
  return { terms, holds };
}

/** The formula is a plain sum of exactly these rows of column c (no other cells, no signs). */
export function sumsExactly(terms: LinearTerm[], rows: readonly number[], c: number): boolean {
  if (terms.length !== rows.length) return false;
  const want = new Set(rows);
  for (const t of terms) if (t.c !== c || t.coef !== 1 || !want.has(t.r)) return false;
  return true;
}
