// Small XML helpers kept for the parts not yet read with the tokenizer (src/ooxml/tokenizer.ts):
// styles, relationships and the copy writer's styles. Attribute reading is the tokenizer's.
import { attrIn, decodeEntities } from '../ooxml/tokenizer';

/** Replace XML entities (`&amp;`, `&#228;`, `&#xE4;`): the tokenizer's own decoder. */
export { decodeEntities };

/** Excel's own escapes for characters XML cannot hold: `_x000D_`; `_x005F_` is a literal `_`. */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content of an element: CDATA sections kept verbatim, entities and Excel escapes decoded. */
export function textContent(raw: string): string {
  // XML end-of-line handling: a literal CR LF or CR in the file reads as LF (`&#13;` and
  // `_x000D_` are how a real CR is written).
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  if (raw.indexOf('<![CDATA[') < 0) return decodeExcelEscapes(decodeEntities(raw));
  let out = '';
  let p = 0;
  while (p < raw.length) {
    const c = raw.indexOf('<![CDATA[', p);
    if (c < 0) {
      out += decodeExcelEscapes(decodeEntities(raw.slice(p)));
      break;
    }
    out += decodeExcelEscapes(decodeEntities(raw.slice(p, c)));
    const end = raw.indexOf(']]>', c + 9);
    if (end < 0) {
      out += raw.slice(c + 9);
      break;
    }
    out += raw.slice(c + 9, end);
    p = end + 3;
  }
  return out;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Value of attribute `name` (as written, e.g. `s` or `r:id`) inside a start tag's attribute
 * text, or undefined. Attributes are read one after another, so a name inside another
 * attribute's value (`x=" t='1'"`) never matches.
 */
export function getAttr(attrs: string, name: string): string | undefined {
  return attrIn(attrs, 0, attrs.length, name);
}

/** The namespace prefix of the root element (`x:` for `<x:worksheet>`), or ''. */
export function rootPrefix(xml: string, localName: string): string {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`);
  const m = re.exec(xml);
  return m && m[1] ? m[1] : '';
}

export interface Element {
  /** Offset of `<`. */
  start: number;
  /** Offset just after the element (after `/>` or the end tag). */
  end: number;
  attrs: string;
  /** Inner XML, '' for a self-closing element. */
  inner: string;
  innerStart: number;
}

/**
 * Every `<name …>` element (full qualified name, e.g. `x:font`) between `from` and `to`,
 * not descending into same-named children (none of ours nest).
 */
export function elements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let p = from;
  for (;;) {
    const s = xml.indexOf(open, p);
    if (s < 0 || s >= to) break;
    const after = xml.charCodeAt(s + open.length);
    if (!(isSpace(after) || after === 62 /* > */ || after === 47) /* / */) {
      p = s + open.length;
      continue;
    }
    const gt = xml.indexOf('>', s);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(s + open.length, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      out.push({ start: s, end: gt + 1, attrs, inner: '', innerStart: gt + 1 });
      p = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) break;
    out.push({ start: s, end: e + close.length, attrs, inner: xml.slice(gt + 1, e), innerStart: gt + 1 });
    p = e + close.length;
  }
  return out;
}

/** The first element `qname`, or undefined. */
export function firstElement(xml: string, qname: string, from = 0, to = xml.length): Element | undefined {
  const open = `<${qname}`;
  let p = from;
  for (;;) {
    const s = xml.indexOf(open, p);
    if (s < 0 || s >= to) return undefined;
    const after = xml.charCodeAt(s + open.length);
    if (isSpace(after) || after === 62 || after === 47) return elements(xml, qname, s, to)[0];
    p = s + open.length;
  }
}

/** Escape text for an attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
