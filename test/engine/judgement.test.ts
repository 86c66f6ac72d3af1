// The judgement of checks.md 4.9, one pattern per test, each from a small table of our own:
// a red cell must be earned by its row or column, a formula, a template or a named
// explanation; what cannot be judged goes to the sheet's notes, never to a colour.
import { cellOf, check, ruleStatus, sheet, statusOf } from './helpers';
import type { WorkbookResult } from '../../src/engine';

const f = (formula: string, value: number) => ({ value, formula });
const text = (value: string) => ({ value });
const reds = (res: WorkbookResult) => res.sheets.flatMap((s) => s.cells.filter((c) => c.status === 'error').map((c) => `${s.name}!${c.address}`));
const notes = (res: WorkbookResult) => res.sheets.flatMap((s) => s.notes);

describe('a reading that fits no column is a note, not a red row', () => {
  it('a labelled Summa that every column contradicts by far is left uncoloured and explained', () => {
    // An average row labelled as a total: no reading of the rows above gives it, in any column.
    const res = check(
      sheet('S', [
        ['Enhet', 'Kostnad', 'Intäkt', 'Netto'],
        ['Norr', 1200, 800, 400],
        ['Söder', 3400, 2900, 500],
        ['Väster', 1000, 700, 300],
        ['Summa', 1867, 1467, 400],
      ]),
    );
    for (const a of ['B5', 'C5', 'D5']) expect(ruleStatus(res, a, 'column-sum')).toBeUndefined();
    expect(reds(res)).toEqual([]);
    expect(notes(res).join(' ')).toMatch(/«Summa» \(rad 5\) stämmer inte med någon läsning av raderna ovanför/);
  });

  it('the same row with one column wrong and the rest reconciling is red in that column, with its basis', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'Kostnad', 'Intäkt', 'Netto'],
        ['Norr', 1200, 800, 400],
        ['Söder', 3400, 2900, 500],
        ['Väster', 1000, 700, 300],
        ['Summa', 5600, 4500, 1200],
      ]),
    );
    expect(ruleStatus(res, 'B5', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('error');
    expect(cellOf(res, 'C5')!.checks[0].basis).toBe('etiketten «Summa»; samma läsning stämmer i 2 av 3 kolumner');
  });
});

describe('decisions per row, not per cell', () => {
  it('SUM formulas that reconcile and agree across the row are not overruled by another reading', () => {
    // Every formula of the total row leaves out row 2 (a heading figure): the row agrees with itself.
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B', 'C'],
        ['Ram', 500, 600, 700],
        ['x', 10, 20, 30],
        ['y', 40, 50, 60],
        ['Summa', f('=SUM(B3:B4)', 50), f('=SUM(C3:C4)', 70), f('=SUM(D3:D4)', 90)],
      ]),
    );
    expect(reds(res)).toEqual([]);
    for (const a of ['B5', 'C5', 'D5']) expect(statusOf(res, a)).toBe('ok');
  });

  it('the one SUM whose range differs from the rest of its row is the finding (a row left out)', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B', 'C'],
        ['x', 10, 20, 30],
        ['y', 40, 50, 60],
        ['z', 70, 80, 90],
        ['Summa', f('=SUM(B2:B4)', 120), f('=SUM(C3:C4)', 130), f('=SUM(D2:D4)', 180)],
      ]),
    );
    expect(ruleStatus(res, 'C5', 'formula-range')).toBe('error');
    expect(ruleStatus(res, 'B5', 'formula-range')).toBeUndefined();
  });
});

describe('row totals and formula rows', () => {
  it('a row total (=SUM(B3:E3)) is no total over the rows below it', () => {
    const res = check(
      sheet('S', [
        ['Post', 'Q1', 'Q2', 'Q3', 'Q4', 'Helår'],
        ['Lön', 10, 20, 30, 40, f('=SUM(B2:E2)', 100)],
        ['Hyra', 5, 5, 5, 5, f('=SUM(B3:E3)', 20)],
        ['Övrigt', 5, 15, 25, 35, f('=SUM(B4:E4)', 80)],
      ]),
    );
    // Lön equals Hyra + Övrigt column by column (10 = 5+5, 20 = 5+15, …): a coincidence its own formula denies.
    expect(ruleStatus(res, 'F2', 'subtotal-sum')).toBeUndefined();
    expect(ruleStatus(res, 'F2', 'column-sum')).toBeUndefined();
    expect(statusOf(res, 'F2')).toBe('ok');
    expect(reds(res)).toEqual([]);
  });
});

