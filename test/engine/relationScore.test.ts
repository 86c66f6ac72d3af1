// The quick look of a column relation, taken for one candidate at a time or for the three
// signed sums of a pair, or the runs beside a Totalt, at once (the fast paths of
// discoverColumnRelations): they must agree.
import fc from 'fast-check';
import { candidatesFor, rightRunCandidates } from '../../src/engine/hypotheses/relationCandidates';
import type { Matrix } from '../../src/engine/hypotheses/relationMatrix';
import { failsQuickLook, pairFailsQuickLook, rightRunsFailQuickLook, runsFailQuickLook } from '../../src/engine/hypotheses/relationQuickLook';

interface Cell {
  v: number;
  u: number;
  has: boolean;
}

function toMatrix(rows: Cell[][]): Matrix {
  const width = rows[0].length;
  const size = rows.length * width;
  const m: Matrix = {
    rows: rows.map((_, i) => i),
    width,
    v: new Float64Array(size),
    u: new Float64Array(size),
    has: new Uint8Array(size),
    pct: new Uint8Array(size),
    values: new Int32Array(width),
    percents: new Int32Array(width),
  };
  rows.forEach((row, i) =>
    row.forEach((cell, k) => {
      if (!cell.has) return;
      m.v[i * width + k] = cell.v;
      m.u[i * width + k] = cell.u;
      m.has[i * width + k] = 1;
      m.values[k]++;
    }),
  );
  return m;
}

/** Bits of the pair candidates (a, b, variant) that fail the look one at a time. */
function oneByOne(m: Matrix, yi: number, a: number, b: number): number {
  let bits = 0;
  for (const cand of candidatesFor(yi, 0, false, null, false))
    if (cand.pair && cand.pair.a === a && cand.pair.b === b && failsQuickLook(m, yi, cand)) bits |= 1 << cand.pair.variant;
  return bits;
}

/** Bits of the run candidates (k columns before yi, within from …) that fail the look one at a time. */
function runsOneByOne(m: Matrix, yi: number, from: number): number {
  let bits = 0;
  for (const cand of candidatesFor(yi, from, true, null, false)) if (cand.run && failsQuickLook(m, yi, cand)) bits |= 1 << cand.run;
  return bits;
}

/** Bits of the runs of k columns right after yi that fail the look one at a time. */
function rightRunsOneByOne(m: Matrix, yi: number): number {
  let bits = 0;
  for (const cand of rightRunCandidates(yi, m.width)) if (failsQuickLook(m, yi, cand)) bits |= 1 << cand.right;
  return bits;
}

const WIDTH = 5;
// Small figures, zeros and halves: rows where a sum holds, fails, or says nothing all occur.
const figure = fc.oneof(fc.integer({ min: -30, max: 30 }), fc.constantFrom(0, 0.5, -0.5, 100, 1000));
// Most cells hold a value; an empty one is 0 without a unit, as matrix() stores it.
const cell = fc.record({ v: figure, u: fc.constantFrom(1, 0.1, 10), has: fc.integer({ min: 0, max: 9 }).map((x) => x > 0) }).map((c) => (c.has ? c : { v: 0, u: 0, has: false }));
// Rows where the last column is a signed sum of two others, to make relations that pass.
const row = fc
  .tuple(fc.array(cell, { minLength: WIDTH, maxLength: WIDTH }), fc.constantFrom(0, 1, 2, 3), fc.integer({ min: -1, max: 1 }))
  .map(([cells, how, noise]) => {
    if (how === 3 || !cells[0].has || !cells[2].has) return cells;
    const [x, z] = [cells[0].v, cells[2].v];
    const sum = how === 0 ? x + z : how === 1 ? x - z : z - x;
    return [...cells.slice(0, WIDTH - 1), { v: sum + noise, u: 1, has: true }];
  });

