// Property: a table whose figures are exact before they are rounded for print never gets
// a red cell. Rounding alone stays within 0.5 · u · (n + 1) (checks.md 3), so every cell
// the engine checks must be ok or warning — whatever the table's size, signs or decimals.
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import type { CellInput } from '../../src/engine';

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

interface Spec {
  rows: number[][];
  decimals: number;
  withTotalColumn: boolean;
  withChange: boolean;
}

function build(spec: Spec): (CellInput | undefined)[][] {
  const fmt = spec.decimals === 0 ? '#,##0' : '#,##0.' + '0'.repeat(spec.decimals);
  const n = spec.rows[0].length;
  const header: (CellInput | undefined)[] = [{ value: 'Post' }];
  for (let c = 0; c < n; c++) header.push({ value: `Kolumn ${c + 1}` });
  if (spec.withTotalColumn) header.push({ value: 'Totalt' });
  if (spec.withChange) header.push({ value: 'Förändring' });
  const out: (CellInput | undefined)[][] = [header];
  const exactRows = [...spec.rows, spec.rows[0].map((_, c) => spec.rows.reduce((s, r) => s + r[c], 0))];
  exactRows.forEach((exact, i) => {
    const label = i === spec.rows.length ? 'Summa' : `Post ${i + 1}`;
    const cells: number[] = [...exact];
    if (spec.withTotalColumn) cells.push(exact.reduce((s, x) => s + x, 0));
    if (spec.withChange) cells.push(exact[0] - exact[1]);
    out.push([{ value: label }, ...cells.map((x) => ({ value: round(x, spec.decimals), numFmt: fmt }))]);
  });
  return out;
}

/**
 * A report figure: of the table's size, of either sign, now and then zero. Unbiased:
 * fast-check's bias towards bounds makes columns of one repeated value, which no
 * report has and where any relation "holds".
 */
function figure(magnitude: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.noBias(fc.integer({ min: -1_000_000, max: 1_000_000 })).map((k) => (k / 1_000_000) * magnitude) },
    { weight: 1, arbitrary: fc.constant(0) },
  );
}

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    nRows: fc.integer({ min: 2, max: 12 }),
    nCols: fc.integer({ min: 2, max: 5 }),
    decimals: fc.integer({ min: 0, max: 2 }),
    withTotalColumn: fc.boolean(),
    withChange: fc.boolean(),
    magnitude: fc.constantFrom(10, 1000, 1e6),
  })
  .chain((o) =>
    fc
      .array(fc.array(figure(o.magnitude), { minLength: o.nCols, maxLength: o.nCols }), {
        minLength: o.nRows,
        maxLength: o.nRows,
      })
      .map((rows) => ({ rows, decimals: o.decimals, withTotalColumn: o.withTotalColumn, withChange: o.withChange })),
  );

describe('property: rounding for print never makes a red cell', () => {
  it('totals, Totalt columns and differences of exact figures, rounded cell by cell', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const res = checkWorkbook({ sheets: [{ name: 'S', rows: build(spec) }] });
        const red = res.sheets[0].cells.filter((c) => c.status === 'error').map((c) => `${c.address}: ${c.checks.map((k) => k.message).join(' | ')}`);
        expect(red).toEqual([]);
        // The Summa row is found and checked in every column.
        const summaRow = spec.rows.length + 1;
        for (let c = 1; c <= spec.rows[0].length; c++) expect(res.sheets[0].cells.some((x) => x.row === summaRow && x.col === c)).toBe(true);
      }),
      { numRuns: process.env.CI ? 3000 : 500, seed: process.env.CI ? 20261123 : undefined },
    );
  });
});

interface Statement {
  sections: { items: { value: number[]; children: number[][] }[] }[];
  decimals: number;
  withChange: boolean;
}

const statementArb = (magnitude: number): fc.Arbitrary<Statement> =>
  fc.record({
    sections: fc.array(
      fc.record({
        items: fc.array(
          fc.record({
            value: fc.constant([] as number[]),
            children: fc.oneof(
              { weight: 3, arbitrary: fc.constant([] as number[][]) },
              { weight: 1, arbitrary: fc.array(fc.array(figure(magnitude), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 3 }) },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    decimals: fc.integer({ min: 0, max: 1 }),
    withChange: fc.boolean(),
  });

/** Sections of items (some with parts below them), Summa per section, Totalt over the sections. */
function buildStatement(st: Statement, fill: () => number[]): (CellInput | undefined)[][] {
  const fmt = st.decimals === 0 ? '#,##0' : '#,##0.0';
  const cell = (x: number) => ({ value: round(x, st.decimals), numFmt: fmt });
  const header: (CellInput | undefined)[] = [{ value: 'Mnkr' }, { value: 'Utfall 2024' }, { value: 'Utfall 2023' }, { value: 'Budget' }];
  if (st.withChange) header.push({ value: 'Förändring' });
  const out: (CellInput | undefined)[][] = [header];
  const line = (label: string, v: number[]) => out.push([{ value: label }, ...v.map(cell), ...(st.withChange ? [cell(v[0] - v[1])] : [])]);
  const grand = [0, 0, 0];
  st.sections.forEach((sec, si) => {
    out.push([{ value: `Avsnitt ${si + 1}` }]);
    const sum = [0, 0, 0];
    sec.items.forEach((it, ii) => {
      const v = it.children.length ? it.children.reduce((a, ch) => a.map((x, k) => x + ch[k]), [0, 0, 0]) : fill();
      line(`Post ${si + 1}.${ii + 1}`, v);
      it.children.forEach((ch, ci) => line(`  Del ${ci + 1}`, ch));
      v.forEach((x, k) => (sum[k] += x));
    });
    line(`Summa avsnitt ${si + 1}`, sum);
    sum.forEach((x, k) => (grand[k] += x));
  });
  if (st.sections.length > 1) line('Totalt', grand);
  return out;
}

describe('property: statements with sections, groups and totals of totals', () => {
  it('rounded for print, they never make a red cell', () => {
    fc.assert(
      fc.property(
        // Figures of hundreds upwards. At magnitude 10 (counts 0–9) rare coincidences remain:
        // a post can equal the next posts within rounding and be taken for a group of them.
        fc.constantFrom(100, 1000, 1e6).chain((mag) => fc.tuple(statementArb(mag), fc.array(fc.array(figure(mag), { minLength: 3, maxLength: 3 }), { minLength: 20, maxLength: 20 }))),
        ([st, pool]) => {
          let i = 0;
          const rows = buildStatement(st, () => pool[i++ % pool.length]);
          const res = checkWorkbook({ sheets: [{ name: 'S', rows }] });
          const red = res.sheets[0].cells.filter((c) => c.status === 'error').map((c) => `${c.address}: ${c.checks.map((k) => k.message).join(' | ')}`);
          expect(red).toEqual([]);
        },
      ),
      { numRuns: process.env.CI ? 2000 : 300, seed: process.env.CI ? 20261124 : undefined },
    );
  });
});
