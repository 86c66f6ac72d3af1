// A small scanner for the tables of WordprocessingML (`word/document.xml`): every
// <w:tbl>, nested ones as tables of their own, with each cell's text, grid column,
// spans and where its <w:tc> and <w:tcPr> sit in the XML (for the shaded copy).
// Strings and a tag regex rather than a DOM: it runs in Node and in the browser.
import { decodeEntities } from '../xlsx/xml';

export interface ScannedCell {
  /** 0-based row within the table and grid column (gridBefore and spans counted). */
  row: number;
  col: number;
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
  vMerge: 'restart' | 'continue' | null;
  text: string;
  /** Offset just after the `<w:tc …>` start tag. */
  openEnd: number;
  /** The cell's own <w:tcPr>: offsets of its `<` and just after its end, and whether it is `<w:tcPr/>`. */
  tcPr: { start: number; end: number; selfClosing: boolean } | null;
}

export interface ScannedTable {
  rows: ScannedCell[][];
  /** Texts of the body paragraphs since the previous table, nearest last (at most two;
   *  top-level tables only): where a report puts the table's title. */
  before: string[];
}

const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** The prefix (with colon) bound to WordprocessingML in this part; `w:` as written by Word. */
export function wordPrefix(xml: string): string {
  const head = xml.slice(0, 20000);
  for (const ns of WORD_NAMESPACES) {
    const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${ns.replace(/[.]/g, '\\.')}"`).exec(head);
    if (m) return `${m[1]}:`;
  }
  return 'w:';
}

interface CellBuilder {
  cell: ScannedCell;
  paragraphs: string[];
  current: string;
}

interface TableBuilder {
  table: ScannedTable;
  row: ScannedCell[] | null;
  gridCol: number;
  cell: CellBuilder | null;
}

// A tag, with quoted attribute values allowed to hold `>`; comments and PIs too.
const TAG = /<(?:!--[\s\S]*?--|\?[\s\S]*?\?|(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?))>/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.]/g, '\\.')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3]) : undefined;
}

export function scanTables(xml: string): ScannedTable[] {
  const w = wordPrefix(xml);
  const n = {
    tbl: `${w}tbl`, tr: `${w}tr`, tc: `${w}tc`, p: `${w}p`, t: `${w}t`, r: `${w}r`, tcPr: `${w}tcPr`, trPr: `${w}trPr`,
    gridSpan: `${w}gridSpan`, gridBefore: `${w}gridBefore`, vMerge: `${w}vMerge`,
    tab: `${w}tab`, br: `${w}br`, cr: `${w}cr`, noBreakHyphen: `${w}noBreakHyphen`,
  };
  const tables: ScannedTable[] = [];
  const open: TableBuilder[] = [];
  const stack: string[] = [];
  /** Depth inside mc:Fallback (a copy of mc:Choice content: reading it would double the text). */
  let fallback = 0;
  let textStart = -1;
  /** Body paragraphs (outside tables) since the last top-level table, and the one being read. */
  let recent: string[] = [];
  let bodyText = '';

  const top = (): TableBuilder | undefined => open[open.length - 1];
  const addText = (s: string) => {
    if (fallback !== 0) return;
    if (open.length === 0) {
      bodyText += s;
      return;
    }
    const c = top()?.cell;
    if (c) c.current += s;
  };
  const endBodyParagraph = () => {
    recent.push(bodyText.trim());
    if (recent.length > 2) recent.shift();
    bodyText = '';
  };

  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) !== null) {
    const name = m[2];
    if (!name) continue; // comment or processing instruction
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const parent = stack[stack.length - 1];

    if (closing) {
      if (name === n.t && textStart >= 0) {
        addText(decodeEntities(xml.slice(textStart, m.index)));
        textStart = -1;
      } else if (name === n.p && open.length === 0) {
        endBodyParagraph();
      } else if (name === n.p) {
        const c = top()?.cell;
        if (c) {
          if (c.current.trim() !== '') c.paragraphs.push(c.current.trim());
          c.current = '';
        }
      } else if (name === n.tc) {
        const t = top();
        if (t?.cell) {
          const c = t.cell;
          if (c.current.trim() !== '') c.paragraphs.push(c.current.trim());
          c.cell.text = c.paragraphs.join(' ');
          t.gridCol += c.cell.span;
          t.cell = null;
        }
      } else if (name === n.tr) {
        const t = top();
        if (t) t.row = null;
      } else if (name === n.tbl) {
        open.pop();
        if (open.length === 0) recent = [];
      } else if (name === 'mc:Fallback' && fallback > 0) {
        fallback -= 1;
      } else if (name === n.tcPr) {
        const t = top();
        if (t?.cell?.cell.tcPr && stack[stack.length - 2] === n.tc && t.cell.cell.tcPr.end < 0) {
          t.cell.cell.tcPr.end = m.index + m[0].length;
        }
      }
      // Pop up to and including the matching element (tolerates sloppy nesting).
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }

    if (name === n.p && selfClosing && open.length === 0) {
      endBodyParagraph();
    } else if (name === n.tbl && !selfClosing) {
      const table: ScannedTable = { rows: [], before: open.length === 0 ? recent.slice() : [] };
      tables.push(table);
      open.push({ table, row: null, gridCol: 0, cell: null });
    } else if (name === n.tr && !selfClosing) {
      const t = top();
      if (t) {
        t.row = [];
        t.table.rows.push(t.row);
        t.gridCol = 0;
      }
    } else if (name === n.tc && !selfClosing) {
      const t = top();
      if (t) {
        if (!t.row) {
          t.row = [];
          t.table.rows.push(t.row);
        }
        const cell: ScannedCell = {
          row: t.table.rows.length - 1,
          col: t.gridCol,
          span: 1,
          vMerge: null,
          text: '',
          openEnd: m.index + m[0].length,
          tcPr: null,
        };
        t.row.push(cell);
        t.cell = { cell, paragraphs: [], current: '' };
      }
    } else if (name === n.tcPr && parent === n.tc) {
      const c = top()?.cell;
      if (c && !c.cell.tcPr) {
        c.cell.tcPr = { start: m.index, end: selfClosing ? m.index + m[0].length : -1, selfClosing };
      }
    } else if (name === n.gridSpan && parent === n.tcPr && stack[stack.length - 2] === n.tc) {
      const c = top()?.cell;
      const v = Number(attr(m[3], `${w}val`));
      if (c && Number.isInteger(v) && v > 1 && v < 1000) c.cell.span = v;
    } else if (name === n.vMerge && parent === n.tcPr && stack[stack.length - 2] === n.tc) {
      const c = top()?.cell;
      if (c) c.cell.vMerge = attr(m[3], `${w}val`) === 'restart' ? 'restart' : 'continue';
    } else if (name === n.gridBefore && parent === n.trPr) {
      const t = top();
      const v = Number(attr(m[3], `${w}val`));
      if (t && t.row && t.row.length === 0 && Number.isInteger(v) && v > 0 && v < 1000) t.gridCol = v;
    } else if (name === n.t && !selfClosing) {
      textStart = m.index + m[0].length;
    } else if (parent === n.r && (name === n.tab || name === n.br || name === n.cr)) {
      addText(' ');
    } else if (parent === n.r && name === n.noBreakHyphen) {
      addText('-');
    } else if (name === 'mc:Fallback' && !selfClosing) {
      fallback += 1;
    }
    if (!selfClosing) stack.push(name);
  }
  return tables;
}
