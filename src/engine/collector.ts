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

/** One number per cell that orders cells by row, then column (Excel has at most 16 384 columns). */
const keyOf = (r: number, c: number): number => r * 65536 + c;

export class CheckCollector {
  private cells = new Map<number, CheckedCell>();

  add(r: number, c: number, check: Check): void {
    const key = keyOf(r, c);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { address: cellAddress(r, c), row: r, col: c, status: check.status, checks: [check] };
      this.cells.set(key, cell);
      return;
    }
    // The same rule with the same inputs twice (two readings agreeing) is one check.
    for (const k of cell.checks) if (k.rule === check.rule && k.expected === check.expected && sameList(k.inputs, check.inputs)) return;
    cell.checks.push(check);
    cell.status = worst(cell.status, check.status);
  }

  has(r: number, c: number): boolean {
    return this.cells.has(keyOf(r, c));
  }

  list(): CheckedCell[] {
    // Sort the numeric keys (a typed-array sort, no comparator calls), then look the cells up.
    const keys = new Float64Array(this.cells.size);
    let i = 0;
    for (const k of this.cells.keys()) keys[i++] = k;
    keys.sort();
    const out: CheckedCell[] = [];
    for (let j = 0; j < keys.length; j++) out.push(this.cells.get(keys[j])!);
    return out;
  }
}
