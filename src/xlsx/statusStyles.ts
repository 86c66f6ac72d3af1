// New cell styles for the status colours, appended to styles.xml. Each (original style,
// status) pair gets a copy of the original xf whose fill is the status fill and whose
// font is the original font in the status colour: number format, borders and alignment
// stay exactly as they were. Existing styles are never changed, so the original `s`
// index restores the cell's old look.
import type { Status } from '../engine';
import { STATUS_COLOURS } from '../engine';
import { XlsxReadError } from './errors';
import { elements, firstElement, getAttr, rootPrefix, type Element } from './xml';

/** `#C6EFCE` → `FFC6EFCE` (ARGB, opaque), as SpreadsheetML wants it. */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Set (or add) an attribute in a start tag's attribute text. */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(^|\\s)${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(attrs)) return attrs.replace(re, `$1${name}="${value}"`);
  return `${attrs} ${name}="${value}"`;
}

interface ListPart {
  qname: string;
  el: Element;
  items: string[];
  added: string[];
}

export class StatusStyles {
  private readonly p: string;
  private readonly fonts: ListPart;
  private readonly fills: ListPart;
  private readonly xfs: ListPart;
  private readonly made = new Map<string, number>();

  private readonly xml: string;

  constructor(xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    this.xml = withRequiredLists(xml, this.p);
    this.fonts = this.list('fonts', 'font');
    this.fills = this.list('fills', 'fill');
    this.xfs = this.list('cellXfs', 'xf');
  }

  private list(listName: string, itemName: string): ListPart {
    const qname = `${this.p}${listName}`;
    const el = firstElement(this.xml, qname);
    if (!el) throw new XlsxReadError(`Arbetsbokens formatmallar saknar <${listName}> och kan inte färgas.`);
    const items = elements(el.inner, `${this.p}${itemName}`).map((i) => el.inner.slice(i.start, i.end));
    return { qname, el, items, added: [] };
  }

  /** The cellXfs index to give a cell that had style `s` and now shows `status`. */
  styleFor(s: number, status: Status): number {
    const key = `${s}:${status}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const colours = STATUS_COLOURS[status];
    const xf = this.xfs.items[s] ?? this.xfs.items[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const xfStart = /^<[^>]*?(\/?)>/.exec(xf) as RegExpExecArray;
    const xfAttrs = xfStart[0].slice(`<${p}xf`.length, xfStart[0].length - (xfStart[1] ? 2 : 1));
    const fontId = Number(getAttr(xfAttrs, 'fontId') ?? '0');
    const font = this.fonts.items[fontId] ?? this.fonts.items[0] ?? `<${p}font/>`;

    const newFontId = this.fonts.items.length + this.fonts.added.length;
    this.fonts.added.push(recolourFont(font, p, argb(colours.font)));
    const newFillId = this.fills.items.length + this.fills.added.length;
    this.fills.added.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(colours.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    let attrs = setAttr(xfAttrs, 'fontId', String(newFontId));
    attrs = setAttr(attrs, 'fillId', String(newFillId));
    attrs = setAttr(attrs, 'applyFont', '1');
    attrs = setAttr(attrs, 'applyFill', '1');
    const newXf = `<${p}xf${attrs}${xfStart[1] ? '/>' : '>'}${xf.slice(xfStart[0].length)}`;
    const index = this.xfs.items.length + this.xfs.added.length;
    this.xfs.added.push(newXf);
    this.made.set(key, index);
    return index;
  }

  get changed(): boolean {
    return this.made.size > 0;
  }

  /** styles.xml with the new fonts, fills and xfs appended and the counts updated. */
  toXml(): string {
    const parts = [this.fonts, this.fills, this.xfs].filter((l) => l.added.length > 0).sort((a, b) => b.el.start - a.el.start);
    let xml = this.xml;
    for (const l of parts) {
      const count = l.items.length + l.added.length;
      const startTag = /^<[^>]*?(\/?)>/.exec(xml.slice(l.el.start)) as RegExpExecArray;
      const attrs = startTag[0].slice(`<${l.qname}`.length, startTag[0].length - (startTag[1] ? 2 : 1));
      const open = `<${l.qname}${setAttr(attrs, 'count', String(count))}>`;
      const rebuilt = `${open}${l.el.inner}${l.added.join('')}</${l.qname}>`;
      xml = xml.slice(0, l.el.start) + rebuilt + xml.slice(l.el.end);
    }
    return xml;
  }
}

// CT_Stylesheet's children in schema order, with the defaults Excel itself writes.
const LIST_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
const LIST_DEFAULTS: Record<string, (p: string) => string> = {
  fonts: (p) => `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>`,
  fills: (p) =>
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>`,
  borders: (p) => `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>`,
  cellStyleXfs: (p) => `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>`,
  cellXfs: (p) => `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs>`,
};

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`;

/** Some writers leave out lists (or write an empty styleSheet); add what the new styles need. */
function withRequiredLists(xml: string, p: string): string {
  const root = new RegExp(`<${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}styleSheet(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
  if (!root) throw new XlsxReadError('Arbetsbokens formatmallar (styles.xml) går inte att läsa.');
  if (root[1]) {
    const open = root[0].slice(0, -2) + '>';
    xml = xml.slice(0, root.index) + open + `</${p}styleSheet>` + xml.slice(root.index + root[0].length);
  }
  const rootEnd = root.index + (root[1] ? root[0].length - 1 : root[0].length);
  for (let i = 1; i < LIST_ORDER.length; i++) {
    const name = LIST_ORDER[i];
    if (firstElement(xml, `${p}${name}`)) continue;
    let at = rootEnd;
    for (let k = i - 1; k >= 0; k--) {
      const prev = firstElement(xml, `${p}${LIST_ORDER[k]}`);
      if (prev) {
        at = prev.end;
        break;
      }
    }
    xml = xml.slice(0, at) + LIST_DEFAULTS[name](p) + xml.slice(at);
  }
  return xml;
}

/** A copy of a `<font>` element with its colour replaced. */
export function recolourFont(font: string, p: string, rgb: string): string {
  const colour = `<${p}color rgb="${rgb}"/>`;
  if (/^<[^>]*\/>$/.test(font)) return `${font.slice(0, -2)}>${colour}</${p}font>`;
  const esc = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let body = font.replace(new RegExp(`<${esc}color(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${esc}color>)`, 'g'), '');
  // Excel writes colour after size and before the name; keep that order.
  const before = new RegExp(`<${esc}(name|family|charset|scheme)(?=[\\s/>])`).exec(body);
  const at = before ? before.index : body.lastIndexOf(`</${p}font>`);
  body = body.slice(0, at) + colour + body.slice(at);
  return body;
}