describe('coincidences are not evidence', () => {
  it('a relation seen only in rows of blanks is not judged on those rows', () => {
    const res = check(
      sheet('S', [
        ['Post', 'Kvinnor', 'Män', 'Totalt'],
        ['a', 100, 50, 150],
        ['b', 200, 60, 260],
        ['c', 300, 70, 370],
        ['d', null, null, 999],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'row-relation')).toBe('ok');
    expect(cellOf(res, 'D5')).toBeUndefined();
  });

  it('a percentage column is not footed, and a percentage total over plain fractions is compared in percent', () => {
    const pct = (value: number) => ({ value, numFmt: '0%' });
    const res = check(
      sheet('S', [
        ['Post', 'Belopp', 'Andel'],
        ['a', 460, pct(0.46)],
        ['b', 540, pct(0.54)],
        ['Summa', 1000, pct(1)],
      ]),
    );
    expect(ruleStatus(res, 'B4', 'column-sum')).toBe('ok');
    expect(reds(res)).toEqual([]);
    const res2 = check(
      sheet('S', [
        ['Post', 'Belopp', 'Del'],
        ['a', 460, 0.46],
        ['b', 540, 0.54],
        ['Summa', 1000, pct(1)],
      ]),
    );
    expect(reds(res2)).toEqual([]);
  });

  it('a column of one repeated figure (a unit column) is not footed', () => {
    const res = check(
      sheet('S', [
        ['Post', 'Enhet', 'Antal'],
        ['Totalt', 1000, 600],
        ['a', 1000, 100],
        ['b', 1000, 200],
        ['c', 1000, 300],
      ]),
    );
    expect(cellOf(res, 'B2')).toBeUndefined();
    expect(reds(res)).toEqual([]);
  });
});

describe('layouts', () => {
  it('a Totalt column that is the first numeric column is the derived one', () => {
    const res = check(
      sheet('S', [
        ['Region', 'Totalt', 'Kvinnor', 'Män'],
        ['Norr', 300, 100, 200],
        ['Söder', 410, 200, 210],
        ['Väster', 190, 90, 100],
        ['Öster', 500, 240, 260],
      ]),
    );
    expect(ruleStatus(res, 'B2', 'row-relation')).toBe('ok');
    expect(cellOf(res, 'D2')).toBeUndefined();
  });

  it('a total standing above its parts, with groups below it, is read to any depth', () => {
    const res = check(
      sheet('S', [
        ['Bransch', '2023', '2024', '2025'],
        ['Totalt', 1000, 1100, 1210],
        ['Privat', 700, 760, 840],
        ['  Industri', 300, 320, 350],
        ['  Handel', 400, 440, 490],
        ['Offentlig', 300, 340, 370],
      ]),
    );
    for (const a of ['B2', 'C2', 'D2', 'B3', 'C3', 'D3']) expect(statusOf(res, a)).toBe('ok');
    expect(reds(res)).toEqual([]);
  });

  it('totals of totals without a keyword: Årets resultat = nettokostnad + skatteintäkter + finansnetto', () => {
    const res = check(
      sheet('S', [
        ['Mnkr', 'Utfall', 'Budget'],
        ['Intäkter', 400, 380],
        ['Kostnader', -900, -880],
        ['Verksamhetens nettokostnad', -500, -500],
        ['Skatteintäkter', 450, 460],
        ['Generella statsbidrag', 80, 75],
        ['Finansnetto', -10, -12],
        ['Årets resultat', 20, 23],
      ]),
    );
    expect(statusOf(res, 'B4')).toBe('ok');
    expect(statusOf(res, 'B8')).toBe('ok');
    expect(statusOf(res, 'C8')).toBe('ok');
  });
});

describe('formulas over count rows', () => {
  it('a money Summa whose SUM runs over an Antal row is an error even though its cached value fits its range', () => {
    const res = check(
      sheet('S', [
        ['Åtgärd', 'Effekt 2025', 'Utfall 2025'],
        ['Bemanning', 1200, 800],
        ['Inköp', 600, 500],
        ['Antal åtgärder', 2, 2],
        ['Summa', f('=SUM(B2:B4)', 1802), f('=SUM(C2:C4)', 1302)],
      ]),
    );
    expect(ruleStatus(res, 'B5', 'formula-range')).toBe('error');
    expect(statusOf(res, 'B5')).toBe('error');
  });
});

describe('inputs keep their own findings', () => {
  it('a derived cell typed as text keeps its text-number warning beside its ok sum', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B', 'C'],
        ['x', 10, 20, 30],
        ['y', 40, 50, 60],
        ['Summa', text('50'), 70, 90],
      ]),
    );
    const b4 = cellOf(res, 'B4')!;
    expect(b4.checks.map((k) => `${k.rule}:${k.status}`).sort()).toEqual(['column-sum:ok', 'text-number:warning']);
    expect(b4.status).toBe('warning');
  });
});

