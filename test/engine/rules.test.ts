// Every rule of checks.md sections 3–4, with the seeds' own figures where they have them.
import { check, ruleStatus, sheet, statusOf, cellOf } from './helpers';

const F1 = '#,##0.0';

describe('tolerance (checks.md 3)', () => {
  // Seed 003, 6.4 (typed, one decimal).
  const arsarbetare = sheet(
    'Årsarbetare',
    [
      ['Yrkesgrupp', 'Tillsvidare', 'Viss-tid', 'Totalt'],
      ['Kock', 59.1, 17.3, 76.5],
      ['Chef', 77.2, 0, 77.2],
      ['Biträdespersonal', 0.7, -17.8, -17.2],
      ['Handläggare', 191.7, 0, 191.7],
      ['Summa', 328.7, -0.5, 328.2],
    ],
    F1,
  );
  const r = check(arsarbetare);

  it('Kock 59,1 + 17,3 = 76,4 against Totalt 76,5 is a rounding warning', () => {
    expect(ruleStatus(r, 'D2', 'row-relation')).toBe('warning');
    const k = cellOf(r, 'D2')!.checks.find((c) => c.rule === 'row-relation')!;
    expect(k.expected).toBeCloseTo(76.4, 9);
    expect(k.actual).toBe(76.5);
    expect(k.tolerance).toBeCloseTo(0.15, 9);
    expect(k.detail).toBe('rounding');
  });
  it('Biträdespersonal 0,7 + −17,8 = −17,1 against −17,2 is a warning', () => {
    expect(ruleStatus(r, 'D4', 'row-relation')).toBe('warning');
  });
  it('Chef 77,2 + 0,0 = 77,2 is ok', () => {
    expect(ruleStatus(r, 'D3', 'row-relation')).toBe('ok');
  });

  it('a relation on a total row gets the rounding of all the rows it closes', () => {
    // Seed 003, 6.4 Summa 2023: 955,5 + 208,8 = 1 164,3 against 1 164,5.
    const rows: (string | number)[][] = [['Yrkesgrupp', 'Tillsvidare', 'Viss-tid', 'Totalt']];
    const data = [
      [125.0, 19.1, 144.1],
      [76.0, 43.3, 119.4],
      [80.2, 0.0, 80.2],
      [193.0, 1.0, 194.0],
      [172.5, 10.4, 182.9],
      [59.1, 17.3, 76.5],
      [186.2, 88.4, 274.6],
      [17.3, 14.3, 31.6],
      [46.2, 15.0, 61.2],
    ];
    data.forEach((d, i) => rows.push([`Grupp ${i + 1}`, ...d]));
    rows.push(['Summa', 955.5, 208.8, 1164.5]);
    const res = check(sheet('S', rows, F1));
    expect(ruleStatus(res, 'D11', 'row-relation')).toBe('warning');
    expect(ruleStatus(res, 'D11', 'column-sum')).toBe('ok');
    expect(cellOf(res, 'D11')!.checks.find((c) => c.rule === 'row-relation')!.tolerance).toBeCloseTo(1.35, 9);
  });
});

