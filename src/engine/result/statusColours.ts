// checks.md section 1: Excel's Good / Neutral / Bad colours, as explicit fill and font.
import type { Check, Status } from '../types';

export const STATUS_COLOURS: Readonly<Record<Status, Readonly<{ fill: string; font: string }>>> = {
  ok: { fill: '#C6EFCE', font: '#006100' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  error: { fill: '#FFC7CE', font: '#9C0006' },
};

export const STATUS_TEXT: Readonly<Record<Status, string>> = {
  ok: 'Stämmer',
  warning: 'Avrundningsdifferens',
  error: 'Stämmer inte',
};

/**
 * The status text of one check: a warning that is no rounding difference (a number stored as
 * text, a difference no slip explains) needs looking at (checks.md 1: "behöver granskas").
 */
export function checkStatusText(k: Pick<Check, 'status' | 'detail'>): string {
  return k.status === 'warning' && k.detail !== 'rounding' ? 'Behöver granskas' : STATUS_TEXT[k.status];
}

const RANK: Readonly<Record<Status, number>> = { ok: 0, warning: 1, error: 2 };

export function worst(a: Status, b: Status): Status {
  return RANK[a] >= RANK[b] ? a : b;
}
