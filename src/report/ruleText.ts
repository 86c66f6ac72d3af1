// Swedish names of the engine's rules, for the report, the CSV and the task pane.
import type { Rule } from '../engine';

export const RULE_TEXT: Record<Rule, string> = {
  'column-sum': 'Kolumnsumma',
  'subtotal-sum': 'Delsumma',
  'total-of-totals': 'Summa av summor',
  'row-relation': 'Samband i raden',
  ratio: 'Andel',
  'formula-range': 'Formelns område',
  rollforward: 'Ingående + växlingar = utgående',
  'cross-table': 'Mellan tabeller',
  'text-number': 'Tal lagrat som text',
  'error-value': 'Felvärde',
};
