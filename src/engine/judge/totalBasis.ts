// Why a total row is read as it is (checks.md section 6), in Swedish: the basis that every
// check of the row carries. Tables repeat their labels (Summa <verksamhet> in every nämnd's
// table), so the same few texts come back: each is built once per run and shared.
import { L_COUNT, L_TOTAL } from '../tables/labels';
import type { TotalRow } from '../hypotheses/totalRow';
import type { TableKind } from '../types';

/** The basis texts of one run: by label, then by everything else the text says (a number). */
export class BasisMemo {
  readonly byLabel = new Map<string, Map<number, string>>();
  size = 0;
}

const KINDS: readonly TableKind[] = ['generic', 'budgetfordelning', 'budgetvaxlingar', 'atgardslista'];
/** Column counts up to this fit the memo's key; a wider row's text is built afresh. */
const MAX_COUNT = 1024;
/** Texts kept per run at most (like the shared ok messages). */
const MAX_TEXTS = 10000;

/**
 * The basis of total row `tot` (label, its facts, the table's kind, whether the row has
 * formulas) whose reading reconciles `good` of the `judged` cells; shared through `memo`
 * (the run's) when given.
 */
export function totalBasis(label: string, facts: number, tot: TotalRow, good: number, judged: number, kind: TableKind, formula: boolean, memo?: BasisMemo): string {
  const k = KINDS.indexOf(kind);
  if (!memo || k < 0 || !(good >= 0 && good < MAX_COUNT && judged >= 0 && judged < MAX_COUNT)) return basisText(label, facts, tot, good, judged, kind, formula);
  // Everything the text depends on besides the label, as bits.
  const key =
    (label && facts & L_TOTAL ? 1 : 0) |
    (tot.rule === 'subtotal-sum' ? 2 : 0) |
    (tot.rule === 'total-of-totals' ? 4 : 0) |
    (formula ? 8 : 0) |
    (tot.items.length && tot.items[0] > tot.row ? 16 : 0) |
    (facts & L_COUNT ? 32 : 0) |
    (k << 6) |
    (good << 8) |
    (judged << 18);
  let texts = memo.byLabel.get(label);
  let text = texts?.get(key);
  if (text !== undefined) return text;
  text = basisText(label, facts, tot, good, judged, kind, formula);
  if (memo.size < MAX_TEXTS) {
    if (!texts) memo.byLabel.set(label, (texts = new Map()));
    texts.set(key, text);
    memo.size++;
  }
  return text;
}

function basisText(label: string, facts: number, tot: TotalRow, good: number, judged: number, kind: TableKind, formula: boolean): string {
  const why: string[] = [];
  if (label && facts & L_TOTAL) why.push(`etiketten «${label}»`);
  else if (tot.rule === 'subtotal-sum') why.push(`raden${label ? ` «${label}»` : ''} följs av delar som summerar till den`);
  else if (tot.rule === 'total-of-totals') why.push('delsummorna ovanför summerar till raden');
  if (formula) why.push('formler i raden');
  if (tot.items.length && tot.items[0] > tot.row) why.push('delarna står under raden');
  if (kind !== 'generic') why.push(`mallen ${kind}`);
  if (facts & L_COUNT) why.push('antalsrad');
  const head = why.length ? why.join(' och ') : 'raden är summan av raderna den stänger';
  return `${head}; samma läsning stämmer i ${good} av ${judged} ${judged === 1 ? 'kolumn' : 'kolumner'}`;
}
