// What the colouring phase needs from a read sheet and its result.
import { forEachStatus } from '../engine';
import type { SheetResult, Status } from '../engine';
import { HIDDEN_REASON, PROTECTED_REASON } from './messages';
import type { ReadSheet } from './readWorkbook';
import type { LayerCell } from './statusLayer';

/** Positions and statuses of a sheet's checked cells, without building cell objects. */
export function statusCells(sr: SheetResult | undefined): (LayerCell & { status: Status })[] {
  const out: (LayerCell & { status: Status })[] = [];
  if (sr) forEachStatus(sr, (row, col, status) => out.push({ row, col, status }));
  return out;
}

/** Why a sheet gets no colours, or undefined when it is coloured. */
export function skipReason(s: ReadSheet): string | undefined {
  if (s.hidden) return HIDDEN_REASON;
  if (s.protected) return PROTECTED_REASON;
  return undefined;
}
