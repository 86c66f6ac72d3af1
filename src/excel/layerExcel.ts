// The status layer in Excel (Office.js): per sheet and status one custom conditional
// format on the RangeAreas of the cells with that status (ExcelApi 1.9 getRanges, split
// below the address length limit), recognised again by the signature in statusLayer.ts.
// The cells' own fills, fonts, values and formulas are never read or written: the layer
// lies on top of them, so clearing it leaves every cell exactly as it was (no fill stays no
// fill, white stays white, theme colours, tints and patterns stay as they were).
import { STATUS_COLOURS, parseCellAddress } from '../engine';
import type { Status } from '../engine';
import { joinAddresses, MAX_ADDRESS_CHARS } from './addressBatches';
import { PAYLOAD_BUDGET_BYTES } from './rowChunks';
import { LAYER_FORMULA, LAYER_STATUSES, layerAreas, layerStatusOf, type LayerCell } from './statusLayer';

/** The conditional formats of one sheet, listed (type only) in the read phase. */
export interface LayerProbe {
  sheet: Excel.Worksheet;
  list: Excel.ConditionalFormatCollection;
}

interface PendingRule {
  cf: Excel.ConditionalFormat;
  custom: Excel.CustomConditionalFormat;
  ranges?: Excel.RangeAreas;
}

/** One of Summakoll's rules found on a sheet. */
export interface LayerRule {
  cf: Excel.ConditionalFormat;
  status: Status;
  /** The cells it covers (only when asked for), e.g. `Blad1!B12:K12, Blad1!D4`. */
  address?: string;
}

/** Queue: list the sheet's conditional formats (every one that intersects the sheet). */
export function queueLayerList(sheet: Excel.Worksheet): LayerProbe {
  const list = sheet.getRange().conditionalFormats;
  list.load('items/type');
  return { sheet, list };
}

/** After the list is loaded, queue the rule formula and colours of the custom ones. */
export function queueLayerDetails(probe: LayerProbe, withAddress: boolean): PendingRule[] {
  const out: PendingRule[] = [];
  for (const cf of probe.list.items) {
    if (cf.type !== 'Custom') continue;
    const custom = cf.custom;
    custom.rule.load('formula');
    custom.format.fill.load('color');
    custom.format.font.load('color');
    let ranges: Excel.RangeAreas | undefined;
    if (withAddress) {
      ranges = cf.getRanges();
      ranges.load('address');
    }
    out.push({ cf, custom, ranges });
  }
  return out;
}

/** After the details are loaded: the rules that are Summakoll's. */
export function layerRulesOf(pending: PendingRule[]): LayerRule[] {
  const out: LayerRule[] = [];
  for (const { cf, custom, ranges } of pending) {
    const status = layerStatusOf(custom.rule.formula, custom.format.fill.color, custom.format.font.color);
    if (status) out.push({ cf, status, address: ranges?.address });
  }
  return out;
}

/** The cells a rule's address covers (`Blad1!B2:C3, 'Mitt blad'!D4` → cells). */
export function cellsOfAddress(address: string): LayerCell[] {
  const out: LayerCell[] = [];
  for (const raw of address.split(',')) {
    const local = raw.slice(raw.lastIndexOf('!') + 1).trim().replace(/\$/g, '');
    if (!local) continue;
    const [a, b] = local.split(':');
    const p = parseCellAddress(a);
    const q = parseCellAddress(b ?? a);
    if (!p || !q) continue;
    for (let r = p.r; r <= q.r; r++) for (let c = p.c; c <= q.c; c++) out.push({ row: r, col: c });
  }
  return out;
}

export interface LayerJob {
  sheet: Excel.Worksheet;
  /** The statuses to show; an empty list only removes the old layer. */
  cells: (LayerCell & { status: Status })[];
  /** Summakoll's rules already on the sheet: replaced. */
  old: LayerRule[];
}

/** Rough request size of one added rule besides its address (type, formula, colours, flags). */
const RULE_BYTES = 400;
const DELETE_BYTES = 100;

/**
 * Replace the layer on each sheet. Everything is queued and sent in as few syncs as the
 * payload budget allows: one for ordinary workbooks, ⌈request bytes / budget⌉ in general.
 * Returns the number of syncs made.
 */
export async function writeLayer(context: Excel.RequestContext, jobs: LayerJob[]): Promise<number> {
  let bytes = 0;
  let syncs = 0;
  let queued = 0;
  const flushIfFull = async (next: number) => {
    if (queued > 0 && bytes + next > PAYLOAD_BUDGET_BYTES) {
      await context.sync();
      syncs++;
      bytes = 0;
      queued = 0;
    }
    bytes += next;
    queued++;
  };
  for (const job of jobs) {
    for (const rule of job.old) {
      await flushIfFull(DELETE_BYTES);
      rule.cf.delete();
    }
    const areas = layerAreas(job.cells);
    for (const status of LAYER_STATUSES) {
      for (const address of joinAddresses(areas.get(status) ?? [], MAX_ADDRESS_CHARS)) {
        await flushIfFull(RULE_BYTES + address.length);
        // conditionalFormats.add puts the new format at the top priority, above the
        // controller's own formats; stopIfTrue keeps theirs from showing through ours.
        const cf = job.sheet.getRanges(address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = LAYER_FORMULA;
        cf.custom.format.fill.color = STATUS_COLOURS[status].fill;
        cf.custom.format.font.color = STATUS_COLOURS[status].font;
        cf.stopIfTrue = true;
      }
    }
  }
  if (queued > 0) {
    await context.sync();
    syncs++;
  }
  return syncs;
}

/**
 * "Rensa statusfärger": delete Summakoll's conditional formats on every sheet (hidden ones
 * too) and nothing else. Protected sheets keep theirs; their names are returned.
 * Four syncs whatever the size: sheets, their conditional formats, the custom ones'
 * details, the deletions.
 */
export async function clearLayer(context: Excel.RequestContext): Promise<{ protectedSheets: string[]; removed: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await context.sync();
  const sheets = worksheets.items;
  const probes = sheets.map(queueLayerList);
  await context.sync();
  const pending = probes.map((p) => queueLayerDetails(p, false));
  await context.sync();
  const protectedSheets: string[] = [];
  let removed = 0;
  sheets.forEach((ws, i) => {
    const rules = layerRulesOf(pending[i]);
    if (!rules.length) return;
    if (ws.protection.protected) {
      protectedSheets.push(ws.name);
      return;
    }
    for (const r of rules) r.cf.delete();
    removed += rules.length;
  });
  if (removed) await context.sync();
  return { protectedSheets, removed };
}