describe('footing (column-sum) and total labels', () => {
  it('seed 000, 7.7: Summa 1 778 945 against the only row above, 1 180 309, is an error', () => {
    const res = check(
      sheet(
        'S',
        [
          ['Post', 'Fördelning', 'Utfall', 'Prognos'],
          ['Rad 1', 1180309, 1109801, 1200000],
          ['Rad 2', null, 0, 10000],
          ['Summa', 1778945, 1109801, 1210000],
        ],
        '#,##0',
      ),
    );
    // The rest of the row reconciles under the same reading: the Summa's error is corroborated.
    expect(ruleStatus(res, 'B4', 'column-sum')).toBe('error');
    expect(ruleStatus(res, 'C4', 'column-sum')).toBe('ok');
    expect(cellOf(res, 'B4')!.checks[0].basis).toBe('etiketten «Summa»; samma läsning stämmer i 2 av 3 kolumner');
    const k = cellOf(res, 'B4')!.checks[0];
    expect(k.expected).toBe(1180309);
    expect(k.difference).toBe(598636);
  });

  it.each(['Summa', 'Summa kostnader', 'Totalt', 'Total', 'Totalsumma', 'Delsumma', 'Sum', 'Subtotal', 'All', 'TOTALT'])(
    'finds a total row labelled %p',
    (label) => {
      const res = check(
        sheet('S', [
          ['Post', 'A', 'B', 'C'],
          ['x', 10, 20, 30],
          ['y', 30, 40, 50],
          [label, 40, 70, 80],
        ]),
      );
      expect(ruleStatus(res, 'B4', 'column-sum')).toBe('ok');
      expect(ruleStatus(res, 'C4', 'column-sum')).toBe('error');
      expect(ruleStatus(res, 'D4', 'column-sum')).toBe('ok');
    },
  );

  it('finds an unlabelled subtotal by arithmetic', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 10, 20],
        ['y', 30, 40],
        ['', 40, 60],
        ['z', 5, 6],
        ['w', 7, 8],
        ['', 12, 14],
      ]),
    );
    expect(ruleStatus(res, 'B4', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C7', 'column-sum')).toBe('ok');
    expect(statusOf(res, 'B2')).toBeUndefined();
  });

  it('finds a total standing above its parts (SCB style)', () => {
    const res = check(
      sheet('S', [
        ['Region', 'Kvinnor', 'Män', 'Övriga'],
        ['Totalt', 300, 260, 80],
        ['  Värmland', 100, 50, 30],
        ['  Örebro', 200, 201, 50],
      ]),
    );
    expect(ruleStatus(res, 'B2', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C2', 'column-sum')).toBe('error');
    expect(ruleStatus(res, 'D2', 'column-sum')).toBe('ok');
  });

  it('leaves "varav" rows out of totals', () => {
    const res = check(
      sheet('S', [
        ['Mnkr', 'Budget', 'Utfall'],
        ['Personalkostnader', -400, -390],
        ['varav löner', -280, -275],
        ['Övriga kostnader', -100, -120],
        ['Summa kostnader', -500, -510],
      ]),
    );
    expect(ruleStatus(res, 'B5', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('ok');
    expect(cellOf(res, 'B5')!.checks[0].inputs).toEqual(['B2', 'B4']);
  });

  it('leaves count rows out of money totals and sums the section the total closes', () => {
    // Seed 003, 5.4.
    const res = check(
      sheet('Åtgärder', [
        ['Uppföljning av beslutad handlingsplan'],
        [null, 'Handlingsplan', 'Utfall ack jul'],
        ['Antal åtgärder', 81, 40],
        ['Synliga effekter i ekonomin (mnkr)'],
        ['Intäkter', { value: 3.9, numFmt: F1 }, { value: 1.8, numFmt: F1 }],
        ['Personalkostnader', { value: 26, numFmt: F1 }, { value: 12.9, numFmt: F1 }],
        ['Övriga kostnader', { value: 54.9, numFmt: F1 }, { value: 12, numFmt: F1 }],
        ['Summa', { value: 84.8, numFmt: F1 }, { value: 26.7, numFmt: F1 }],
      ]),
    );
    expect(ruleStatus(res, 'B8', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C8', 'column-sum')).toBe('ok');
    expect(cellOf(res, 'B8')!.checks[0].inputs).toEqual(['B5:B7']);
  });
});

describe('groups and totals of totals', () => {
  it('a row followed by rows that sum to it is a group; Summa then sums the groups (subtotal-sum)', () => {
    const res = check(
      sheet('Inv', [
        ['Investeringar', 'Budget', 'Prognos', 'Utfall'],
        ['Regionstab', 30, 28, 12],
        ['  IT', 10, 9, 5],
        ['  Inventarier', 20, 19, 7],
        ['Fastighet', 100, 95, 66],
        ['  Ombyggnad', 70, 65, 40],
        ['  Nybyggnad', 30, 30, 21],
        ['Summa', 130, 123, 78],
      ]),
    );
    expect(ruleStatus(res, 'B2', 'subtotal-sum')).toBe('ok');
    expect(ruleStatus(res, 'D5', 'subtotal-sum')).toBe('error');
    expect(ruleStatus(res, 'B8', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C8', 'column-sum')).toBe('ok');
    // Summa sums the group rows, not every row.
    expect(cellOf(res, 'B8')!.checks[0].inputs).toEqual(['B2', 'B5']);
  });

  it('a row that merely equals the sum of the next rows is no group when Summa counts every row', () => {
    const f = (formula: string, value: number) => ({ value, formula });
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 500, 490],
        ['y', 200, 210],
        ['z', 300, 280],
        ['Summa', f('=SUM(B2:B4)', 1000), f('=SUM(C2:C4)', 980)],
      ]),
    );
    expect(statusOf(res, 'B5')).toBe('ok');
    expect(statusOf(res, 'C5')).toBe('ok');
    expect(ruleStatus(res, 'B2', 'subtotal-sum')).toBeUndefined();
  });

  it('a balance sheet: the last total sums the totals after Summa tillgångar, not all of them', () => {
    const res = check(
      sheet('Balansräkning', [
        ['Balansräkning (mnkr)', '2024-08-31', '2023-12-31'],
        ['Tillgångar'],
        ['Anläggningstillgångar', 900, 880],
        ['Omsättningstillgångar', 300, 280],
        ['Summa tillgångar', 1200, 1160],
        ['Eget kapital, avsättningar och skulder'],
        ['Eget kapital', 500, 480],
        ['Summa eget kapital', 500, 480],
        ['Avsättningar', 200, 190],
        ['Summa avsättningar', 200, 190],
        ['Långfristiga skulder', 300, 290],
        ['Kortfristiga skulder', 200, 200],
        ['Summa skulder', 500, 490],
        ['Summa eget kapital, avsättningar och skulder', 1200, 1160],
      ]),
    );
    expect(ruleStatus(res, 'B14', 'total-of-totals')).toBe('ok');
    expect(ruleStatus(res, 'C14', 'total-of-totals')).toBe('ok');
    expect(res.sheets[0].cells.filter((c) => c.status === 'error')).toEqual([]);
  });

  it('seed 003, 5.1: Verksamhetens nettokostnad and Resultat are totals of totals', () => {
    const rows = [
      ['Belopp i mnkr', 'Utfall ack', 'Budget ack'],
      ['Intäkter', 1468.2, 1533.6],
      ['Summa Intäkter', 1468.2, 1533.6],
      ['Personalkostnader', -383.2, -410.0],
      ['Övriga kostnader', -734.9, -770.5],
      ['Avskrivningar', -193.8, -190.3],
      ['Summa Kostnader', -1311.9, -1370.8],
      ['Verksamhetens nettokostnad', 156.3, 162.8],
      ['Finansnetto', -152.7, -153.1],
      ['Resultat', 3.6, 9.8],
    ];
    const res = check(sheet('R', rows, F1));
    expect(ruleStatus(res, 'B8', 'total-of-totals')).toBe('ok');
    expect(ruleStatus(res, 'B10', 'total-of-totals')).toBe('ok');
    // 162,8 − 153,1 = 9,7 against 9,8: rounding.
    expect(ruleStatus(res, 'C10', 'total-of-totals')).toBe('warning');
    expect(ruleStatus(res, 'B7', 'column-sum')).toBe('ok');
  });
});

describe('cross-footing: the rows decide the signs (row-relation)', () => {
  it('Bud-Utf Diff holding outcome minus budget is checked as such', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'Budget', 'Utfall', 'Bud-Utf Diff'],
        ['A', 460, 564, 104],
        ['B', 200, 210, 10],
        ['C', 300, 280, -20],
        ['D', 100, 150, 60],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'row-relation')).toBe('ok');
    expect(ruleStatus(res, 'D5', 'row-relation')).toBe('error');
  });

  it('Utfall jämfört med budget holding budget minus outcome is checked as such', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'Budget', 'Utfall', 'Utfall jämfört med budget'],
        ['A', 136355, 135092, 1263],
        ['B', 5000, 4000, 1000],
        ['C', 700, 800, -100],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'row-relation')).toBe('ok');
    expect(ruleStatus(res, 'D4', 'row-relation')).toBe('ok');
  });

  it('a change between two percentages printed without % is in percentage points (seed 003, 5.6)', () => {
    const pct = (v: number) => ({ value: v, numFmt: '0%' });
    const res = check(
      sheet('N', [
        ['Nyckeltal', 'Utfall 2024', 'Utfall 2023', 'Förändring'],
        ['Andel A', pct(0.91), pct(0.88), 3],
        ['Andel B', pct(0.8), pct(0.84), -4],
        ['Andel C', pct(0.43), pct(0.45), -2],
        ['Andel D', pct(0.55), pct(0.53), -2],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'row-relation')).toBe('ok');
    expect(ruleStatus(res, 'D5', 'row-relation')).toBe('error');
  });

  it('a relation that holds for amounts is not applied to share rows (seed 003, 6.5)', () => {
    const p = (v: number) => ({ value: v, numFmt: '0.0 %' });
    const res = check(
      sheet('Sjuk', [
        ['Kategori', 'Kvinnor', 'Män', 'Totalt'],
        ['Schemalagda timmar', 592009, 456103, 1048112],
        ['Korttid (tim)', 15296, 9062, 24358],
        ['Långtid (tim)', 25308, 10871, 36179],
        ['Korttid %', p(0.026), p(0.02), p(0.023)],
        ['Långtid %', p(0.043), p(0.024), p(0.035)],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'row-relation')).toBe('ok');
    expect(ruleStatus(res, 'D5', 'row-relation')).toBeUndefined();
    // The share rows are shares of Schemalagda timmar.
    expect(ruleStatus(res, 'B5', 'ratio')).toBe('ok');
    expect(ruleStatus(res, 'D6', 'ratio')).toBe('ok');
  });
});

