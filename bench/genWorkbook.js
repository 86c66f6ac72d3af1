'use strict';
// Generates .xlsx workbooks for the benchmarks and the fault tests without exceljs
// (too slow for a million rows): the sheet XML is streamed row by row into a zip.
// Plain CommonJS so that bench/run.js (plain Node) and the jest tests share it.
const { ZipWriter, memorySink, fileSink } = require('./zipWriter');

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Style index per number format name; see STYLES_XML. */
const FMT = { general: 0, int: 1, dec1: 2, pct: 3, bold: 4 };
const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function columnName(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function escapeXml(s) {
  return String(s).replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]);
}

/** Shared string table, filled while the sheets are written. */
class SharedStrings {
  constructor() {
    this.index = new Map();
    this.count = 0;
  }
  id(text) {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }
  *xml() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.index.size}">`;
    let buf = '';
    for (const text of this.index.keys()) {
      buf += `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`;
      if (buf.length > 65536) {
        yield buf;
        buf = '';
      }
    }
    yield buf + '</sst>';
  }
}

/**
 * One cell as XML. A cell is a number, a string, a boolean, null, or an object
 * { v, f, error, fmt } — f without '=', error an Excel error text such as '#REF!'.
 */
function cellXml(ref, cell, sst) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return `<c r="${ref}" s="${FMT.int}"><v>${cell}</v></c>`;
  if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst.id(cell)}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  const s = FMT[cell.fmt || (typeof cell.v === 'number' ? 'int' : 'general')];
  const f = cell.f !== undefined ? `<f>${escapeXml(cell.f)}</f>` : '';
  if (cell.error) return `<c r="${ref}" s="${s}" t="e">${f}<v>${escapeXml(cell.error)}</v></c>`;
  const v = cell.v;
  if (v === undefined || v === null) return f ? `<c r="${ref}" s="${s}">${f}</c>` : `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'number') return `<c r="${ref}" s="${s}">${f}<v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}" s="${s}" t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  // A formula's text result is stored inline (t="str"); a typed text goes to the shared strings.
  if (f) return `<c r="${ref}" s="${s}" t="str">${f}<v>${escapeXml(v)}</v></c>`;
  return `<c r="${ref}" s="${s}" t="s"><v>${sst.id(v)}</v></c>`;
}

/** The sheet XML in chunks of about 64 KB. rows: iterable of arrays or { r, cells }. */
function* sheetXml(sheet, sst) {
  let buf =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${NS_R}">` +
    '<sheetData>';
  let r = -1;
  for (const row of sheet.rows) {
    const cells = Array.isArray(row) ? row : row.cells;
    r = Array.isArray(row) || row.r === undefined ? r + 1 : row.r;
    let xml = '';
    for (let c = 0; c < cells.length; c++) xml += cellXml(columnName(c) + (r + 1), cells[c], sst);
    if (xml) buf += `<row r="${r + 1}">${xml}</row>`;
    if (buf.length > 65536) {
      yield buf;
      buf = '';
    }
  }
  buf += '</sheetData>';
  if (sheet.merges && sheet.merges.length) {
    buf += `<mergeCells count="${sheet.merges.length}">`;
    for (const m of sheet.merges) buf += `<mergeCell ref="${m}"/>`;
    buf += '</mergeCells>';
  }
  yield buf + '</worksheet>';
}

/**
 * Writes a workbook. spec = { sheets: [{ name, rows, merges? }], externalLinks?: [{ target,
 * sheetNames, cells?: [{ sheet, ref, v }] }], level? }. With `path` the zip streams to that
 * file and nothing is returned; otherwise the bytes are returned.
 */
function writeXlsx(spec, path) {
  const zip = new ZipWriter(path ? fileSink(path) : memorySink());
  const level = spec.level === undefined ? 6 : spec.level;
  const sst = new SharedStrings();
  const links = spec.externalLinks || [];
  const sheets = spec.sheets;

  sheets.forEach((sheet, i) => zip.addEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, sst), level));
  zip.addEntry('xl/sharedStrings.xml', sst.xml(), level);
  zip.addEntry('xl/styles.xml', STYLES_XML, level);

  let wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">`;
  sheets.forEach((_, i) => {
    wbRels += `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  });
  const n = sheets.length;
  wbRels += `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
  wbRels += `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  links.forEach((_, i) => {
    wbRels += `<Relationship Id="rId${n + 3 + i}" Type="${REL}/externalLink" Target="externalLinks/externalLink${i + 1}.xml"/>`;
  });
  zip.addEntry('xl/_rels/workbook.xml.rels', wbRels + '</Relationships>', level);

  let wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>`;
  sheets.forEach((s, i) => {
    wb += `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  wb += '</sheets>';
  if (links.length) {
    wb += '<externalReferences>';
    links.forEach((_, i) => {
      wb += `<externalReference r:id="rId${n + 3 + i}"/>`;
    });
    wb += '</externalReferences>';
  }
  zip.addEntry('xl/workbook.xml', wb + '</workbook>', level);

  links.forEach((link, i) => {
    let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS}" xmlns:r="${NS_R}"><externalBook r:id="rId1"><sheetNames>`;
    for (const name of link.sheetNames) xml += `<sheetName val="${escapeXml(name)}"/>`;
    xml += '</sheetNames><sheetDataSet>';
    link.sheetNames.forEach((_, s) => {
      xml += `<sheetData sheetId="${s}">`;
      for (const cell of (link.cells || []).filter((x) => x.sheet === s)) {
        xml += `<row r="${cell.ref.replace(/^[A-Z]+/, '')}"><cell r="${cell.ref}"><v>${cell.v}</v></cell></row>`;
      }
      xml += '</sheetData>';
    });
    xml += '</sheetDataSet></externalBook></externalLink>';
    zip.addEntry(`xl/externalLinks/externalLink${i + 1}.xml`, xml, level);
    zip.addEntry(
      `xl/externalLinks/_rels/externalLink${i + 1}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="${escapeXml(link.target)}" TargetMode="External"/></Relationships>`,
      level,
    );
  });

  let types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`;
  sheets.forEach((_, i) => {
    types += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`;
  });
  links.forEach((_, i) => {
    types += `<Override PartName="/xl/externalLinks/externalLink${i + 1}.xml" ContentType="${CT}.externalLink+xml"/>`;
  });
  zip.addEntry('[Content_Types].xml', types + '</Types>', level);
  zip.addEntry(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    level,
  );
  return zip.finish();
}