describe('plain tables', () => {
  it('a plain list with year headers and no totals reports nothing', () => {
    const res = check(
      sheet('S', [
        ['Verksamhet', text('2023'), text('2024'), text('2025')],
        ['Skola', 512, 530, 541],
        ['Vård', 1210, 1250, 1302],
        ['Omsorg', 801, 813, 850],
        ['Kultur', 77, 80, 79],
      ]),
    );
    expect(res.sheets[0].cells).toEqual([]);
  });
});

describe('more coincidences and layouts', () => {
  it('columns of 0/1 flags and small counts confirm no relation and no total', () => {
    const res = check(
      sheet('S', [
        ['Åtgärd', 'Klar', 'Påbörjad', 'Ej påbörjad', 'Effekt (tkr)'],
        ['Bemanning', 1, 0, 0, 1200],
        ['Inköp', 0, 1, 0, 650],
        ['Lokaler', 0, 0, 1, 800],
        ['Resor', 1, 0, 0, 120],
        ['IT', 0, 1, 0, 310],
      ]),
    );
    // Klar + Påbörjad + Ej påbörjad = 1 in every row, but that is flags, not a sum of amounts.
    expect(res.sheets[0].cells.filter((c) => c.col >= 1 && c.col <= 3)).toEqual([]);
    expect(reds(res)).toEqual([]);
  });

  it('a data row whose cells are small formulas of other cells is no total row', () => {
    const res = check(
      sheet('S', [
        ['Post', 'Budget', 'Utfall', 'Prognos'],
        ['Lön', 500, 480, 495],
        ['Hyra', 120, 120, 120],
        ['Lön inkl. PO', f('=B2*1.3', 650), f('=C2*1.3', 624), f('=D2*1.3', 643.5)],
        ['Övrigt', 80, 95, 90],
        ['Summa', 1350, 1319, 1348.5],
      ]),
    );
    expect(cellOf(res, 'B4')).toBeUndefined();
    expect(reds(res)).toEqual([]);
  });

  it('group rows whose parts continue after a header repeated from a page break', () => {
    const res = check(
      sheet('S', [
        ['Investering', 'Budget', 'Utfall'],
        ['Regionstab', 900, 850],
        ['  IT-system', 400, 380],
        ['  Inventarier', 300, 290],
        ['Investering', 'Budget', 'Utfall'],
        ['  Fordon', 200, 180],
        ['Fastighet', 1500, 1420],
        ['  Ombyggnad', 1000, 950],
        ['  Energi', 500, 470],
        ['Summa', 2400, 2270],
      ]),
    );
    expect(statusOf(res, 'B2')).toBe('ok');
    expect(statusOf(res, 'C2')).toBe('ok');
    expect(statusOf(res, 'B10')).toBe('ok');
    expect(statusOf(res, 'C10')).toBe('ok');
    expect(reds(res)).toEqual([]);
  });
});

