// Where each Word cell of a table sits on the table's grid. Office.js `table.values`
// gives one entry per cell, so a cell spanning grid columns (w:gridSpan), a row that
// starts later (w:gridBefore) or a vertically merged cell (w:vMerge) moves the later
// cells of its row to the left. The table's OOXML (`table.getRange().getOoxml()`, a
// flat-OPC package) says where every cell really is: it is read with the same scanner
// as readDocx (../docx/scanTables.ts), so Word and the command line place cells alike.
// Pure.
import { scanTables, type ScannedTable } from '../docx/scanTables';

/** One <w:tc> of a Word row on the table's grid. */
export interface LaidOutCell {
  /** Index of the cell in Word's row (table.values, getCell), or -1: Word lists no cell
   *  there (a vertical-merge continuation that Word leaves out). */
  cell: number;
  /** First grid column (w:gridBefore and earlier spans counted) and columns spanned. */
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

/** Per Word row, every <w:tc> of the row in order. */
export type TableLayout = LaidOutCell[][];

function attrOf(attrs: string, local: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3]) : undefined;
}

const PART = /<([A-Za-z_][\w.-]*:)?part\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * The main document part (`/word/document.xml`) of what getOoxml gives: a flat-OPC
 * package `<pkg:package><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>…`.
 * Text that is no package is taken as the document part itself; null when there is none.
 */
export function mainDocumentXml(ooxml: string): string | null {
  if (!/<(?:[\w.-]+:)?package\b/.test(ooxml.slice(0, 4000))) return /<(?:[\w.-]+:)?document\b/.test(ooxml) ? ooxml : null;
  PART.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PART.exec(ooxml)) !== null) {
    if (m[3] === '/') continue;
    const name = attrOf(m[2], 'name');
    const type = attrOf(m[2], 'contentType') ?? '';
    if (name !== '/word/document.xml' && !type.endsWith('.document.main+xml')) continue;
    const prefix = m[1] ?? '';
    const open = new RegExp(`<${prefix.replace(/[.]/g, '\\.')}xmlData\\b[^>]*>`, 'g');
    open.lastIndex = PART.lastIndex;
    const data = open.exec(ooxml);
    if (!data) return null;
    const end = ooxml.indexOf(`</${prefix}xmlData>`, open.lastIndex);
    return end < 0 ? null : ooxml.slice(open.lastIndex, end);
  }
  return null;
}

/** The layout of `table` with Word's cell indices, or null when its rows do not have Word's cells. */
function fit(values: readonly (readonly unknown[])[], table: ScannedTable): TableLayout | null {
  if (table.rows.length !== values.length) return null;
  const layout: TableLayout = [];
  for (let r = 0; r < values.length; r++) {
    const row = table.rows[r];
    const n = values[r].length;
    // Word lists every <w:tc>, or leaves the continuation cells of vertical merges out.
    const all = n === row.length;
    if (!all && n !== row.filter((c) => c.vMerge !== 'continue').length) return null;
    let next = 0;
    layout.push(
      row.map((c) => ({
        cell: all || c.vMerge !== 'continue' ? next++ : -1,
        col: c.col,
        span: c.span,
        vMerge: c.vMerge,
      })),
    );
  }
  return layout;
}

const squeeze = (s: unknown) => String(s ?? '').replace(/[\s\u0000-\u001f]+/g, '');

/** How many of Word's cell texts the scanned table has at the same cells. */
function agreement(values: readonly (readonly unknown[])[], table: ScannedTable, layout: TableLayout): number {
  let same = 0;
  layout.forEach((row, r) =>
    row.forEach((c, i) => {
      if (c.cell >= 0 && squeeze(values[r][c.cell]) === squeeze(table.rows[r][i].text)) same += 1;
    }),
  );
  return same;
}

/**
 * The grid layout of a Word table from its OOXML: the table in the package whose rows
 * have exactly Word's cells (`values`), preferring the one whose texts agree most (the
 * package of a nested table may hold the table around it). Null when the OOXML is
 * missing, is no package or holds no such table: the caller then takes the values as
 * they are.
 */
export function wordTableLayout(values: readonly (readonly unknown[])[], ooxml: unknown): TableLayout | null {
  if (typeof ooxml !== 'string' || values.length === 0) return null;
  let tables: ScannedTable[];
  try {
    const xml = mainDocumentXml(ooxml);
    if (xml === null) return null;
    tables = scanTables(xml);
  } catch {
    return null;
  }
  let best: { layout: TableLayout; score: number } | null = null;
  for (const table of tables) {
    const layout = fit(values, table);
    if (!layout) continue;
    const score = agreement(values, table, layout);
    if (!best || score > best.score) best = { layout, score };
  }
  return best?.layout ?? null;
}
