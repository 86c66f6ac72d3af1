// Minimal valid .docx packages written with fflate, for tests: tables from specs,
// a heading before each, a styles part, and cells with or without properties.
import { strToU8, zipSync } from 'fflate';

export interface CellSpec {
  /** Paragraphs of the cell; a string is one paragraph. */
  text?: string | string[];
  span?: number;
  vMerge?: 'restart' | 'continue';
  /** Raw XML put inside <w:tcPr> (e.g. `<w:tcW w:w="900" w:type="dxa"/>`). */
  tcPr?: string;
  /** Raw XML inside the cell after its paragraphs (e.g. a nested table). */
  extra?: string;
}

export type Cell = string | CellSpec;

export interface TableSpec {
  heading?: string;
  rows: Cell[][];
}

export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(text: string): string {
  return text === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

function cellXml(c: Cell): string {
  const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
  const props =
    (spec.tcPr ?? '') + (spec.span && spec.span > 1 ? `<w:gridSpan w:val="${spec.span}"/>` : '') +
    (spec.vMerge ? (spec.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '');
  const paras = Array.isArray(spec.text) ? spec.text : [spec.text ?? ''];
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paras.map(paragraph).join('')}${spec.extra ?? ''}${spec.extra ? '<w:p/>' : ''}</w:tc>`;
}

export function tableXml(rows: Cell[][]): string {
  const cols = Math.max(...rows.map((r) => r.reduce<number>((n, c) => n + (typeof c === 'string' ? 1 : c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(cols)}</w:tblGrid>`;
  const body = rows.map((r) => `<w:tr>${r.map(cellXml).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

export function documentXml(tables: TableSpec[]): string {
  const body = tables
    .map((t) => `${t.heading ? `<w:p><w:pPr><w:pStyle w:val="Heading4"/></w:pPr><w:r><w:t>${xmlText(t.heading)}</w:t></w:r></w:p>` : ''}${tableXml(t.rows)}<w:p/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<w:body><w:p><w:r><w:t>Delårsrapport</w:t></w:r></w:p>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>';

/** A .docx package around a document.xml text. */
export function packageDocx(document: string, extraParts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    'word/styles.xml': strToU8(STYLES),
  };
  for (const [k, v] of Object.entries(extraParts)) files[k] = strToU8(v);
  return zipSync(files, { level: 6 });
}

export function buildDocx(tables: TableSpec[]): Uint8Array {
  return packageDocx(documentXml(tables));
}
