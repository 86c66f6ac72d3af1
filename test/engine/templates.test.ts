// The region's three workbooks (checks.md section 5), with seed 000's figures.
import { check, cellOf, ruleStatus, sheet } from './helpers';

const N0 = '#,##0';
const n = (v: number, numFmt = N0) => ({ value: v, numFmt });

function budgetfordelning(d6: number, summaD = 1778945) {
  return sheet('Budgetfördelning', [
    ['Uppföljning av nämndens beslutade fördelning av budgetramen 2024'],
    ['Ange nämnd:', null, 'Regionstyrelsen'],
    ['Kolumn: A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
    ['Budgetramens fördelningsgrund', 'Beslutad fördelning budgetram per 2024-01-01', 'Budgetväxlingar jan-aug', 'Fördelning budgetram per 2024-08-31', 'Utfall jan-aug', 'Budgetavvikelse (utf jf bud) jan-aug', 'Prognos', 'Prognosavvikelse (progn jf bud)', 'Nettokostnadsutveckling jan-aug -24 jf jan-aug -23', 'Nettokostnadsutveckling %'],
    [null, '(tusentals kronor)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '(tkr)', '%'],
    [null, n(1777590), null, n(d6), n(1109801), n(70508), n(1713053), n(65892), n(35041), n(3.3, '#,##0.0')],
    ['Reception & vaktmästeri LG2', null, n(855), null, null, '-', null, '-', null, null],
    ['Flytt av jämställdhetsstrateg', null, n(500), null, null, '-', null, '-', null, null],
    ['Summa', n(1777590), n(1355), n(summaD), n(1109801), n(70508), n(1713053), n(65892), n(35041), null],
  ]);
}

function vaxlingar(ingaende = 1781, utgaende = 1783) {
  return sheet('Budgetväxlingar', [
    ['Budgetväxlingar tom 31 augusti 2024'],
    ['Ange nämnd:', null, 'Regionstyrelsen'],
    ['Rad', 'Rubrik', 'Fördelning budgetram', null, null, 'Totalt (tkr)'],
    [n(1), 'Ingående ram 2024', n(ingaende), null, null, n(ingaende)],
    [n(2), 'Övriga fastighetskostnader LG2, reception & vaktmästeri', n(0.9, '#,##0.0'), null, null, n(0.9, '#,##0.0')],
    [n(3), 'Flytt av jämställdhetsstrategiresurs', n(0.5, '#,##0.0'), null, null, n(0.5, '#,##0.0')],
    [n(4), null, null, null, null, '-'],
    [null, 'Utgående budgetram per 31 augusti 2024', n(utgaende), n(0), n(0), n(utgaende)],
  ]);
}

describe('budgetfördelning (5.1)', () => {
  const r = check(budgetfordelning(1180309));
  it('is recognised from its title and columns', () => {
    expect(r.sheets[0].tables[0].kind).toBe('budgetfordelning');
  });
  it('the seed breaks D = B + C in its first row: error', () => {
    expect(ruleStatus(r, 'D6', 'row-relation')).toBe('error');
    expect(ruleStatus(r, 'H6', 'row-relation')).toBe('error');
  });
  it('its Summa row keeps D = B + C and H = D − G, but does not foot D', () => {
    expect(ruleStatus(r, 'D9', 'row-relation')).toBe('ok');
    expect(ruleStatus(r, 'H9', 'row-relation')).toBe('ok');
    expect(ruleStatus(r, 'D9', 'column-sum')).toBe('error');
    expect(ruleStatus(r, 'F9', 'column-sum')).toBe('ok');
  });
  it('J = I / (E − I) in percent: 3,3', () => {
    expect(ruleStatus(r, 'J6', 'ratio')).toBe('ok');
    expect(cellOf(r, 'J9')).toBeUndefined();
  });
  it('a correct first row reconciles', () => {
    const ok = check(budgetfordelning(1777590, 1778945));
    expect(ruleStatus(ok, 'D6', 'row-relation')).toBe('ok');
  });
});

describe('budgetväxlingar (5.2)', () => {
  it('Totalt per row and the roll-forward of the utgående ram', () => {
    const r = check(vaxlingar());
    expect(r.sheets[0].tables[0].kind).toBe('budgetvaxlingar');
    expect(ruleStatus(r, 'F4', 'row-relation')).toBe('ok');
    // 1 781 + 0,9 + 0,5 = 1 782,4 against 1 783: rounding (tol 2 in C, n = 3).
    expect(ruleStatus(r, 'C8', 'rollforward')).toBe('warning');
    expect(cellOf(r, 'C8')!.checks.find((c) => c.rule === 'rollforward')!.tolerance).toBeCloseTo(2, 9);
    expect(ruleStatus(r, 'D8', 'rollforward')).toBe('ok');
    expect(ruleStatus(r, 'C8', 'column-sum')).toBeUndefined();
    const bad = check(vaxlingar(1781, 1790));
    expect(ruleStatus(bad, 'C8', 'rollforward')).toBe('error');
  });

  it('ties to the budgetfördelning across units; a tkr label holding mnkr is read as mnkr', () => {
    const r = check(budgetfordelning(1180309), vaxlingar());
    // Ingående 1 781 mnkr against Summa B 1 777 590 tkr: error.
    expect(ruleStatus(r, 'F4', 'cross-table', 'Budgetväxlingar')).toBe('error');
    const k = cellOf(r, 'F4', 'Budgetväxlingar')!.checks.find((c) => c.rule === 'cross-table')!;
    expect(k.expected).toBeCloseTo(1777.59, 6);
    expect(k.inputs).toEqual(["'Budgetfördelning'!B9"]);
    expect(k.message).toMatch(/ser fel ut/);
    // 0,9 + 0,5 mnkr against 1 355 tkr: ok within the coarse unit.
    expect(ruleStatus(r, 'C9', 'cross-table', 'Budgetfördelning')).toBe('ok');
    // Utgående 1 783 against Summa D 1 778 945 tkr: error.
    expect(ruleStatus(r, 'F8', 'cross-table', 'Budgetväxlingar')).toBe('error');
  });

  it('a växlingar table that ties is ok', () => {
    const r = check(budgetfordelning(1777590, 1778945), vaxlingar(1778, 1779));
    expect(ruleStatus(r, 'F4', 'cross-table', 'Budgetväxlingar')).toBe('ok');
    expect(ruleStatus(r, 'F8', 'cross-table', 'Budgetväxlingar')).toBe('ok');
  });
});

describe('åtgärdslista (5.3)', () => {
  const rows = (forandring2: number) =>
    sheet('Åtgärder', [
      ['Åtgärder för ekonomi i balans'],
      ['Åtgärd/aktivitet', 'Bedömd effekt 2024', 'Ack utfall aug 2024', 'Ack utfall aug 2023', 'Förändring jmft fg år'],
      ['Minskad bemanning', 5000, 3200, 1000, 2200],
      ['Färre hyrläkare', 2000, 900, 1200, forandring2],
      ['Totalt', 7000, 4100, 2200, 1900],
    ]);
  it('Förändring = Ack utfall år − Ack utfall fg år, in every row, and Totalt foots', () => {
    const r = check(rows(-300));
    expect(r.sheets[0].tables[0].kind).toBe('atgardslista');
    expect(ruleStatus(r, 'E3', 'row-relation')).toBe('ok');
    expect(ruleStatus(r, 'E4', 'row-relation')).toBe('ok');
    expect(ruleStatus(r, 'B5', 'column-sum')).toBe('ok');
  });
  it('a wrong Förändring is an error even in a two-row list', () => {
    const r = check(rows(300));
    expect(ruleStatus(r, 'E4', 'row-relation')).toBe('error');
  });
});

describe('templates by column roles, in other wordings (checks.md 5)', () => {
  // Another region's budgetfördelning: no title, other headings, mnkr, columns reordered and
  // Avvikelse written as prognos − justerad budget.
  function otherRegion(justeradFirstRow: number) {
    return sheet('Ekonomi', [
      ['Verksamhet', 'Omdisponeringar', 'Budget 2025-01-01', 'Justerad budget', 'Utfall jan–aug', 'Helårsprognos', 'Avvikelse'],
      [null, '(mnkr)', '(mnkr)', '(mnkr)', '(mnkr)', '(mnkr)', '(mnkr)'],
      ['Hälso- och sjukvård', n(12.5, '#,##0.0'), n(8400.0, '#,##0.0'), n(justeradFirstRow, '#,##0.0'), n(5650.2, '#,##0.0'), n(8460.0, '#,##0.0'), n(47.5, '#,##0.0')],
      ['Tandvård', n(-2.0, '#,##0.0'), n(610.0, '#,##0.0'), n(608.0, '#,##0.0'), n(401.7, '#,##0.0'), n(600.0, '#,##0.0'), n(-8.0, '#,##0.0')],
      ['Regionstab', n(-10.5, '#,##0.0'), n(390.0, '#,##0.0'), n(379.5, '#,##0.0'), n(250.1, '#,##0.0'), n(380.0, '#,##0.0'), n(0.5, '#,##0.0')],
      ['Summa', n(0.0, '#,##0.0'), n(9400.0, '#,##0.0'), n(9400.0, '#,##0.0'), n(6302.0, '#,##0.0'), n(9440.0, '#,##0.0'), n(40.0, '#,##0.0')],
    ]);
  }

  it('is recognised as a budgetfördelning from its column roles', () => {
    const r = check(otherRegion(8412.5));
    expect(r.sheets[0].tables[0].kind).toBe('budgetfordelning');
    expect(ruleStatus(r, 'D3', 'row-relation')).toBe('ok');
    // The rows say Avvikelse = Helårsprognos − Justerad budget here.
    expect(ruleStatus(r, 'G3', 'row-relation')).toBe('ok');
    expect(cellOf(r, 'G3')!.checks.find((k) => k.rule === 'row-relation')!.basis).toMatch(/^mallen budgetfordelning/);
    // Messages name the columns by their headings, as the controller does, with the letters.
    expect(cellOf(r, 'D3')!.checks.find((k) => k.rule === 'row-relation')!.message).toBe('Radsamband: Budget 2025-01-01 (C) + Omdisponeringar (B). Stämmer.');
  });

  it('Justerad budget = Budget + Omdisponeringar is checked by the template, a wrong row is red', () => {
    const r = check(otherRegion(8421.5));
    expect(ruleStatus(r, 'D3', 'row-relation')).toBe('error');
  });

  it('a plain table with Budget and Utfall only is no template', () => {
    const r = check(
      sheet('S', [
        ['Post', 'Budget', 'Utfall'],
        ['a', n(100), n(90)],
        ['b', n(200), n(210)],
        ['Summa', n(300), n(300)],
      ]),
    );
    expect(r.sheets[0].tables[0].kind).toBe('generic');
  });
});
