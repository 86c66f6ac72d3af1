// The differential formats (<dxf>) of the status layer in styles.xml. The coloured copy
// shows each status with a conditional format (statusLayer.ts) whose look is a dxf: the
// status fill and font colour and nothing else. Only <dxfs> changes (its children are
// appended and its count kept right; it is created at the schema position when missing):
// fonts, fills, cellXfs and everything else in styles.xml stay byte for byte.
import type { Status } from '../engine';
import { STATUS_COLOURS } from '../engine';
import { normaliseColour } from '../excel/statusLayer';
import { XlsxReadError } from './errors';
import { elements, firstElement, getAttr, rootPrefix } from './xml';

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

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dxf of one status. Excel writes a conditional fill's colour as bgColor. */
export function statusDxf(status: Status, p = ''): string {
  const c = STATUS_COLOURS[status];
  return (
    `<${p}dxf><${p}font><${p}color rgb="${argb(c.font)}"/></${p}font>` +
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(c.fill)}"/><${p}bgColor rgb="${argb(c.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
  );
}

/** Fill and font colour of a dxf (`C6EFCE`), for recognising Summakoll's rules. */
export function dxfColours(dxf: string, p = ''): { fill?: string; font?: string } {
  const font = firstElement(dxf, `${p}font`);
  const fill = firstElement(dxf, `${p}fill`);
  const rgbOf = (inner: string | undefined, tag: string) => {
    if (inner === undefined) return undefined;
    const m = new RegExp(`<${esc(p)}${tag}(?=[\\s/>])([^>]*)`).exec(inner);
    return m ? normaliseColour(getAttr(m[1], 'rgb')) : undefined;
  };
  return {
    font: rgbOf(font?.inner, 'color'),
    fill: rgbOf(fill?.inner, 'bgColor') ?? rgbOf(fill?.inner, 'fgColor'),
  };
}

// CT_Stylesheet's children in schema order: <dxfs> follows cellStyles.
const BEFORE_DXFS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'];

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

export class LayerStyles {
  private readonly p: string;
  private readonly existing: string[];
  private readonly added: string[] = [];
  private readonly made = new Map<Status, number>();

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const dxfs = firstElement(xml, `${this.p}dxfs`);
    this.existing = dxfs ? elements(dxfs.inner, `${this.p}dxf`).map((e) => dxfs.inner.slice(e.start, e.end)) : [];
  }

  /** The dxf id for a status: an identical dxf already there (an earlier copy's) or a new one. */
  dxfFor(status: Status): number {
    const known = this.made.get(status);
    if (known !== undefined) return known;
    const dxf = statusDxf(status, this.p);
    let id = this.existing.indexOf(dxf);
    if (id < 0) {
      id = this.existing.length + this.added.length;
      this.added.push(dxf);
    }
    this.made.set(status, id);
    return id;
  }

  /** Colours of an existing dxf, by id. */
  coloursOf(id: number): { fill?: string; font?: string } {
    const dxf = this.existing[id];
    return dxf ? dxfColours(dxf, this.p) : {};
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** styles.xml with the new dxfs appended (or a <dxfs> added) and its count right. */
  toXml(): string {
    if (!this.added.length) return this.xml;
    const p = this.p;
    let xml = this.xml;
    const dxfs = firstElement(xml, `${p}dxfs`);
    const count = String(this.existing.length + this.added.length);
    if (dxfs) {
      const open = `<${p}dxfs${setAttr(dxfs.attrs, 'count', count)}>`;
      return xml.slice(0, dxfs.start) + open + dxfs.inner + this.added.join('') + `</${p}dxfs>` + xml.slice(dxfs.end);
    }
    const element = `<${p}dxfs count="${count}">${this.added.join('')}</${p}dxfs>`;
    const root = new RegExp(`<${esc(p)}styleSheet(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
    if (!root) throw new XlsxReadError('Arbetsbokens formatmallar (styles.xml) går inte att läsa.');
    if (root[1]) {
      // <styleSheet …/>: open it and put the dxfs inside.
      const open = root[0].slice(0, -2) + '>';
      return xml.slice(0, root.index) + open + element + `</${p}styleSheet>` + xml.slice(root.index + root[0].length);
    }
    let at = root.index + root[0].length;
    for (const name of BEFORE_DXFS) {
      const el = firstElement(xml, `${p}${name}`);
      if (el && el.end > at) at = el.end;
    }
    xml = xml.slice(0, at) + element + xml.slice(at);
    return xml;
  }
}
