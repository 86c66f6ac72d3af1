// What a number format code tells about how a figure is shown: decimals,
// percent, and the thousands scaling of trailing commas (`#,##0,` shows tkr).

export interface FormatInfo {
  general: boolean;
  decimals: number;
  percent: boolean;
  /** Trailing-comma scaling: 1000 for `#,##0,`. Display unit grows by this factor. */
  divisor: number;
  /** A date or time format: the figure is a date, not an amount. */
  date: boolean;
  /** 10^-decimals. */
  unit: number;
}

const GENERAL: Readonly<FormatInfo> = { general: true, decimals: 0, percent: false, divisor: 1, date: false, unit: 1 };
const DATE: Readonly<FormatInfo> = { general: false, decimals: 0, percent: false, divisor: 1, date: true, unit: 1 };

/** Strip quoted literals, escapes, colours and conditions so only placeholders remain. */
function placeholders(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

/**
 * The formats of one run, each code worked out once (per run: no state outlives a
 * checkWorkbook call). Neighbouring cells mostly share one format: the last one asked for
 * is kept apart from the map.
 */
export class FormatMemo {
  readonly cache = new Map<string, FormatInfo>();
  lastCode = '';
  lastInfo: FormatInfo = GENERAL;
}

/** What format `code` shows; remembered in `memo` when given (else worked out afresh). */
export function formatInfo(code: string | undefined, memo?: FormatMemo): FormatInfo {
  if (!code || code === 'General' || code === '@') return GENERAL;
  if (!memo) return parseFormat(code);
  if (code === memo.lastCode) return memo.lastInfo;
  const hit = memo.cache.get(code);
  if (hit) {
    memo.lastCode = code;
    memo.lastInfo = hit;
    return hit;
  }
  const info = parseFormat(code);
  if (memo.cache.size < 10000) memo.cache.set(code, info);
  return info;
}

function parseFormat(code: string): FormatInfo {
  const first = placeholders(code.split(';')[0]);
  let info: FormatInfo;
  if (/[dmyhs]/i.test(first.replace(/general/gi, '')) && !/[0#?]/.test(first.replace(/\.0+|s\.0+/g, ''))) {
    info = DATE;
  } else if (!/[0#?]/.test(first) || /^general$/i.test(first.trim())) {
    info = GENERAL;
  } else {
    const dot = first.indexOf('.');
    let decimals = 0;
    if (dot >= 0) {
      const m = /^[0#?]*/.exec(first.slice(dot + 1));
      decimals = m ? m[0].length : 0;
    }
    const trailing = /[0#?]([,]+)[^0#?]*$/.exec(first);
    const divisor = trailing ? Math.pow(1000, trailing[1].length) : 1;
    info = { general: false, decimals, percent: first.includes('%'), divisor, date: false, unit: Math.pow(10, -decimals) };
  }
  return info;
}
