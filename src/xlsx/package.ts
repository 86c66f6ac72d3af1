// Where things are in the package: the workbook part, its sheets in tab order with
// their part paths, the shared strings and the styles. Handles transitional and strict
// OOXML relationship types, and absolute or relative targets.
import { MSG, XlsxReadError } from './errors';
import { decodeText, extract, findEntry, type ZipArchive } from './zip';
import { elements, getAttr, rootPrefix } from './xml';

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
  const p = rootPrefix(xml, 'Relationships');
  return elements(xml, `${p}Relationship`).map((el) => ({
    id: getAttr(el.attrs, 'Id') ?? '',
    type: getAttr(el.attrs, 'Type') ?? '',
    target: getAttr(el.attrs, 'Target') ?? '',
    external: getAttr(el.attrs, 'TargetMode') === 'External',
  }));
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
  const prefix = rootPrefix(wbXml, 'workbook');
  if (!wbXml.includes(`<${prefix}workbook`)) throw new XlsxReadError(MSG.noWorkbook);

  const rels = readRels(zip, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const el of elements(wbXml, `${prefix}sheet`)) {
    const name = getAttr(el.attrs, 'name') ?? `Blad${sheets.length + 1}`;
    // The relationship id attribute is `r:id` with whatever prefix the writer chose.
    const idMatch = /(?:^|\s)[A-Za-z_][\w.-]*:id\s*=\s*["']([^"']*)["']/.exec(el.attrs);
    const rel = idMatch ? byId.get(idMatch[1]) : undefined;
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
