#!/usr/bin/env node
'use strict';
// Builds the example workbooks in examples/ (committed, so new users can try
// `npm run demo` at once). Run again after changing this script:
//   node scripts/make-examples.js
// The figures are made up but laid out the way the region's workbooks are
// (docs: /work/shared/spec/checks.md, sections 5.1–5.3).
const path = require('path');
const ExcelJS = require('exceljs');

const OUT = path.resolve(__dirname, '..', 'examples');
const TKR = '#,##0';
const MNKR = '#,##0.0';
const PCT = '0.0%';
const round1 = (x) => Math.round(x * 10) / 10;

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Summakoll';
  // Fixed dates keep the files identical between runs.
  wb.created = new Date(Date.UTC(2025, 8, 1));
  wb.modified = new Date(Date.UTC(2025, 8, 1));
  return wb;
}

function bold(row) {
  row.eachCell((c) => (c.font = { ...(c.font || {}), bold: true }));
}

/** checks.md 5.1 and 5.2: Budgetfördelning with one post where D ≠ B + C, and Budgetväxlingar tied to it. */
async function budgetuppfoljning() {
  const wb = workbook();
  const ws = wb.addWorksheet('Budgetfördelning');
  ws.columns = [{ width: 34 }, ...Array(9).fill({ width: 16 })];
  ws.addRow(['Uppföljning av nämndens beslutade fördelning av budgetramen 2025']);
  ws.mergeCells('A1:J1');
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.addRow(['Ange nämnd:', null, 'Hälso- och sjukvårdsnämnden']);
  ws.addRow(['Kolumn: A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  bold(
    ws.addRow([
      'Budgetramens fördelningsgrund',
      'Beslutad fördelning budgetram per 2025-01-01',
      'Budgetväxlingar jan-aug',
      'Fördelning budgetram per 2025-08-31',
      'Utfall jan-aug',
      'Budgetavvikelse (utf jf bud) jan-aug',
      'Prognos',
      'Prognosavvikelse (progn jf bud)',
      'Nettokostnadsutveckling jan-aug -25 jf jan-aug -24',
      'Nettokostnadsutveckling %',
    ]),
  );
  ws.getRow(4).alignment = { wrapText: true, vertical: 'top' };
  ws.addRow([null, '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '%']);
  // [post, B, C, D, E, F, G, I]; H = D − G and J = I / (E − I) are computed below.
  const posts = [
    ['Primärvård', 500000, 1200, 501200, 330000, 4133, 498000, 12000],
    ['Specialiserad vård', 1200000, -800, 1199200, 790000, -9533, 1205000, 25000],
    // The mistake: 80 000 + 0 is 80 000, but D says 81 000.
    ['Tandvård', 80000, 0, 81000, 52000, -1333, 79500, 1500],
  ];
  const rows = posts.map(([post, b, c, d, e, f, g, i]) => [post, b, c, d, e, f, g, d - g, i, Math.round((i / (e - i)) * 1000) / 1000]);
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  rows.push(['Summa', sum(1), sum(2), sum(3), sum(4), sum(5), sum(6), sum(7), sum(8), Math.round((sum(8) / (sum(4) - sum(8))) * 1000) / 1000]);
  for (const r of rows) {
    const row = ws.addRow(r);
    for (let c = 2; c <= 9; c++) row.getCell(c).numFmt = TKR;
    row.getCell(10).numFmt = PCT;
    if (r[0] === 'Summa') {
      bold(row);
      row.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
    }
  }

  const vx = wb.addWorksheet('Budgetväxlingar');
  vx.columns = [{ width: 6 }, { width: 44 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 14 }];
  vx.addRow(['Budgetväxlingar tom 31 augusti 2025']);
  vx.mergeCells('A1:F1');
  vx.getCell('A1').font = { bold: true, size: 13 };
  vx.addRow(['Ange nämnd:', null, 'Hälso- och sjukvårdsnämnden']);
  bold(vx.addRow(['Rad', 'Rubrik', 'Fördelning budgetram Primärvård', 'Fördelning budgetram Specialiserad vård', 'Fördelning budgetram Tandvård', 'Totalt (tkr)']));
  const lines = [
    [1, 'Ingående ram 2025', 500000, 1200000, 80000],
    [2, 'IT-stöd flyttas till primärvården', 1200, -1200, 0],
    [3, 'Kansliresurs från regionstyrelsen', 0, 400, 0],
  ];
  const out = [null, 'Utgående budgetram per 31 augusti 2025', 0, 0, 0];
  for (const l of lines) for (let k = 2; k <= 4; k++) out[k] += l[k];
  for (const l of [...lines, out]) {
    const row = vx.addRow([...l, l[2] + l[3] + l[4]]);
    for (let c = 3; c <= 6; c++) row.getCell(c).numFmt = TKR;
    if (l === out) bold(row);
  }
  await wb.xlsx.writeFile(path.join(OUT, 'budgetuppfoljning_med_fel.xlsx'));
}

/** checks.md 5.3: an åtgärdslista where one Förändring is wrong. */
async function atgardslista() {
  const wb = workbook();
  const ws = wb.addWorksheet('Åtgärder');
  ws.columns = [{ width: 36 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 10 }];
  ws.addRow(['Åtgärder för ekonomi i balans 2025']);
  ws.getCell('A1').font = { bold: true, size: 13 };
  bold(ws.addRow(['Åtgärd/aktivitet', 'Ansvarig', 'Bedömd effekt 2025', 'Ack utfall aug 2025', 'Ack utfall aug 2024', 'Förändring jmft fg år', 'Status']));
  const rows = [
    ['Minskad inhyrd personal', 'Vårdchef', 4000, 2600, 1200, 1400, 'Pågår'],
    ['Översyn av lokaler', 'Fastighetschef', 1500, 900, 300, 600, 'Pågår'],
    // The mistake: 350 − 150 is 200, not 250.
    ['Minskade resekostnader', 'Ekonomichef', 500, 350, 150, 250, 'Klar'],
    ['Samordnad upphandling', 'Inköpschef', 2000, 700, 0, 700, 'Pågår'],
  ];
  const total = ['Totalt', null, 0, 0, 0, 0, null];
  for (const r of rows) for (let k = 2; k <= 5; k++) total[k] += r[k];
  for (const r of [...rows, total]) {
    const row = ws.addRow(r);
    for (let c = 3; c <= 6; c++) row.getCell(c).numFmt = TKR;
    if (r === total) bold(row);
  }
  await wb.xlsx.writeFile(path.join(OUT, 'atgardslista.xlsx'));
}

/** A generic table that reconciles, with SUM formulas whose cached results are stored. */
async function resultatrapport() {
  const wb = workbook();
  const ws = wb.addWorksheet('Resultaträkning');
  ws.columns = [{ width: 32 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 18 }];
  ws.addRow(['Resultatrapport januari–augusti 2025 (mnkr)']);
  ws.getCell('A1').font = { bold: true, size: 13 };
  bold(ws.addRow([null, 'Utfall jan-aug 2025', 'Utfall jan-aug 2024', 'Budget helår 2025', 'Prognos helår 2025', 'Avvikelse prognos mot budget']));
  const data = {
    3: ['Verksamhetens intäkter', 1250.4, 1198.2, 1890.0, 1905.3],
    4: ['Verksamhetens kostnader', -5480.7, -5210.9, -8150.0, -8205.6],
    5: ['Avskrivningar', -120.3, -115.8, -182.0, -180.5],
    7: ['Skatteintäkter', 4020.5, 3870.1, 6010.0, 6035.2],
    8: ['Generella statsbidrag och utjämning', 520.3, 480.6, 780.0, 792.4],
    9: ['Finansnetto', -12.4, -8.9, -20.0, -18.6],
  };
  const value = {}; // "B3" → number, to store cached results
  const cols = ['B', 'C', 'D', 'E'];
  for (let r = 3; r <= 10; r++) {
    const row = ws.getRow(r);
    if (data[r]) {
      row.getCell(1).value = data[r][0];
      cols.forEach((c, i) => {
        row.getCell(c).value = data[r][i + 1];
        value[`${c}${r}`] = data[r][i + 1];
      });
    } else {
      const [label, from, to] = r === 6 ? ['Verksamhetens nettokostnad', 3, 5] : ['Resultat', 6, 9];
      row.getCell(1).value = label;
      for (const c of cols) {
        let s = 0;
        for (let k = from; k <= to; k++) s += value[`${c}${k}`];
        value[`${c}${r}`] = round1(s);
        row.getCell(c).value = { formula: `SUM(${c}${from}:${c}${to})`, result: round1(s) };
      }
      bold(row);
    }
    row.getCell('F').value = { formula: `E${r}-D${r}`, result: round1(value[`E${r}`] - value[`D${r}`]) };
    for (const c of [...cols, 'F']) row.getCell(c).numFmt = MNKR;
  }
  await wb.xlsx.writeFile(path.join(OUT, 'resultatrapport_ok.xlsx'));
}

(async () => {
  await budgetuppfoljning();
  await atgardslista();
  await resultatrapport();
  console.log(`Exempel skrivna till ${OUT}`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