describe('what published tables show (session 4)', () => {
  it('a part that is suppressed ("(S)") leaves its column of the total unjudged, with a note', () => {
    // Column C misses the suppressed part: 300 + 200 ≠ 900, but the missing figure is unknown, not zero.
    const res = check(
      sheet('S', [
        ['Slag', 'Värde', 'Vikt', 'Antal'],
        ['Alla', 1000, 900, 120],
        ['Väg', 600, 300, 70],
        ['Järnväg', 300, text('(S)'), 30],
        ['Vatten', 100, 200, 20],
      ]),
    );
    // Read as a total above its parts: Alla = the rows under it.
    expect(ruleStatus(res, 'B2', 'subtotal-sum')).toBe('ok');
    expect(ruleStatus(res, 'D2', 'subtotal-sum')).toBe('ok');
    expect(statusOf(res, 'C2')).toBeUndefined();
    expect(notes(res).join(' ')).toMatch(/«Alla» \(rad 2\) har inte kontrollerats i kolumn C: någon av delarna saknar värde/);
  });

  it('a labelled total with two columns: one that reconciles exactly corroborates the other failing', () => {
    // Unit cost and budget of three posts: 0,48 + 0,84 + 37,5 = 38,82 but B5 shows 39,78;
    // C5 = 4,32 + 7,56 + 337,5 = 349,38 exactly.
    const res = check(
      sheet('S', [
        ['Post', 'Enhetskostnad', 'Budget'],
        ['Fastighet', 0.48, 4.32],
        ['Säkerhet', 0.84, 7.56],
        ['Hyra', 37.5, 337.5],
        ['Summa', 39.78, 349.38],
      ]),
    );
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'B5', 'column-sum')).toBe('error');
  });

  it('… but not when the other column only agrees within rounding', () => {
    const rounding = check(
      sheet('S', [
        ['Post', 'Enhetskostnad', 'Budget'],
        ['Fastighet', 0.48, 4.3],
        ['Säkerhet', 0.84, 7.6],
        ['Hyra', 37.5, 337.5],
        ['Summa', 39.78, 349.5],
      ]),
    );
    expect(reds(rounding)).toEqual([]);
  });

  it('a plain "N/A" part is nothing, not a withheld figure: the total is judged and a wrong one is red', () => {
    // 600 + 0 + 100 = 700 in C; C2 typed 720.
    const res = check(
      sheet('S', [
        ['Slag', 'Värde', 'Vikt', 'Antal'],
        ['Väg', 600, 600, 70],
        ['Järnväg', 300, text('N/A'), 30],
        ['Vatten', 100, 100, 20],
        ['Summa', 1000, 720, 120],
      ]),
    );
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('error');
  });

  it('a column captioned as a code in a header block set apart by blank rows is not footed', () => {
    // The codes of the parts (6241, 6242) do not add up to the group's code (624): no amount.
    const res = check(
      sheet('S', [
        ['Bransch', 'NAICS code', 'Företag', 'Omsättning'],
        [],
        [],
        [],
        [],
        ['Socialt stöd, totalt', 624, 6000, 9100],
        ['Familjestöd', 6241, 1000, 2100],
        ['Dagvård', 6242, 5000, 7000],
      ]),
    );
    expect(statusOf(res, 'B6')).toBeUndefined();
    expect(reds(res)).toEqual([]);
    expect(statusOf(res, 'C6')).toBe('ok');
  });

  // Rows 2–5 are parts rounded on their own; their totals (row 6) differ by rounding in two columns.
  const rounded = (totalD: number) =>
    sheet('S', [
      ['Land', 'År 1', 'År 2', 'År 3'],
      ['A', 40134, 41002, 40210],
      ['B', 50210, 50990, 51032],
      ['C', 60330, 61104, 60998],
      ['D', 70441, 70212, 70533],
      ['Totalt', 221117, 223310, totalD],
    ]);
  it('a difference a little over the rounding, in a table that shows rounding differences, is a warning that says so', () => {
    // B6: 221 115 shown as 221 117 (diff 2 ≤ 2.5, rounding). C6: 223 308 as 223 310 (rounding).
    // D6: 222 773 shown as 222 777: diff 4 > 2.5 but ≤ 2 · 2.5 → rounding gone a step further.
    const res = check(rounded(222777));
    expect(ruleStatus(res, 'B6', 'column-sum')).toBe('warning');
    expect(ruleStatus(res, 'D6', 'column-sum')).toBe('warning');
    const d = cellOf(res, 'D6')!.checks[0];
    expect(d.message).toMatch(/knappt mer än avrundning 2,5, i en tabell med fler avrundningsdifferenser\)\. Troligen avrundning; granska\./);
    expect(d.basis).toMatch(/skillnaden är högst 2 gånger avrundningen och tabellen har 2 avrundningsdifferenser$/);
  });

  it('the same difference is red where the table reconciles exactly, and a larger one is red anyway', () => {
    const exact = check(
      sheet('S', [
        ['Land', 'År 1', 'År 2', 'År 3'],
        ['A', 40134, 41002, 40210],
        ['B', 50210, 50990, 51032],
        ['C', 60330, 61104, 60998],
        ['D', 70441, 70212, 70533],
        ['Totalt', 221115, 223308, 222777],
      ]),
    );
    expect(ruleStatus(exact, 'D6', 'column-sum')).toBe('error');
    // Two steps over the rounding (diff 6 > 2 · 2.5) is no rounding, noise or not.
    expect(ruleStatus(check(rounded(222779)), 'D6', 'column-sum')).toBe('error');
  });

  // Anläggningar = Utrustning + Byggnader (IT-utrustning details Utrustning);
  // Alla = Anläggningar + Bostäder (Småhus details Bostäder). Checked by hand in every column.
  const assets = (allaD: number) =>
    sheet('S', [
      ['Tillgång', 'År 1', 'År 2', 'År 3'],
      ['Alla tillgångar', 600, 660, allaD],
      ['Anläggningar', 400, 440, 480],
      ['Utrustning', 150, 170, 190],
      ['IT-utrustning', 40, 45, 52],
      ['Byggnader', 250, 270, 290],
      ['Bostäder', 200, 220, 240],
      ['Småhus', 120, 130, 150],
    ]);

  it('a hierarchy whose items carry an unlabelled detail row ("of which") is read with the details left out', () => {
    const res = check(assets(720));
    for (const a of ['B3', 'C3', 'D3', 'B2', 'C2', 'D2']) expect(ruleStatus(res, a, 'subtotal-sum')).toBe('ok');
    expect(cellOf(res, 'B3')!.checks[0].inputs).toEqual(['B4', 'B6']);
    expect(cellOf(res, 'B2')!.checks[0].inputs).toEqual(['B3', 'B7']);
    expect(reds(res)).toEqual([]);
  });

  it('a reading that leaves a detail out must hold in every column: a misfit there is no finding', () => {
    // As above with Alla wrong in one column: the bolder reading is not taken, and nothing is red.
    const res = check(assets(790));
    expect(reds(res)).toEqual([]);
    expect(ruleStatus(res, 'B3', 'subtotal-sum')).toBe('ok');
  });

  it('a Totalt over categories that take two columns each (antal, värde) is every second column', () => {
    // Totalt antal (B) = D + F + H and Totalt värde (C) = E + G + I, checked by hand per row;
    // row 6 has its Totalt antal typed as 412 where the categories give 421 (swapped digits).
    const rows: (string | number)[][] = [['År', 'Totalt antal', 'Totalt värde', 'Norr antal', 'Norr värde', 'Mitt antal', 'Mitt värde', 'Syd antal', 'Syd värde']];
    const data = [
      [120, 3400, 80, 1500, 150, 2100],
      [130, 3550, 85, 1580, 160, 2240],
      [110, 3300, 70, 1420, 140, 1990],
      [140, 3710, 95, 1650, 175, 2380],
      [150, 3905, 90, 1700, 181, 2460],
      [125, 3600, 88, 1610, 166, 2300],
    ];
    data.forEach((d, i) => rows.push([`Period ${i + 1}`, d[0] + d[2] + d[4], d[1] + d[3] + d[5], ...d]));
    rows[5][1] = 412; // Period 5: 150 + 90 + 181 = 421
    const res = check(sheet('S', rows));
    expect(ruleStatus(res, 'B2', 'row-relation')).toBe('ok');
    expect(ruleStatus(res, 'C2', 'row-relation')).toBe('ok');
    expect(cellOf(res, 'B2')!.checks[0].inputs).toEqual(['D2', 'F2', 'H2']);
    expect(ruleStatus(res, 'B6', 'row-relation')).toBe('error');
    expect(cellOf(res, 'B6')!.checks[0].basis).toMatch(/stämmer i 5 av 6 rader$/);
  });

  it('a Förändring column takes no row ratio in its share rows, even when one wrong figure hides its relation', () => {
    const pct = (value: number) => ({ value, numFmt: '0.0%' });
    // Hours and their shares (%), 2024 and 2023 with Förändring; percentages checked by hand
    // (50 / 1 800 = 2,8 %; 124 / 1 920 = 6,5 %). D3 is typed 60 where B3 + C3 give 50: the
    // Sjukfrånvaro totalt row (D5 = D3 + D4) catches it.
    const res = check(
      sheet('S', [
        ['Kategori', '2024 kvinnor', '2024 män', '2024 totalt', '2023 kvinnor', '2023 män', '2023 totalt', 'Förändring kvinnor', 'Förändring män', 'Förändring totalt'],
        ['Schemalagda timmar', 1000, 800, 1800, 1100, 820, 1920, -100, -20, -120],
        ['Korttidsfrånvaro', 30, 20, 60, 33, 22, 55, -3, -2, -5],
        ['Långtidsfrånvaro', 40, 24, 64, 44, 25, 69, -4, -1, -5],
        ['Sjukfrånvaro totalt', 70, 44, 114, 77, 47, 124, -7, -3, -10],
        ['Korttidsfrånvaro %', ...[0.03, 0.025, 0.028, 0.03, 0.027, 0.029, 0.0, -0.002, -0.001].map(pct)],
        ['Långtidsfrånvaro %', ...[0.04, 0.03, 0.036, 0.04, 0.03, 0.036, 0.0, 0.0, 0.0].map(pct)],
        ['Sjukfrånvaro totalt %', ...[0.07, 0.055, 0.063, 0.07, 0.057, 0.065, 0.0, -0.002, -0.002].map(pct)],
      ]),
    );
    expect(ruleStatus(res, 'D5', 'column-sum')).toBe('error');
    for (const a of ['J6', 'J7', 'J8']) expect(res.sheets[0].cells.find((c) => c.address === a)?.checks.some((k) => k.rule === 'ratio') ?? false).toBe(false);
    expect(reds(res).filter((a) => /!J\d/.test(a))).toEqual([]);
  });

  it('an unlabelled total row with one wrong figure is still read as the total, when five other columns are exact', () => {
    // Row 6 sums rows 2–5 in every column (checked by hand).
    const rows: (string | number)[][] = [
      ['Anläggning', 'Kapacitet', 'Jan', 'Feb', 'Mar', 'Apr', 'Maj'],
      ['Norra', 5500, 2011, 2061, 2641, 2999, 2730],
      ['Södra', 8000, 4897, 5041, 6028, 6538, 6091],
      ['Östra', 1000, 1131, 1222, 1294, 1302, 1221],
      ['Västra', 3425, 2170, 2386, 2913, 3323, 3294],
      ['', 17925, 10209, 10710, 12876, 14162, 13336],
    ];
    expect(reds(check(sheet('S', rows)))).toEqual([]);
    rows[5][4] = 12885; // E6: 2 641 + 6 028 + 1 294 + 2 913 = 12 876, typed with one digit wrong
    const res = check(sheet('S', rows));
    expect(ruleStatus(res, 'E6', 'column-sum')).toBe('error');
    for (const a of ['B6', 'C6', 'D6', 'F6', 'G6']) expect(ruleStatus(res, a, 'column-sum')).toBe('ok');
  });

  it('… but a row that repeats the row above beside zeros is no total, whatever one column says', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'A', 'B', 'C', 'D', 'E', 'F'],
        ['Rio 6', 0, 0, 0, 0, 0, 48],
        ['Rio 7', 0, 0, 0, 0, 0, 130],
        ['PV 1', 201, 201, 201, 201, 201, 198],
        ['PV 2', 201, 201, 201, 201, 201, 198],
      ]),
    );
    expect(reds(res)).toEqual([]);
  });

  it('a row that breaks two relations sharing no cell is set aside with a note; one broken relation stays red', () => {
    const rows: (string | number)[][] = [['År', 'Summa A', 'Summa B', 'A1', 'A2', 'B1', 'B2']];
    for (let i = 0; i < 8; i++) rows.push([`Kvartal ${i + 1}`, 300 + 10 * i + 500 + i, 90 + 2 * i + 40 + 3 * i, 300 + 10 * i, 500 + i, 90 + 2 * i, 40 + 3 * i]);
    // Kvartal 9: the series was redefined; neither sum holds, and no single figure can explain both.
    rows.push(['Kvartal 9', 1000, 200, 380, 508, 106, 64]);
    const res = check(sheet('S', rows));
    expect(statusOf(res, 'B10')).toBeUndefined();
    expect(statusOf(res, 'C10')).toBeUndefined();
    expect(notes(res).join(' ')).toMatch(/Rad 10 \(«Kvartal 9»\) stämmer inte med sambanden i kolumnerna B, C/);
    // Only the A sum broken in that row: one wrong figure explains it, and it is red.
    rows[9] = ['Kvartal 9', 1000, 170, 380, 508, 106, 64];
    const one = check(sheet('S', rows));
    expect(ruleStatus(one, 'B10', 'row-relation')).toBe('error');
    expect(ruleStatus(one, 'C10', 'row-relation')).toBe('ok');
  });
});

