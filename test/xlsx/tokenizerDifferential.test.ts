// Differential test of the OOXML tokenizer against saxes, a conformant XML parser, on
// generated sheet XML (comments, CDATA, processing instructions, entities, quotes, prefixes,
// whitespace in end tags) and on mutations of it. Where saxes accepts the document, both
// must see the same elements (namespace URI and local name), attributes and text; where
// saxes refuses it, the tokenizer may read it or refuse it, but only with a Swedish
// XlsxReadError, never a crash. Seeded and bounded.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XlsxReadError } from '../../src/ooxml/errors';
import { forEachAttr, attrValue, T_CDATA, T_CLOSE, T_END, T_OPEN, T_TEXT, XmlTokenizer } from '../../src/ooxml/tokenizer';
import { NS } from '../helpers/workbooks';

type Event = string;

/** Events as saxes sees them: open {uri}local [attrs], close, text (merged). */
function saxesEvents(xml: string): Event[] | null {
  const parser = new SaxesParser({ xmlns: true });
  const out: Event[] = [];
  let text = '';
  let depth = 0;
  let failed = false;
  const flush = () => {
    if (text !== '' && depth > 0) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  parser.on('error', (e) => {
    if (process.env.DIFF_DEBUG && !failed) console.log(String(e).slice(0, 200));
    failed = true;
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('opentag', (tag) => {
    flush();
    const attrs = Object.values(tag.attributes)
      .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
      .sort();
    out.push(`open {${tag.uri}}${tag.local} [${attrs.join(' ')}]`);
    depth++;
    if (tag.isSelfClosing) {
      out.push(`close {${tag.uri}}${tag.local}`);
      depth--;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    flush();
    out.push(`close {${tag.uri}}${tag.local}`);
    depth--;
  });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return failed ? null : out;
}

/** The same events from the tokenizer. */
function tokenizerEvents(xml: string): Event[] {
  const tk = new XmlTokenizer(xml);
  const out: Event[] = [];
  let text = '';
  const flush = () => {
    if (text !== '' && tk.depth > 0) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  for (;;) {
    const k = tk.next();
    if (k === T_END) break;
    if (k === T_TEXT || k === T_CDATA) {
      if (tk.depth > 0) text += tk.text();
      continue;
    }
    if (k === T_OPEN) {
      flush();
      const attrs: string[] = [];
      forEachAttr(xml, tk.attrStart, tk.attrEnd, (ns, ne, vs, ve) => attrs.push(`${xml.slice(ns, ne)}=${JSON.stringify(attrValue(xml, vs, ve))}`));
      out.push(`open {${tk.uri()}}${tk.localName()} [${attrs.sort().join(' ')}]`);
      if (tk.selfClosing) out.push(`close {${tk.uri()}}${tk.localName()}`);
      continue;
    }
    if (k === T_CLOSE) {
      // The text before an end tag belongs to the element being closed.
      if (text !== '') out.push(`text ${JSON.stringify(text)}`);
      text = '';
      out.push(`close {${tk.uri()}}${tk.localName()}`);
    }
  }
  return out;
}

const textPiece = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 åäöÅÄÖ.,;:()=+\-]{0,12}$/),
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#45;', '&#x2D;', '&#228;', '&#xE4;', '\r\n', '\n', '\t', '>', ']]', "'", '"'),
  fc.constant('<!-- kommentar <c r="Z9"><v>9</v></c> -->'),
  fc.constant('<?pi data?>'),
  fc.stringMatching(/^[0-9<>&a-z ]{0,8}$/).map((s) => `<![CDATA[${s}]]>`),
);
const text = fc.array(textPiece, { maxLength: 4 }).map((xs) => xs.join(''));
const attrVal = fc.oneof(fc.stringMatching(/^[A-Za-z0-9 >\/=]{0,8}$/), fc.constantFrom('a&amp;b', 'x&#10;y', 'tab\there', 'line\nbreak', 'a>b', "it's"));
const quoted = attrVal.chain((v) =>
  fc.constantFrom('"', "'").map((q) => (v.includes(q) ? `"${v.replace(/"/g, '&quot;')}"` : `${q}${v}${q}`)),
);
const ws = fc.constantFrom('', ' ', '\n', '\t', '  ');

interface Style {
  prefix: string;
}

function cellXml(style: Style, ref: string, value: string, extraAttrs: string[], endWs: string, formula: string | null): string {
  const p = style.prefix;
  return (
    `<${p}c r="${ref}"${extraAttrs.map((a) => ` ${a}`).join('')}>` +
    (formula !== null ? `<${p}f>${formula}</${p}f${endWs}>` : '') +
    `<${p}v>${value}</${p}v${endWs}></${p}c>`
  );
}

const sheetArb = fc
  .record({
    prefix: fc.constantFrom('', 'x:', 's:'),
    extraNs: fc.boolean(),
    rows: fc.array(
      fc.record({
        cells: fc.array(
          fc.record({
            value: text,
            formula: fc.option(text, { nil: null }),
            attrs: fc.array(fc.tuple(fc.constantFrom('s', 't', 'o:note', 'cm'), quoted).map(([n, v]) => `${n}=${v}`), { maxLength: 2 }),
            endWs: ws,
            between: fc.constantFrom('', '<!-- x -->', '<?pi?>', '\n  '),
          }),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 4 },
    ),
    tail: text,
  })
  .map(({ prefix, extraNs, rows, tail }) => {
    const p = prefix;
    const decl = p === '' ? `xmlns="${NS}"` : `xmlns:${p.slice(0, -1)}="${NS}"`;
    const other = ' xmlns:o="urn:other"';
    const body = rows
      .map((r, ri) => {
        const cells = r.cells
          .map((c, ci) => {
            const attrs = c.attrs.filter((a, i, all) => all.findIndex((b) => b.split('=')[0] === a.split('=')[0]) === i);
            return c.between + cellXml({ prefix: p }, `${String.fromCharCode(65 + ci)}${ri + 1}`, c.value, attrs, c.endWs, c.formula);
          })
          .join('');
        return `<${p}row r="${ri + 1}">${cells}</${p}row>`;
      })
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${decl}${other}><!-- start --><${p}sheetData>${body}</${p}sheetData>${extraNs ? `<o:ext>${tail}</o:ext>` : ''}</${p}worksheet>`;
  });

const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  len: fc.integer({ min: 1, max: 12 }),
  token: fc.constantFrom('<', '>', '&', '"', "'", '/', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '</c>', '<c>', ' ', '=', ':', 'x:', '&#0;', '&#xD800;', '&bogus;', '\u0000', '<!DOCTYPE a>'),
});

function mutate(xml: string, ms: { at: number; kind: string; len: number; token: string }[]): string {
  for (const m of ms) {
    const at = Math.floor(m.at * xml.length);
    if (m.kind === 'insert') xml = xml.slice(0, at) + m.token + xml.slice(at);
    else if (m.kind === 'delete') xml = xml.slice(0, at) + xml.slice(at + m.len);
    else xml = xml.slice(0, at) + m.token + xml.slice(at + m.token.length);
  }
  return xml;
}

const stats = { agreed: 0, refusedByBoth: 0, readWhereSaxesRefused: 0 };

function compare(xml: string): void {
  const expected = saxesEvents(xml);
  let actual: Event[] | null = null;
  try {
    actual = tokenizerEvents(xml);
  } catch (e) {
    // Refusing is allowed only as a damaged file, and only where saxes refuses too.
    expect({ xml, error: e instanceof XlsxReadError ? 'XlsxReadError' : String(e) }).toEqual({ xml, error: 'XlsxReadError' });
    expect({ xml, saxesAccepted: expected !== null }).toEqual({ xml, saxesAccepted: false });
    stats.refusedByBoth++;
    return;
  }
  if (expected === null) {
    stats.readWhereSaxesRefused++;
    return;
  }
  expect({ xml, events: actual }).toEqual({ xml, events: expected });
  stats.agreed++;
}

test('generated sheet XML: the tokenizer sees what saxes sees', () => {
  fc.assert(fc.property(sheetArb, (xml) => compare(xml)), { numRuns: 400, seed: 1212 });
});

test('mutated sheet XML: same events where saxes accepts, a clear refusal or a reading otherwise', () => {
  fc.assert(
    fc.property(sheetArb, fc.array(mutation, { minLength: 1, maxLength: 3 }), (xml, ms) => compare(mutate(xml, ms))),
    { numRuns: 600, seed: 2424 },
  );
  // The comparison must mean something: many documents agree, and many mutants are refused by saxes.
  // eslint-disable-next-line no-console
  console.log(`tokenizer vs saxes: ${JSON.stringify(stats)}`);
  expect(stats.agreed).toBeGreaterThan(300);
});

test('hand-picked cases agree with saxes', () => {
  for (const xml of [
    `<w xmlns="${NS}"><a b="x>y" c='1'>t&#45;5</a ></w>`,
    `<x:w xmlns:x="${NS}"><x:c><x:v><![CDATA[5]]></x:v></x:c><c xmlns="${NS}"/></x:w>`,
    `<w><!-- <c/> --><?pi?><c a="&#10;&amp;\t"/></w>`,
    `<w xmlns:a="urn:a"><a:c xmlns:a="urn:b"/><a:c/></w>`,
    `<w>\r\na\rb</w>`,
  ]) {
    compare(xml);
  }
});