describe('pairFailsQuickLook', () => {
  it('says for each signed sum what failsQuickLook says for it', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 21, maxLength: 60 }), (rows) => {
        const m = toMatrix(rows);
        for (let yi = 2; yi < WIDTH; yi++)
          for (let a = 0; a < yi; a++) for (let b = a + 1; b < yi; b++) expect(pairFailsQuickLook(m, yi, a, b)).toBe(oneByOne(m, yi, a, b));
      }),
      { numRuns: 300 },
    );
  });
  it('takes no look in short tables', () => {
    const m = toMatrix(Array.from({ length: 20 }, () => [1, 2, 9].map((v) => ({ v, u: 1, has: true }))));
    expect(pairFailsQuickLook(m, 2, 0, 1)).toBe(0);
  });
  it('a relation that holds in every row passes, its other signs fail', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [100 + 7 * i, 30 + 3 * i, 70 + 4 * i].map((v) => ({ v, u: 1, has: true })));
    // Column 2 = column 0 − column 1: variant 1 holds; a + b and b − a fail.
    expect(pairFailsQuickLook(toMatrix(rows), 2, 0, 1)).toBe(0b101);
  });
});

describe('runsFailQuickLook', () => {
  // Columns 0–8 posts, column 9 their Totalt in some rows: runs of 3 … 8 columns.
  const RUN_WIDTH = 10;
  const runRow = fc.tuple(fc.array(cell, { minLength: RUN_WIDTH, maxLength: RUN_WIDTH }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -1, max: 1 })).map(([cells, k, noise]) => {
    if (k < 3) return cells;
    let total = 0;
    for (let j = RUN_WIDTH - 1 - k; j < RUN_WIDTH - 1; j++) total += cells[j].v;
    return [...cells.slice(0, RUN_WIDTH - 1), { v: total + noise, u: 1, has: true }];
  });
  it('says for each run what failsQuickLook says for it', () => {
    fc.assert(
      fc.property(fc.array(runRow, { minLength: 21, maxLength: 60 }), fc.integer({ min: 0, max: RUN_WIDTH - 2 }), (rows, from) => {
        const m = toMatrix(rows);
        expect(runsFailQuickLook(m, RUN_WIDTH - 1, from)).toBe(runsOneByOne(m, RUN_WIDTH - 1, from));
      }),
      { numRuns: 500 },
    );
  });
  it('a Totalt of the three posts before it passes; longer runs fail', () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const posts = [500 + i, 17 * i + 3, 40 + 2 * i, 90 - i, 11 * i + 7];
      return [...posts, posts[2] + posts[3] + posts[4]].map((v) => ({ v, u: 1, has: true }));
    });
    expect(runsFailQuickLook(toMatrix(rows), 5, 0)).toBe((1 << 4) | (1 << 5));
  });
});

describe('rightRunsFailQuickLook', () => {
  // Column 0 the Totalt of the posts after it in some rows: runs of 2 … 9 columns.
  const RUN_WIDTH = 10;
  const runRow = fc.tuple(fc.array(cell, { minLength: RUN_WIDTH, maxLength: RUN_WIDTH }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -1, max: 1 })).map(([cells, k, noise]) => {
    if (k < 2) return cells;
    let total = 0;
    for (let j = 1; j <= k; j++) total += cells[j].v;
    return [{ v: total + noise, u: 1, has: true }, ...cells.slice(1)];
  });
  it('says for each run what failsQuickLook says for it', () => {
    fc.assert(
      fc.property(fc.array(runRow, { minLength: 21, maxLength: 60 }), fc.integer({ min: 0, max: RUN_WIDTH - 3 }), (rows, yi) => {
        const m = toMatrix(rows);
        expect(rightRunsFailQuickLook(m, yi, RUN_WIDTH)).toBe(rightRunsOneByOne(m, yi));
      }),
      { numRuns: 500 },
    );
  });
  it('a Totalt of the three posts after it passes; other runs fail', () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const posts = [500 + i, 17 * i + 3, 40 + 2 * i, 90 - i];
      return [posts[0] + posts[1] + posts[2], ...posts].map((v) => ({ v, u: 1, has: true }));
    });
    expect(rightRunsFailQuickLook(toMatrix(rows), 0, 5)).toBe((1 << 2) | (1 << 4));
  });
  it('takes no look in short tables', () => {
    const m = toMatrix(Array.from({ length: 20 }, () => [1, 2, 9].map((v) => ({ v, u: 1, has: true }))));
    expect(rightRunsFailQuickLook(m, 0, 3)).toBe(0);
  });
});
