// A row's label (the text that names it) and per-row facts worked out once per table.
import type { Grid } from './grid';
import { K_TEXT } from './grid';
import type { Table } from './tableFinder';

export function labelOf(g: Grid, t: Table, r: number): string {
  if (t.labelCol >= 0 && g.kind(r, t.labelCol) === K_TEXT) return g.textAt(r, t.labelCol);
  for (let c = t.c0; c <= t.c1; c++) if (g.kind(r, c) === K_TEXT) return g.textAt(r, c);
  return '';
}

/** Per-row facts of one table, each worked out once; rows index an array (no hashing). */
export class RowMemo<T> {
  private readonly values: (T | undefined)[] = [];

  constructor(
    private readonly r0: number,
    private readonly compute: (r: number) => T,
  ) {}

  get(r: number): T {
    const i = r - this.r0;
    let v = this.values[i];
    if (v === undefined) this.values[i] = v = this.compute(r);
    return v;
  }
}
