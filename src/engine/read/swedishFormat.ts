// Figures written the Swedish way: `1 778 945`, `−3,4`, `2,6 %`.
// Used by every adapter's text (command line, task pane, HTML report, Word copy).

export const NBSP = '\u00a0';
export const MINUS_SIGN = '\u2212';

export interface SwedishFormatOptions {
  /** Digits after the decimal comma. Default: as few as needed, at most 3. */
  decimals?: number;
  /** Thousands separator. Default a no-break space. */
  group?: string;
}

export function formatSwedish(x: number, options: SwedishFormatOptions = {}): string {
  if (!Number.isFinite(x)) return String(x);
  const group = options.group ?? NBSP;
  let decimals = options.decimals;
  if (decimals === undefined) {
    const rounded = Math.round(x * 1000) / 1000;
    const s = String(Math.abs(rounded));
    const dot = s.indexOf('.');
    decimals = dot < 0 || s.includes('e') ? 0 : Math.min(3, s.length - dot - 1);
  }
  const fixed = Math.abs(x).toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  let grouped = intPart;
  if (intPart.length > 3) {
    grouped = '';
    const head = intPart.length % 3 || 3;
    grouped = intPart.slice(0, head);
    for (let i = head; i < intPart.length; i += 3) grouped += group + intPart.slice(i, i + 3);
  }
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS_SIGN : ''}${grouped}${frac ? `,${frac}` : ''}`;
}
