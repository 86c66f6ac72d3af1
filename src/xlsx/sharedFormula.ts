// Shared formulas: Excel stores `SUM(B4:B12)` once on the master cell and only
// `<f t="shared" si="0"/>` on the others. A child's formula is the master's with every
// relative reference moved by the child's offset; `$`-anchored parts stay.
import { columnName } from '../engine';

function columnNumber(letters: string): number {
  let c = 0;
  for (let i = 0; i < letters.length; i++) c = c * 26 + (letters.charCodeAt(i) - 64);
  return c - 1;
}

// A cell reference (B4, $B$4), or whole columns (A:C) or rows (3:5), not part of a name,
// number or function call. Strings and quoted sheet names are skipped by the caller.
const REF =
  /(^|[^A-Za-z0-9_.$'"\]])(?:(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(])|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(]))/g;

const REF_ERROR = '#REF!';

function shiftCol(dollar: string, letters: string, dc: number): string {
  if (dollar) return dollar + letters;
  const c = columnNumber(letters) + dc;
  return c < 0 ? REF_ERROR : columnName(c);
}

function shiftRow(dollar: string, digits: string, dr: number): string {
  if (dollar) return dollar + digits;
  const r = Number(digits) + dr;
  return r < 1 ? REF_ERROR : String(r);
}

function shiftPlain(text: string, dr: number, dc: number): string {
  return text.replace(
    REF,
    (m, lead: string, cd: string, cl: string, rd: string, rn: string, c1d: string, c1: string, c2d: string, c2: string, r1d: string, r1: string, r2d: string, r2: string) => {
      // A reference moved off the sheet is `#REF!` as a whole, as Excel writes it.
      const whole = (a: string, b: string, sep: string) => (a === REF_ERROR || b === REF_ERROR ? REF_ERROR : a + sep + b);
      if (cl !== undefined) return lead + whole(shiftCol(cd, cl, dc), shiftRow(rd, rn, dr), '');
      if (c1 !== undefined) return lead + whole(shiftCol(c1d, c1, dc), shiftCol(c2d, c2, dc), ':');
      if (r1 !== undefined) return lead + whole(shiftRow(r1d, r1, dr), shiftRow(r2d, r2, dr), ':');
      return m;
    },
  );
}

/** Move the relative references of `formula` (no leading '=') by dr rows and dc columns. */
export function translateFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let p = 0;
  let plainStart = 0;
  while (p < formula.length) {
    const ch = formula[p];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied as is ('' and "" are escapes).
      out += shiftPlain(formula.slice(plainStart, p), dr, dc);
      let q = p + 1;
      for (;;) {
        const e = formula.indexOf(ch, q);
        if (e < 0) {
          q = formula.length;
          break;
        }
        if (formula[e + 1] === ch) q = e + 2;
        else {
          q = e + 1;
          break;
        }
      }
      out += formula.slice(p, q);
      p = plainStart = q;
      continue;
    }
    p++;
  }
  return out + shiftPlain(formula.slice(plainStart), dr, dc);
}
