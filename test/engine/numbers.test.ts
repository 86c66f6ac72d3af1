import fc from 'fast-check';
import { parseNumberText, readCell } from '../../src/engine/read/numbers';
import { formatSwedish } from '../../src/engine/read/swedishFormat';
import { formatInfo } from '../../src/engine/read/numberFormat';

describe('reading numbers (checks.md 2)', () => {
  it.each([
    ['1 777 590', 1777590],
    ['1\u00a0777\u00a0590', 1777590],
    ['1\u2009777\u2009590', 1777590],
    ['1 468,2', 1468.2],
    ['1 468.2', 1468.2],
    ['-55 691', -55691],
    ['\u221255 691', -55691],
    ['\u20130,3', -0.3],
    ['(1 234)', -1234],
    ['+3', 3],
    ['97 259 kr', 97259],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberText(text)?.value).toBeCloseTo(value, 10);
  });

  it('reads percentages as percent with their decimals', () => {
    expect(parseNumberText('8%')).toEqual({ value: 8, decimals: 0, percent: true });
    expect(parseNumberText('2,6 %')).toEqual({ value: 2.6, decimals: 1, percent: true });
    const r = readCell({ value: '2,6 %' });
    expect(r).toMatchObject({ kind: 'number', display: 2.6, scale: 100, fromText: true });
  });

  it.each(['Över 10', 'inget än', 'ja', '~75', '2022 2023', '', '12 34'])('does not read %p as a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it.each(['-', '–', '—'])('reads a lone %s as a dash (zero)', (text) => {
    expect(readCell({ value: text }).kind).toBe('dash');
  });

  it('reads Excel error values as errors', () => {
    for (const e of ['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?']) expect(readCell({ value: e }).kind).toBe('error');
    expect(readCell({ value: '#REF!', error: true })).toEqual({ kind: 'error', text: '#REF!' });
  });

  it('takes decimals and percent from the number format', () => {
    expect(readCell({ value: 0.026, numFmt: '0.0 %' })).toMatchObject({ display: 2.6, scale: 100 });
    expect((readCell({ value: 0.026, numFmt: '0.0 %' }) as { unit: number }).unit).toBeCloseTo(0.1, 12);
    expect(readCell({ value: 1468.2, numFmt: '#,##0.0' })).toMatchObject({ unit: expect.closeTo(0.1, 12) });
    expect(readCell({ value: 3, numFmt: '+#,##0;-#,##0;#,##0' })).toMatchObject({ unit: 1 });
    expect(readCell({ value: 97259, numFmt: '#,##0 "kr"' })).toMatchObject({ unit: 1, scale: 1 });
    // General: decimals as typed.
    expect((readCell({ value: 1468.25 }) as { unit: number }).unit).toBeCloseTo(0.01, 12);
  });

  it('does not read dates as amounts', () => {
    expect(readCell({ value: 45536, numFmt: 'yyyy-mm-dd' }).kind).toBe('text');
    expect(formatInfo('d/m/yyyy').date).toBe(true);
    expect(formatInfo('#,##0.00').date).toBe(false);
  });

  it('property: a number written the Swedish way reads back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (int, decimals) => {
        const x = int / Math.pow(10, decimals);
        const text = formatSwedish(x, { decimals });
        const parsed = parseNumberText(text);
        expect(parsed).not.toBeNull();
        expect(parsed!.value).toBeCloseTo(x, 6);
      }),
      { numRuns: 2000 },
    );
  });

  it('a power of ten in parentheses is a unit indicator, not a negative figure', () => {
    for (const t of ['(1,000)', '(1 000)', '(1.000.000)', '(1000)', '( 1,000,000 )']) expect(parseNumberText(t)).toBeNull();
    expect(parseNumberText('(1 234)')!.value).toBe(-1234);
    expect(parseNumberText('(2 000)')!.value).toBe(-2000);
  });

  it('property: the reader never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        parseNumberText(s);
        readCell({ value: s });
      }),
      { numRuns: 5000 },
    );
  });
});

describe('Swedish number text', () => {
  it('groups thousands with a no-break space and uses a true minus and a decimal comma', () => {
    expect(formatSwedish(1778945)).toBe('1\u00a0778\u00a0945');
    expect(formatSwedish(-3.4)).toBe('\u22123,4');
    expect(formatSwedish(-3.44, { decimals: 1, group: ' ' })).toBe('\u22123,4');
    expect(formatSwedish(-0.04, { decimals: 1 })).toBe('0,0');
  });
});
