// A reading found from the figures alone calls a cell red only when a slip of the hand
// explains its difference (judge/typingSlip, checks.md 4.9).
import fc from 'fast-check';
import { someMeantFigure } from '../../src/engine/judge/typingSlip';
import { cellOf, check, ruleStatus, sheet } from './helpers';

function meantFigures(x: number, unit = 1): number[] {
  const seen: number[] = [];
  someMeantFigure(x, unit, (m) => {
    seen.push(Math.round(m / unit) * unit);
    return false;
  });
  return seen;
}

describe('someMeantFigure', () => {
  it('offers the figure behind two swapped neighbouring digits, a wrong digit, a dropped or doubled digit and a flipped sign', () => {
    expect(meantFigures(412)).toEqual(expect.arrayContaining([421, 142, 413, 42, 4412, -412, 4120]));
    expect(meantFigures(-38.25, 0.01)).toEqual(expect.arrayContaining([-38.52, -83.25, -38.26, 38.25]));
  });

  it('property: any figure with two neighbouring digits swapped is traced back to the figure meant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 99_999_999 }), fc.nat(), fc.boolean(), (meant, at, negative) => {
        const s = String(meant);
        const i = at % (s.length - 1);
        fc.pre(s[i] !== s[i + 1] && !(i === 0 && s[1] === '0')); // no one types a leading zero
        const typed = Number(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)) * (negative ? -1 : 1);
        expect(meantFigures(typed)).toContain(meant * (negative ? -1 : 1));
      }),
    );
  });

  it('does not trace a figure back to one a slip cannot reach', () => {
    // 379 → 412 changes all three digits: no single slip.
    expect(meantFigures(412)).not.toContain(379);
  });
});

/** Totalt (B) = Norr + Mitt + Syd in every period; no label, no formula says so. */
function periods(totalOfRow4: number): (string | number)[][] {
  const data = [
    [120, 80, 150],
    [130, 85, 160],
    [110, 70, 140],
    [140, 95, 175],
    [150, 90, 181],
    [125, 88, 166],
  ];
  const rows: (string | number)[][] = [['År', 'Totalt', 'Norr', 'Mitt', 'Syd']];
  data.forEach((d, i) => rows.push([`Period ${i + 1}`, d[0] + d[1] + d[2], ...d]));
  rows[4][1] = totalOfRow4; // Period 4: 140 + 95 + 175 = 410
  return rows;
}

describe('a relation read from the figures alone', () => {
  it('calls a cell red when swapped digits explain the difference (401 for 410)', () => {
    const res = check(sheet('S', periods(401)));
    expect(ruleStatus(res, 'B5', 'row-relation')).toBe('error');
    expect(cellOf(res, 'B5')!.checks[0].basis).toBe('sambandet Norr (C) + Mitt (D) + Syd (E) stämmer i 5 av 6 rader');
  });

  it('calls a cell red when a part left out explains the difference (235 = 410 − 175)', () => {
    expect(ruleStatus(check(sheet('S', periods(235))), 'B5', 'row-relation')).toBe('error');
  });

  it('calls a cell red when a part with a flipped sign explains the difference (410 − 2 · 95 = 220)', () => {
    expect(ruleStatus(check(sheet('S', periods(220))), 'B5', 'row-relation')).toBe('error');
  });

  it('leaves a difference no slip explains yellow, and says why (437 for 410)', () => {
    const res = check(sheet('S', periods(437)));
    const k = cellOf(res, 'B5')!.checks[0];
    expect(k.status).toBe('warning');
    expect(k.detail).toBeUndefined();
    expect(k.message).toMatch(/ingen felskrivning förklarar skillnaden.*granska\.$/);
    expect(k.basis).toBe('sambandet Norr (C) + Mitt (D) + Syd (E) stämmer i 5 av 6 rader; läsningen bygger bara på siffrorna och inget skrivfel förklarar skillnaden');
  });
});

describe('a labelled total', () => {
  it('stays red for a difference no slip explains: the label says what the row is', () => {
    const rows: (string | number)[][] = [
      ['Verksamhet', 'Budget', 'Utfall'],
      ['Vård', 1200, 1180],
      ['Omsorg', 800, 790],
      ['Stab', 300, 310],
      ['Summa', 2300, 2317], // Utfall: 1 180 + 790 + 310 = 2 280; 2 317 is no slip away
    ];
    const res = check(sheet('S', rows));
    expect(ruleStatus(res, 'B5', 'column-sum')).toBe('ok');
    expect(ruleStatus(res, 'C5', 'column-sum')).toBe('error');
  });
});

describe('a group row read from the figures alone', () => {
  /** Two unlabelled group rows, each the sum of the rows under it in every column. */
  function groups(east2024: number): (string | number)[][] {
    const parts: [string, number[]][] = [
      ['Ö1', [1210, 1250, 1300, 1350, 1410]],
      ['Ö2', [1880, 1940, 2010, 2100, 2260]],
      ['Ö3', [1750, 1820, 1900, 2030, 2120]],
    ];
    const east = [0, 1, 2, 3, 4].map((i) => parts.reduce((s, [, p]) => s + p[i], 0));
    east[4] = east2024; // 2024: 1 410 + 2 260 + 2 120 = 5 790
    return [
      ['Område', '2020', '2021', '2022', '2023', '2024'],
      ['Öst', ...east],
      ...parts.map(([name, p]) => [name, ...p]),
      ['Väst', 4180, 4300, 4420, 4610, 4870],
      ['V1', 1940, 2000, 2050, 2140, 2270],
      ['V2', 2240, 2300, 2370, 2470, 2600],
    ];
  }

  it('calls the group figure red when one wrong digit explains the difference', () => {
    const res = check(sheet('S', groups(5730)));
    expect(ruleStatus(res, 'F2', 'subtotal-sum')).toBe('error');
    expect(ruleStatus(res, 'E2', 'subtotal-sum')).toBe('ok');
  });

  it('leaves it yellow when no slip explains the difference', () => {
    const res = check(sheet('S', groups(5843)));
    expect(ruleStatus(res, 'F2', 'subtotal-sum')).toBe('warning');
    expect(cellOf(res, 'F2')!.checks[0].basis).toMatch(/läsningen bygger bara på siffrorna och inget skrivfel förklarar skillnaden$/);
  });
});

describe('a difference headed as one', () => {
  it('stays red for a difference no slip explains: the header names the reading', () => {
    const rows: (string | number)[][] = [['Enhet', '2023', '2024', 'Förändring']];
    const data = [
      [1200, 1260],
      [800, 850],
      [430, 415],
      [990, 1040],
      [610, 660],
    ];
    for (const [i, [a, b]] of data.entries()) rows.push([`Enhet ${i + 1}`, a, b, b - a]);
    rows[3][3] = 42; // 415 − 430 = −15: a stale figure, no slip of the hand
    const res = check(sheet('S', rows));
    const k = cellOf(res, 'D4')!.checks.find((x) => x.rule === 'row-relation')!;
    expect(k.status).toBe('error');
    expect(k.basis).toMatch(/^rubriken «Förändring» och sambandet /);
  });
});
