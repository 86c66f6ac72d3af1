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
import { isLayerFormula, layerAreasOf, layerStatusOf, LAYER_FORMULA_OOXML, LAYER_STATUSES } from '../excel/statusLayer';
import { nativeCodec } from '../ooxml/codec';
import { utf8Start } from '../ooxml/decode';
import { readLayout, readPartText, resolveTarget } from './package';
import { sheetLayout } from './sheetScan';
import { LayerStyles, MINIMAL_STYLES } from './statusStyles';
import { elements, firstElement, getAttr, textContent } from './xml';
import { checkDeclaredSizes, decodeText, extract, findEntry, openZip, type ZipArchive, type ZipEntry } from './zip';
import { rewriteZip, type PartBytes } from './zipWrite';

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

/** Per status, the A1 areas that show it (see layerAreas). */
type Areas = Map<Status, string[]>;
const NO_AREAS: Areas = new Map();

function write(bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  const zip = openZip(bytes);
  const layout = readLayout(zip);
  const stylesEntry = layout.stylesPath ? findEntry(zip, layout.stylesPath) : undefined;

  const areasByPath = new Map<string, Areas>();
  for (const sr of result.sheets) {
    // Positions and statuses only: no cell objects are needed to colour.
    const areas = layerAreasOf((visit) => forEachStatus(sr, visit));
    if (areas.size === 0) continue;
    const part =
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name === sr.name) ??
      layout.sheets.find((s) => s.kind === 'worksheet' && s.name.toLowerCase() === sr.name.toLowerCase());
    if (part?.path && findEntry(zip, part.path)) areasByPath.set(part.path, areas);
  }
  const jobs: { entry: ZipEntry; areas: Areas }[] = [];
  for (const s of layout.sheets) {
    if (s.kind !== 'worksheet' || !s.path) continue;
    const entry = findEntry(zip, s.path);
    if (entry) jobs.push({ entry, areas: areasByPath.get(s.path) ?? NO_AREAS });
  }
  checkDeclaredSizes([...(stylesEntry ? [stylesEntry] : []), ...jobs.filter((j) => j.areas.size).map((j) => j.entry)]);

  const styles = new LayerStyles(stylesEntry ? (readPartText(zip, stylesEntry.name) ?? '') : MINIMAL_STYLES);
  const replace = new Map<string, PartBytes>();
  for (const { entry, areas } of jobs) {
    if (!areas.size) checkDeclaredSizes([entry]);
    const next = layeredPart(extract(zip, entry), areas, styles);
    if (next) replace.set(entry.name, next);
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

/**
 * What the layer changes in a worksheet's XML: the old layer's elements cut out (offsets in
 * the XML as read, ascending) and the new one inserted at `at` (an offset outside the cuts).
 */
export interface LayerEdit {
  cuts: { start: number; end: number }[];
  at: number;
  insert: string;
}

/** The worksheet part with the new layer, or null when it stays as it is. */
function layeredPart(raw: Uint8Array, areas: Areas, styles: LayerStyles): PartBytes | null {
  const around = aroundCells(raw);
  if (around) {
    if (!areas.size && !around.text.includes('Summakoll')) return null;
    const edit = layerEdit(around.text, areas, styles);
    return edit ? around.splice(edit) : null;
  }
  const xml = decodeText(raw);
  // A sheet without statuses changes only when it carries an old layer (a copy of a copy).
  if (!areas.size && xml.indexOf('Summakoll') < 0) return null;
  const edit = layerEdit(xml, areas, styles);
  if (!edit) return null;
  return spliceBytes(raw, xml, edit) ?? encodeXml(applyEdit(xml, edit));
}

/** The worksheet XML with its old Summakoll layer removed and the new one inserted. */
export function withLayer(xml: string, areas: Areas, styles: LayerStyles): string {
  const edit = layerEdit(xml, areas, styles);
  return edit ? applyEdit(xml, edit) : xml;
}

/** The edit that puts the layer in: null when there is no old layer to remove and no new one. */
export function layerEdit(xml: string, areas: Areas, styles: LayerStyles): LayerEdit | null {
  const { prefix: p } = sheetLayout(xml);
  // 1. The earlier layer, to be removed.
  const cuts = elements(xml, `${p}conditionalFormatting`)
    .filter((el) => isOurs(el, p, styles))
    .map((el) => ({ start: el.start, end: el.end }));
  // Without statuses only the old layer goes (nothing is inserted, at its first element).
  if (!areas.size) return cuts.length ? { cuts, at: cuts[0].start, insert: '' } : null;
  let rest = xml;
  for (let i = cuts.length - 1; i >= 0; i--) rest = rest.slice(0, cuts[i].start) + rest.slice(cuts[i].end);

  // 2. Our rules, worst status first. Priorities: lower numbers win (ECMA-376 18.3.1.10).
  // Ours get 1…n. The existing rules' priorities are kept byte for byte, so when they also
  // start at 1 two rules share a number. The standard does not say which of two rules of
  // equal priority applies first; ours are therefore also written first in document order
  // (before every existing <conditionalFormatting>), so a reader that orders rules by
  // priority and keeps document order among equals (our assumption for Excel; not
  // verified in Excel here) puts ours on top. When the existing rules start above n, ours
  // win by priority alone. Our rules never overlap each other (a cell has one status), and
  // stopIfTrue keeps a lower-priority rule from adding its colours to ours.
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

  // 3. Insert at the schema position (in the XML without the old layer): after sheetData …
  // phoneticPr, before the first existing conditionalFormatting or anything that follows it.
  let from = 0;
  for (const name of BEFORE_CF) {
    const el = firstElement(rest, `${p}${name}`, from);
    if (el && el.end > from) from = el.end;
  }
  const next = new RegExp(`<(?:${esc(p)}(?:${AFTER_CF.join('|')})|[A-Za-z_][\\w.-]*:AlternateContent)(?=[\\s>/])|</${esc(p)}worksheet\\s*>`, 'g');
  next.lastIndex = from;
  const m = next.exec(rest);
  // Back to an offset in the XML as read: past every cut that starts at or before it.
  let at = m ? m.index : rest.length;
  for (const c of cuts) if (c.start <= at) at += c.end - c.start;
  return { cuts, at, insert: added.join('') };
}

/** The XML with the edit made. */
export function applyEdit(xml: string, edit: LayerEdit): string {
  const out: string[] = [];
  let p = 0;
  let inserted = false;
  for (const c of edit.cuts) {
    if (!inserted && edit.at <= c.start) {
      out.push(xml.slice(p, edit.at), edit.insert);
      p = edit.at;
      inserted = true;
    }
    out.push(xml.slice(p, c.start));
    p = c.end;
  }
  if (!inserted) {
    out.push(xml.slice(p, edit.at), edit.insert);
    p = edit.at;
  }
  out.push(xml.slice(p));
  return out.join('');
}

/**
 * A large UTF-8 worksheet part without its cells: its text before <sheetData>, the
 * <sheetData> element as an empty one, and its text after it, decoded; and how to make an
 * edit of that text on the part's bytes. Everything the layer edit looks at lies outside the
 * cells (it finds sheetData and its end tag by plain search, and then looks only after it),
 * so the edit of this text is the edit of the whole text, moved by a known offset. Only
 * when the platform has a UTF-8 validator and a byte search (the command line), the part is
 * valid UTF-8 without byte order mark (what encodeXml writes back is then its bytes), the
 * cells hold no `<…conditionalFormatting` (a layer searched for everywhere) and the
 * <sheetData> is not empty; otherwise null, and the whole text is decoded.
 */
function aroundCells(raw: Uint8Array): { text: string; splice(edit: LayerEdit): Uint8Array[] } | null {
  const codec = nativeCodec();
  if (!codec?.isUtf8 || !codec.indexOf || raw.length < AROUND_CELLS_MIN || utf8Start(raw) !== 0 || !codec.isUtf8(raw)) return null;
  const search = codec.indexOf;
  const bytes = (text: string) => encoder.encode(text);
  // The root's prefix, from the text up to the first <sheetData (the root comes before it).
  const anyData = search(raw, bytes('sheetData'), 0);
  if (anyData < 0) return null;
  // (A text cut inside a comment or before the root is left to the whole-text path.)
  let p: string;
  try {
    const layout = sheetLayout(decodeText(raw.subarray(0, anyData)));
    if (layout.root === '') return null;
    p = layout.prefix;
  } catch {
    return null;
  }
  // The first <p:sheetData followed by a space, `>` or `/` (as firstElement finds it) …
  const open = bytes(`<${p}sheetData`);
  let start = search(raw, open, 0);
  while (start >= 0 && !NAME_END.has(raw[start + open.length])) start = search(raw, open, start + open.length);
  if (start < 0) return null;
  // … its start tag's `>` (the first one, as elements() takes it) and its end tag.
  const gt = search(raw, bytes('>'), start);
  if (gt < 0 || raw[gt - 1] === 0x2f) return null;
  const close = bytes(`</${p}sheetData>`);
  const closeAt = search(raw, close, gt);
  if (closeAt < 0) return null;
  const end = closeAt + close.length;
  const layer = search(raw, bytes(`<${p}conditionalFormatting`), 0);
  if (layer >= 0 && layer < end) return null;
  const before = decodeText(raw.subarray(0, start));
  const empty = `<${p}sheetData/>`;
  const after = new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw.subarray(end));
  const shift = before.length + empty.length;
  const byteAt = (offset: number) => end + encoder.encode(after.slice(0, offset - shift)).length;
  return {
    text: before + empty + after,
    splice(edit: LayerEdit): Uint8Array[] {
      return splicePieces(raw, 0, edit, byteAt);
    },
  };
}