describe('one figure is no sum (session 5)', () => {
  it('a log of readings, each row nearly the one before, has no groups', () => {
    // Readings every second; the last column runs on for seven rows after the others end.
    // Each reading equals the next in most columns, and the next plus a row of the long
    // column's tail (blank elsewhere) "sums" to it: a figure repeated, no sum. Before, rows
    // were read as groups of the rows under them and the distance that moved on turned red.
    const rows: (string | number | null)[][] = [['Tid', 'Höjd', 'Sträcka', 'Energi', 'Puls', 'Tryck', 'Fart', 'Temp', 'Vertikal', null, 'Intervall']];
    const steps = [8, 9, 8, 10];
    let d = 5210;
    for (let i = 0; i < 21; i++) {
      if (i > 0 && i % 3 === 1) d += steps[Math.floor(i / 3) % 4];
      const pulse = [0, 4, 5, 6, 16, 17, 18, 19].includes(i) ? 142 : 141;
      rows.push([`08:15:${10 + i}`, i < 17 ? 310 : 309, d, i === 0 ? 5.7 : 5.9, pulse, 1009, i < 6 ? 3.1 : 3.2, i < 6 ? 12.4 : 12.5, 0, null, 400 + ((i * 3) % 8)]);
    }
    for (let i = 0; i < 7; i++) rows.push([null, null, null, null, null, null, null, null, null, null, 395 + (i % 4)]);
    const res = check(sheet('S', rows));
    expect(reds(res)).toEqual([]);
    expect(res.sheets[0].cells.filter((c) => c.checks.some((k) => k.rule === 'subtotal-sum'))).toEqual([]);
  });

  it('a group whose second part is withheld ("(NA)") in early columns is still a group', () => {
    const rows: (string | number)[][] = [['Post', '2019', '2020', '2021', '2022', '2023', '2024']];
    rows.push(['Transport', 69, 62, 72, 95, 110, 130]);
    rows.push(['Etanol', 69, 62, 72, 81, 90, 104]);
    rows.push(['Biodiesel', '(NA)', '(NA)', '(NA)', 14, 20, 26]);
    rows.push(['El', 3372, 3689, 3710, 3360, 3662, 3420]);
    const res = check(sheet('S', rows));
    expect(ruleStatus(res, 'E2', 'subtotal-sum')).toBe('ok');
    expect(ruleStatus(res, 'G2', 'subtotal-sum')).toBe('ok');
  });

  it("a cell's own formula adding a percentage to a plain figure is no total", () => {
    // =A1+B1 over 1 and 2 shown as 200 %: Excel adds the stored values (3); points would give 201.
    const res = check({ name: 'S', rows: [[{ value: 1 }, { value: 2, numFmt: '0%' }, { value: 3, formula: '=A1+B1' }]], merges: [] });
    expect(cellOf(res, 'C1')).toBeUndefined();
  });
});

