// Small helpers shared by the one-cell and the two-cell causes.
import { splitKey, type LinearCheck } from './linearChecks';

/** The coefficient of a cell in a check (0 when it takes no part). */
export function coefIn(k: LinearCheck, key: string): number {
  let a = 0;
  for (const t of k.terms) if (t.key === key) a += t.coef;
  return a;
}

/** What the failing checks of a group are, in Swedish: `raden och summan`, `tabellerna`. */
export function describe(group: LinearCheck[]): string {
  const rows = group.some((k) => k.rule === 'row-relation');
  const sums = group.some((k) => k.rule !== 'row-relation' && k.rule !== 'cross-table' && k.rule !== 'rollforward');
  const rolls = group.some((k) => k.rule === 'rollforward');
  const ties = group.some((k) => k.rule === 'cross-table');
  const parts = [rows ? 'raden' : '', sums ? 'summan' : '', rolls ? 'utgående ram' : '', ties ? 'tabellerna' : ''].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}` : parts[0] ?? 'kontrollen';
}

/** `A1` on the given sheet, `Sheet!A1` on another. */
export function shortKey(key: string, sheet: string): string {
  const at = splitKey(key)!;
  return at.sheet === sheet ? at.address : key;
}

/** The red cells of a group other than the cause's own, written from the cause's sheet. */
export function explainsOf(group: LinearCheck[], own: string[], sheet: string): string[] {
  const skip = new Set(own);
  return [...new Set(group.map((k) => k.cell))].filter((c) => !skip.has(c)).map((c) => shortKey(c, sheet));
}

/** A computed figure without floating-point dust (1e-9 relative). */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Math.abs(r - x) < 1e-9 * Math.max(1, Math.abs(x)) ? r : x;
}
