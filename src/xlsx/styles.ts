// styles.xml → the number format code of each cell style index (`s` attribute).
import { elements, firstElement, getAttr, rootPrefix } from './xml';

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
  const p = rootPrefix(xml, 'styleSheet');
  const custom = new Map<number, string>();
  const numFmts = firstElement(xml, `${p}numFmts`);
  if (numFmts) {
    for (const el of elements(numFmts.inner, `${p}numFmt`)) {
      const id = Number(getAttr(el.attrs, 'numFmtId'));
      const code = getAttr(el.attrs, 'formatCode');
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    }
  }
  const numFmtOfXf: (string | undefined)[] = [];
  const cellXfs = firstElement(xml, `${p}cellXfs`);
  if (cellXfs) {
    for (const el of elements(cellXfs.inner, `${p}xf`)) {
      const id = Number(getAttr(el.attrs, 'numFmtId') ?? '0');
      const code = custom.get(id) ?? BUILTIN_NUMFMTS[id];
      numFmtOfXf.push(code === undefined || code === 'General' ? undefined : code);
    }
  }
  return { numFmtOfXf };
}
