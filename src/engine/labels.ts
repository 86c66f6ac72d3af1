// Words that tell what a row or a column is. Swedish first; English too, since
// tables get copied from everywhere. Case-insensitive, with or without trailing text.

const TOTAL_LABEL =
  /^(?:summa|totalt?|totalsumma|delsumma|sum|subtotal|grand total|all|resultat|verksamhetens nettokostnad(?:er)?|utgående|årets resultat)\b/i;
const TOTAL_WORD_INSIDE = /\b(?:totalt|summa|total)\b/i;
const COUNT_LABEL = /^antal\b/i;
const PART_LABEL = /^(?:varav|därav|whereof|of which)\b/i;

export function isTotalLabel(label: string): boolean {
  const s = label.trim();
  if (!s) return false;
  return TOTAL_LABEL.test(s) || TOTAL_WORD_INSIDE.test(s);
}

/** A label that starts like a total (`Summa …`, `Totalt`), not one with the word inside. */
export function isStrongTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.trim());
}

/** Header words of a column that is no amount to add up: shares, averages, indices. */
export function isNonAdditiveHeader(header: string): boolean {
  return /(?:%|\bandel\b|\brelation\b|ökningstakt|öknings takt|genomsnitt|\bsnitt\b|medel|\bindex\b)/i.test(header);
}

/** A "varav" row details the row above it and is no part of any sum. */
export function isPartLabel(label: string): boolean {
  return PART_LABEL.test(label.trim());
}

export function isCountLabel(label: string): boolean {
  return COUNT_LABEL.test(label.trim());
}

/** Header words of a column derived from others (a difference, a total). */
export function isDerivedHeader(header: string): boolean {
  return /\b(?:totalt?|summa|förändring|diff|differens|avvikelse|budgetavvikelse|prognosavvikelse|jämfört|jmf|jmft|jf|utgående|netto|difference|variance|change|sum)\b/i.test(
    header,
  );
}

/** Header words of a share or growth column. */
export function isShareHeader(header: string): boolean {
  return /(?:%|\bandel\b|\brelation\b|procent|ökningstakt|öknings takt|utveckling|\bshare\b|\bratio\b)/i.test(header);
}

export type Unit = 'kr' | 'tkr' | 'mnkr' | 'mdkr';
export const UNIT_FACTOR: Record<Unit, number> = { kr: 1, tkr: 1e3, mnkr: 1e6, mdkr: 1e9 };

/** A money unit named in a header text: (tkr), Belopp i mnkr, miljoner kronor … */
export function unitIn(text: string): Unit | null {
  const s = text.toLowerCase();
  if (/\bmdkr\b|miljarder kronor/.test(s)) return 'mdkr';
  if (/\bmnkr\b|\bmkr\b|miljoner kronor|\bmsek\b/.test(s)) return 'mnkr';
  if (/\btkr\b|tusentals kronor|tusen kronor|\btsek\b/.test(s)) return 'tkr';
  return null;
}

/** A year in a header (2024, -24). */
export function yearIn(text: string): number | null {
  const m = /\b(19\d{2}|20\d{2})\b/.exec(text);
  return m ? Number(m[1]) : null;
}