/** Below this a part is decoded whole (the shortcut would save nothing). */
const AROUND_CELLS_MIN = 1024 * 1024;
/** What may follow an element's name in its start tag (as elements() accepts it). */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/**
 * The edit made on the part's bytes, without encoding the XML again: the bytes between the
 * edits are the input's, as pieces (not copied). Only for a part read as UTF-8 without loss
 * (what encodeXml would write back is then those very bytes); null otherwise. The edits lie
 * after the cells, so offsets are counted from the end of the part.
 */
function spliceBytes(raw: Uint8Array, xml: string, edit: LayerEdit): Uint8Array[] | null {
  const start = utf8Start(raw);
  // A replacement character: some bytes were not UTF-8 (or the file has one; either way, encode).
  if (start < 0 || xml.indexOf('\uFFFD') >= 0) return null;
  const first = edit.cuts.length ? Math.min(edit.at, edit.cuts[0].start) : edit.at;
  const tail = encoder.encode(xml.slice(first));
  const base = raw.length - tail.length;
  if (base < start) return null;
  for (let i = 0; i < tail.length; i++) if (raw[base + i] !== tail[i]) return null;
  const byteAt = (offset: number) => base + encoder.encode(xml.slice(first, offset)).length;
  // Pieces of the input: from the start (after a byte order mark) to the end, minus the cuts.
  return splicePieces(raw, start, edit, byteAt);
}

/**
 * The part as pieces of its input bytes from `from` on, with the edit's cuts left out and its
 * insert put in; `byteAt` turns an offset in the edited XML text into a byte offset in `raw`.
 */
function splicePieces(raw: Uint8Array, from: number, edit: LayerEdit, byteAt: (offset: number) => number): Uint8Array[] {
  const insert = encoder.encode(edit.insert);
  const pieces: Uint8Array[] = [];
  let p = from;
  let inserted = false;
  const at = byteAt(edit.at);
  for (const c of edit.cuts) {
    const cs = byteAt(c.start);
    if (!inserted && at <= cs) {
      pieces.push(raw.subarray(p, at), insert);
      p = at;
      inserted = true;
    }
    pieces.push(raw.subarray(p, cs));
    p = byteAt(c.end);
  }
  if (!inserted) pieces.push(raw.subarray(p, at), insert);
  pieces.push(raw.subarray(inserted ? p : at));
  return pieces.filter((b) => b.length > 0);
}

function addStylesReferences(zip: ZipArchive, workbookPath: string, stylesPath: string, replace: Map<string, PartBytes>): void {
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
