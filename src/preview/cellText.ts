// How the preview grid shows a cell: numbers the Swedish way, percentages with " %".
import { formatSwedish } from '../engine';
import type { CellInput } from '../engine';

function decimalsOf(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General') return undefined;
  const m = /0[.,](0+)/.exec(numFmt);
  return m ? m[1].length : /0/.test(numFmt) ? 0 : undefined;
}

export function cellText(cell: CellInput | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'number') {
    if (cell.numFmt?.includes('%')) return `${formatSwedish(v * 100, { decimals: decimalsOf(cell.numFmt) })} %`;
    return formatSwedish(v, { decimals: decimalsOf(cell.numFmt) });
  }
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  return v;
}
