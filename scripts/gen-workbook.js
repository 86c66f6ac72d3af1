#!/usr/bin/env node
'use strict';
// Writes a generated workbook to disk, for trying the command line by hand:
//   node scripts/gen-workbook.js tables 100000 out.xlsx   (≈100k numeric cells in tables)
//   node scripts/gen-workbook.js rows 1000000 out.xlsx    (one sheet of 1,000,000 rows)
const { writeXlsx, tablesSpec, longSheetSpec } = require('../bench/genWorkbook');

const [kind, count, out] = process.argv.slice(2);
const n = Number(count);
if (!['tables', 'rows'].includes(kind) || !(n > 0) || !out) {
  console.error('Användning: node scripts/gen-workbook.js tables|rows ANTAL UT.xlsx');
  process.exit(2);
}
const spec = kind === 'tables' ? tablesSpec({ cells: n }) : longSheetSpec(n);
writeXlsx(spec, out);
console.log(kind === 'tables' ? `${out}: ${spec.numericCells} numeriska celler i ${spec.tables} tabeller` : `${out}: ${n} rader`);
