#!/usr/bin/env node
'use strict';
// Writes a generated workbook to disk, for trying the command line by hand:
//   node scripts/gen-workbook.js tables 100000 out.xlsx   (≈100k numeric cells in tables)
//   node scripts/gen-workbook.js rows 1000000 out.xlsx    (one sheet of 1,000,000 rows)
//   node scripts/gen-workbook.js wide 1000000 out.xlsx    (1,000,000 rows × 7 columns: label, 5 figures, Totalt)
const { writeXlsx, tablesSpec, longSheetSpec, lcg } = require('../bench/genWorkbook');

/** rows rows of a label, five figures and their Totalt, then a Summa row with SUM formulas. */
function wideSheetSpec(rows, seed = 3) {
  return {
    sheets: [
      {
        name: 'Bred',
        rows: (function* () {
          const rand = lcg(seed);
          yield ['Konto', 'Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Totalt'];
          const sums = [0, 0, 0, 0, 0, 0];
          for (let r = 1; r < rows - 1; r++) {
            const v = [0, 1, 2, 3, 4].map(() => Math.round(rand() * 1000));
            const t = v.reduce((a, b) => a + b, 0);
            v.forEach((x, i) => (sums[i] += x));
            sums[5] += t;
            yield [`Konto ${r}`, ...v, t];
          }
          const cols = 'BCDEFG';
          yield ['Summa', ...sums.map((s, i) => ({ v: s, f: `SUM(${cols[i]}2:${cols[i]}${rows - 1})` }))];
        })(),
      },
    ],
    level: 1,
  };
}

const [kind, count, out] = process.argv.slice(2);
const n = Number(count);
if (!['tables', 'rows', 'wide'].includes(kind) || !(n > 0) || !out) {
  console.error('Användning: node scripts/gen-workbook.js tables|rows|wide ANTAL UT.xlsx');
  process.exit(2);
}
const spec = kind === 'tables' ? tablesSpec({ cells: n }) : kind === 'wide' ? wideSheetSpec(n) : longSheetSpec(n);
writeXlsx(spec, out);
console.log(kind === 'tables' ? `${out}: ${spec.numericCells} numeriska celler i ${spec.tables} tabeller` : `${out}: ${n} rader`);
