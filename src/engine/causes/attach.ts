// Causes on the result: each sheet's `causes` is worked out for the whole workbook the first
// time any sheet's is read (the ties between tables cross sheets), and only when some cell is
// red; reading statuses and findings never builds them.
import type { Cause, WorkbookInput, WorkbookResult } from '../types';
import { findCauses } from './findCauses';

export function attachCauses(wb: WorkbookInput, result: WorkbookResult): void {
  // Nothing red, nothing to explain: no reference to the workbook is kept.
  if (result.summary.error === 0) {
    for (const sheet of result.sheets) sheet.causes = [];
    return;
  }
  let all: Map<string, Cause[]> | null = null;
  const compute = (): Map<string, Cause[]> => (all ??= findCauses(wb, result.sheets));
  for (const sheet of result.sheets) {
    let own: Cause[] | null = null;
    Object.defineProperty(sheet, 'causes', {
      enumerable: true,
      configurable: true,
      get: () => (own ??= compute().get(sheet.name) ?? []),
      set: (value: Cause[]) => {
        own = value;
      },
    });
  }
}