describe('what is never footed', () => {
  it('a share or average column in a Summa row is not a sum of the rows', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'Budget', 'Utfall', 'Andel av utfall', 'Snitt per månad'],
        ['A', 100, 80, 40, 10],
        ['B', 150, 120, 60, 15],
        ['Summa', 250, 200, 100, 12.5],
      ]),
    );
    expect(ruleStatus(res, 'C4', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'E4', 'column-sum')).toBeUndefined();
  });

  it('a row with total only inside its label is a total when it reconciles, and no finding when nothing does', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 10, 20],
        ['y', 30, 40],
        ['Sjukfrånvaro totalt', 40, 60],
        ['Andel av total kostnad', 7, 9],
      ]),
    );
    expect(ruleStatus(res, 'B4', 'column-sum')).toBe('ok');
    expect(statusOf(res, 'B5')).toBeUndefined();
  });
});

describe('coincidences are no structure', () => {
  // Small counts (whole units 0–9) meet within rounding by chance: such a reading must not
  // win over one that agrees exactly. Both tables were found by the rounding property test
  // at magnitude 10; every figure below is a rounded true figure, so nothing may be red.
  it('a Totalt over sections with small counts takes the sections, not a reading that only fits within rounding', () => {
    const res = check(
      sheet(
        'S',
        [
          ['Mnkr', 'Utfall 2024', 'Utfall 2023', 'Budget'],
          ['Avsnitt 1'],
          ['Post 1.1', 0, 0, 3],
          ['Summa avsnitt 1', 0, 0, 3],
          ['Avsnitt 2'],
          ['Post 2.1', 0, 0, -5],
          ['  Del 1', 0, 0, -5],
          ['  Del 2', 0, 0, 0],
          ['Summa avsnitt 2', 0, 0, -5],
          ['Totalt', 0, 0, -2],
        ],
        '#,##0',
      ),
    );
    // Summa avsnitt 2 = −5 exactly (Post 2.1, or its parts); Totalt = 3 + (−5) = −2 exactly.
    expect(statusOf(res, 'D9')).toBe('ok');
    expect(statusOf(res, 'D10')).toBe('ok');
    expect(cellOf(res, 'D10')!.checks[0].inputs).toEqual(['D4', 'D9']);
    expect(res.summary.error).toBe(0);
  });

  it('parts that meet their row only within rounding are still left out when nothing closer fits', () => {
    const res = check(
      sheet(
        'S',
        [
          ['Mnkr', 'Utfall 2024', 'Utfall 2023', 'Budget'],
          ['Avsnitt 1'],
          ['Post 1.1', 0, 0, -3],
          ['Post 1.2', 0, -4, 0],
          ['  Del 1', 0, -6, 0],
          ['  Del 2', 0, 1, 0],
          ['Post 1.3', 0, 0, 0],
          ['Summa avsnitt 1', 0, -4, -3],
        ],
        '#,##0',
      ),
    );
    // Del 1 + Del 2 = −5 against Post 1.2's −4: rounding (−5,5 and 1,0 rounded). Without them the
    // Summa is 0, −4, −3 exactly; with them it would be −9 in C, far off.
    expect(cellOf(res, 'C8')!.checks[0].inputs).toEqual(['C3:C4', 'C7']);
    expect(res.summary.error).toBe(0);
  });

  it('a row is not taken apart by the rows below it when they meet it only within rounding', () => {
    const res = check(
      sheet(
        'S',
        [
          ['Mnkr', 'Utfall 2024', 'Utfall 2023', 'Budget'],
          ['Avsnitt 1'],
          ['Post 1.1', 0, 0, 0],
          ['Post 1.2', -7, -3, -3],
          ['Post 1.3', -3, 0, 0],
          ['Post 1.4', 0, -2, -3],
          ['Post 1.5', -4, 1, 0],
          ['  Del 1', -4, 1, 0],
          ['  Del 2', 0, 0, 0],
          ['Summa avsnitt 1', -13, -4, -6],
        ],
        '#,##0',
      ),
    );
    // Post 1.3–1.5 give −7, −1, −3 against Post 1.2's −7, −3, −3: within rounding only, no parts.
    // Del 1 + Del 2 = Post 1.5 exactly: those are parts. Summa = posts 1.1–1.5: −14 (shown −13,
    // within 0,5 · 1 · 6 = 3: rounding), −4, −6.
    expect(cellOf(res, 'B10')!.checks[0].inputs).toEqual(['B3:B7']);
    expect(statusOf(res, 'B10')).toBe('warning');
    expect(statusOf(res, 'C10')).toBe('ok');
    expect(statusOf(res, 'D10')).toBe('ok');
  });

  it('a row equal to the row above after rows of zeros is no subtotal', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 0, 0],
        ['y', 0, 0],
        ['z', 10, -10],
        ['w', 10, -10],
        ['Summa', 20, -20],
      ]),
    );
    expect(statusOf(res, 'B6')).toBe('ok');
    expect(res.sheets[0].cells.filter((c) => c.status === 'error')).toEqual([]);
  });

  it('Totalt sums the sections\' Summa rows even when a section has a breakdown row', () => {
    const res = check(
      sheet('S', [
        ['Mnkr', 'Utfall', 'Budget'],
        ['Avsnitt 1'],
        ['Post a', 8.6, 120],
        ['  del 1', 9.3, 100],
        ['  del 2', -0.8, 20],
        ['Summa avsnitt 1', 8.6, 120],
        ['Avsnitt 2'],
        ['Post b', 5, 30],
        ['Summa avsnitt 2', 5, 30],
        ['Totalt', 13.6, 150],
      ], '#,##0.0'),
    );
    expect(ruleStatus(res, 'B10', 'total-of-totals')).toBe('ok');
    expect(res.sheets[0].cells.filter((c) => c.status === 'error')).toEqual([]);
  });
});

