// A fake Excel seeded from an .xlsx: what Excel would show the add-in after opening the
// file. Cells carry their style index (opaque: the add-in never reads or writes it),
// conditional formats come from the <conditionalFormatting> elements with their dxf
// colours, hidden and protected sheets from workbook.xml and <sheetProtection>.
import { readLayout, readPartText } from '../../src/xlsx/package';
import { openZip } from '../../src/xlsx/zip';
import { dxfColours } from '../../src/xlsx/statusStyles';
import { elements, firstElement, getAttr, rootPrefix, textContent } from '../../src/xlsx/xml';
import { FakeExcel, type FakeConditionalFormat, type FakeSheet, type Visibility } from './fakeExcel';

const TYPES: Record<string, FakeConditionalFormat['type']> = {
  expression: 'Custom',
  cellIs: 'CellValue',
  colorScale: 'ColorScale',
  dataBar: 'DataBar',
  iconSet: 'IconSet',
  top10: 'TopBottom',
  containsText: 'ContainsText',
};

export function fakeFromXlsx(bytes: Uint8Array): FakeExcel {
  const zip = openZip(bytes);
  const layout = readLayout(zip);
  const stylesXml = layout.stylesPath ? (readPartText(zip, layout.stylesPath) ?? '') : '';
  const sp = stylesXml ? rootPrefix(stylesXml, 'styleSheet') : '';
  const dxfsEl = stylesXml ? firstElement(stylesXml, `${sp}dxfs`) : undefined;
  const dxfs = dxfsEl ? elements(dxfsEl.inner, `${sp}dxf`).map((e) => dxfColours(dxfsEl.inner.slice(e.start, e.end), sp)) : [];
  const workbookXml = readPartText(zip, layout.workbookPath) ?? '';
  const states = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const name = getAttr(m[1], 'name');
    if (name !== undefined) states.set(name, getAttr(m[1], 'state') ?? 'visible');
  }

  const sheets: FakeSheet[] = [];
  layout.sheets.forEach((part, i) => {
    if (part.kind !== 'worksheet' || !part.path) return;
    const xml = readPartText(zip, part.path) ?? '';
    const p = rootPrefix(xml, 'worksheet');
    const cells = new Map<string, { value: null; fill: null; font: string; style?: number }>();
    for (const m of xml.matchAll(new RegExp(`<${p}c\\s([^>]*?)\\/?>`, 'g'))) {
      const r = getAttr(m[1], 'r');
      if (!r) continue;
      const ref = /^([A-Z]+)(\d+)$/.exec(r);
      if (!ref) continue;
      const col = [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      cells.set(`${Number(ref[2]) - 1},${col}`, { value: null, fill: null, font: '#000000', style: Number(getAttr(m[1], 's') ?? '0') });
    }
    const rules: (FakeConditionalFormat & { priority: number; order: number })[] = [];
    for (const cf of elements(xml, `${p}conditionalFormatting`)) {
      const sqref = (getAttr(cf.attrs, 'sqref') ?? '').trim().split(/\s+/).join(',');
      for (const rule of elements(cf.inner, `${p}cfRule`)) {
        const dxf = dxfs[Number(getAttr(rule.attrs, 'dxfId') ?? '-1')] ?? {};
        const formula = firstElement(rule.inner, `${p}formula`);
        rules.push({
          id: `seed-${rules.length}`,
          type: TYPES[getAttr(rule.attrs, 'type') ?? ''] ?? 'PresetCriteria',
          ranges: sqref,
          formula: formula ? `=${textContent(formula.inner)}` : undefined,
          fill: dxf.fill ? `#${dxf.fill}` : undefined,
          font: dxf.font ? `#${dxf.font}` : undefined,
          stopIfTrue: getAttr(rule.attrs, 'stopIfTrue') === '1' || getAttr(rule.attrs, 'stopIfTrue') === 'true',
          priority: Number(getAttr(rule.attrs, 'priority') ?? '0'),
          order: rules.length,
        });
      }
    }
    rules.sort((a, b) => a.priority - b.priority || a.order - b.order);
    const protection = firstElement(xml, `${p}sheetProtection`);
    const state = states.get(part.name) ?? 'visible';
    const visibility: Visibility = state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    sheets.push({
      name: part.name,
      id: `{sheet-${i}}`,
      cells,
      protected: Boolean(protection && /sheet\s*=\s*["'](1|true)["']/.test(protection.attrs)),
      visibility,
      conditionalFormats: rules.map(({ priority: _p, order: _o, ...cf }) => cf),
    });
  });
  return new FakeExcel(sheets);
}
