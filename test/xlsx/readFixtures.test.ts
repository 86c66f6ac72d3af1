// The reader on the shared fixtures, against values read off the workbooks by hand.
import * as path from 'path';
import type { CellInput } from '../../src/engine';
import { parseCellAddress } from '../../src/engine';
import { readXlsx, type XlsxWorkbookInput } from '../../src/xlsx';
import { FIXTURES, readBytes } from './helpers';
import { requireShared } from '../helpers/shared';

requireShared(FIXTURES);
const d = describe;

function cell(wb: XlsxWorkbookInput, sheet: string, address: string): CellInput | undefined {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { r, c } = parseCellAddress(address) as { r: number; c: number };
  return s.rows[r]?.[c];
}

d('readXlsx on the fixtures', () => {
  const budget = () => readXlsx(readBytes(path.join(FIXTURES, '000_budgetfordelning_budgetvaxlingar.xlsx')));
  const arsarbetare = () => readXlsx(readBytes(path.join(FIXTURES, '003_arsarbetare.xlsx')));

  test('sheet names in tab order', () => {
    expect(budget().sheets.map((s) => s.name)).toEqual(['Budgetfördelning', 'Budgetväxlingar']);
    expect(arsarbetare().sheets.map((s) => s.name)).toEqual(['Årsarbetare avtalad', 'Årsarbetare exkl tjl']);
  });

  test('Budgetfördelning: numbers with their format, labels, merges', () => {
    const wb = budget();
    expect(cell(wb, 'Budgetfördelning', 'D6')).toEqual({ value: 1180309, numFmt: '#,##0' });
    expect(cell(wb, 'Budgetfördelning', 'A9')?.value).toBe('Summa');
    expect(cell(wb, 'Budgetfördelning', 'D9')?.value).toBe(1778945);
    expect(cell(wb, 'Budgetfördelning', 'C7')?.value).toBe(855);
    expect(cell(wb, 'Budgetfördelning', 'J6')).toEqual({ value: 3.3, numFmt: '#,##0.0' });
    expect(cell(wb, 'Budgetfördelning', 'A2')?.value).toBe('Ange nämnd:');
    // Typed dashes stay text: the engine decides they mean 0.
    expect(cell(wb, 'Budgetfördelning', 'F7')?.value).toBe('-');
    expect(cell(wb, 'Budgetfördelning', 'B7')).toBeUndefined();
    const merges = wb.sheets[0].merges ?? [];
    expect(merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 9 }); // A1:J1
  });

  test('Budgetväxlingar: mnkr figures with one decimal', () => {
    const wb = budget();
    expect(cell(wb, 'Budgetväxlingar', 'F4')?.value).toBe(1781);
    expect(cell(wb, 'Budgetväxlingar', 'C5')).toEqual({ value: 0.9, numFmt: '#,##0.0' });
    expect(cell(wb, 'Budgetväxlingar', 'B11')?.value).toBe('Utgående budgetram per 31 augusti 2024');
  });

  test('formulas with cached results, including a cached 0', () => {
    const wb = arsarbetare();
    expect(cell(wb, 'Årsarbetare avtalad', 'D4')).toEqual({ value: 129, formula: '=B4+C4', numFmt: '#,##0.0' });
    expect(cell(wb, 'Årsarbetare avtalad', 'J5')).toEqual({ value: 0, formula: '=D5-G5', numFmt: '#,##0.0' });
    expect(cell(wb, 'Årsarbetare avtalad', 'H4')?.value).toBe(-3);
    expect(cell(wb, 'Årsarbetare avtalad', 'B5')?.value).toBe(64.8);
  });

  test('rows are arrays everywhere (no holes)', () => {
    for (const s of budget().sheets) for (let r = 0; r < s.rows.length; r++) expect(Array.isArray(s.rows[r])).toBe(true);
  });
});
