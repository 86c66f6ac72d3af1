// Words that tell what a row or a column is. Swedish first; English too, since
// tables get copied from everywhere. Case-insensitive, with or without trailing text.

const TOTAL_LABEL =
  /^(?:summa|totalt?|totalsumma|delsumma|sum|subtotal|grand total|all(?!\s+others?\b)|resultat|verksamhetens nettokostnad(?:er)?|utgående|årets resultat)\b/i;
const TOTAL_WORD_INSIDE = /\b(?:totalt|summa|total)\b/i;
const COUNT_LABEL = /^antal\b/i;
const PART_LABEL = /^(?:varav|därav|whereof|of which)\b/i;

/** Facts of a label as bits (labelFacts): a total, a total by its first word, a part, a count. */
export const L_TOTAL = 1;
export const L_STRONG_TOTAL = 2;
export const L_PART = 4;
export const L_COUNT = 8;
/** A row label naming no amount (median, average, rate, share). */
export const L_NON_ADDITIVE = 128;

function factsOf(label: string): number {
  const s = label.trim();
  if (!s) return 0;
  let f = 0;
  if (TOTAL_LABEL.test(s)) f |= L_TOTAL | L_STRONG_TOTAL;
  else if (TOTAL_WORD_INSIDE.test(s)) f |= L_TOTAL;
  if (PART_LABEL.test(s)) f |= L_PART;
  if (COUNT_LABEL.test(s)) f |= L_COUNT;
  if (NON_ADDITIVE_LABEL.test(s)) f |= L_NON_ADDITIVE;
  return f;
}

// Labels and column headers repeat across tables (Summa, Totalt, the same row names and
// headers in every table), so their facts are remembered; bounded, and long texts are not
// kept (they rarely repeat).
const FACTS_LIMIT = 4096;
const FACTS_MAX_LENGTH = 200;

/** The facts of a text, worked out once per distinct text. */
function remembered(known: Map<string, number>, text: string, work: (text: string) => number): number {
  let f = known.get(text);
  if (f !== undefined) return f;
  f = work(text);
  if (text.length <= FACTS_MAX_LENGTH) {
    if (known.size >= FACTS_LIMIT) known.clear();
    known.set(text, f);
  }
  return f;
}

/** The facts of the labels and headers met in one run (per run: nothing outlives a checkWorkbook call). */
export class LabelMemo {
  readonly facts = new Map<string, number>();
  readonly headers = new Map<string, number>();
}

/** The L_* bits of a label, each regex run once per distinct label (of the run, when a memo is given). */
export function labelFacts(label: string, memo?: LabelMemo): number {
  return memo ? remembered(memo.facts, label, factsOf) : factsOf(label);
}

export function isTotalLabel(label: string, memo?: LabelMemo): boolean {
  return (labelFacts(label, memo) & L_TOTAL) !== 0;
}

/** Header words of a column that is no amount to add up: shares, averages, indices. */
export function isNonAdditiveHeader(header: string, memo?: LabelMemo): boolean {
  return (headerFacts(header, memo) & H_NON_ADDITIVE) !== 0;
}

/** Header words of a column derived from others (a difference, a total). */
export function isDerivedHeader(header: string, memo?: LabelMemo): boolean {
  return (headerFacts(header, memo) & H_DERIVED) !== 0;
}

/** Header words of a column that totals others (Totalt, Summa, Total, All …). */
export function isTotalHeader(header: string): boolean {
  return TOTAL_HEADER.test(header);
}

/** Header words of a difference (Förändring, Avvikelse, Diff, Change …). */
export function isDifferenceHeader(header: string): boolean {
  return DIFFERENCE_HEADER.test(header);
}

/** Header words of a share or growth column. */
export function isShareHeader(header: string, memo?: LabelMemo): boolean {
  return (headerFacts(header, memo) & H_SHARE) !== 0;
}

const NON_ADDITIVE_HEADER = /(?:%|\bandel\b|\brelation\b|ökningstakt|öknings takt|genomsnitt|\bsnitt\b|medel|median|\bindex\b|\bpercent|\bper ?cent\b|\baverage\b|\bmean\b|\brate\b|\bper capita\b)/i;
const DERIVED_HEADER =
  /\b(?:totalt?|summa|förändring|diff|differens|avvikelse|budgetavvikelse|prognosavvikelse|jämfört|jmf|jmft|jf|utgående|netto|difference|variance|change|sum)\b/i;
const SHARE_HEADER = /(?:%|\bandel\b|\brelation\b|procent|ökningstakt|öknings takt|utveckling|\bshare\b|\bratio\b)/i;
const TOTAL_HEADER = /\b(?:totalt?|summa|total|sum|all|both sexes)\b/i;
const DIFFERENCE_HEADER = /\b(?:förändring|diff|differens|avvikelse|budgetavvikelse|prognosavvikelse|jämfört|jmf|jmft|jf|netto|kvar|återstår|återstående|saldo|överskott|underskott|difference|variance|change|remaining|balance|net)\b/i;
const NON_ADDITIVE_LABEL = /(?:\bmedian|\baverage\b|\bmean\b|\brate\b|\bper capita\b|\bpercent\b|genomsnitt|\bmedel|\bandel\b|\bsnitt\b)/i;
const H_NON_ADDITIVE = 1;
const H_DERIVED = 2;
const H_SHARE = 4;

function headerWords(header: string): number {
  return (NON_ADDITIVE_HEADER.test(header) ? H_NON_ADDITIVE : 0) | (DERIVED_HEADER.test(header) ? H_DERIVED : 0) | (SHARE_HEADER.test(header) ? H_SHARE : 0);
}

/** The H_* bits of a column header, each regex run once per distinct header. */
function headerFacts(header: string, memo?: LabelMemo): number {
  return memo ? remembered(memo.headers, header, headerWords) : headerWords(header);
}

export type Unit = 'kr' | 'tkr' | 'mnkr' | 'mdkr';
export const UNIT_FACTOR: Readonly<Record<Unit, number>> = { kr: 1, tkr: 1e3, mnkr: 1e6, mdkr: 1e9 };

/** A money unit named in a header text: (tkr), Belopp i mnkr, miljoner kronor … */
export function unitIn(text: string): Unit | null {
  const s = text.toLowerCase();
  if (MDKR.test(s)) return 'mdkr';
  if (MNKR.test(s)) return 'mnkr';
  if (TKR.test(s)) return 'tkr';
  return null;
}

// Made once: a regular expression literal in a function is a new object at every call.
const MDKR = /\bmdkr\b|miljarder kronor/;
const MNKR = /\bmnkr\b|\bmkr\b|miljoner kronor|\bmsek\b/;
const TKR = /\btkr\b|tusentals kronor|tusen kronor|\btsek\b/;
const YEAR = /\b(19\d{2}|20\d{2})\b/;

/** A year in a header (2024, -24). */
export function yearIn(text: string): number | null {
  const m = YEAR.exec(text);
  return m ? Number(m[1]) : null;
}
