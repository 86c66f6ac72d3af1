// Collects checks per cell and turns them into the sorted result list: a cell's
// status is the worst of its checks (checks.md section 1).
import { cellAddress } from './address';
import { worst } from './statusColours';
import type { Check, CheckedCell } from './types';

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class CheckCollector {
  private cells = new Map<number, CheckedCell>();

  add(r: number, c: number, check: Check): void {
    const key = r * 65536 + c;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { address: cellAddress(r, c), row: r, col: c, status: check.status, checks: [] };
      this.cells.set(key, cell);
    }
    // The same rule with the same inputs twice (two readings agreeing) is one check.
    for (const k of cell.checks) if (k.rule === check.rule && k.expected === check.expected && sameList(k.inputs, check.inputs)) return;
    cell.checks.push(check);
    cell.status = worst(cell.status, check.status);
  }

  has(r: number, c: number): boolean {
    return this.cells.has(r * 65536 + c);
  }

  list(): CheckedCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}
