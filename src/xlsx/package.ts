// Where things are in the package: the workbook part, its sheets in tab order with
// their part paths, the shared strings and the styles. Handles transitional and strict
// OOXML relationship types, and absolute or relative targets.
import { MSG, XlsxReadError } from './errors';
import { isSpreadsheetNs, PKG_REL_NS, REL_NS, REL_NS_STRICT } from '../ooxml/spreadsheetml';
import { attrValue, forEachAttr, T_END, T_OPEN, XmlTokenizer } from '../ooxml/tokenizer';
import { decodeText, extract, findEntry, type ZipArchive } from './zip';

export interface SheetPart {
  name: string;
  /** Package path without leading slash, e.g. `xl/worksheets/sheet1.xml`; undefined when the target is missing. */
  path: string | undefined;
  /** Only worksheets hold cells; chart sheets, dialog sheets and macro sheets are skipped. */
  kind: 'worksheet' | 'other';
}

export interface PackageLayout {
  workbookPath: string;
  sheets: SheetPart[];
  sharedStringsPath?: string;
  stylesPath?: string;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : partPath.slice(0, slash + 1);
  return `${dir}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the folder of the part that owns it. */
export function resolveTarget(ownerPath: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  let parts: string[];
  if (t.startsWith('/')) parts = t.slice(1).split('/');
  else {
    const slash = ownerPath.lastIndexOf('/');
    parts = (slash < 0 ? [] : ownerPath.slice(0, slash).split('/')).concat(t.split('/'));
  }
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

export function readPartText(zip: ZipArchive, path: string): string | undefined {
  const e = findEntry(zip, path);
  return e ? decodeText(extract(zip, e)) : undefined;
}

function readRels(zip: ZipArchive, partPath: string): Relationship[] {
  const xml = readPartText(zip, relsPathFor(partPath));
  if (!xml) return [];
  const out: Relationship[] = [];
  const tk = new XmlTokenizer(xml);
  for (;;) {
    const k = tk.next();
    if (k === T_END) return out;
    if (k !== T_OPEN || !tk.localIs('Relationship')) continue;
    const uri = tk.uri();
    if (uri !== PKG_REL_NS && uri !== '') continue;
    out.push({
      id: tk.attr('Id') ?? '',
      type: tk.attr('Type') ?? '',
      target: tk.attr('Target') ?? '',
      external: tk.attr('TargetMode') === 'External',
    });
  }
}

/** The <sheet> elements of workbook.xml: name and relationship id (an `id` attribute in the relationships namespace). */
function readSheetList(wbXml: string): { found: boolean; sheets: { name: string | undefined; rid: string | undefined }[] } {
  const tk = new XmlTokenizer(wbXml);
  const sheets: { name: string | undefined; rid: string | undefined }[] = [];
  let found = false;
  for (;;) {
    const k = tk.next();
    if (k === T_END) return { found, sheets };
    if (k !== T_OPEN || !isSpreadsheetNs(tk.uri())) continue;
    if (tk.localIs('workbook')) found = true;
    else if (tk.localIs('sheet')) {
      let rid = tk.attrNs(REL_NS, 'id') ?? tk.attrNs(REL_NS_STRICT, 'id');
      if (rid === undefined) {
        // A writer with a wrong relationships namespace: any prefixed `id` attribute will do.
        forEachAttr(wbXml, tk.attrStart, tk.attrEnd, (ns, ne, vs, ve) => {
          if (rid === undefined && ne - ns > 3 && wbXml.startsWith(':id', ne - 3)) rid = attrValue(wbXml, vs, ve);
        });
      }
      sheets.push({ name: tk.attr('name'), rid });
    }
  }
}

const typeIs = (type: string, last: string) => type.toLowerCase().endsWith(`/${last.toLowerCase()}`);

export function readLayout(zip: ZipArchive): PackageLayout {
  let workbookPath: string | undefined;
  const officeDoc = readRels(zip, '').find((r) => typeIs(r.type, 'officeDocument') && !r.external);
  if (officeDoc) workbookPath = resolveTarget('', officeDoc.target);
  if (!workbookPath || !findEntry(zip, workbookPath)) {
    // Some writers omit the package relationships; fall back to the usual places.
    workbookPath = ['xl/workbook.xml', 'xl/workbook.bin'].find((p) => findEntry(zip, p));
  }
  if (!workbookPath) throw new XlsxReadError(MSG.noWorkbook);
  if (workbookPath.toLowerCase().endsWith('.bin')) {
    throw new XlsxReadError('Filen är en binär Excel-arbetsbok (.xlsb). Öppna den i Excel och spara som .xlsx.', 'unsupported-file');
  }
  const wbXml = readPartText(zip, workbookPath) ?? '';
  const list = readSheetList(wbXml);
  if (!list.found) throw new XlsxReadError(MSG.noWorkbook);

  const rels = readRels(zip, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const el of list.sheets) {
    const name = el.name ?? `Blad${sheets.length + 1}`;
    const rel = el.rid !== undefined ? byId.get(el.rid) : undefined;
    const path = rel && !rel.external ? resolveTarget(workbookPath, rel.target) : undefined;
    const kind = rel && typeIs(rel.type, 'worksheet') ? 'worksheet' : 'other';
    sheets.push({ name, path, kind });
  }
  const find = (type: string) => {
    const r = rels.find((x) => typeIs(x.type, type) && !x.external);
    return r ? resolveTarget(workbookPath as string, r.target) : undefined;
  };
  const sharedStringsPath = find('sharedStrings') ?? (findEntry(zip, 'xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  const stylesPath = find('styles') ?? (findEntry(zip, 'xl/styles.xml') ? 'xl/styles.xml' : undefined);
  return { workbookPath, sheets, sharedStringsPath, stylesPath };
}
