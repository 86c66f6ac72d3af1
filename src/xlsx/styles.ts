// styles.xml → the number format code of each cell style index (`s` attribute), read with
// the OOXML tokenizer.
import { isSpreadsheetNs } from '../ooxml/spreadsheetml';
import { T_CLOSE, T_END, T_OPEN, XmlTokenizer } from '../ooxml/tokenizer';

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), as they read in en-US. */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

// East Asian locale date formats (27–36, 50–58): only their being dates matters here.
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) {
  BUILTIN_NUMFMTS[id] = 'yyyy-mm-dd';
}

export interface StyleTable {
  /** Number format code per cellXfs index; undefined means General. */
  numFmtOfXf: (string | undefined)[];
}

export function parseStyles(xml: string | undefined): StyleTable {
  if (!xml) return { numFmtOfXf: [] };
  const custom = new Map<number, string>();
  const xfFmtIds: number[] = [];
  const tk = new XmlTokenizer(xml);
  // Depth of the open <numFmts> or <cellXfs> (their direct children are what we read), or -1.
  let numFmtsDepth = -1;
  let cellXfsDepth = -1;
  let seenCellXfs = false;
  for (;;) {
    const k = tk.next();
    if (k === T_END) break;
    if (k === T_CLOSE) {
      if (tk.depth < numFmtsDepth) numFmtsDepth = -1;
      if (tk.depth < cellXfsDepth) cellXfsDepth = -1;
      continue;
    }
    if (k !== T_OPEN || !isSpreadsheetNs(tk.uri())) continue;
    if (tk.localIs('numFmts') && !tk.selfClosing && numFmtsDepth < 0) numFmtsDepth = tk.depth;
    else if (tk.localIs('cellXfs') && !tk.selfClosing && !seenCellXfs) {
      cellXfsDepth = tk.depth;
      seenCellXfs = true;
    } else if (numFmtsDepth >= 0 && tk.localIs('numFmt') && tk.depth === numFmtsDepth + (tk.selfClosing ? 0 : 1)) {
      const id = Number(tk.attr('numFmtId'));
      const code = tk.attr('formatCode');
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    } else if (cellXfsDepth >= 0 && tk.localIs('xf') && tk.depth === cellXfsDepth + (tk.selfClosing ? 0 : 1)) {
      xfFmtIds.push(Number(tk.attr('numFmtId') ?? '0'));
    }
  }
  const numFmtOfXf = xfFmtIds.map((id) => {
    const code = custom.get(id) ?? BUILTIN_NUMFMTS[id];
    return code === undefined || code === 'General' ? undefined : code;
  });
  return { numFmtOfXf };
}
