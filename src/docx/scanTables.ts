// The tables of WordprocessingML (`word/document.xml`), read with the OOXML tokenizer:
// every <w:tbl>, nested ones as tables of their own, with each cell's text, grid column,
// spans and where its <w:tc> and <w:tcPr> sit in the XML (for the shaded copy). Elements
// are matched by namespace URI, whatever the prefix; comments, CDATA and entities are read
// as XML means them. No DOM: it runs in Node and in the browser.
import { T_CDATA, T_CLOSE, T_END, T_OPEN, T_TEXT, XmlTokenizer } from '../ooxml/tokenizer';

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

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Element keys: the local name for WordprocessingML, `mc:Fallback`, or '' for anything else. */
const FALLBACK = 'mc:Fallback';

function isWordNs(uri: string): boolean {
  return uri === WORD_NAMESPACES[0] || uri === WORD_NAMESPACES[1];
}

/** The `val` attribute in the WordprocessingML namespace (`w:val`), whatever its prefix. */
function wordVal(tk: XmlTokenizer): string | undefined {
  return tk.attrNs(WORD_NAMESPACES[0], 'val') ?? tk.attrNs(WORD_NAMESPACES[1], 'val');
}

export function scanTables(xml: string): ScannedTable[] {
  const tables: ScannedTable[] = [];
  const open: TableBuilder[] = [];
  /** Keys of the open elements (see FALLBACK). */
  const stack: string[] = [];
  /** Depth inside mc:Fallback (a copy of mc:Choice content: reading it would double the text). */
  let fallback = 0;
  let inText = false;
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

  const tk = new XmlTokenizer(xml);
  for (;;) {
    const k = tk.next();
    if (k === T_END) break;
    if (k === T_TEXT || k === T_CDATA) {
      if (inText) addText(tk.text());
      continue;
    }
    if (k !== T_OPEN && k !== T_CLOSE) continue;
    const uri = tk.uri();
    const name = isWordNs(uri) ? tk.localName() : uri === MC_NS && tk.localIs('Fallback') ? FALLBACK : '';

    if (k === T_CLOSE) {
      stack.pop();
      if (name === 't') inText = false;
      else if (name === 'p' && open.length === 0) endBodyParagraph();
      else if (name === 'p') {
        const c = top()?.cell;
        if (c) {
          if (c.current.trim() !== '') c.paragraphs.push(c.current.trim());
          c.current = '';
        }
      } else if (name === 'tc') {
        const t = top();
        if (t?.cell) {
          const c = t.cell;
          if (c.current.trim() !== '') c.paragraphs.push(c.current.trim());
          c.cell.text = c.paragraphs.join(' ');
          t.gridCol += c.cell.span;
          t.cell = null;
        }
      } else if (name === 'tr') {
        const t = top();
        if (t) t.row = null;
      } else if (name === 'tbl') {
        open.pop();
        if (open.length === 0) recent = [];
      } else if (name === FALLBACK && fallback > 0) {
        fallback -= 1;
      } else if (name === 'tcPr') {
        const t = top();
        if (t?.cell?.cell.tcPr && stack[stack.length - 1] === 'tc' && t.cell.cell.tcPr.end < 0) t.cell.cell.tcPr.end = tk.end;
      }
      continue;
    }

    const selfClosing = tk.selfClosing;
    const parent = stack[stack.length - 1];
    if (name === 'p' && selfClosing && open.length === 0) {
      endBodyParagraph();
    } else if (name === 'tbl' && !selfClosing) {
      const table: ScannedTable = { rows: [], before: open.length === 0 ? recent.slice() : [] };
      tables.push(table);
      open.push({ table, row: null, gridCol: 0, cell: null });
    } else if (name === 'tr' && !selfClosing) {
      const t = top();
      if (t) {
        t.row = [];
        t.table.rows.push(t.row);
        t.gridCol = 0;
      }
    } else if (name === 'tc' && !selfClosing) {
      const t = top();
      if (t) {
        if (!t.row) {
          t.row = [];
          t.table.rows.push(t.row);
        }
        const cell: ScannedCell = { row: t.table.rows.length - 1, col: t.gridCol, span: 1, vMerge: null, text: '', openEnd: tk.end, tcPr: null };
        t.row.push(cell);
        t.cell = { cell, paragraphs: [], current: '' };
      }
    } else if (name === 'tcPr' && parent === 'tc') {
      const c = top()?.cell;
      if (c && !c.cell.tcPr) c.cell.tcPr = { start: tk.start, end: selfClosing ? tk.end : -1, selfClosing };
    } else if (name === 'gridSpan' && parent === 'tcPr' && stack[stack.length - 2] === 'tc') {
      const c = top()?.cell;
      const v = Number(wordVal(tk));
      if (c && Number.isInteger(v) && v > 1 && v < 1000) c.cell.span = v;
    } else if (name === 'vMerge' && parent === 'tcPr' && stack[stack.length - 2] === 'tc') {
      const c = top()?.cell;
      if (c) c.cell.vMerge = wordVal(tk) === 'restart' ? 'restart' : 'continue';
    } else if (name === 'gridBefore' && parent === 'trPr') {
      const t = top();
      const v = Number(wordVal(tk));
      if (t && t.row && t.row.length === 0 && Number.isInteger(v) && v > 0 && v < 1000) t.gridCol = v;
    } else if (name === 't' && !selfClosing) {
      inText = true;
    } else if (parent === 'r' && (name === 'tab' || name === 'br' || name === 'cr')) {
      addText(' ');
    } else if (parent === 'r' && name === 'noBreakHyphen') {
      addText('-');
    } else if (name === FALLBACK && !selfClosing) {
      fallback += 1;
    }
    if (!selfClosing) stack.push(name);
  }
  return tables;
}
