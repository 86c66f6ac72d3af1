// .xlsx / .xlsm bytes → the engine's WorkbookInput. Pure: Node and browsers.
import type { SheetInput, WorkbookInput } from '../engine';
import { readLayout, readPartText } from './package';
import { parseSharedStrings } from './sharedStrings';
import { sheetLayout } from './sheetScan';
import { parseStyles } from './styles';
import { parseWorksheet, type CellCounter } from './worksheet';
import { checkDeclaredSizes, findEntry, openZip, type ZipEntry } from './zip';

/** A sheet as this reader gives it: the engine's SheetInput plus what only a file knows. */
export interface XlsxSheetInput extends SheetInput {
  /** The sheet is protected (`<sheetProtection sheet="1">`); the engine ignores this. */
  protected?: boolean;
}

export interface XlsxWorkbookInput extends WorkbookInput {
  sheets: XlsxSheetInput[];
}

/**
 * Read a workbook. A file that cannot be read throws an XlsxReadError with its reason;
 * anything else thrown from here is a bug in Summakoll and is left for the caller to
 * report as an internal error, never as a damaged file.
 */
export function readXlsx(bytes: Uint8Array): XlsxWorkbookInput {
  const zip = openZip(bytes);
  const layout = readLayout(zip);
  const worksheets = layout.sheets.filter((s) => s.kind === 'worksheet' && s.path);

  // Check the declared sizes of every part we are about to inflate before inflating any.
  const needed: ZipEntry[] = [];
  for (const p of [layout.workbookPath, layout.sharedStringsPath, layout.stylesPath, ...worksheets.map((s) => s.path)]) {
    const e = p ? findEntry(zip, p) : undefined;
    if (e && !needed.includes(e)) needed.push(e);
  }
  checkDeclaredSizes(needed);

  const sst = layout.sharedStringsPath ? parseSharedStrings(readPartText(zip, layout.sharedStringsPath) ?? '') : [];
  const styles = parseStyles(layout.stylesPath ? readPartText(zip, layout.stylesPath) : undefined);
  const counter: CellCounter = { cells: 0 };
  const sheets: XlsxSheetInput[] = [];
  for (const part of worksheets) {
    const xml = readPartText(zip, part.path as string);
    if (xml === undefined) {
      // A sheet listed in the workbook whose part is missing: an empty sheet, not a lost file.
      sheets.push({ name: part.name, rows: [], merges: [] });
      continue;
    }
    const { prefix, root } = sheetLayout(xml);
    if (root !== 'worksheet' && root !== '') continue; // a dialog or macro sheet behind a worksheet relationship
    const parsed = parseWorksheet(xml, prefix, sst, styles.numFmtOfXf, counter);
    const sheet: XlsxSheetInput = { name: part.name, rows: parsed.rows, merges: parsed.merges };
    if (parsed.protected) sheet.protected = true;
    sheets.push(sheet);
  }
  return { sheets };
}
