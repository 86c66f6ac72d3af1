// How a person gets a figure wrong, and how to say it in Swedish: two digits swapped, a
// flipped sign, one mistyped digit, a unit slip, a row left out or counted twice.
import { formatSwedish } from '../read/swedishFormat';

export type CauseKind = 'transposed-digits' | 'sign' | 'digit' | 'unit' | 'row-left-out' | 'row-counted-twice' | 'previous-column' | 'formula' | 'other';

/** How likely a person makes this slip: higher first. */
export const KIND_RANK: Readonly<Record<CauseKind, number>> = {
  formula: 6,
  'transposed-digits': 5,
  sign: 5,
  'row-left-out': 4,
  'row-counted-twice': 4,
  'previous-column': 4,
  unit: 4,
  digit: 3,
  other: 1,
};

const fmt = (x: number) => formatSwedish(x, { group: ' ' });

/** What turns `suggested` into `current`, as a person would have done it. */
export function slipOf(current: number, suggested: number): { kind: CauseKind; swapped?: [string, string] } {
  if (current === -suggested && current !== 0) return { kind: 'sign' };
  const a = digits(current);
  const b = digits(suggested);
  if (a && b && a.length === b.length && Math.sign(current) === Math.sign(suggested)) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) return { kind: 'transposed-digits', swapped: [a[diff[0]], a[diff[1]]] };
    if (diff.length === 1) return { kind: 'digit' };
  }
  for (const f of [1000, 0.001, 100, 0.01])
    if (suggested !== 0 && Math.abs(current - suggested * f) <= 1e-9 * Math.max(1, Math.abs(current))) return { kind: 'unit' };
  return { kind: 'other' };
}

/** The digits of a whole figure (null for one with decimals, which we do not compare digit by digit). */
function digits(x: number): string | null {
  if (!Number.isInteger(x)) return null;
  return String(Math.abs(x));
}

/** The Swedish advice for a cause: what is wrong and what the figure should probably be. */
export function adviceText(kind: CauseKind, current: number, suggested: number, what: string, swapped?: [string, string]): string {
  const now = fmt(current);
  const then = fmt(suggested);
  switch (kind) {
    case 'transposed-digits':
      return `${now} — siffrorna ${swapped![0]} och ${swapped![1]} har troligen bytt plats; ${then} får ${what} att stämma.`;
    case 'sign':
      return `${now} har troligen fel tecken; ${then} får ${what} att stämma.`;
    case 'digit':
      return `${now} — en siffra är troligen felskriven; ${then} får ${what} att stämma.`;
    case 'unit':
      return `${now} ser ut att vara i fel enhet; ${then} får ${what} att stämma.`;
    case 'row-left-out':
      return `${now} saknar troligen en rad; med den blir summan ${then}, och ${what} stämmer.`;
    case 'row-counted-twice':
      return `${now} räknar troligen en rad två gånger; utan den blir summan ${then}, och ${what} stämmer.`;
    case 'previous-column':
      return `${now} är samma tal som i kolumnen bredvid (kanske förra årets siffra); ${then} får ${what} att stämma.`;
    default:
      return `${now} är troligen fel; ${then} får ${what} att stämma.`;
  }
}

/** The slip of one figure of a two-cell cause, as a clause after the figure ("404 545 — …"). */
export function slipClause(kind: CauseKind, swapped?: [string, string]): string {
  switch (kind) {
    case 'transposed-digits':
      return `— siffrorna ${swapped![0]} och ${swapped![1]} har troligen bytt plats`;
    case 'sign':
      return 'har troligen fel tecken';
    case 'digit':
      return '— en siffra är troligen felskriven';
    case 'unit':
      return 'ser ut att vara i fel enhet';
    case 'previous-column':
      return 'är samma tal som i kolumnen bredvid';
    default:
      return 'är troligen fel';
  }
}

/** A list in Swedish: `a`, `a och b`, `a, b och c`. */
export function swedishList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}` : items[0] ?? '';
}

/** The figure in Swedish, with a space between thousands (as the advice writes figures). */
export const figureText = fmt;
