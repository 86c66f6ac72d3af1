// Writes status colours and restores the original ones. Only fill and font colour are
// ever touched, never values, formulas or number formats. Writes are grouped: one
// getRanges call per status (or per original format) and address batch, never one
// call per cell.
import { STATUS_COLOURS } from '../engine';
import { parseCellAddress } from '../engine';
import type { CheckedCell, Status } from '../engine';
import { addressBatches, type CellRef } from './addressBatches';
import {
  loadOriginalsSetting,
  readOriginalsSetting,
  savedFormatOf,
  writeOriginalsSetting,
  type OriginalFormats,
  type SavedFormat,
} from './originalFormats';
import { packBatches, PAYLOAD_BUDGET_BYTES } from './rowChunks';

const CELL_PROPERTIES_BYTES = 120;
const STATUSES: Status[] = ['ok', 'warning', 'error'];

export interface SheetColouring {
  sheet: string;
  cells: CheckedCell[];
  /** Only part of the sheet was re-checked: leave other previously coloured cells alone. */
  partial?: boolean;
}

function boundingBox(cells: CellRef[]) {
  let r0 = Infinity, c0 = Infinity, r1 = -Infinity, c1 = -Infinity;
  for (const { row, col } of cells) {
    r0 = Math.min(r0, row); c0 = Math.min(c0, col); r1 = Math.max(r1, row); c1 = Math.max(c1, col);
  }
  return { r0, c0, r1, c1 };
}

function toRefs(addresses: string[]): CellRef[] {
  const out: CellRef[] = [];
  for (const a of addresses) {
    const p = parseCellAddress(a);
    if (p) out.push({ row: p.r, col: p.c });
  }
  return out;
}

/** Restore saved formats on one sheet, grouped by identical original format. */
function queueRestore(sheet: Excel.Worksheet, saved: Record<string, SavedFormat>, addresses: string[]): void {
  const groups = new Map<string, { format: SavedFormat; addresses: string[] }>();
  for (const a of addresses) {
    const f = saved[a];
    if (!f) continue;
    const key = `${f.fill}|${f.font}`;
    const g = groups.get(key) ?? { format: f, addresses: [] };
    g.addresses.push(a);
    groups.set(key, g);
  }
  for (const { format, addresses: list } of groups.values()) {
    for (const batch of addressBatches(toRefs(list))) {
      const areas = sheet.getRanges(batch);
      if (format.fill === 'none') areas.format.fill.clear();
      else areas.format.fill.color = format.fill;
      areas.format.font.color = format.font;
    }
  }
}

/**
 * Colour the checked cells of the given (unprotected) sheets. Three syncs: read the saved
 * originals and the targets' current formats; save the originals of cells not yet saved;
 * then restore cells that are no longer checked and write the status colours.
 */
export async function applyStatusColours(context: Excel.RequestContext, sheets: SheetColouring[]): Promise<void> {
  const setting = loadOriginalsSetting(context);
  const props: { sheet: string; r0: number; c0: number; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const loads: { sheet: string; r0: number; c0: number; rows: number; cols: number }[] = [];
  for (const { sheet, cells } of sheets) {
    if (!cells.length) continue;
    const box = boundingBox(cells);
    const cols = box.c1 - box.c0 + 1;
    const rowsPerChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / CELL_PROPERTIES_BYTES / cols));
    for (let r = box.r0; r <= box.r1; r += rowsPerChunk) {
      loads.push({ sheet, r0: r, c0: box.c0, rows: Math.min(rowsPerChunk, box.r1 - r + 1), cols });
    }
  }
  const batches = packBatches(loads, (l) => l.rows * l.cols * CELL_PROPERTIES_BYTES);
  if (!batches.length) batches.push([]);
  for (const batch of batches) {
    for (const l of batch) {
      const range = context.workbook.worksheets.getItem(l.sheet).getRangeByIndexes(l.r0, l.c0, l.rows, l.cols);
      const result = range.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } });
      props.push({ sheet: l.sheet, r0: l.r0, c0: l.c0, result });
    }
    await context.sync();
  }

  const originals: OriginalFormats = readOriginalsSetting(setting);
  const current = (sheet: string, row: number, col: number): Excel.CellProperties | undefined => {
    for (const p of props) {
      if (p.sheet !== sheet) continue;
      const cell = p.result.value[row - p.r0]?.[col - p.c0];
      if (cell) return cell;
    }
    return undefined;
  };

  const stale = new Map<string, string[]>();
  for (const { sheet, cells, partial } of sheets) {
    const saved = (originals[sheet] ??= {});
    const targets = new Set(cells.map((c) => c.address));
    for (const c of cells) if (!saved[c.address]) saved[c.address] = savedFormatOf(current(sheet, c.row, c.col));
    // Cells coloured by an earlier check that are no longer checked get their own look back.
    stale.set(sheet, partial ? [] : Object.keys(saved).filter((a) => !targets.has(a)));
  }
  // Originals are stored before any colour is written, so a failure later never loses them.
  writeOriginalsSetting(context, originals);
  await context.sync();

  for (const { sheet, cells } of sheets) {
    const ws = context.workbook.worksheets.getItem(sheet);
    const saved = originals[sheet];
    const gone = stale.get(sheet) ?? [];
    queueRestore(ws, saved, gone);
    for (const a of gone) delete saved[a];
    for (const status of STATUSES) {
      const list = cells.filter((c) => c.status === status);
      for (const batch of addressBatches(list)) {
        const areas = ws.getRanges(batch);
        areas.format.fill.color = STATUS_COLOURS[status].fill;
        areas.format.font.color = STATUS_COLOURS[status].font;
      }
    }
  }
  writeOriginalsSetting(context, originals);
  await context.sync();
}

/**
 * Restore every cell Summakoll coloured. Protected sheets keep their colours and their
 * saved originals; their names are returned so the task pane can say so.
 */
export async function restoreOriginalColours(context: Excel.RequestContext): Promise<{ protectedSheets: string[] }> {
  const setting = loadOriginalsSetting(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await context.sync();

  const originals = readOriginalsSetting(setting);
  const byName = new Map(worksheets.items.map((w) => [w.name, w]));
  const protectedSheets: string[] = [];
  for (const [sheet, saved] of Object.entries(originals)) {
    const ws = byName.get(sheet);
    if (!ws) {
      delete originals[sheet]; // the sheet was deleted or renamed: nothing to restore
      continue;
    }
    if (ws.protection.protected) {
      protectedSheets.push(sheet);
      continue;
    }
    queueRestore(ws, saved, Object.keys(saved));
    delete originals[sheet];
  }
  writeOriginalsSetting(context, originals);
  await context.sync();
  return { protectedSheets };
}
