// Lists of row numbers in ascending order, copied only when they must be.

/** Both lists of rows as one ascending list: a itself when b is empty and a ascends (row lists are never changed). */
export function sortedRows(a: readonly number[], b: readonly number[] = []): number[] {
  if (b.length === 0 && isAscending(a)) return a as number[];
  const rows = [...a, ...b];
  return isAscending(rows) ? rows : rows.sort((x, y) => x - y);
}

function isAscending(rows: readonly number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return false;
  return true;
}
