// Rounding noise (checks.md 3 and 4.9): in a table whose own checks show rounding
// differences, a difference only a little over the rounding tolerance is more likely the
// same rounding, gone a step further, than a wrong figure. Such a cell is a warning
// ("granska"), never red; a table whose totals reconcile exactly keeps the strict rule.
import type { CheckCollector } from '../result/collector';
import type { Check, Rule } from '../types';
import { marginalMessage } from './makeCheck';
import { MARGINAL_FACTOR, ROUNDING_NOISE_MIN } from './policy';

/** Rules whose difference is arithmetic a rounded figure can blur. */
const ARITHMETIC: readonly Rule[] = ['column-sum', 'subtotal-sum', 'total-of-totals', 'row-relation', 'ratio'];

function isRoundingDifference(k: Check): boolean {
  return k.status === 'warning' && k.detail === 'rounding';
}

function isMarginal(k: Check): boolean {
  if (k.status !== 'error' || !ARITHMETIC.includes(k.rule) || k.difference === null || !k.tolerance) return false;
  return Math.abs(k.difference) <= MARGINAL_FACTOR * k.tolerance * (1 + 1e-9);
}

/** Restate the table's marginal errors (those logged since `mark`) as rounding, when the table is noisy. */
export function softenMarginalErrors(out: CheckCollector, mark: number): void {
  const found = out.findingsSince(mark);
  let noise = 0;
  for (const f of found) if (isRoundingDifference(f.check)) noise++;
  if (noise < ROUNDING_NOISE_MIN) return;
  for (const f of found) {
    if (!isMarginal(f.check)) continue;
    const basis = `${f.check.basis ? `${f.check.basis}; ` : ''}skillnaden är högst ${MARGINAL_FACTOR} gånger avrundningen och tabellen har ${noise} avrundningsdifferenser`;
    out.restate(f.k, f.r, f.c, { ...f.check, status: 'warning', detail: 'rounding', message: marginalMessage(f.check.message), basis });
  }
}
