// The fill and font colour each cell had before Summakoll coloured it, kept inside the
// workbook (Excel workbook settings are saved with the file), so "Rensa statusfärger"
// restores them exactly also after the workbook was saved and reopened.

export const ORIGINALS_SETTING = 'Summakoll.originalFormats';

/** Fill colour `#RRGGBB`, or `none` for "no fill" (restored with fill.clear(), not white). */
export type SavedFill = string;

export interface SavedFormat {
  fill: SavedFill;
  font: string;
}

/** sheet name → A1 address → original format. */
export type OriginalFormats = Record<string, Record<string, SavedFormat>>;

interface StoredShape {
  v: 1;
  sheets: Record<string, Record<string, [SavedFill, string]>>;
}

export function serializeOriginals(o: OriginalFormats): string {
  const sheets: StoredShape['sheets'] = {};
  for (const [sheet, cells] of Object.entries(o)) {
    const entries = Object.entries(cells);
    if (!entries.length) continue;
    sheets[sheet] = Object.fromEntries(entries.map(([a, f]) => [a, [f.fill, f.font]]));
  }
  return JSON.stringify({ v: 1, sheets } satisfies StoredShape);
}

/** Unknown or damaged content reads as "nothing saved" rather than stopping the check. */
export function parseOriginals(text: unknown): OriginalFormats {
  if (typeof text !== 'string' || !text) return {};
  try {
    const parsed = JSON.parse(text) as Partial<StoredShape>;
    if (parsed.v !== 1 || typeof parsed.sheets !== 'object' || !parsed.sheets) return {};
    const out: OriginalFormats = {};
    for (const [sheet, cells] of Object.entries(parsed.sheets)) {
      out[sheet] = {};
      for (const [address, pair] of Object.entries(cells)) {
        if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
          out[sheet][address] = { fill: pair[0], font: pair[1] };
        }
      }
    }
    return out;
  } catch {
    return {};
  }
}

/** What getCellProperties reported, as a SavedFormat. Pattern "None" means no fill. */
export function savedFormatOf(props: Excel.CellProperties | undefined): SavedFormat {
  const fill = props?.format?.fill;
  const noFill = !fill || fill.pattern === 'None' || !fill.color;
  return { fill: noFill ? 'none' : String(fill.color).toUpperCase(), font: String(props?.format?.font?.color ?? '#000000').toUpperCase() };
}

export function loadOriginalsSetting(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(ORIGINALS_SETTING);
  setting.load('value');
  return setting;
}

export function readOriginalsSetting(setting: Excel.Setting): OriginalFormats {
  return setting.isNullObject ? {} : parseOriginals(setting.value);
}

export function writeOriginalsSetting(context: Excel.RequestContext, o: OriginalFormats): void {
  context.workbook.settings.add(ORIGINALS_SETTING, serializeOriginals(o));
}
