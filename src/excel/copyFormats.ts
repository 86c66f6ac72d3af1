// The saved original colours of one sheet (what cells looked like before Summakoll
// coloured them) in the shape "Kopiera till Word" takes, so a copy never carries a
// status fill and keeps the fill a checked cell had before.
import { parseCellAddress } from '../engine';
import type { OriginalFormats as CopyFormats } from '../clipboard/tableHtml';
import type { OriginalFormats as SavedOriginals } from './originalFormats';

export function copyFormatsOf(saved: SavedOriginals, sheet: string): CopyFormats {
  const out: CopyFormats = new Map();
  for (const [address, f] of Object.entries(saved[sheet] ?? {})) {
    const p = parseCellAddress(address);
    if (!p) continue;
    out.set(`${p.r},${p.c}`, { fill: f.fill === 'none' ? undefined : f.fill, fontColor: f.font });
  }
  return out;
}
