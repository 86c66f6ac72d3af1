// Totals stated by the controller's own formulas: a cell whose formula is a plain sum of a
// run of cells in its own column (above or below it) or its own row (left or right of it)
// is a derived cell, read as its formula says, when no other reading of the table claimed
// it. A money total whose SUM runs over count rows (Antal …) is an error (checks.md 5.3).
import { cellAddress } from '../read/address';
import type { CheckCollector } from '../result/collector';
import type { Formula } from '../judge/formula';
import type { Grid } from '../read/grid';
import { K_NUMBER } from '../read/grid';
import { L_COUNT } from '../tables/labels';
import { ownFormula, type LinearTerm } from '../judge/ownFormula';
import { checkCell, CheckScratch, okMessage } from '../judge/makeCheck';
import { labelOf, type RowFacts } from '../tables/rowLabels';
import type { Table } from '../tables/tableFinder';

type Shape = { dir: 'column'; rows: number[] } | { dir: 'row'; cols: number[] };

/** The run a plain SUM formula covers in the cell's own column or row, or null. */
export function sumShape(terms: LinearTerm[], r: number, c: number): Shape | null {
  if (terms.length < 2) return null;
  for (const t of terms) if (t.coef !== 1) return null;
  if (terms.every((t) => t.c === c)) {
    const rows = terms.map((t) => t.r).sort((a, b) => a - b);
    if (!runs(rows) || (rows[0] < r && rows[rows.length - 1] > r) || rows.includes(r)) return null;
    return { dir: 'column', rows };
  }
  if (terms.every((t) => t.r === r)) {
    const cols = terms.map((t) => t.c).sort((a, b) => a - b);
    if (!runs(cols) || (cols[0] < c && cols[cols.length - 1] > c) || cols.includes(c)) return null;
    return { dir: 'row', cols };
  }
  return null;
}

function mixesPercent(g: Grid, terms: LinearTerm[]): boolean {
  let pct = 0;
  let plain = 0;
  for (const t of terms) {
    if (g.kind(t.r, t.c) !== K_NUMBER) continue;
    if (g.pct(t.r, t.c)) pct++;
    else plain++;
  }
  return pct > 0 && plain > 0;
}

function runs(xs: number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[i - 1] + 1) return false;
  return true;
}

export function checkFormulaTotals(g: Grid, t: Table, facts: RowFacts, out: CheckCollector, cs: CheckScratch = new CheckScratch()): void {
  for (let r = t.r0; r <= t.r1; r++) {
    for (const c of t.numCols) {
      if (!g.hasFormula(r, c) || g.kind(r, c) !== K_NUMBER || out.has(r, c)) continue;
      const own = ownFormula(g, r, c);
      if (!own) continue;
      const shape = sumShape(own.terms, r, c);
      // Percentages are compared in points: a formula adding a percentage to a plain figure
      // (=A1+B1 over 1 and 200 %) is arithmetic on the stored values, no total to judge here.
      if (!shape || mixesPercent(g, own.terms)) continue;
      if (shape.dir === 'row') {
        const f: Formula = { kind: 'sum', terms: own.terms };
        const what = 'summan av cellerna i formeln';
        checkCell(g, 'row-relation', r, c, f, { what, okText: okMessage('row-relation', what, cs), basis: 'cellens egen SUMMA-formel över raden' }, out, cs);
        continue;
      }
      const countRows = (facts.of(r) & L_COUNT) === 0 ? shape.rows.filter((x) => x >= t.r0 && x <= t.r1 && facts.of(x) & L_COUNT && g.has(x, c)) : [];
      const rows = countRows.length ? shape.rows.filter((x) => !countRows.includes(x)) : shape.rows;
      const f: Formula = { kind: 'column', c, rows };
      const what = countRows.length ? 'summan av beloppsraderna' : 'summan av raderna i formeln';
      const basis = countRows.length ? 'cellens egen SUMMA-formel; antalsrader räknas inte in i en beloppssumma' : 'cellens egen SUMMA-formel';
      const k = checkCell(g, 'column-sum', r, c, f, { what, okText: okMessage('column-sum', what, cs), basis }, out, cs);
      if (k === null || !countRows.length) continue;
      const sum = out.check(k);
      out.add(r, c, {
        rule: 'formula-range',
        status: 'error',
        expected: sum.expected,
        actual: sum.actual,
        difference: sum.difference,
        tolerance: sum.tolerance,
        inputs: sum.inputs,
        message: `SUMMA-formeln i ${cellAddress(r, c)} tar med ${countRows.map((x) => `antalsraden «${labelOf(g, t, x)}» (rad ${x + 1})`).join(', ')}; antal räknas inte in i en beloppssumma.`,
        basis,
      });
    }
  }
}
