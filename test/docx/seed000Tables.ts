// Seed 000 (Region Värmland, Regionstyrelsen, delårsrapport 2024), sections 7.7 and
// 7.8, as Word tables. Copied by hand from ../shared/seeds/000_eff41fea742b7267.txt
// (lines ~591–611) and laid out like the fixture 000_budgetfordelning_budgetvaxlingar.xlsx
// (title row merged across the table, the repeated title inside the växlingar table),
// so Word cell (row, column) is the fixture's cell with the same A1 address.
import type { TableSpec } from './buildDocx';

const E = '';
const BF_TITLE = 'Uppföljning av nämndens beslutade fördelning av budgetramen 2024';
const BV_TITLE = 'Budgetväxlingar tom 31 augusti 2024';
const NKU = 'Nettokostnadsutveckling jan-aug -24 jf jan-aug -23';

export const BUDGETFORDELNING: TableSpec = {
  heading: '7.7 Återrapportering till nämnd på beslutad intern budgetfördelning',
  rows: [
    [{ text: BF_TITLE, span: 10 }],
    ['Ange nämnd:', E, 'Regionstyrelsen', E, E, E, E, E, E, E],
    ['Kolumn: A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
    [
      'Budgetramens fördelningsgrund',
      'Beslutad fördelning budgetram per 2024-01-01',
      'Budgetväxlingar jan-aug',
      'Fördelning budgetram per 2024-08-31',
      'Utfall jan-aug',
      'Budgetavvikelse (utf jf bud) jan-aug',
      'Prognos',
      'Prognosavvikelse (progn jf bud)',
      { text: NKU, span: 2 },
    ],
    [E, '(tusentals kronor)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '%'],
    [E, '1 777 590', E, '1 180 309', '1 109 801', '70 508', '1 713 053', '65 892', '35 041', '3,3'],
    ['Reception & vaktmästeri LG2', E, '855', E, E, '-', E, '-', E, E],
    ['Flytt av jämställdhetsstrateg', E, '500', E, E, '-', E, '-', E, E],
    ['Summa', '1 777 590', '1 355', '1 778 945', '1 109 801', '70 508', '1 713 053', '65 892', '35 041', E],
  ],
};

export const BUDGETVAXLINGAR: TableSpec = {
  heading: '7.8 Budgetväxlingar',
  rows: [
    [{ text: BV_TITLE, span: 6 }],
    ['Ange nämnd:', E, 'Regionstyrelsen', E, E, E],
    ['Rad', 'Rubrik', 'Fördelning budgetram', E, E, 'Totalt (tkr)'],
    ['1', 'Ingående ram 2024', '1 781', E, E, '1 781'],
    ['2', 'Övriga fastighetskostnader LG2, reception & vaktmästeri', '0,9', E, E, '0,9'],
    [{ text: BV_TITLE, span: 6 }],
    ['3', 'Flytt av jämställdhetsstrategiresurs', '0,5', E, E, '0,5'],
    ['4', E, E, E, E, '-'],
    ['7', E, E, E, E, '-'],
    ['8', E, E, E, E, '-'],
    [E, 'Utgående budgetram per 31 augusti 2024', '1 783', '0', '0', '1 783'],
  ],
};

/** Fixture sheet → the Word table that holds the same cells at the same addresses. */
export const SHEET_FOR_FIXTURE: Record<string, string> = {
  Budgetfördelning: 'Tabell 1',
  Budgetväxlingar: 'Tabell 2',
};
