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
