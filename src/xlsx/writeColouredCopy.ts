// A copy of the workbook that shows every checked cell in its status colour the way the
// Excel add-in does: with Summakoll's own conditional formats (statusLayer.ts), one
// <conditionalFormatting> per sheet and status whose rule formula and dxf colours are the
// layer's signature. The add-in's "Rensa statusfärger" recognises and removes exactly these
// rules, which gives back the workbook as it was sent in.
//
// The copy differs from its input only in xl/styles.xml (dxf entries appended to <dxfs>)
// and in the <conditionalFormatting> elements of the worksheets that get or lose a layer:
// cells, their styles, the existing conditional formats (and their priorities) and every
// other part stay byte for byte. A copy of a coloured copy replaces the old layer.
import type { Status, WorkbookResult } from '../engine';
import { forEachStatus } from '../engine';
import { isLayerFormula, layerAreas, layerStatusOf, LAYER_FORMULA_OOXML, LAYER_STATUSES } from '../excel/statusLayer';
import { readLayout, readPartText, resolveTarget } from './package';
import { sheetLayout } from './sheetScan';
import { LayerStyles, MINIMAL_STYLES } from './statusStyles';
import { elements, firstElement, getAttr, textContent } from './xml';
import { checkDeclaredSizes, findEntry, openZip, type ZipArchive, type ZipEntry } from './zip';
import { rewriteZip } from './zipWrite';

const encoder = new TextEncoder();

/** Parts decoded from UTF-16 are written back as UTF-8: the declaration must say so. */
function encodeXml(xml: string): Uint8Array {
  return encoder.encode(xml.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(LE|BE)?(["'])/i, '$1UTF-8$3'));
}

/**
 * The coloured copy. A damaged input raises XlsxReadError with its Swedish message; anything
 * else is a bug of ours and surfaces as it is (an internal error), never as "Filen är skadad".
 */
export function writeColouredCopy(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  return write(bytes, result);
}

type Target = { row: number; col: number; status: Status };

function write(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  const zip = openZip(bytes);
  const layout = readLayout(zip);
  const stylesEntry = layout.stylesPath ? findEntry(zip, layout.stylesPath) : undefined;

  const targetsByPath = new Map<string, Target[]>();
  for (const sr of result.sheets) {
    // Positions and statuses only: no cell objects are needed to colour.
    const targets: Target[] = [];
    forEachStatus(sr, (row, col, status) => targets.push({ row, col, status }));
    if (targets.length === 0) continue;
    const part =
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name === sr.name) ??
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name.toLowerCase() === sr.name.toLowerCase());
    if (part?.path && findEntry(zip, part.path)) targetsByPath.set(part.path, targets);
  }
  const jobs: { entry: ZipEntry; targets: Target[] }[] = [];
  for (const s of layout.sheets) {
    if (s.kind !== 'worksheet' || !s.path) continue;
    const entry = findEntry(zip, s.path);
    if (entry) jobs.push({ entry, targets: targetsByPath.get(s.path) ?? [] });
  }
  checkDeclaredSizes([...(stylesEntry ? [stylesEntry] : []), ...jobs.filter((j) => j.targets.length).map((j) => j.entry)]);

  const styles = new LayerStyles(stylesEntry ? (readPartText(zip, stylesEntry.name) ?? '') : MINIMAL_STYLES);
  const replace = new Map<string, Uint8Array>();
  for (const { entry, targets } of jobs) {
    if (!targets.length) checkDeclaredSizes([entry]);
    const xml = readPartText(zip, entry.name) ?? '';
    // A sheet without statuses changes only when it carries an old layer (a copy of a copy).
    if (!targets.length && xml.indexOf('Summakoll') < 0) continue;
    const next = withLayer(xml, targets, styles);
    if (next !== xml) replace.set(entry.name, encodeXml(next));
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

// CT_Worksheet: <conditionalFormatting> comes after these …
const BEFORE_CF = [
  'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
  'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
];
// … and before these.
const AFTER_CF = [
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter',
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is this <conditionalFormatting> element Summakoll's (every rule has the signature)? */
function isOurs(el: { inner: string }, p: string, styles: LayerStyles): boolean {
  const rules = elements(el.inner, `${p}cfRule`);
  if (!rules.length) return false;
  return rules.every((r) => {
    const formula = firstElement(r.inner, `${p}formula`);
    if (!formula || !isLayerFormula(textContent(formula.inner))) return false;
    const { fill, font } = styles.coloursOf(Number(getAttr(r.attrs, 'dxfId') ?? '-1'));
    return layerStatusOf(LAYER_FORMULA_OOXML, fill, font) !== undefined;
  });
}

/** The worksheet XML with its old Summakoll layer removed and the new one inserted. */
export function withLayer(xml: string, targets: Target[], styles: LayerStyles): string {
  const { prefix: p } = sheetLayout(xml);
  // 1. Remove an earlier layer (from the end, so offsets stay valid).
  const old = elements(xml, `${p}conditionalFormatting`).filter((el) => isOurs(el, p, styles));
  for (let i = old.length - 1; i >= 0; i--) xml = xml.slice(0, old[i].start) + xml.slice(old[i].end);
  if (!targets.length) return xml;

  // 2. Our rules, worst status first. Priorities: lower numbers win (ECMA-376 18.3.1.10).
  // Ours get 1…n. The existing rules' priorities are kept byte for byte, so when they also
  // start at 1 two rules share a number. The standard does not say which of two rules of
  // equal priority applies first; ours are therefore also written first in document order
  // (before every existing <conditionalFormatting>), so a reader that orders rules by
  // priority and keeps document order among equals (our assumption for Excel; not
  // verified in Excel here) puts ours on top. When the existing rules start above n, ours
  // win by priority alone. Our rules never overlap each other (a cell has one status), and
  // stopIfTrue keeps a lower-priority rule from adding its colours to ours.
  const areas = layerAreas(targets);
  let priority = 0;
  const added: string[] = [];
  for (const status of LAYER_STATUSES) {
    const list = areas.get(status);
    if (!list) continue;
    priority++;
    added.push(
      `<${p}conditionalFormatting sqref="${list.join(' ')}">` +
        `<${p}cfRule type="expression" dxfId="${styles.dxfFor(status)}" priority="${priority}" stopIfTrue="1">` +
        `<${p}formula>${LAYER_FORMULA_OOXML}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    );
  }

  // 3. Insert at the schema position: after sheetData … phoneticPr, before the first
  // existing conditionalFormatting or anything that follows it.
  let from = 0;
  for (const name of BEFORE_CF) {
    const el = firstElement(xml, `${p}${name}`, from);
    if (el && el.end > from) from = el.end;
  }
  const next = new RegExp(`<(?:${esc(p)}(?:${AFTER_CF.join('|')})|[A-Za-z_][\\w.-]*:AlternateContent)(?=[\\s>/])|</${esc(p)}worksheet\\s*>`, 'g');
  next.lastIndex = from;
  const m = next.exec(xml);
  const at = m ? m.index : xml.length;
  return xml.slice(0, at) + added.join('') + xml.slice(at);
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