describe('a figure typed coarser than it shows (session 5)', () => {
  const cell = (value: number, numFmt: string) => ({ value, numFmt });
  it('a whole total shown with a decimal over parts with three decimals is a rounding difference, not red', () => {
    // 2 410,512 + 1 903,117 + 2 467,635 = 6 781,264; the total was typed as 6 781 and is shown as 6 781,0.
    const rows = [
      [{ value: 'Bransch' }, { value: '2005' }, { value: '2006' }],
      [{ value: 'Bygg' }, cell(2410.512, '#,##0.000'), cell(2500.1, '#,##0.000')],
      [{ value: 'Anläggning' }, cell(1903.117, '#,##0.000'), cell(1950.2, '#,##0.000')],
      [{ value: 'Specialister' }, cell(2467.635, '#,##0.000'), cell(2600.3, '#,##0.000')],
      [{ value: 'Summa' }, cell(6781, '#,##0.0'), cell(7050.6, '#,##0.0')],
    ];
    const res = check({ name: 'S', rows, merges: [] });
    const k = cellOf(res, 'B5')!.checks.find((x) => x.rule === 'column-sum')!;
    expect(k.status).toBe('warning');
    expect(k.detail).toBe('rounding');
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('ok');
  });

  it('such a total is still not ok: it is judged ok in the decimals it shows', () => {
    const rows = [
      [{ value: 'Post' }, { value: 'Utfall' }, { value: 'Budget' }],
      [{ value: 'Intäkter' }, cell(1200.4, '#,##0.0'), cell(1300.1, '#,##0.0')],
      [{ value: 'Kostnader' }, cell(-3565.5, '#,##0.0'), cell(-3600.2, '#,##0.0')],
      [{ value: 'Summa' }, cell(-2365, '#,##0.0'), cell(-2300.1, '#,##0.0')], // −2 365,1 by the parts
    ];
    expect(ruleStatus(check({ name: 'S', rows, merges: [] }), 'B4', 'column-sum')).toBe('warning');
  });
});

describe('a Summa above its parts (session 5)', () => {
  it('takes in a last part of small figures when that makes it exact', () => {
    // 6,1 + 41,2 + 159,7 = 207,0 is within rounding of 207,2; with 0,2 it is exact.
    const rows: (string | number)[][] = [
      ['Investeringar', 'Utfall', 'Prognos', 'Budget', 'Fg år'],
      ['Summa', 207.2, 450.4, 1102.2, 352.6],
      ['Övrig utrustning', 6.1, 46.9, 52.5, 14.4],
      ['IT-utrustning', 41.2, 103.5, 141.5, 52.8],
      ['Byggnader', 159.7, 300, 908.2, 285.4],
      ['Immateriella', 0.2, 0, 0, 0],
    ];
    const res = check(sheet('S', rows, '0.0'));
    expect(ruleStatus(res, 'B2', 'column-sum')).toBe('ok');
    expect(cellOf(res, 'B2')!.checks[0].inputs).toEqual(['B3:B6']);
  });
});
