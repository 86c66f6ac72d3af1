// The tolerance rule (checks.md 3) through both doors: judge() with its figures and
// judgeStatus() for the hot loops. They must never disagree.
import fc from 'fast-check';
import { farApart, judge, judgeStatus, roundTo, S_ERROR, S_OK, S_WARNING } from '../../src/engine/judge/tolerance';

describe('judgeStatus', () => {
  it('Kock 59,1 + 17,3 = 76,4 shown as 76,5 (one decimal, two inputs) is a rounding warning', () => {
    // Tolerance 0,5 · 0,1 · (2 + 1) = 0,15 ≥ |76,5 − 76,4|.
    expect(judgeStatus(76.5, 59.1 + 17.3, 0.1, 0.1, 2)).toBe(S_WARNING);
  });
  it('equal once rounded to the display unit is ok, binary noise included', () => {
    expect(judgeStatus(0.3, 0.1 + 0.2, 0.1, 0.1, 2)).toBe(S_OK);
    expect(judgeStatus(1779, 1778.945, 1, 0.001, 12)).toBe(S_OK);
  });
  it('a typed subtotal 1 000 too high is an error', () => {
    expect(judgeStatus(401000, 400000, 1, 1, 8)).toBe(S_ERROR);
  });
  it('a larger tolerance from closed rows turns an error into a warning', () => {
    expect(judgeStatus(100, 98, 1, 1, 2)).toBe(S_ERROR);
    expect(judgeStatus(100, 98, 1, 1, 2, 2.5)).toBe(S_WARNING);
  });
  it('a coarser round unit (mnkr against tkr) decides ok', () => {
    expect(judgeStatus(1783, 1778.945, 1, 0.001, 1)).toBe(S_ERROR);
    expect(judgeStatus(1780, 1778.945, 1, 0.001, 1, 0, 10)).toBe(S_OK);
  });
  it('agrees with judge() on any figures', () => {
    const unit = fc.constantFrom(0, 0.001, 0.01, 0.1, 1, 1000);
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), unit, unit, fc.nat(40), fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })), fc.option(unit), (actual, expected, unitY, inputUnit, n, atLeast, roundUnit) => {
        const j = judge({ actual, expected, unitY, inputUnit, n, atLeast: atLeast ?? undefined, roundUnit: roundUnit ?? undefined });
        const code = judgeStatus(actual, expected, unitY, inputUnit, n, atLeast ?? 0, roundUnit ?? 0);
        expect(['ok', 'warning', 'error'][code]).toBe(j.status);
      }),
    );
  });
});

describe('farApart (the cheap test before roundTo)', () => {
  it('figures it calls far apart are never within 1e-9 of the larger one once rounded', () => {
    const figure = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
    const unit = fc.oneof(fc.constantFrom(0, 0.001, 0.01, 0.1, 1, 10, 1000, 1e6), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(figure, figure, unit, (x, y, u) => {
        if (!farApart(x, y, u)) return;
        // (Both roundings may overflow with a subnormal unit: NaN apart, which is not within either.)
        expect(Math.abs(roundTo(x, u) - roundTo(y, u)) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });
  it('says nothing for a negative or NaN unit', () => {
    expect(farApart(0, 1e9, -1)).toBe(false);
    expect(farApart(0, 1e9, NaN)).toBe(false);
  });
});
