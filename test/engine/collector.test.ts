// The collector: one entry per cell, status the worst of its checks, listed by row then column.
import { CheckCollector } from '../../src/engine/collector';
import { buildGrid } from '../../src/engine/grid';
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
