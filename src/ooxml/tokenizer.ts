// One XML tokenizer for every OOXML part Summakoll reads or rewrites: a pull tokenizer over
// a string that reports start tags, end tags, text and CDATA with their offsets, and never
// builds a tree. It skips comments and processing instructions, respects quotes in
// attribute values (a `>` inside one does not end the tag), accepts whitespace before `>`
// in end tags, decodes numeric and named entities, resolves namespace prefixes to URIs
// (`x:c` under an unprefixed root is the same element as `c` when both name the same
// namespace), and refuses a DOCTYPE. Offsets let the copy writer replace a start tag and
// keep every other byte. Tokens are fields of the tokenizer (no object per token): a
// million-cell sheet reads in about the time the old indexOf scanner took.
import { DOCTYPE_MESSAGE } from './decode';
import { XlsxReadError } from './errors';

export const T_END = 0;
export const T_OPEN = 1;
export const T_CLOSE = 2;
export const T_TEXT = 3;
export const T_CDATA = 4;
export type TokenKind = typeof T_END | typeof T_OPEN | typeof T_CLOSE | typeof T_TEXT | typeof T_CDATA;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replace XML entities (`&amp;`, `&#228;`, `&#xE4;`); an unknown or invalid one stays as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z_][\w.-]*);/g, (m, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (digits.length > 8) return m;
      const code = parseInt(digits, hex ? 16 : 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? m;
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** End of a name starting at p: the first whitespace, `/`, `>`, `=` or end. */
function nameEnd(xml: string, p: number, to: number): number {
  while (p < to) {
    const c = xml.charCodeAt(p);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || c === 61) return p;
    p++;
  }
  return p;
}

/** Markup the tokenizer cannot read: a damaged file (an XlsxReadError, so every reader and writer knows it). */
export class XmlDamaged extends XlsxReadError {
  constructor(detail: string) {
    super(`Filen är skadad och kan inte läsas (${detail}).`, 'damaged');
  }
}

type Scope = Map<string, string>;

const INTERNED = new Map<string, string>();
/**
 * The one string object for a namespace URI: URIs in scopes are interned, so comparing an
 * element's URI with a constant registered here is a pointer comparison in the hot loop.
 */
export function internNs(uri: string): string {
  const known = INTERNED.get(uri);
  if (known !== undefined) return known;
  if (INTERNED.size < 10000) INTERNED.set(uri, uri);
  return uri;
}
const EMPTY_SCOPE: Scope = new Map([['xml', XML_NS]]);

/**
 * Pull tokenizer. After next() returns a kind, the fields describe the token:
 * - T_OPEN: start..end is the whole start tag, nameStart..nameEnd its qualified name,
 *   attrStart..attrEnd the attribute text (without a trailing `/`), selfClosing.
 *   A self-closing element is reported as T_OPEN only (no T_CLOSE follows).
 * - T_CLOSE: start..end the end tag, nameStart..nameEnd its name.
 * - T_TEXT: start..end the raw text (entities not yet decoded; see text()).
 * - T_CDATA: start..end the section, textStart..textEnd its content.
 * `depth` is the number of open elements after the token (a T_OPEN's own element counted).
 */
export class XmlTokenizer {
  kind: TokenKind = T_END;
  start = 0;
  end = 0;
  nameStart = 0;
  nameEnd = 0;
  /** Offset of `:` in the name, or -1. */
  colon = -1;
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  textStart = 0;
  textEnd = 0;
  depth = 0;
  private pos: number;
  /** Open elements' names (start and end offsets) for matching end tags. */
  private openStarts: number[] = [];
  private openEnds: number[] = [];
  /** Namespace scope per open element (the same object when it declares nothing). */
  private scopes: Scope[] = [];
  private scope: Scope;
  private pendingPop = false;
  private prefixCache = new Map<string, string | undefined>();
  /** The default namespace of the current scope (looked up once per scope change). */
  private defaultNs: string;

  constructor(
    readonly xml: string,
    from = 0,
    readonly to = xml.length,
    inherited?: Scope,
  ) {
    this.pos = from;
    this.scope = inherited ?? EMPTY_SCOPE;
    this.defaultNs = this.scope.get('') ?? '';
  }

  /** The tokenizer's position: just after the last token. */
  get offset(): number {
    return this.pos;
  }

  next(): TokenKind {
    if (this.pendingPop) this.popScope();
    const xml = this.xml;
    const to = this.to;
    for (;;) {
      const p = this.pos;
      if (p >= to) return (this.kind = T_END);
      if (xml.charCodeAt(p) !== 60 /* < */) {
        let lt = xml.indexOf('<', p);
        if (lt < 0 || lt > to) lt = to;
        this.start = p;
        this.end = lt;
        this.pos = lt;
        return (this.kind = T_TEXT);
      }
      const c1 = xml.charCodeAt(p + 1);
      if (c1 === 47 /* / */) return this.endTag(p);
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<!--', p)) {
          const e = xml.indexOf('-->', p + 4);
          if (e < 0 || e + 3 > to) throw new XmlDamaged('en kommentar i XML-koden slutar aldrig');
          this.pos = e + 3;
          continue;
        }
        if (xml.startsWith('<![CDATA[', p)) {
          const e = xml.indexOf(']]>', p + 9);
          if (e < 0 || e + 3 > to) throw new XmlDamaged('ett CDATA-avsnitt slutar aldrig');
          this.start = p;
          this.end = e + 3;
          this.textStart = p + 9;
          this.textEnd = e;
          this.pos = e + 3;
          return (this.kind = T_CDATA);
        }
        if (xml.startsWith('<!DOCTYPE', p)) throw new XlsxReadError(DOCTYPE_MESSAGE, 'damaged');
        throw new XmlDamaged('okänd markering <! i XML-koden');
      }
      if (c1 === 63 /* ? */) {
        const e = xml.indexOf('?>', p + 2);
        if (e < 0 || e + 2 > to) throw new XmlDamaged('en bearbetningsinstruktion i XML-koden slutar aldrig');
        this.pos = e + 2;
        continue;
      }
      return this.startTag(p);
    }
  }

  private startTag(p: number): TokenKind {
    const xml = this.xml;
    const to = this.to;
    const ns = p + 1;
    const ne = nameEnd(xml, ns, to);
    if (ne === ns) throw new XmlDamaged('ett tomt elementnamn i XML-koden');
    let q = ne;
    let declares = false;
    // Attribute text: jump over quoted values, so `>` or `/` inside them count for nothing.
    for (;;) {
      if (q >= to) throw new XmlDamaged('XML-koden slutar mitt i en tagg');
      const c = xml.charCodeAt(q);
      if (c === 34 || c === 39) {
        const e = xml.indexOf(c === 34 ? '"' : "'", q + 1);
        if (e < 0 || e >= to) throw new XmlDamaged('ett attributvärde i XML-koden slutar aldrig');
        q = e + 1;
        continue;
      }
      if (c === 62 /* > */) break;
      if (c === 60 /* < */) throw new XmlDamaged('ett < i en tagg i XML-koden');
      if (c === 120 /* x */ && xml.startsWith('xmlns', q) && isSpace(xml.charCodeAt(q - 1))) declares = true;
      q++;
    }
    const selfClosing = xml.charCodeAt(q - 1) === 47 && q - 1 >= ne;
    this.kind = T_OPEN;
    this.start = p;
    this.end = q + 1;
    this.nameStart = ns;
    this.nameEnd = ne;
    this.colon = colonIn(xml, ns, ne);
    this.attrStart = ne;
    this.attrEnd = selfClosing ? q - 1 : q;
    this.selfClosing = selfClosing;
    this.pos = q + 1;
    const scope = declares ? this.declare(this.scope) : this.scope;
    if (selfClosing) {
      if (scope !== this.scope) {
        this.scopes.push(this.scope);
        this.setScope(scope);
        this.pendingPop = true;
      }
    } else {
      this.openStarts.push(ns);
      this.openEnds.push(ne);
      this.scopes.push(this.scope);
      if (scope !== this.scope) this.setScope(scope);
      this.depth++;
    }
    return T_OPEN;
  }

  private endTag(p: number): TokenKind {
    const xml = this.xml;
    const to = this.to;
    const ns = p + 2;
    const ne = nameEnd(xml, ns, to);
    let q = ne;
    while (q < to && isSpace(xml.charCodeAt(q))) q++;
    if (q >= to || xml.charCodeAt(q) !== 62) throw new XmlDamaged('en sluttagg i XML-koden är trasig');
    const n = this.openStarts.length;
    if (n === 0) throw new XmlDamaged('en sluttagg i XML-koden saknar sin starttagg');
    const os = this.openStarts[n - 1];
    const oe = this.openEnds[n - 1];
    if (oe - os !== ne - ns || !sameChars(xml, os, ns, ne - ns)) {
      throw new XmlDamaged(`sluttaggen </${xml.slice(ns, Math.min(ne, ns + 40))}> passar inte starttaggen`);
    }
    this.openStarts.pop();
    this.openEnds.pop();
    this.kind = T_CLOSE;
    this.start = p;
    this.end = q + 1;
    this.nameStart = ns;
    this.nameEnd = ne;
    this.colon = colonIn(xml, ns, ne);
    this.pos = q + 1;
    this.depth--;
    // The closed element's scope still applies to its own end tag; drop it on the next token.
    this.pendingPop = true;
    return T_CLOSE;
  }

  private popScope(): void {
    this.pendingPop = false;
    const s = this.scopes.pop();
    if (s !== undefined && s !== this.scope) this.setScope(s);
  }

  private setScope(s: Scope): void {
    this.scope = s;
    this.defaultNs = s.get('') ?? '';
    this.prefixCache.clear();
  }

  /** The scope after the current start tag's xmlns declarations. */
  private declare(parent: Scope): Scope {
    let scope: Scope | null = null;
    forEachAttr(this.xml, this.attrStart, this.attrEnd, (ns, ne, vs, ve) => {
      const xml = this.xml;
      if (!xml.startsWith('xmlns', ns)) return;
      let prefix: string;
      if (ne - ns === 5) prefix = '';
      else if (xml.charCodeAt(ns + 5) === 58) prefix = xml.slice(ns + 6, ne);
      else return;
      scope ??= new Map(parent);
      scope.set(prefix, internNs(attrValue(xml, vs, ve)));
    });
    return scope ?? parent;
  }

  /** Namespace URI bound to a prefix ('' = default namespace) in the current scope. */
  uriOfPrefix(prefix: string): string | undefined {
    return this.scope.get(prefix);
  }

  /** Namespace URI of the current element (T_OPEN / T_CLOSE); '' when none. */
  uri(): string {
    if (this.colon < 0) return this.defaultNs;
    const prefix = this.xml.slice(this.nameStart, this.colon);
    let u = this.prefixCache.get(prefix);
    if (u === undefined && !this.prefixCache.has(prefix)) {
      u = this.scope.get(prefix);
      this.prefixCache.set(prefix, u);
    }
    // An undeclared prefix names no namespace we know: such an element matches nothing.
    return u ?? '\u0000undeclared';
  }

  /** True when the current element's local name is `local` (no allocation). */
  localIs(local: string): boolean {
    const ls = this.colon < 0 ? this.nameStart : this.colon + 1;
    return this.nameEnd - ls === local.length && this.xml.startsWith(local, ls);
  }

  /** True when the current element is `local` in namespace `uri`. */
  is(uri: string, local: string): boolean {
    return this.localIs(local) && this.uri() === uri;
  }

  /** The current element's local name. */
  localName(): string {
    return this.xml.slice(this.colon < 0 ? this.nameStart : this.colon + 1, this.nameEnd);
  }

  /** The current element's qualified name as written. */
  qname(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** The current start tag's attribute text (raw). */
  attrText(): string {
    return this.xml.slice(this.attrStart, this.attrEnd);
  }

  /** Value (entities decoded) of an unprefixed attribute of the current start tag, or undefined. */
  attr(name: string): string | undefined {
    return attrIn(this.xml, this.attrStart, this.attrEnd, name);
  }

  /** Value of the attribute `local` in namespace `uri` (a prefixed attribute), or undefined. */
  attrNs(uri: string, local: string): string | undefined {
    let out: string | undefined;
    const xml = this.xml;
    forEachAttr(xml, this.attrStart, this.attrEnd, (ns, ne, vs, ve) => {
      if (out !== undefined) return;
      const colon = colonIn(xml, ns, ne);
      if (colon < 0 || ne - colon - 1 !== local.length || !xml.startsWith(local, colon + 1)) return;
      if (this.scope.get(xml.slice(ns, colon)) === uri) out = attrValue(xml, vs, ve);
    });
    return out;
  }

  /** Text of the current T_TEXT (entities decoded, line ends normalised) or T_CDATA token. */
  text(): string {
    if (this.kind === T_CDATA) return normaliseNewlines(this.xml.slice(this.textStart, this.textEnd));
    const raw = this.xml.slice(this.start, this.end);
    return decodeEntities(normaliseNewlines(raw));
  }

  /**
   * Skip the rest of the current element (after its T_OPEN): every token up to and
   * including its T_CLOSE. Nothing to do for a self-closing element.
   */
  skipElement(): void {
    if (this.kind !== T_OPEN || this.selfClosing) return;
    const d = this.depth - 1;
    while (this.depth > d) if (this.next() === T_END) return;
  }

  /**
   * The common shape of a cell, read in one step: when the current element (after its
   * T_OPEN; unprefixed, not self-closing) holds exactly one child `<local>text</local>`,
   * unprefixed, without attributes, whose text holds no markup, and nothing else (not even
   * whitespace), the child's text as text() gives it, with the tokenizer after the current
   * element's end tag (T_CLOSE), exactly as if every token had been read. Anything else
   * returns undefined and moves nothing. The child is in the current element's namespace
   * (both unprefixed, and the child declares none).
   */
  onlyTextChild(local: string): string | undefined {
    if (this.kind !== T_OPEN || this.selfClosing || this.colon >= 0) return undefined;
    const xml = this.xml;
    const p = this.pos;
    const n = local.length;
    if (xml.charCodeAt(p) !== 60 || !xml.startsWith(local, p + 1) || xml.charCodeAt(p + 1 + n) !== 62) return undefined;
    const textStart = p + n + 2;
    const lt = xml.indexOf('<', textStart);
    if (lt < 0) return undefined;
    // `</local>` and then the current element's own end tag, `</name>`.
    const ns = this.nameStart;
    const nameLength = this.nameEnd - ns;
    const close = lt + n + 3;
    const end = close + nameLength + 3;
    if (end > this.to) return undefined;
    if (xml.charCodeAt(lt + 1) !== 47 || !xml.startsWith(local, lt + 2) || xml.charCodeAt(lt + 2 + n) !== 62) return undefined;
    if (xml.charCodeAt(close) !== 60 || xml.charCodeAt(close + 1) !== 47 || !sameChars(xml, ns, close + 2, nameLength) || xml.charCodeAt(end - 1) !== 62) return undefined;
    this.openStarts.pop();
    this.openEnds.pop();
    this.kind = T_CLOSE;
    this.start = close;
    this.end = end;
    this.nameStart = close + 2;
    this.nameEnd = close + 2 + nameLength;
    this.colon = -1;
    this.pos = end;
    this.depth--;
    this.pendingPop = true;
    return decodeEntities(normaliseNewlines(xml.slice(textStart, lt)));
  }

  /** All text inside the current element (after its T_OPEN), concatenated; ends after its T_CLOSE. */
  innerText(): string {
    if (this.kind !== T_OPEN || this.selfClosing) return '';
    const d = this.depth - 1;
    let out = '';
    for (;;) {
      const k = this.next();
      if (k === T_END) return out;
      if (k === T_TEXT || k === T_CDATA) out += this.text();
      else if (k === T_CLOSE && this.depth === d) return out;
    }
  }

  /** A tokenizer over the current element's content, with its namespace scope (for a second pass). */
  get currentScope(): ReadonlyMap<string, string> {
    return this.scope;
  }
}

