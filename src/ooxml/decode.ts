// Bytes of an XML part → text. UTF-8 and UTF-16 (by byte order mark or declaration) are
// what Office writes; another declared encoding (ISO-8859-1, windows-1252, …) is decoded
// when the platform knows it, and the declaration in the returned text then says UTF-8, so
// a copy written back as UTF-8 stays true to itself. An unknown encoding and a DOCTYPE
// (entity expansion, external entities) are refused.
import { XlsxReadError } from './errors';

const utf8 = new TextDecoder('utf-8');

export const DOCTYPE_MESSAGE =
  'Filen är skadad eller manipulerad: den innehåller en DOCTYPE-deklaration, som en Office-fil aldrig har.';

export function encodingMessage(enc: string): string {
  return `Filen använder teckenkodningen ${enc.slice(0, 40)}, som Summakoll inte kan läsa. Spara om den i Excel eller Word (UTF-8).`;
}

/** The encoding named in an XML declaration at the very start of the bytes (ASCII-compatible), or undefined. */
function declaredEncoding(b: Uint8Array): string | undefined {
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  if (b[start] !== 0x3c || b[start + 1] !== 0x3f) return undefined; // "<?"
  let end = start;
  const stop = Math.min(b.length, start + 256);
  while (end < stop && b[end] !== 0x3e) end++;
  let decl = '';
  for (let i = start; i < end; i++) decl += String.fromCharCode(b[i]);
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*(["'])([^"']*)\1/.exec(decl);
  return m ? m[2] : undefined;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8']);

/**
 * Where the text starts in a part that decodeXml reads as UTF-8 and whose declaration says
 * UTF-8 (or nothing): 3 after a UTF-8 byte order mark, else 0; −1 for any other part. Such a
 * part's bytes are the UTF-8 encoding of its text (when every byte was valid UTF-8).
 */
export function utf8Start(b: Uint8Array): number {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return -1;
  const enc = declaredEncoding(b);
  if (enc !== undefined && !UTF8_NAMES.has(enc.trim().toLowerCase())) return -1;
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

/** Decode a part; throws a SummakollError for an encoding that cannot be read or a DOCTYPE. */
export function decodeXml(b: Uint8Array): string {
  let text: string;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder('utf-16le').decode(b.subarray(2));
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder('utf-16be').decode(b.subarray(2));
  else {
    const enc = declaredEncoding(b);
    const lower = enc?.trim().toLowerCase();
    if (lower === undefined || UTF8_NAMES.has(lower)) text = utf8.decode(b);
    else if (lower.startsWith('utf-16') || lower === 'ucs-2') {
      // Declared UTF-16 without a byte order mark but ASCII-readable: the declaration is wrong; read as UTF-8.
      text = utf8.decode(b);
    } else {
      let decoder: { decode(input: Uint8Array): string };
      try {
        decoder = new TextDecoder(lower);
      } catch {
        throw new XlsxReadError(encodingMessage(enc as string), 'unsupported-encoding');
      }
      text = decoder.decode(b).replace(/^(\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, '$1UTF-8$2');
    }
  }
  refuseDoctype(text);
  return text;
}

/** A DOCTYPE may only stand in the prolog, before the root element: look there. */
export function refuseDoctype(text: string): void {
  let p = 0;
  for (;;) {
    const lt = text.indexOf('<', p);
    if (lt < 0) return;
    const c = text.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = text.indexOf('?>', lt + 2);
      if (e < 0) return;
      p = e + 2;
    } else if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      if (e < 0) return;
      p = e + 3;
    } else if (c === 33 /* ! */) {
      if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) throw new XlsxReadError(DOCTYPE_MESSAGE, 'damaged');
      return;
    } else return;
  }
}
