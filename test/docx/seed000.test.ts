// Seed 000, sections 7.7 and 7.8, as Word tables must get the statuses the fixture
// workbook of the same tables gets (000_budgetfordelning_budgetvaxlingar.expect.json).
// Word cells hold text, so inputs may also carry `text-number` warnings; those are
// about how the figures are stored, not about the sums, and are left out of the
// comparison of a cell's overall status.
import { expectationsOf, worstOfRule } from '../helpers/shared';
import { checkWorkbook } from '../../src/engine';
import { WORD_CHECK_OPTIONS, readDocx } from '../../src/docx/docx';
import type { CheckedCell, Status } from '../../src/engine';
import { worst } from '../../src/engine';
import { buildDocx } from './buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR, SHEET_FOR_FIXTURE } from './seed000Tables';

const expectFile = expectationsOf('000_budgetfordelning_budgetvaxlingar.expect.json');

const result = checkWorkbook(readDocx(buildDocx([BUDGETFORDELNING, BUDGETVAXLINGAR])), WORD_CHECK_OPTIONS);

function cellOf(sheet: string, address: string): CheckedCell | undefined {
  return result.sheets.find((s) => s.name === SHEET_FOR_FIXTURE[sheet])?.cells.find((c) => c.address === address);
}

describe('seed 000 as Word tables', () => {
  it('finds both tables', () => {
    expect(result.sheets.map((s) => s.name)).toEqual(['Tabell 1', 'Tabell 2']);
    expect(result.sheets[0].tables.map((t) => t.kind)).toContain('budgetfordelning');
    expect(result.sheets[1].tables.map((t) => t.kind)).toContain('budgetvaxlingar');
  });

  it.each(expectFile.expect.map((e) => [`${e.sheet}!${e.cell} ${e.rule}`, e] as const))('%s', (_name, e) => {
    expect(worstOfRule(cellOf(e.sheet, e.cell), e.rule)).toBe(e.status);
  });

  it('gives each expected cell the worst of its expected statuses', () => {
    const wanted = new Map<string, Status>();
    for (const e of expectFile.expect) {
      const key = `${e.sheet}!${e.cell}`;
      wanted.set(key, wanted.has(key) ? worst(wanted.get(key)!, e.status) : e.status);
    }
    for (const [key, status] of wanted) {
      const [sheet, address] = key.split('!');
      const cell = cellOf(sheet, address);
      const sums = (cell?.checks ?? []).filter((k) => k.rule !== 'text-number').map((k) => k.status);
      expect([key, sums.length > 0 ? sums.reduce(worst) : 'none']).toEqual([key, status]);
    }
  });

  it('raises no text-number warnings: in Word every figure is text', () => {
    expect(result.sheets.flatMap((s) => s.cells).filter((c) => c.checks.some((k) => k.rule === 'text-number'))).toEqual([]);
  });

  it('scores no unscored cell', () => {
    for (const u of expectFile.unscored) {
      const cell = cellOf(u.sheet, u.cell);
      expect([u.cell, (cell?.checks ?? []).filter((k) => k.rule !== 'text-number').length]).toEqual([u.cell, 0]);
    }
  });
});
