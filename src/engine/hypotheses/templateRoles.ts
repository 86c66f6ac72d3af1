// Column roles of the region's budgetfördelning (checks.md 5.1), from header words that vary
// between years, nämnder and regions: `Beslutad fördelning` / `Budget 2025-01-01` /
// `Ursprunglig budget`; `Budgetväxlingar` / `Omdisponeringar` / `Ramjusteringar`;
// `Fördelning per <datum>` / `Justerad budget`; `Prognos` / `Helårsprognos`;
// `Prognosavvikelse` / `Avvikelse`. Columns may be missing or in another order.

/** The roles by the letters of the seed's template: B ram, C växlingar, D fördelad ram, E utfall, F budgetavvikelse, G prognos, H prognosavvikelse, I kostnadsutveckling, J utveckling %. */
export type Role = 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J';

// Tried in this order: the more specific words first (a column takes the first role that fits).
const ROLE_WORDS: readonly (readonly [Role, RegExp])[] = [
  ['J', /(?:kostnadsutveckling|utveckling)\b.*%|%.*utveckling|utveckling\s*\(?%|utveckling i procent/i],
  ['I', /nettokostnadsutveckling|kostnadsutveckling|förändring (?:jf|jmf|jämfört)|jf fg år|jämfört med (?:fg|föregående) år/i],
  ['H', /prognosavvikelse|avvikelse.{0,20}prognos|prognos.{0,20}(?:jf|jämfört|mot).{0,10}bud/i],
  ['F', /budgetavvikelse|avvikelse.{0,20}utfall|utf(?:all)?.{0,6}(?:jf|jämfört|mot).{0,10}bud/i],
  ['G', /prognos/i],
  ['E', /utfall/i],
  ['C', /budgetväxling|omdisponering|ramjustering|växlingar/i],
  ['D', /fördelning (?:av )?(?:budgetram )?per|justerad (?:budget|ram)|reviderad (?:budget|ram)|budget efter|ram efter/i],
  ['B', /beslutad|ursprunglig|ingående ram|budget(?:ram)?\s*(?:per\s*)?\d{4}-01-01|per \d{4}-01-01|årsbudget|^budget\b/i],
];
const PLAIN_DEVIATION = /^\s*avvikelse\b/i;

/** Words any role's header holds: without one, no column has a role (the common case, decided at once). */
const ANY_ROLE_WORD = /budget|ram|växling|omdisponering|justering|fördelning|utfall|prognos|avvikelse|utveckling|förändring|jf|jämfört/i;

// What a header says about roles, as bits: bit k when ROLE_WORDS[k] fits it, and these two.
const PLAIN_DEVIATION_BIT = 1 << ROLE_WORDS.length;
const ANY_ROLE_WORD_BIT = PLAIN_DEVIATION_BIT << 1;

function roleBitsOf(header: string): number {
  // Every role's words, whatever ANY_ROLE_WORD says of this header: it only decides for the table.
  let bits = ANY_ROLE_WORD.test(header) ? ANY_ROLE_WORD_BIT : 0;
  for (let k = 0; k < ROLE_WORDS.length; k++) if (ROLE_WORDS[k][1].test(header)) bits |= 1 << k;
  if (PLAIN_DEVIATION.test(header)) bits |= PLAIN_DEVIATION_BIT;
  return bits;
}

/**
 * The role bits of the headers met in one run: tables repeat their headers (every table of a
 * sheet, every nämnd's workbook), so each header's words are tested once (per run: nothing
 * outlives a checkWorkbook call). Bounded, like the label facts.
 */
export class RoleMemo {
  readonly bits = new Map<string, number>();
}

function roleBits(header: string, memo: RoleMemo | undefined): number {
  if (!memo) return roleBitsOf(header);
  let bits = memo.bits.get(header);
  if (bits === undefined) {
    bits = roleBitsOf(header);
    if (memo.bits.size < 4096) memo.bits.set(header, bits);
  }
  return bits;
}

/**
 * Role of each numeric column, by its header; a role goes to the first column that fits it.
 * `memo`: the run's RoleMemo, when given.
 */
export function columnRoles(headers: ReadonlyMap<number, string>, cols: readonly number[], memo?: RoleMemo): Map<Role, number> {
  const roles = new Map<Role, number>();
  // Each column's header words, tested once (the tests below only read them).
  const bits = cols.map((c) => roleBits(headers.get(c) ?? '', memo));
  if (!bits.some((b) => (b & ANY_ROLE_WORD_BIT) !== 0)) return roles;
  // A column that takes a role has its bits cleared: it fits no other role after that
  // (the columns are distinct, as a table's numeric columns are).
  for (let k = 0; k < ROLE_WORDS.length; k++) {
    for (let i = 0; i < cols.length; i++) {
      if (bits[i] & (1 << k)) {
        roles.set(ROLE_WORDS[k][0], cols[i]);
        bits[i] = 0;
        break;
      }
    }
  }
  // A plain `Avvikelse` after the Prognos is the prognosavvikelse, else the budgetavvikelse.
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (!(bits[i] & PLAIN_DEVIATION_BIT)) continue;
    const g = roles.get('G');
    const role: Role = g !== undefined && c > g ? 'H' : 'F';
    if (!roles.has(role)) {
      roles.set(role, c);
      bits[i] = 0;
    }
  }
  return roles;
}

/** Roles enough to call the table a budgetfördelning: the frame, its changes and the frame after them. */
export function isBudgetfordelning(roles: ReadonlyMap<Role, number>): boolean {
  return (roles.has('B') && roles.has('C') && roles.has('D')) || (roles.has('B') && roles.has('D') && roles.has('E') && roles.has('G'));
}
