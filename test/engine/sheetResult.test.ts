// A sheet result's cells are built from the collector when first read: they must behave
// as plain data everywhere (keys, JSON, spreading, comparisons), and the cheap readers
// (statuses, findings) must say what the cells say.
import { findingsOf, forEachCell, forEachStatus } from '../../src/engine';
import type { CheckedCell } from '../../src/engine';
import { budgetSheet, check, sheet } from './helpers';

const res = check(budgetSheet());
const s = res.sheets[0];

describe('sheet result', () => {
  it('has cells as an own, enumerable property in its place', () => {
    expect(Object.keys(s)).toEqual(['name', 'tables', 'cells', 'notes', 'causes']);
    expect(s.cells.length).toBeGreaterThan(0);
    expect(s.cells).toBe(s.cells); // built once
  });

  it('survives JSON and spreading unchanged', () => {
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
    expect({ ...s }.cells).toEqual(s.cells);
  });

  it('statuses and findings agree with the cells', () => {
    const seen: string[] = [];
    forEachStatus(s, (r, c, st) => seen.push(`${r},${c},${st}`));
    expect(seen).toEqual(s.cells.map((c) => `${c.row},${c.col},${c.status}`));
    expect(findingsOf(s)).toEqual(s.cells.filter((c) => c.status !== 'ok'));
    // Hand-checked: 100 − 50 + 50 = 100 in Avvikelse is shown as 99 (D5 is an error).
    expect(findingsOf(s).map((c) => c.address)).toContain('D5');
  });

  it('cells streamed one by one are the cells of the list, built or not', () => {
    const fresh = check(sheet('Budget', [['Verksamhet', 'Budget'], ['Vård', 1200], ['Skola', 800], ['Summa', 2000]])).sheets[0];
    const streamed: CheckedCell[] = [];
    forEachCell(fresh, (c) => streamed.push(c));
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed).toEqual(fresh.cells);
    // Once the list is built (or set), it is the list that is visited.
    const again: CheckedCell[] = [];
    forEachCell(fresh, (c) => again.push(c));
    again.forEach((c, i) => expect(c).toBe(fresh.cells[i]));
    fresh.cells = [];
    forEachCell(fresh, () => {
      throw new Error('an emptied list has no cells');
    });
  });

  it('summary counts the same cells', () => {
    expect(res.summary.cells).toBe(s.cells.length);
    expect(res.summary.error).toBe(s.cells.filter((c) => c.status === 'error').length);
  });
});
