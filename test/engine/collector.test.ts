// The collector: one entry per cell, status the worst of its checks, listed by row then column.
import { CheckCollector } from '../../src/engine/result/collector';
import { buildGrid } from '../../src/engine/read/grid';
import type { Check } from '../../src/engine/types';

function chk(status: Check['status'], inputs: string[], expected = 10): Check {
  return { rule: 'column-sum', status, expected, actual: 10, difference: 0, tolerance: 0.5, inputs, message: 'x' };
}

describe('CheckCollector', () => {
  const grid = buildGrid({ name: 'B', rows: [[1, 2, 3].map((value) => ({ value })), [4, 5, 6].map((value) => ({ value })), [{ value: 7 }]] });

  it('lists cells by row, then column, whatever order they came in', () => {
    const out = new CheckCollector(grid);
    out.add(1, 2, chk('ok', ['C1']));
    out.add(0, 1, chk('ok', ['B1']));
    out.add(2, 0, chk('ok', ['A1']));
    out.add(1, 0, chk('ok', ['A1']));
    expect(out.list().map((c) => c.address)).toEqual(['B1', 'A2', 'C2', 'A3']);
  });

  it('keeps one check for the same rule and inputs, and the worst status of different ones', () => {
    const out = new CheckCollector(grid);
    out.add(1, 1, chk('ok', ['B1']));
    out.add(1, 1, chk('ok', ['B1']));
    expect(out.list()[0].checks).toHaveLength(1);
    out.add(1, 1, chk('error', ['A2:C2'], 12));
    out.add(1, 1, chk('warning', ['B1:B1'], 11));
    const [cell] = out.list();
    expect(cell.checks.map((k) => k.status)).toEqual(['ok', 'error', 'warning']);
    expect(cell.status).toBe('error');
    expect(out.has(1, 1)).toBe(true);
    expect(out.has(0, 0)).toBe(false);
  });

  it('takes cells outside the stored grid too, in order', () => {
    const out = new CheckCollector(grid);
    out.add(5, 3, chk('warning', ['D1']));
    out.add(0, 0, chk('ok', ['A1']));
    out.add(2, 4, chk('ok', ['E1']));
    expect(out.list().map((c) => `${c.address}:${c.status}`)).toEqual(['A1:ok', 'E3:ok', 'D6:warning']);
    expect(out.has(5, 3)).toBe(true);
  });
});

describe('CheckCollector, logged checks', () => {
  const grid = buildGrid({ name: 'B', rows: [[{ value: 'Post' }, { value: 'Belopp' }], [{ value: 'a' }, { value: 4 }], [{ value: 'b' }, { value: 6 }], [{ value: 'Summa' }, { value: 10 }]] });
  const fig = { expected: 10, actual: 10, difference: 0, tolerance: 1.5, message: 'Summering: summan av raderna. Stämmer.' };

  it('builds the reconciled check with the inputs of its formula when listed, even after the formula object changed', () => {
    const out = new CheckCollector(grid);
    const f = { kind: 'column' as const, c: 1, rows: [1, 2] };
    out.addReconciled(3, 1, 'column-sum', fig, f);
    f.c = 0; // the caller moves its formula on
    expect(out.list()).toEqual([
      { address: 'B4', row: 3, col: 1, status: 'ok', checks: [{ rule: 'column-sum', status: 'ok', expected: 10, actual: 10, difference: 0, tolerance: 1.5, inputs: ['B2:B3'], message: fig.message }] },
    ]);
  });

  it('drops a logged check that repeats one the cell has, and gives the number of that one', () => {
    const out = new CheckCollector(grid);
    const first = out.addReconciled(3, 1, 'column-sum', fig, { kind: 'column', c: 1, rows: [1, 2] });
    const again = out.addReconciled(3, 1, 'column-sum', fig, { kind: 'column', c: 1, rows: [1, 2] });
    expect(again).toBe(first);
    out.addReconciled(3, 1, 'column-sum', fig, { kind: 'column', c: 1, rows: [2] });
    expect(out.list()[0].checks.map((k) => k.inputs)).toEqual([['B2:B3'], ['B3']]);
  });

  it('gives statuses, findings and counts without the cell objects of the rest', () => {
    const out = new CheckCollector(grid);
    out.addReconciled(3, 1, 'column-sum', fig, { kind: 'column', c: 1, rows: [1, 2] });
    out.add(2, 1, chk('error', ['B1']));
    out.seal();
    const seen: string[] = [];
    out.forEachStatus((r, c, s) => seen.push(`${r},${c},${s}`));
    expect(seen).toEqual(['2,1,error', '3,1,ok']);
    expect(out.findings().map((c) => c.address)).toEqual(['B3']);
    expect(out.counts()).toEqual({ cells: 2, ok: 1, warning: 0, error: 1 });
    expect(() => out.add(1, 1, chk('ok', ['B1']))).toThrow();
  });
});