function colonIn(xml: string, s: number, e: number): number {
  for (let i = s; i < e; i++) if (xml.charCodeAt(i) === 58) return i;
  return -1;
}

function sameChars(xml: string, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(b + i)) return false;
  return true;
}

function normaliseNewlines(s: string): string {
  return s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * An attribute value as XML reads it: each literal tab, line feed, carriage return or CR LF
 * becomes one space (attribute-value normalisation), then entities are decoded (so `&#10;`
 * stays a line feed).
 */
export function attrValue(xml: string, vs: number, ve: number): string {
  let v = xml.slice(vs, ve);
  if (v.length > 0 && hasXmlSpace(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  return v.indexOf('&') < 0 ? v : decodeEntities(v);
}

function hasXmlSpace(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Visit each attribute in attribute text xml[from, to): name offsets and value offsets
 * (inside the quotes). Stops at the first thing that is not `name = "value"`.
 */
export function forEachAttr(xml: string, from: number, to: number, visit: (ns: number, ne: number, vs: number, ve: number) => void): void {
  let p = from;
  for (;;) {
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to) return;
    const ns = p;
    const ne = nameEnd(xml, p, to);
    if (ne === ns) return;
    p = ne;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61 /* = */) return;
    p++;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const q = xml.charCodeAt(p);
    if (q !== 34 && q !== 39) return;
    const ve = xml.indexOf(q === 34 ? '"' : "'", p + 1);
    if (ve < 0 || ve > to) return;
    visit(ns, ne, p + 1, ve);
    p = ve + 1;
  }
}

/** Value (entities decoded) of attribute `name` (as written, e.g. `r` or `r:id`) in xml[from, to). */
export function attrIn(xml: string, from: number, to: number, name: string): string | undefined {
  let p = from;
  for (;;) {
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to) return undefined;
    const ns = p;
    const ne = nameEnd(xml, p, to);
    if (ne === ns) return undefined;
    p = ne;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61) return undefined;
    p++;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const q = xml.charCodeAt(p);
    if (q !== 34 && q !== 39) return undefined;
    const ve = xml.indexOf(q === 34 ? '"' : "'", p + 1);
    if (ve < 0 || ve > to) return undefined;
    if (ne - ns === name.length && xml.startsWith(name, ns)) return attrValue(xml, p + 1, ve);
    p = ve + 1;
  }
}
