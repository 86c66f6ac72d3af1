// The shared string table: plain `<si><t>` items and rich text runs `<si><r><t>`.
// Phonetic runs (`<rPh>`, Japanese readings) are not part of the text Excel shows.
import { rootPrefix, textContent } from './xml';

export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const siOpen = `<${p}si`;
  const siClose = `</${p}si>`;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const s = xml.indexOf(siOpen, pos);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      pos = gt + 1;
      continue;
    }
    const e = xml.indexOf(siClose, gt);
    if (e < 0) break;
    out.push(stringItemText(xml.slice(gt + 1, e), p));
    pos = e + siClose.length;
  }
  return out;
}

/** Text of an `<si>` or `<is>` body: every `<t>` outside phonetic runs, concatenated. */
export function stringItemText(body: string, p: string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  const phOpen = `<${p}rPh`;
  const phClose = `</${p}rPh>`;
  let text = '';
  let pos = 0;
  for (;;) {
    const s = body.indexOf(tOpen, pos);
    if (s < 0) break;
    const after = body.charCodeAt(s + tOpen.length);
    if (!(after === 62 || after === 32 || after === 47 || after === 9 || after === 10 || after === 13)) {
      pos = s + tOpen.length;
      continue;
    }
    const ph = body.lastIndexOf(phOpen, s);
    if (ph >= 0 && body.indexOf(phClose, ph) > s) {
      pos = body.indexOf(phClose, ph) + phClose.length;
      continue;
    }
    const gt = body.indexOf('>', s);
    if (gt < 0) break;
    if (body.charCodeAt(gt - 1) === 47) {
      pos = gt + 1;
      continue;
    }
    const e = body.indexOf(tClose, gt);
    if (e < 0) break;
    text += textContent(body.slice(gt + 1, e));
    pos = e + tClose.length;
  }
  return text;
}
