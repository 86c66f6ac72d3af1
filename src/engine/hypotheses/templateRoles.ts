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

/** Role of each numeric column, by its header; a role goes to the first column that fits it. */
export function columnRoles(headers: ReadonlyMap<number, string>, cols: readonly number[]): Map<Role, number> {
  const roles = new Map<Role, number>();
  if (!cols.some((c) => ANY_ROLE_WORD.test(headers.get(c) ?? ''))) return roles;
  const taken = new Set<number>();
  for (const [role, words] of ROLE_WORDS)
    for (const c of cols) {
      if (taken.has(c) || roles.has(role)) continue;
      if (words.test(headers.get(c) ?? '')) {
        roles.set(role, c);
        taken.add(c);
      }
    }
  // A plain `Avvikelse` after the Prognos is the prognosavvikelse, else the budgetavvikelse.
  for (const c of cols) {
    if (taken.has(c) || !PLAIN_DEVIATION.test(headers.get(c) ?? '')) continue;
    const g = roles.get('G');
    const role: Role = g !== undefined && c > g ? 'H' : 'F';
    if (!roles.has(role)) {
      roles.set(role, c);
      taken.add(c);
    }
  }
  return roles;
}

/** Roles enough to call the table a budgetfördelning: the frame, its changes and the frame after them. */
export function isBudgetfordelning(roles: ReadonlyMap<Role, number>): boolean {
  return (roles.has('B') && roles.has('C') && roles.has('D')) || (roles.has('B') && roles.has('D') && roles.has('E') && roles.has('G'));
}