describe('cross-footing needs the rows to agree', () => {
  it('an unrelated column that happens to equal a sum in a few rows is not made a derived column', () => {
    const res = check(
      sheet('S', [
        ['Enhet', 'Antal A', 'Antal B', 'Antal C'],
        ['a', 1, 2, 3],
        ['b', 2, 2, 4],
        ['c', 1, 1, 5],
        ['d', 3, 1, 1],
        ['e', 0, 4, 4],
      ]),
    );
    // D = B + C in three of five rows only, and no header word says so: no relation, no red.
    expect(res.sheets[0].cells.filter((c) => c.status === 'error')).toEqual([]);
  });
});

describe('shares (ratio)', () => {
  it('Förändring % = Förändring / fg år, with the tolerance carried through the quotient (seed 003, 6.2)', () => {
    const res = check(
      sheet(
        'K',
        [
          ['Kategori', 'Utfall ack', 'Utfall ack fg år', 'Förändring', 'Förändring %'],
          ['Månadslöner', -196.6, -195.3, -1.3, 0.7],
          ['Timanställda', -4.3, -6.2, 1.9, -30.2],
          ['Obekväm', -4.5, -5.1, 0.6, -11.3],
          ['Övertid', -4.0, -5.6, 1.6, -28.6],
          ['Sjuklön', -3.7, -4.1, 0.4, -25.0],
        ],
        F1,
      ),
    );
    expect(ruleStatus(res, 'E2', 'ratio')).toBe('ok');
    expect(ruleStatus(res, 'E3', 'ratio')).toBe('warning');
    expect(cellOf(res, 'E3')!.checks.find((c) => c.rule === 'ratio')!.tolerance).toBeCloseTo(2.419355, 5);
    expect(ruleStatus(res, 'E6', 'ratio')).toBe('error');
  });

  it('a share kept as a plain fraction (0,029) is found as well', () => {
    const res = check(
      sheet('K', [
        ['Område', 'Avvikelse', 'Omsättning', 'Andel'],
        ['A', 21.3, 740.9, 0.029],
        ['B', -24.7, 210.3, -0.117],
        ['C', 0.3, 9.5, 0.032],
        ['D', 2.2, 111.1, 0.05],
      ]),
    );
    expect(ruleStatus(res, 'D2', 'ratio')).toBe('ok');
    expect(ruleStatus(res, 'D5', 'ratio')).toBe('error');
  });

  it('a share whose denominator is 0 is not scored', () => {
    const res = check(
      sheet(
        'K',
        [
          ['Område', 'Avvikelse', 'Omsättning', 'Relation (%)'],
          ['A', 21.3, 740.9, 2.9],
          ['B', -24.7, 210.3, -11.7],
          ['C', 0.3, 9.5, 3.2],
          ['D', 0, 0, 0],
        ],
        F1,
      ),
    );
    expect(ruleStatus(res, 'D2', 'ratio')).toBe('ok');
    expect(statusOf(res, 'D5')).toBeUndefined();
  });
});

