// "Kopiera till Word" keeps a table's own fills and font colours. The status layer is a
// set of conditional formats, so a cell's own format is what Excel reports for it; only
// "no fill" needs care: Excel reports it as white (#FFFFFF, pattern null) exactly like a
// white fill (office-js issues #4900 and #6218). Microsoft's advice in #4900: load
// tintAndShade, which is null for no fill and a number for any fill.
import type { TableInfo } from '../engine';
import type { OriginalFormats } from '../clipboard/tableHtml';

export interface ReportedCell {
  format?: { fill?: { color?: string; tintAndShade?: number | null }; font?: { color?: string; bold?: boolean; italic?: boolean } };
}

/** One cell's reported format as the clipboard wants it; no fill → no background. */
export function copyFormatOf(props: ReportedCell | undefined): { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean } {
  const fill = props?.format?.fill;
  const font = props?.format?.font;
  const hasFill = fill !== undefined && fill.tintAndShade !== null && fill.tintAndShade !== undefined && typeof fill.color === 'string';
  return {
    fill: hasFill ? String(fill.color).toUpperCase() : undefined,
    fontColor: typeof font?.color === 'string' ? font.color.toUpperCase() : undefined,
    bold: font?.bold || undefined,
    italic: font?.italic || undefined,
  };
}

/** Read the fills and font colours of one table (one sync, only when copying). */
export async function readTableFormats(context: Excel.RequestContext, sheet: string, t: TableInfo): Promise<OriginalFormats> {
  const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(t.r0, t.c0, t.r1 - t.r0 + 1, t.c1 - t.c0 + 1);
  const props = range.getCellProperties({ format: { fill: { color: true, tintAndShade: true }, font: { color: true } } });
  await context.sync();
  const out: OriginalFormats = new Map();
  props.value.forEach((row, i) =>
    row.forEach((cell, j) => {
      const f = copyFormatOf(cell as ReportedCell);
      if (f.fill || f.fontColor) out.set(`${t.r0 + i},${t.c0 + j}`, { fill: f.fill, fontColor: f.fontColor });
    }),
  );
  return out;
}