/** Small deterministic generator so that every run builds the same workbooks. */
function lcg(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const GROUPS = ['Hälso- och sjukvård', 'Tandvård', 'Regional utveckling', 'Kollektivtrafik', 'Kultur', 'Gemensamma kostnader', 'Primärvård', 'Psykiatri'];

/**
 * Rows of stacked tables with subtotal groups, the shape of a regional budget table:
 * title, header, per group `rowsPerGroup` rows and a `Summa <group>` row (SUM formulas with
 * cached results), a `Summa totalt` row over the subtotals, a blank row. The last value
 * column is `Avvikelse` = first − second (a row relation) when valueCols >= 3.
 * Every `wrongEvery`-th table has one subtotal typed with a wrong number (0 = never).
 * Returns { sheets, numericCells, tables, rows }.
 */
function tablesSpec({ cells = 10000, valueCols = 6, rowsPerGroup = 8, groupsPerTable = 5, tablesPerSheet = 25, wrongEvery = 10, seed = 1 } = {}) {
  const perTable = valueCols * (groupsPerTable * (rowsPerGroup + 1) + 1);
  const tables = Math.max(1, Math.round(cells / perTable));
  const rowsPerTable = 2 + groupsPerTable * (rowsPerGroup + 1) + 1 + 1;
  const sheetCount = Math.ceil(tables / tablesPerSheet);
  const header = ['Verksamhet'];
  for (let c = 0; c < valueCols; c++) {
    header.push(c === valueCols - 1 && valueCols >= 3 ? 'Avvikelse' : c === 0 ? 'Budget 2024' : c === 1 ? 'Utfall' : `Kolumn ${c + 1}`);
  }
  const withDiff = valueCols >= 3;

  function* tableRows(t, rand, top) {
    const L = (c) => columnName(c + 1);
    yield [`Tabell ${t + 1}: Budgetfördelning per verksamhet (tkr)`];
    yield header;
    const subRows = [];
    let r = top + 2;
    const wrongGroup = wrongEvery > 0 && t % wrongEvery === wrongEvery - 1 ? Math.floor(rand() * groupsPerTable) : -1;
    for (let g = 0; g < groupsPerTable; g++) {
      const first = r;
      const sums = new Array(valueCols).fill(0);
      for (let i = 0; i < rowsPerGroup; i++, r++) {
        const row = [`${GROUPS[g % GROUPS.length]} ${i + 1}`];
        for (let c = 0; c < valueCols; c++) {
          let v;
          if (withDiff && c === valueCols - 1) v = { v: row[1] - row[2], f: `${L(0)}${r + 1}-${L(1)}${r + 1}` };
          else v = Math.round(rand() * 100000);
          row.push(v);
          sums[c] += typeof v === 'number' ? v : v.v;
        }
        yield row;
      }
      const sub = [`Summa ${GROUPS[g % GROUPS.length]}`];
      for (let c = 0; c < valueCols; c++) {
        if (g === wrongGroup && c === 0) sub.push(sums[c] + 1000); // typed and wrong
        else sub.push({ v: sums[c], f: `SUM(${L(c)}${first + 1}:${L(c)}${r})` });
      }
      subRows.push({ r, sums });
      yield sub;
      r++;
    }
    const total = ['Summa totalt'];
    for (let c = 0; c < valueCols; c++) {
      const v = subRows.reduce((a, s) => a + s.sums[c], 0);
      total.push({ v, f: `SUM(${subRows.map((s) => `${L(c)}${s.r + 1}`).join(',')})` });
    }
    yield total;
    yield [];
  }

  const sheets = [];
  for (let s = 0; s < sheetCount; s++) {
    const first = s * tablesPerSheet;
    const last = Math.min(tables, first + tablesPerSheet);
    sheets.push({
      name: sheetCount === 1 ? 'Budgetfördelning' : `Blad ${s + 1}`,
      rows: (function* () {
        const rand = lcg(seed * 7919 + s);
        for (let t = first; t < last; t++) yield* tableRows(t, rand, (t - first) * rowsPerTable);
      })(),
    });
  }
  return { sheets, numericCells: tables * perTable, tables, rows: tables * rowsPerTable };
}

/**
 * One sheet with `rows` rows: a header, rows-2 numbered lines and a Summa row
 * (=SUM over them, cached). The fault test's million-row sheet.
 */
function longSheetSpec(rows = 1000000, seed = 2) {
  return {
    sheets: [
      {
        name: 'Lång',
        rows: (function* () {
          const rand = lcg(seed);
          yield ['Konto', 'Belopp (tkr)'];
          let sum = 0;
          for (let r = 1; r < rows - 1; r++) {
            const v = Math.round(rand() * 1000);
            sum += v;
            yield [`Konto ${r % 100}`, v];
          }
          yield ['Summa', { v: sum, f: `SUM(B2:B${rows - 1})` }];
        })(),
      },
    ],
    level: 1,
  };
}

module.exports = { writeXlsx, tablesSpec, longSheetSpec, columnName, lcg };