describe('formulas (formula-range)', () => {
  it('a SUM that leaves out a row is a warning even when the value reconciles, an error when it does not', () => {
    const f = (formula: string, value: number) => ({ value, formula });
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B', 'C'],
        ['x', 10, 5, 20],
        ['y', 0, 6, 30],
        ['z', 30, 7, 40],
        ['Summa', f('=SUM(B2:B4)', 40), f('=SUM(C3:C4)', 13), f('=SUM(D2:D4)', 90)],
      ]),
    );
    expect(ruleStatus(res, 'B5', 'formula-range')).toBeUndefined();
    expect(statusOf(res, 'B5')).toBe('ok');
    // The row's other formulas cover rows 2–4: C5's range is the odd one out.
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('error');
    expect(ruleStatus(res, 'C5', 'formula-range')).toBe('error');
    const res2 = check(
      sheet('S', [
        ['Post', 'A', 'B', 'C'],
        ['x', 10, null, 20],
        ['y', 5, 6, 30],
        ['z', 30, 7, 40],
        ['Summa', f('=SUM(B2:B4)', 45), f('=SUM(C3:C4)', 13), f('=SUM(D2:D4)', 90)],
      ]),
    );
    expect(ruleStatus(res2, 'C5', 'column-sum')).toBe('ok');
    expect(ruleStatus(res2, 'C5', 'formula-range')).toBeUndefined();
  });

  it('a SUM covering a row it should not is flagged', () => {
    const f = (formula: string, value: number) => ({ value, formula });
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 10, 1],
        ['y', 20, 2],
        ['Delsumma', 30, 3],
        ['z', 5, 4],
        ['Summa', f('=SUM(B2:B5)', 65), 7],
      ]),
    );
    expect(ruleStatus(res, 'B6', 'formula-range')).toBeDefined();
  });
});

describe('inputs: numbers as text and error values', () => {
  it('a number stored as text counts, with a text-number warning on that cell', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A'],
        ['x', '1 777 590'],
        ['y', 10],
        ['Summa', 1777600],
      ]),
    );
    expect(ruleStatus(res, 'B4', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'B2', 'text-number')).toBe('warning');
  });

  it('an error value in an input makes the check that uses it an error-value error', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', { value: '#REF!', error: true }, 1],
        ['y', 10, 2],
        ['Summa', 10, 3],
      ]),
    );
    expect(statusOf(res, 'B2')).toBe('error');
    expect(ruleStatus(res, 'B4', 'error-value')).toBe('error');
    expect(ruleStatus(res, 'C4', 'column-sum')).toBe('ok');
  });

  it('a blank derived cell is not scored', () => {
    const res = check(
      sheet('S', [
        ['Post', 'A', 'B'],
        ['x', 1, 2],
        ['y', 3, 4],
        ['Summa', 4, null],
      ]),
    );
    expect(statusOf(res, 'C4')).toBeUndefined();
  });
});
