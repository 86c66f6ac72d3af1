// parseSumFormula reads `=SUM(X4:X12)` by hand (no match array per cell): it must accept and
// read exactly what the regular expression it replaces does.
import fc from 'fast-check';
import { parseSumFormula, sumRangeOf, type RowRange } from '../../src/engine/hypotheses/totalRow';

const SUM_FORMULA = /^=\s*(?:SUM|SUMMA)\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

/** What the regular expression gives for column c: the range, or null. */
function byRegex(f: string, c: number): RowRange | null {
  const m = SUM_FORMULA.exec(f);
  if (!m || columnIndex(m[1]) !== c || columnIndex(m[3]) !== c) return null;
  const a = Number(m[2]) - 1;
  const b = Number(m[4]) - 1;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

function byHand(f: string, c: number): RowRange | null {
  const out: RowRange = { from: NaN, to: NaN };
  const read = parseSumFormula(f, c, out) ? out : null;
  // What the totals use (a first look, and a one-pass reading of Excel's own spelling) must read the same.
  const quick: RowRange = { from: NaN, to: NaN };
  const firstLook = f.length >= 8 && ((f.charCodeAt(1) | 32) === 115 || f.charCodeAt(1) === 32);
  expect(sumRangeOf(f, c, quick) ? quick : null).toEqual(firstLook ? read : null);
  return read;
}

describe('parseSumFormula', () => {
  it('reads the common forms', () => {
    expect(byHand('=SUM(B3:B10)', 1)).toEqual({ from: 2, to: 9 });
    expect(byHand('=SUM(B10:B3)', 1)).toEqual({ from: 2, to: 9 });
    expect(byHand('=SUM(B0:B3)', 1)).toEqual({ from: -1, to: 2 });
    expect(byHand('=SUM(XFD1048576:XFD1)', 16383)).toEqual({ from: 0, to: 1048575 });
    expect(byHand('=SUM(B3:B1234567890123)', 1)).toEqual({ from: 2, to: 1234567890122 });
    expect(byHand('=SUM(B3:B98765432109876543)', 1)).toEqual(byRegex('=SUM(B3:B98765432109876543)', 1));
    expect(byHand('=SUM(B3:B10))', 1)).toBeNull();
    expect(byHand('=SUM(B3:B10', 1)).toBeNull();
    expect(byHand('=SUM(B3:', 1)).toBeNull();
    expect(byHand('=summa( $c$12 : C4 ) ', 2)).toEqual({ from: 3, to: 11 });
    expect(byHand('=SUM(AA1:AA2)', 26)).toEqual({ from: 0, to: 1 });
    expect(byHand('=SUM(B3:C10)', 1)).toBeNull();
    expect(byHand('=SUM(B3,B10)', 1)).toBeNull();
    expect(byHand('=SUMM(B3:B10)', 1)).toBeNull();
    expect(byHand('=SUMMA(B3:B10)x', 1)).toBeNull();
  });

  it('agrees with the regular expression on every white-space character', () => {
    const differ: string[] = [];
    for (let ch = 0; ch < 0x10000; ch++) {
      const s = String.fromCharCode(ch);
      for (const f of [`=${s}SUM(B1:B3)`, `=SUM(${s}B1:B3)`, `=SUM(B1${s}:${s}B3${s})${s}`, `=SUM(B1:B3)${s}`, `=S${s}M(B1:B3)`, `=SUM(${s}1:B3)`])
        if (JSON.stringify(byHand(f, 1)) !== JSON.stringify(byRegex(f, 1))) differ.push(f);
    }
    expect(differ).toEqual([]);
  });

  it('agrees with the regular expression on formulas made of its pieces', () => {
    const piece = fc.constantFrom('=', ' ', '\t', '\u00a0', '\u2003', 'S', 's', 'U', 'M', 'm', 'A', 'a', 'SUM', 'SUMMA', 'B', 'AB', 'ABC', 'ABCD', 'ſ', 'K', '$', '(', ')', ':', ',', '0', '1', '9', '12', '007', '12345678901234567890', 'x', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.boolean(), fc.integer({ min: 0, max: 800 }), (pieces, prefix, c) => {
        const f = (prefix ? '=SUM(' : '') + pieces.join('');
        for (const col of [c, 1, 27, 730]) expect(byHand(f, col)).toEqual(byRegex(f, col));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the regular expression on well-formed ranges', () => {
    const letters = fc.stringMatching(/^[A-Za-z]{1,4}$/);
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    const space = fc.constantFrom('', ' ', '  ', '\n', '\u3000');
    const dollar = fc.constantFrom('', '$');
    fc.assert(
      fc.property(fc.constantFrom('SUM', 'summa', 'Sum', 'SUMMA'), space, dollar, letters, dollar, digits, space, space, dollar, letters, dollar, digits, space, space, (name, s1, d1, l1, d2, n1, s2, s3, d3, l2, d4, n2, s4, s5) => {
        const f = `=${s1}${name}(${s1}${d1}${l1}${d2}${n1}${s2}:${s3}${d3}${l2}${d4}${n2}${s4})${s5}`;
        const c = columnIndex(l1);
        expect(byHand(f, c)).toEqual(byRegex(f, c));
        expect(byHand(f, columnIndex(l2))).toEqual(byRegex(f, columnIndex(l2)));
      }),
      { numRuns: 5000 },
    );
  });
});
