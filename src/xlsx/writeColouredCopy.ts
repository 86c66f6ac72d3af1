// A copy of the workbook with every checked cell in its status colour. Only styles.xml
// and the worksheets that hold checked cells change, and in those only the `s`
// attribute of the checked <c> elements: values, formulas and everything else stay.
import type { Status, WorkbookResult } from '../engine';
import { forEachStatus } from '../engine';
import { MSG, XlsxReadError } from './errors';
import { readLayout, readPartText, resolveTarget } from './package';
import { scanCells, sheetLayout } from './sheetScan';
import { MINIMAL_STYLES, setAttr, StatusStyles } from './statusStyles';
import { getAttr } from './xml';
import { checkDeclaredSizes, findEntry, openZip, type ZipArchive, type ZipEntry } from './zip';
import { rewriteZip } from './zipWrite';

const encoder = new TextEncoder();

/** Parts decoded from UTF-16 are written back as UTF-8: the declaration must say so. */
function encodeXml(xml: string): Uint8Array {
  return encoder.encode(xml.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(LE|BE)?(["'])/i, '$1UTF-8$3'));
}

export function writeColouredCopy(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  try {
    return write(bytes, result);
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    throw new XlsxReadError(MSG.corrupt(err instanceof Error ? err.message : String(err)));
  }
}

function write(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  const zip = openZip(bytes);
  const layout = readLayout(zip);
  const stylesEntry = layout.stylesPath ? findEntry(zip, layout.stylesPath) : undefined;

  const jobs: { entry: ZipEntry; targets: Map<string, Status> }[] = [];
  for (const sr of result.sheets) {
    // Positions and statuses only: no cell objects are needed to colour.
    const targets = new Map<string, Status>();
    forEachStatus(sr, (row, col, status) => targets.set(`${row},${col}`, status));
    if (targets.size === 0) continue;
    const part =
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name === sr.name) ??
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name.toLowerCase() === sr.name.toLowerCase());
    const entry = part?.path ? findEntry(zip, part.path) : undefined;
    if (!entry) continue;
    jobs.push({ entry, targets });
  }
  checkDeclaredSizes([...(stylesEntry ? [stylesEntry] : []), ...jobs.map((j) => j.entry)]);

  const styles = new StatusStyles(stylesEntry ? (readPartText(zip, stylesEntry.name) ?? '') : MINIMAL_STYLES);
  const replace = new Map<string, Uint8Array>();
  for (const { entry, targets } of jobs) {
    const xml = readPartText(zip, entry.name) ?? '';
    const { prefix } = sheetLayout(xml);
    const pieces: string[] = [];
    let last = 0;
    scanCells(xml, prefix, (tag) => {
      const status = targets.get(`${tag.row},${tag.col}`);
      if (!status) return;
      const s = Number(getAttr(tag.attrs, 's') ?? '0');
      const newS = styles.styleFor(Number.isInteger(s) && s >= 0 ? s : 0, status);
      pieces.push(xml.slice(last, tag.start), `<${prefix}c${setAttr(tag.attrs, 's', String(newS))}${tag.selfClosing ? '/>' : '>'}`);
      last = tag.tagEnd;
    });
    if (pieces.length === 0) continue;
    pieces.push(xml.slice(last));
    replace.set(entry.name, encodeXml(pieces.join('')));
  }
  if (!styles.changed) return rewriteZip(zip, replace);
  if (stylesEntry) {
    replace.set(stylesEntry.name, encodeXml(styles.toXml()));
    return rewriteZip(zip, replace);
  }
  // No styles part at all (some generators omit it): add one, with its relationship and content type.
  const stylesPath = resolveTarget(layout.workbookPath, 'styles.xml');
  addStylesReferences(zip, layout.workbookPath, stylesPath, replace);
  return rewriteZip(zip, replace, new Map([[stylesPath, encodeXml(styles.toXml())]]));
}

function addStylesReferences(zip: ZipArchive, workbookPath: string, stylesPath: string, replace: Map<string, Uint8Array>): void {
  const slash = workbookPath.lastIndexOf('/');
  const relsPath = `${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`;
  const relsEntry = findEntry(zip, relsPath);
  const rel = `<Relationship Id="rIdSummakollStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;
  if (relsEntry) {
    const xml = readPartText(zip, relsEntry.name) ?? '';
    replace.set(relsEntry.name, encodeXml(xml.replace(/<\/([A-Za-z_][\w.-]*:)?Relationships>\s*$/, (m) => rel + m)));
  }
  const ctEntry = findEntry(zip, '[Content_Types].xml');
  if (ctEntry) {
    const xml = readPartText(zip, ctEntry.name) ?? '';
    const override = `<Override PartName="/${stylesPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`;
    replace.set(ctEntry.name, encodeXml(xml.replace(/<\/([A-Za-z_][\w.-]*:)?Types>\s*$/, (m) => override + m)));
  }
}
