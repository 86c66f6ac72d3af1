// Setting a table cell's shading in WordprocessingML: <w:shd> inside the cell's own
// <w:tcPr>, at the place the schema orders it, replacing a <w:shd> already there.
import type { ScannedCell } from './scanTables';

/** Children of w:tcPr that the schema puts after w:shd. */
const AFTER_SHD = ['noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign', 'hideMark', 'headers', 'cellIns', 'cellDel', 'cellMerge', 'tcPrChange'];

export interface XmlEdit {
  start: number;
  end: number;
  text: string;
}

export function shdElement(w: string, fillHex: string): string {
  return `<${w}shd ${w}val="clear" ${w}color="auto" ${w}fill="${fillHex}"/>`;
}

/** Top-level children of an element's content: name, start and end offsets. */
function children(xml: string, from: number, to: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  tag.lastIndex = from;
  let depth = 0;
  let current: { name: string; start: number } | null = null;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml)) !== null && m.index < to) {
    const closing = m[1] === '/';
    const self = m[4] === '/';
    if (closing) {
      depth -= 1;
      if (depth === 0 && current) {
        out.push({ ...current, end: m.index + m[0].length });
        current = null;
      }
    } else if (depth === 0) {
      if (self) out.push({ name: m[2], start: m.index, end: m.index + m[0].length });
      else {
        current = { name: m[2], start: m.index };
        depth = 1;
      }
    } else if (!self) {
      depth += 1;
    }
  }
  return out;
}

/** The edit that gives one cell the fill `fillHex` (no `#`), keeping its other properties. */
export function shadingEdit(xml: string, w: string, cell: ScannedCell, fillHex: string): XmlEdit {
  const shd = shdElement(w, fillHex);
  const pr = cell.tcPr;
  if (!pr) return { start: cell.openEnd, end: cell.openEnd, text: `<${w}tcPr>${shd}</${w}tcPr>` };
  if (pr.selfClosing) return { start: pr.start, end: pr.end, text: `<${w}tcPr>${shd}</${w}tcPr>` };
  const contentStart = xml.indexOf('>', pr.start) + 1;
  const contentEnd = xml.lastIndexOf('<', pr.end - 1);
  const kids = children(xml, contentStart, contentEnd);
  const existing = kids.find((k) => k.name === `${w}shd`);
  if (existing) return { start: existing.start, end: existing.end, text: shd };
  const before = kids.find((k) => AFTER_SHD.includes(k.name.slice(w.length)));
  const at = before ? before.start : contentEnd;
  return { start: at, end: at, text: shd };
}

/** Apply non-overlapping edits (any order). */
export function applyEdits(xml: string, edits: XmlEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let p = 0;
  for (const e of sorted) {
    if (e.start < p) continue;
    out += xml.slice(p, e.start) + e.text;
    p = e.end;
  }
  return out + xml.slice(p);
}
