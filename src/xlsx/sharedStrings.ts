// The shared string table: plain `<si><t>` items and rich text runs `<si><r><t>`, read with
// the OOXML tokenizer (comments, CDATA and entities as XML means them). Phonetic runs
// (`<rPh>`, Japanese readings) are not part of the text Excel shows.
import { ownString } from '../ooxml/ownString';
import { isSpreadsheetNs } from '../ooxml/spreadsheetml';
import { T_CDATA, T_CLOSE, T_END, T_OPEN, T_TEXT, XmlTokenizer } from '../ooxml/tokenizer';
import { decodeExcelEscapes } from './xml';

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const tk = new XmlTokenizer(xml);
  for (;;) {
    const k = tk.next();
    if (k === T_END) return out;
    if (k === T_OPEN && tk.depth <= 2 && tk.localIs('si') && isSpreadsheetNs(tk.uri())) out.push(stringItem(tk));
  }
}

/**
 * Text of an `<si>` or `<is>` element, the tokenizer at its start tag: every `<t>` outside
 * phonetic runs, concatenated, with Excel's `_xHHHH_` escapes decoded. Ends after its end tag.
 */
export function stringItem(tk: XmlTokenizer): string {
  if (tk.selfClosing) return '';
  const itemDepth = tk.depth;
  let text = '';
  let inT = -1;
  for (;;) {
    const k = tk.next();
    if (k === T_END) break;
    if (k === T_CLOSE) {
      if (tk.depth < itemDepth) break;
      if (tk.depth < inT) inT = -1;
      continue;
    }
    if (k === T_OPEN) {
      if (!isSpreadsheetNs(tk.uri())) tk.skipElement();
      else if (tk.localIs('rPh')) tk.skipElement();
      else if (tk.localIs('t') && !tk.selfClosing && inT < 0) inT = tk.depth;
      continue;
    }
    if ((k === T_TEXT || k === T_CDATA) && inT >= 0) text += tk.text();
  }
  // A copy: a slice of the part's XML would keep the whole part alive with the cell.
  return ownString(decodeExcelEscapes(text));
}
