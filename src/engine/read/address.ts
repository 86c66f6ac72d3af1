// A1 addresses from 0-based row and column numbers, and back.

export function columnName(c: number): string {
  return c >= 0 && c < NAMES.length ? NAMES[c] : spell(c);
}

function spell(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function rangeAddress(r0: number, c0: number, r1: number, c1: number): string {
  if (r0 === r1 && c0 === c1) return cellAddress(r0, c0);
  return `${columnName(c0)}${r0 + 1}:${columnName(c1)}${r1 + 1}`;
}

/** Parse `B12` (with or without `$`) to 0-based row and column. */
export function parseCellAddress(a: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Quote a sheet name for a reference when it needs it: 'Budgetfördelning'!D9. */
export function qualified(sheet: string, address: string): string {
  return PLAIN_SHEET_NAME.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

// The first 1024 column names, spelled once at load and never changed after.
const NAMES: readonly string[] = Object.freeze(Array.from({ length: 1024 }, (_, c) => spell(c)));
