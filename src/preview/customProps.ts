// The preview keeps sign-off marks in the downloaded copy as custom document properties
// (docProps/custom.xml, what Excel shows under File → Info → Properties → Advanced). The
// xlsx writer (src/xlsx) is not touched: this rewrites the copy it produced, replacing only
// our own properties and adding the part, its relationship and content type when missing.
// Values are split into pieces of at most 255 characters, the length Excel's dialog keeps.
import { decodeEntities, escapeAttr } from '../xlsx/xml';
import { readPartText } from '../xlsx/package';
import { findEntry, openZip } from '../xlsx/zip';
import { rewriteZip } from '../xlsx/zipWrite';

export const PROP_PREFIX = 'Summakoll.signOff';
const PIECE = 255;
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

const encoder = new TextEncoder();

function customPath(relsXml: string | undefined): string | undefined {
  if (!relsXml) return undefined;
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    if (new RegExp(`Type=["']${REL_TYPE.replace(/[.]/g, '\\.')}["']`).test(m[1])) {
      const t = /Target=["']([^"']+)["']/.exec(m[1]);
      if (t) return t[1].replace(/^\//, '');
    }
  }
  return undefined;
}

const PROPERTY = /<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g;
const nameOf = (attrs: string) => decodeEntities(/\bname=["']([^"']*)["']/.exec(attrs)?.[1] ?? '');

/** Our value stored in a workbook's custom properties, or undefined. */
export function readSignOff(bytes: Uint8Array): string | undefined {
  try {
    const zip = openZip(bytes);
    const path = customPath(readPartText(zip, '_rels/.rels')) ?? 'docProps/custom.xml';
    const xml = findEntry(zip, path) ? readPartText(zip, path) : undefined;
    if (!xml) return undefined;
    const pieces: [number, string][] = [];
    for (const m of xml.matchAll(PROPERTY)) {
      const name = nameOf(m[1]);
      const k = name === PROP_PREFIX ? 0 : name.startsWith(`${PROP_PREFIX}.`) ? Number(name.slice(PROP_PREFIX.length + 1)) : NaN;
      if (!Number.isInteger(k)) continue;
      const v = /<(?:\w+:)?lpwstr>([\s\S]*?)<\/(?:\w+:)?lpwstr>/.exec(m[2]);
      pieces.push([k, v ? decodeEntities(v[1]) : '']);
    }
    return pieces.length ? pieces.sort((a, b) => a[0] - b[0]).map((p) => p[1]).join('') : undefined;
  } catch {
    return undefined;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The workbook with our value as custom properties (replacing any earlier one). */
export function writeSignOff(bytes: Uint8Array, value: string): Uint8Array {
  const zip = openZip(bytes);
  const rels = readPartText(zip, '_rels/.rels') ?? '';
  const known = customPath(rels);
  const path = known ?? 'docProps/custom.xml';
  const existing = findEntry(zip, path) ? readPartText(zip, path) : undefined;

  let body = '';
  let maxPid = 1;
  if (existing) {
    for (const m of existing.matchAll(PROPERTY)) {
      const name = nameOf(m[1]);
      if (name === PROP_PREFIX || name.startsWith(`${PROP_PREFIX}.`)) continue;
      const pid = Number(/\bpid=["'](\d+)["']/.exec(m[1])?.[1] ?? 0);
      maxPid = Math.max(maxPid, pid);
      body += m[0];
    }
  }
  const pieces: string[] = [];
  for (let i = 0; i < value.length; i += PIECE) pieces.push(value.slice(i, i + PIECE));
  pieces.forEach((p, i) => {
    body += `<property fmtid="${FMTID}" pid="${maxPid + 1 + i}" name="${escapeAttr(`${PROP_PREFIX}.${i + 1}`)}"><vt:lpwstr>${escapeText(p)}</vt:lpwstr></property>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS}" xmlns:vt="${VT}">${body}</Properties>`;

  const replace = new Map<string, Uint8Array>();
  const add = new Map<string, Uint8Array>();
  (existing !== undefined ? replace : add).set(findEntry(zip, path)?.name ?? path, encoder.encode(xml));
  if (!known) {
    const rel = `<Relationship Id="rIdSummakollCustom" Type="${REL_TYPE}" Target="${path}"/>`;
    const relsEntry = findEntry(zip, '_rels/.rels');
    if (relsEntry) replace.set(relsEntry.name, encoder.encode(rels.replace(/<\/((?:\w+:)?)Relationships>\s*$/, (m) => rel + m)));
  }
  const ctEntry = findEntry(zip, '[Content_Types].xml');
  const ct = ctEntry ? (readPartText(zip, ctEntry.name) ?? '') : '';
  if (ctEntry && !new RegExp(`PartName=["']/${path.replace(/[.]/g, '\\.')}["']`).test(ct)) {
    const override = `<Override PartName="/${path}" ContentType="${CT}"/>`;
    replace.set(ctEntry.name, encoder.encode(ct.replace(/<\/((?:\w+:)?)Types>\s*$/, (m) => override + m)));
  }
  return rewriteZip(zip, replace, add);
}
