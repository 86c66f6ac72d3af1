// Figures and counts the Swedish way for the task pane. Counts are grouped with a narrow
// no-break space (a thin space that never breaks: `9 945`); a checked figure is shown as its
// cell shows it: its number format's decimals, `3,8 %` for a share, `p.e.` (procentenheter)
// for a difference between shares, and the table's unit (tkr, mnkr) after an amount.
import { formatInfo, formatSwedish } from '../engine';

export const THIN = '\u202f';
const NBSP = '\u00a0';

/** A count: `7`, `9 945`, `1 000 000`. */
export function count(n: number): string {
  return formatSwedish(Math.round(n), { decimals: 0, group: THIN });
}

/** Decimals the engine would show when the format is General: as typed, at most 3. */
function generalDecimals(x: number): number | undefined {
  return Number.isInteger(x) ? 0 : undefined;
}

export interface FigureContext {
  numFmt?: string;
  /** `tkr`, `mnkr`, `kr` … from the table's title or column heading. */
  unit?: string;
}

/** An expected or actual value as the cell shows it, with its unit. */
export function figure(x: number | null, ctx: FigureContext = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const info = formatInfo(ctx.numFmt);
  if (info.percent) return `${formatSwedish(x * 100, { decimals: info.decimals })}${NBSP}%`;
  const shown = x / info.divisor;
  const text = formatSwedish(shown, { decimals: info.general ? generalDecimals(shown) : info.decimals });
  return ctx.unit ? `${text}${NBSP}${ctx.unit}` : text;
}

/** A difference: in percentage points between shares, else in the cell's unit with the
 *  precision needed to see it (a rounding difference of 0,4 is never shown as 0). */
export function differenceFigure(x: number | null, ctx: FigureContext = {}): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const info = formatInfo(ctx.numFmt);
  if (info.percent) {
    const pp = x * 100;
    return `${formatSwedish(pp, { decimals: Math.max(1, info.decimals) })}${NBSP}p.e.`;
  }
  const shown = x / info.divisor;
  let text: string;
  if (info.general) text = formatSwedish(shown);
  else {
    // As many decimals as the difference needs, up to two more than the cell shows.
    let decimals = info.decimals;
    while (decimals < info.decimals + 2 && shown !== 0 && Number(Math.abs(shown).toFixed(decimals)) === 0) decimals++;
    text = formatSwedish(shown, { decimals });
  }
  return ctx.unit ? `${text}${NBSP}${ctx.unit}` : text;
}

const UNIT = /(?:^|[\s(,;:/])(tkr|mnkr|mkr|mdkr|miljarder (?:kr|kronor)|miljoner (?:kr|kronor)|tusen(?:tals)? (?:kr|kronor)|kr|kronor)(?=$|[\s),.;:/])/i;
const CANONICAL: Record<string, string> = { mkr: 'mnkr', kronor: 'kr' };

function canonical(u: string): string {
  if (u.startsWith('tusen')) return 'tkr';
  if (u.startsWith('miljoner')) return 'mnkr';
  if (u.startsWith('miljarder')) return 'mdkr';
  return CANONICAL[u] ?? u;
}

/** The money unit a text names (`Belopp i tkr`, `Budget (mnkr)`), if any. */
export function unitIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = UNIT.exec(text);
  if (!m) return undefined;
  return canonical(m[1].toLowerCase());
}
