// The cells of one table laid out for HTML: merged areas become one cell with
// colspan/rowspan (clipped to the table), the cells they cover are left out.
import type { CellInput, MergedArea, SheetInput } from '../engine';

export interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridCell {
  row: number;
  col: number;
  cell: CellInput | undefined;
  colspan: number;
  rowspan: number;
}

function clip(m: MergedArea, b: Bounds): MergedArea | null {
  const r0 = Math.max(m.r0, b.r0);
  const c0 = Math.max(m.c0, b.c0);
  const r1 = Math.min(m.r1, b.r1);
  const c1 = Math.min(m.c1, b.c1);
  return r0 > r1 || c0 > c1 ? null : { r0, c0, r1, c1 };
}

/** Rows of the table from top to bottom, each the cells to write in order. */
export function tableGrid(sheet: SheetInput, bounds: Bounds): GridCell[][] {
  const anchors = new Map<string, MergedArea>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const c = clip(m, bounds);
    if (!c || (c.r0 === c.r1 && c.c0 === c.c1)) continue;
    anchors.set(`${c.r0},${c.c0}`, c);
    for (let r = c.r0; r <= c.r1; r++) {
      for (let col = c.c0; col <= c.c1; col++) {
        if (r !== c.r0 || col !== c.c0) covered.add(`${r},${col}`);
      }
    }
  }
  const out: GridCell[][] = [];
  for (let r = bounds.r0; r <= bounds.r1; r++) {
    const row: GridCell[] = [];
    for (let c = bounds.c0; c <= bounds.c1; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const m = anchors.get(key);
      row.push({
        row: r,
        col: c,
        cell: sheet.rows[r]?.[c],
        colspan: m ? m.c1 - m.c0 + 1 : 1,
        rowspan: m ? m.r1 - m.r0 + 1 : 1,
      });
    }
    out.push(row);
  }
  return out;
}

/** colspan / rowspan attributes, only when they are not 1. */
export function spanAttributes(g: GridCell): string {
  return `${g.colspan > 1 ? ` colspan="${g.colspan}"` : ''}${g.rowspan > 1 ? ` rowspan="${g.rowspan}"` : ''}`;
}
