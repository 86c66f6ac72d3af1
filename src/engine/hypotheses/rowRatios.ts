// Share rows (checks.md 4.7): a row of percentages that are quotients of two amount
// rows in the same columns (seed 003, 6.5: "Sjukfrånvaro … %" = hours / Schemalagda timmar).
import type { Grid } from '../read/grid';

import { judgeStatus, S_ERROR } from '../judge/tolerance';

export interface RowRatio {
  y: number;
  num: number;
  den: number;
  factor: number;
  cols: number[];
}

const NEAR = 12;

export function discoverRowRatios(g: Grid, shareRows: number[], amountRows: number[], cols: number[]): RowRatio[] {
  const out: RowRatio[] = [];
  if (cols.length < 2 || amountRows.length < 2) return out;
  for (const y of shareRows) {
    const pool = amountRows.filter((r) => Math.abs(r - y) <= NEAR).slice(-10);
    let best: { num: number; den: number; holds: number } | null = null;
    for (const a of pool)
      for (const b of pool) {
        if (a === b) continue;
        let holds = 0;
        let tried = 0;
        for (const c of cols) {
          const d = g.num(b, c);
          if (!g.has(y, c) || !g.has(a, c) || d === 0) continue;
          tried++;
          const av = g.num(a, c);
          const f = (100 * av) / d;
          const unit = Math.max(Math.abs(100 / d) * g.unit(a, c), Math.abs((100 * av) / (d * d)) * g.unit(b, c));
          if (judgeStatus(g.num(y, c), f, g.unit(y, c), unit, 2) !== S_ERROR) holds++;
        }
        if (holds >= 2 && holds / tried >= 0.6 && (!best || holds > best.holds)) best = { num: a, den: b, holds };
      }
    if (best) out.push({ y, num: best.num, den: best.den, factor: 100, cols });
  }
  return out;
}
