// Reads sheets into the engine's WorkbookInput in a fixed number of context.sync calls:
// 1) which sheets and their visibility, 2) each sheet's used range size, protection and
// the list of its conditional formats, 3) the cells (row chunks packed into
// payload-bounded batches; one batch for ordinary workbooks), with the details of the
// custom conditional formats riding along with the first batch so Summakoll's own status
// layer is found without a sync of its own. Cell formats are never read.
import type { MergedArea, SheetInput } from '../engine';
import { parseCellAddress } from '../engine';
import { placeBlock } from './cellInput';
import { BYTES_PER_CELL, MIN_BYTES_PER_CELL, PAYLOAD_BUDGET_BYTES, responseBytes, rowChunks, type RowChunk } from './rowChunks';
import type { ApiSupport } from './officeTypes';
import { queueLayerDetails, queueLayerList, layerRulesOf, type LayerProbe, type LayerRule } from './layerExcel';

export type ReadScope = { kind: 'all' } | { kind: 'active' } | { kind: 'sheet'; idOrName: string };

export interface ReadSheet {
  id: string;
  input: SheetInput;
  protected: boolean;
  /** Hidden or very hidden: checked, but not coloured and not jumped to. */
  hidden: boolean;
  /** The sheet object of this request context, for the colouring phase. */
  sheet: Excel.Worksheet;
  /** Summakoll's conditional formats already on the sheet (the previous status layer). */
  layer: LayerRule[];
}

export interface ReadOptions {
  /** Also load the addresses of the existing layer (live mode keeps the untouched part). */
  layerAddresses?: boolean;
}

const CELL_PROPS = 'values,formulas,numberFormat,valueTypes';

async function sheetsInScope(context: Excel.RequestContext, scope: ReadScope): Promise<Excel.Worksheet[]> {
  const worksheets = context.workbook.worksheets;
  if (scope.kind === 'all') {
    worksheets.load('items/name,items/id,items/visibility');
    await context.sync();
    return worksheets.items;
  }
  const sheet = scope.kind === 'active' ? worksheets.getActiveWorksheet() : worksheets.getItem(scope.idOrName);
  sheet.load('name,id,visibility');
  await context.sync();
  return [sheet];
}

/** `Blad1!A1:B2, 'Mitt blad'!C3:D3` → merged areas (sheet prefixes dropped). */
export function parseMergedAddress(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  const re = /!?\$?([A-Z]{1,3}\$?\d+)(?::\$?([A-Z]{1,3}\$?\d+))?(?=,|\s|$)/g;
  for (const part of address.split(/,(?=[^,]*!)/)) {
    const local = part.slice(part.lastIndexOf('!') + 1).trim();
    re.lastIndex = 0;
    const m = re.exec(local);
    if (!m) continue;
    const a = parseCellAddress(m[1]);
    const b = parseCellAddress(m[2] ?? m[1]);
    if (a && b) out.push({ r0: a.r, c0: a.c, r1: b.r, c1: b.c });
  }
  return out;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  supports: ApiSupport,
  scope: ReadScope,
  options: ReadOptions = {},
): Promise<ReadSheet[]> {
  const sheets = await sheetsInScope(context, scope);

  const probes: LayerProbe[] = [];
  const used = sheets.map((sheet) => {
    sheet.protection.load('protected');
    probes.push(queueLayerList(sheet));
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();

  const out: ReadSheet[] = sheets.map((sheet) => ({
    id: sheet.id,
    protected: Boolean(sheet.protection.protected),
    hidden: sheet.visibility !== undefined && sheet.visibility !== 'Visible',
    sheet,
    layer: [],
    input: { name: sheet.name, rows: [] },
  }));

  const chunks: { index: number; chunk: RowChunk }[] = [];
  used.forEach((range, index) => {
    if (range.isNullObject) return;
    for (const chunk of rowChunks(sheets[index].name, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount)) {
      chunks.push({ index, chunk });
    }
  });

  // Merged areas (ExcelApi 1.13) ride along with the first data batch.
  const merges = supports('1.13')
    ? used.map((range) => {
        if (range.isNullObject) return null;
        const areas = range.getMergedAreasOrNullObject();
        areas.load('address');
        return areas;
      })
    : [];

  // The custom conditional formats' rule and colours come back with the first batch.
  const details = probes.map((p) => queueLayerDetails(p, Boolean(options.layerAddresses)));
  // Batches are filled up to the payload budget with an estimate of the bytes per cell:
  // a cautious one for the first batch, then the largest measured so far, so a big
  // workbook needs about ⌈payload / budget⌉ syncs and never one per row or per table.
  let bytesPerCell = BYTES_PER_CELL;
  let largestMeasured = 0;
  let next = 0;
  do {
    const batch: typeof chunks = [];
    let estimate = 0;
    while (next < chunks.length) {
      const c = chunks[next];
      const bytes = c.chunk.rowCount * c.chunk.columnCount * bytesPerCell;
      if (batch.length && estimate + bytes > PAYLOAD_BUDGET_BYTES) break;
      batch.push(c);
      estimate += bytes;
      next++;
    }
    const loaded = batch.map(({ index, chunk }) => {
      const range = sheets[index].getRangeByIndexes(chunk.rowIndex, chunk.columnIndex, chunk.rowCount, chunk.columnCount);
      range.load(CELL_PROPS);
      return { index, chunk, range };
    });
    await context.sync();
    let measured = 0;
    let cells = 0;
    for (const { index, chunk, range } of loaded) {
      measured += responseBytes(range);
      cells += chunk.rowCount * chunk.columnCount;
      placeBlock(out[index].input.rows, {
        rowIndex: chunk.rowIndex,
        columnIndex: chunk.columnIndex,
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        valueTypes: range.valueTypes,
      });
    }
    if (cells) {
      largestMeasured = Math.max(largestMeasured, measured / cells);
      bytesPerCell = Math.max(MIN_BYTES_PER_CELL, largestMeasured);
    }
  } while (next < chunks.length);

  details.forEach((d, index) => (out[index].layer = layerRulesOf(d)));
  merges.forEach((areas, index) => {
    if (!areas || areas.isNullObject || !areas.address) return;
    const list = parseMergedAddress(areas.address);
    if (list.length) out[index].input.merges = list;
  });
  return out;
}
