// Collects checks per cell and turns them into the sorted result list: a cell's
// status is the worst of its checks (checks.md section 1).
import { cellAddress } from './address';
import { worst } from './statusColours';
import type { Grid } from './grid';
import type { Check, CheckedCell } from './types';

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One number per cell that orders cells by row, then column (Excel has at most 16 384 columns). */
const keyOf = (r: number, c: number): number => r * 65536 + c;

/**
 * Checked cells of one sheet. Cells are found by their grid id in a typed array (no
 * hashing), and listed by walking the ids, which run in row-major order (no sorting).
 */
export class CheckCollector {
  private readonly slotOf: Int32Array;
  private readonly cells: CheckedCell[] = [];
  /** Cells the grid does not store (none in practice): kept apart, merged when listing. */
  private readonly outside = new Map<number, CheckedCell>();

  constructor(private readonly grid: Grid) {
    this.slotOf = new Int32Array(grid.cellCount);
  }

  private find(r: number, c: number): CheckedCell | undefined {
    const id = this.grid.cellId(r, c);
    if (id < 0) return this.outside.get(keyOf(r, c));
    const slot = this.slotOf[id];
    return slot === 0 ? undefined : this.cells[slot - 1];
  }

  add(r: number, c: number, check: Check): void {
    const cell = this.find(r, c);
    if (!cell) {
      const created: CheckedCell = { address: cellAddress(r, c), row: r, col: c, status: check.status, checks: [check] };
      const id = this.grid.cellId(r, c);
      if (id < 0) this.outside.set(keyOf(r, c), created);
      else this.slotOf[id] = this.cells.push(created);
      return;
    }
    // The same rule with the same inputs twice (two readings agreeing) is one check.
    for (const k of cell.checks) if (k.rule === check.rule && k.expected === check.expected && sameList(k.inputs, check.inputs)) return;
    cell.checks.push(check);
    cell.status = worst(cell.status, check.status);
  }

  has(r: number, c: number): boolean {
    return this.find(r, c) !== undefined;
  }

  /** The checked cells ordered by row, then column. */
  list(): CheckedCell[] {
    const out: CheckedCell[] = [];
    const slots = this.slotOf;
    for (let id = 0; id < slots.length; id++) if (slots[id] !== 0) out.push(this.cells[slots[id] - 1]);
    if (this.outside.size === 0) return out;
    return [...out, ...this.outside.values()].sort((a, b) => keyOf(a.row, a.col) - keyOf(b.row, b.col));
  }
}
