// The task pane's list model, Swedish figures and the sign-off, without a browser.
import * as fs from 'fs';
import { buildPaneRun, listRows, okFindings, unitOf } from '../../src/taskpane/findings';
import { findingsCsv, findingsTable, markOf, parseMarks, serializeMarks, type Marks } from '../../src/taskpane/signoff';
import { count, differenceFigure, figure, unitIn } from '../../src/ui/format';
import { T } from '../../src/ui/texts';
import { PreviewCore } from '../../src/preview/workerCore';
import { readSignOff, writeSignOff } from '../../src/preview/customProps';
import { readXlsx } from '../../src/xlsx/index';
import { checkWorkbook } from '../../src/engine';
import type { Check, WorkbookInput, WorkbookResult } from '../../src/engine';
import { fixture } from '../helpers/shared';
import { inputsOnOneSheet } from '../../src/host/inputRanges';
import { visibleSheets } from '../../src/preview/PreviewPanel';

const check = (status: Check['status'], message: string, extra: Partial<Check> = {}): Check => ({
  rule: 'column-sum', status, expected: 10, actual: 12, difference: 2, tolerance: 0, inputs: ['B2:B4'], message, ...extra,
});

const workbook: WorkbookInput = {
  sheets: [
    {
      name: 'Blad1',
      rows: [
        [{ value: 'Kostnader (tkr)' }],
        [{ value: 'Enhet' }, { value: 'Budget' }, { value: 'Andel' }],
        [],
        [],
        [{ value: 'Summa' }, { value: 12, numFmt: '#,##0' }, { value: 0.038, numFmt: '0.0 %' }],
      ],
    },
    { name: 'Tomt', rows: [] },
  ],
};

const result: WorkbookResult = {
  sheets: [
    {
      name: 'Blad1',
      tables: [
        { range: 'A1:C5', kind: 'generic', title: 'Kostnader (tkr)', r0: 0, c0: 0, r1: 4, c1: 2, headerRows: [0, 1], totalRows: [4] },
        { range: 'A8:C9', kind: 'generic', title: '', r0: 7, c0: 0, r1: 8, c1: 2, headerRows: [], totalRows: [8] },
      ],
      cells: [
        { address: 'B5', row: 4, col: 1, status: 'error', checks: [check('ok', 'rad ok'), check('error', 'summan fel', { basis: 'etikett Summa' })] },
        { address: 'C5', row: 4, col: 2, status: 'error', checks: [check('error', 'andelen fel', { expected: 0.038, actual: 0.041, difference: 0.003 })] },
        { address: 'B4', row: 3, col: 1, status: 'ok', checks: [check('ok', 'rad ok')] },
        { address: 'B9', row: 8, col: 1, status: 'warning', checks: [check('warning', 'avrundat', { detail: 'rounding' })] },
        { address: 'F20', row: 19, col: 5, status: 'ok', checks: [] },
      ],
      notes: ['Raden Summa (rad 21) stämmer inte med någon läsning; kontrollera den för hand.'],
      // The engine's cause: B5 is likely wrong, and C5 is red only because of it (a följdfel).
      causes: [{ cell: 'B5', sheet: 'Blad1', current: 12, suggested: 10, kind: 'digit', certain: true, explains: ['C5'], message: '12 ska troligen vara 10.' }],
    },
    { name: 'Tomt', tables: [], cells: [], notes: [] },
  ],
  summary: { tables: 2, cells: 5, ok: 2, warning: 1, error: 2 },
};

describe('the list model', () => {
  const run = buildPaneRun(workbook, result);

  test('problems first: red, then yellow, with position, basis, unit and number format', () => {
    expect(run.problems.map((f) => [f.address, f.status, f.n])).toEqual([
      ['B5', 'error', 1],
      ['C5', 'error', 2],
      ['B9', 'warning', 3],
    ]);
    expect(run.problems[0]).toMatchObject({ message: 'summan fel', basis: 'etikett Summa', unit: 'tkr', numFmt: '#,##0', inputs: ['B2:B4'] });
    // A share carries its percent format and no money unit.
    expect(run.problems[1]).toMatchObject({ numFmt: '0.0 %', unit: undefined, explainedBy: 'Blad1!B5', depth: 1 });
    expect(run.problems[0].advice).toBe('12 ska troligen vara 10.');
    expect(run.sheets[0].notes).toHaveLength(1);
  });

  test('green cells are only counted per table, and loaded on request', () => {
    expect(run.tables.map((t) => [t.title, t.ok, t.warning, t.error])).toEqual([
      ['Kostnader (tkr)', 1, 0, 2],
      ['A8:C9', 0, 1, 0],
      [T.outsideTables, 1, 0, 0],
    ]);
    expect(okFindings(workbook, result, '0:0').map((f) => f.address)).toEqual(['B4']);
    expect(okFindings(workbook, result, '0:-1').map((f) => f.address)).toEqual(['F20']);
  });

  test('rows: a section per status, a heading per table, the consequence under its cause', () => {
    const rows = listRows(run, 'problems', new Map());
    expect(rows.map((r) => (r.kind === 'finding' ? `${r.finding.address}${r.depth ? '>' : ''}` : r.kind === 'section' ? `[${r.status} ${r.count}]` : r.kind === 'table' ? `# ${r.table.title}` : r.kind === 'okTable' ? `ok ${r.table.title} ${r.table.ok}` : r.kind))).toEqual([
      '[error 2]',
      '# Kostnader (tkr)',
      'B5',
      'C5>',
      '[warning 1]',
      '# A8:C9',
      'B9',
      '[ok 2]',
      `ok Kostnader (tkr) 1`,
      `ok ${T.outsideTables} 1`,
    ]);
    // Kopiera till Word once per table: where the table first appears.
    expect(rows.filter((r) => (r.kind === 'table' || r.kind === 'okTable') && r.actions).map((r) => (r as { table: { title: string } }).table.title)).toEqual([
      'Kostnader (tkr)',
      'A8:C9',
      T.outsideTables,
    ]);
    expect(listRows(run, 'error', new Map()).filter((r) => r.kind === 'finding')).toHaveLength(2);
    expect(listRows(run, 'warning', new Map()).map((r) => r.kind)).toEqual(['section', 'table', 'finding']);
  });

  test('the unit of a column comes from its heading, else the table title or the rows above', () => {
    const sheet = { name: 'S', rows: [[{ value: 'Belopp i mnkr' }], [{ value: 'Post' }, { value: 'Utfall (tkr)' }, { value: 'Prognos' }]] };
    const t = { range: 'A2:C9', kind: 'generic' as const, title: '', r0: 1, c0: 0, r1: 8, c1: 2, headerRows: [1], totalRows: [] };
    expect(unitOf(sheet, t, 1)).toBe('tkr');
    expect(unitOf(sheet, t, 2)).toBe('mnkr');
  });
});

test('Visa indata: the inputs on one sheet, the checked cell\'s own when it has some', () => {
  expect(inputsOnOneSheet('Budgetväxlingar', ["'Budgetfördelning'!D9", 'F4:F10'])).toEqual({ sheet: 'Budgetväxlingar', ranges: ['F4:F10'] });
  expect(inputsOnOneSheet('Budgetväxlingar', ["'Budgetfördelning'!$D$9"])).toEqual({ sheet: 'Budgetfördelning', ranges: ['D9'] });
  expect(inputsOnOneSheet('S', ["'It''s'!A1"])).toEqual({ sheet: "It's", ranges: ['A1'] });
  expect(inputsOnOneSheet('S', ['not a range'])).toBeUndefined();
});

describe('causes in the list', () => {
  // The engine's own answer for a budgetväxlingar with a växling in the wrong column (C5 for
  // D5): neither cause cell is red, the two utgående ram cells are.
  const vx: WorkbookInput = {
    sheets: [
      {
        name: 'Budgetväxlingar',
        rows: [
          [{ value: 'Budgetväxlingar tom 31 augusti 2025' }],
          [{ value: 'Rad' }, { value: 'Rubrik' }, { value: 'Fördelning budgetram Primärvård' }, { value: 'Fördelning budgetram Specialiserad vård' }, { value: 'Fördelning budgetram Tandvård' }, { value: 'Totalt (tkr)' }],
          [{ value: 1 }, { value: 'Ingående ram 2025' }, { value: 500000 }, { value: 1200000 }, { value: 80000 }, { value: 1780000 }],
          [{ value: 2 }, { value: 'IT-stöd flyttas till primärvården' }, { value: 1200 }, { value: -1200 }, { value: 0 }, { value: 0 }],
          [{ value: 3 }, { value: 'Kansliresurs från regionstyrelsen' }, { value: 400 }, { value: 0 }, { value: 0 }, { value: 400 }],
          [undefined, { value: 'Utgående budgetram per 31 augusti 2025' }, { value: 501200 }, { value: 1199200 }, { value: 80000 }, { value: 1780400 }],
        ],
      },
    ],
  };

  test('a cause whose cells are not red has one entry: the first red cell it explains, with the advice, Gå till its cells, the rest folded under it', () => {
    const res = checkWorkbook(vx);
    expect(res.sheets[0].causes!.map((c) => [c.cell, c.also?.cell, c.kind])).toEqual([['C5', 'D5', 'wrong-column']]);
    const run = buildPaneRun(vx, res);
    expect(run.problems.map((f) => [f.address, f.depth, f.explainedBy ?? null])).toEqual([
      ['C6', 0, null],
      ['D6', 1, 'Budgetväxlingar!C6'],
    ]);
    const [entry, follow] = run.problems;
    expect(entry.advice).toMatch(/^Växlingen 400 i C5 är troligen bokförd i fel kolumn: den hör hemma i D5\./);
    expect(entry.adviceUncertain).toBe(true);
    expect(entry.causeCells).toEqual(['Budgetväxlingar!C5', 'Budgetväxlingar!D5']);
    expect(follow).toMatchObject({ causeOf: ['Budgetväxlingar!C5', 'Budgetväxlingar!D5'], partOfCause: false });
  });

  test("a pair whose cells are red: the first carries the advice, the second is listed under it as part of the same cause", () => {
    const res: WorkbookResult = {
      ...result,
      sheets: [
        {
          ...result.sheets[0],
          causes: [{ cell: 'B5', sheet: 'Blad1', current: 12, suggested: 10, kind: 'pair', certain: true, also: { cell: 'C5', sheet: 'Blad1', current: 0.041, suggested: 0.038 }, explains: [], message: 'Två fel som hänger ihop.' }],
        },
        result.sheets[1],
      ],
    };
    const run = buildPaneRun(workbook, res);
    expect(run.problems.map((f) => [f.address, f.depth, f.partOfCause ?? null])).toEqual([
      ['B5', 0, null],
      ['C5', 1, true],
      ['B9', 0, null],
    ]);
    expect(run.problems[0]).toMatchObject({ advice: 'Två fel som hänger ihop.', adviceUncertain: false, causeCells: ['Blad1!B5', 'Blad1!C5'] });
  });
});

describe('Swedish counts and figures', () => {
  test('counts with a thin space and the right singular or plural', () => {
    expect(count(9945)).toBe('9\u202f945');
    expect(count(1000000)).toBe('1\u202f000\u202f000');
    expect(T.badge.ok(9945)).toBe('9\u202f945 stämmer');
    expect(T.badge.warning(1)).toBe('1 avrundning');
    expect(T.badge.warning(2)).toBe('2 avrundningar');
    expect(T.allOk(1)).toBe('Allt stämmer — 1 cell kontrollerad');
    expect(T.allOk(9945)).toBe('Allt stämmer — 9\u202f945 celler kontrollerade');
    expect(T.summary(17, 0, 5)).toBe('5 celler stämmer inte, 17 celler stämmer');
  });

  test('figures as the cell shows them: percent, percentage points, units, decimals', () => {
    expect(figure(0.038, { numFmt: '0.0 %' })).toBe('3,8\u00a0%');
    expect(differenceFigure(0.003, { numFmt: '0.0 %' })).toBe('0,3\u00a0p.e.');
    expect(figure(1777590, { numFmt: '#,##0', unit: 'tkr' })).toBe('1\u00a0777\u00a0590\u00a0tkr');
    expect(figure(-3.4, { numFmt: '#,##0.0' })).toBe('\u22123,4');
    // A rounding difference smaller than the shown unit is never shown as 0.
    expect(differenceFigure(0.4, { numFmt: '#,##0', unit: 'mnkr' })).toBe('0,4\u00a0mnkr');
    expect(figure(null)).toBe('–');
  });

  test('units named in headings', () => {
    expect(unitIn('Budget (tkr)')).toBe('tkr');
    expect(unitIn('(tusentals kronor)')).toBe('tkr');
    expect(unitIn('Belopp, Mkr')).toBe('mnkr');
    expect(unitIn('Kronor per invånare')).toBe('kr');
    expect(unitIn('Kristianstad')).toBeUndefined();
  });
});

describe('sign-off', () => {
  const run = buildPaneRun(workbook, result);
  const marks: Marks = { 'Blad1!B5': { comment: 'Rättas i nästa version', actual: 12, at: '2026-01-01T00:00:00Z' } };

  test('a mark holds while the value is unchanged and survives its stored form', () => {
    expect(markOf(marks, run.problems[0])).toBeDefined();
    expect(markOf(marks, { ...run.problems[0], actual: 13 })).toBeUndefined();
    expect(parseMarks(serializeMarks(marks))).toEqual(marks);
    expect(parseMarks('{broken')).toEqual({});
    expect(parseMarks(JSON.stringify({ v: 2, marks }))).toEqual({});
  });

  test('export: CSV for Swedish Excel and a table for e-mail, with the sign-off', () => {
    const csv = findingsCsv(run, marks);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe(T.exportHeader.join(';'));
    expect(lines[1]).toBe('Blad1;Kostnader (tkr);B5;Stämmer inte;summan fel;10;12;2;etikett Summa;ja;Rättas i nästa version');
    expect(lines[3]).toContain(';nej;');
    const { html, text } = findingsTable(run, marks);
    expect(html).toContain('<th');
    expect(html).toContain('12\u00a0tkr');
    expect(text.split('\r\n')[1]).toContain('Rättas i nästa version');
  });

  test('the preview keeps the marks in the downloaded copy (custom document properties)', () => {
    const bytes = new Uint8Array(fs.readFileSync(fixture('000_budgetfordelning_budgetvaxlingar.xlsx')));
    const long = serializeMarks({ ...marks, 'Blad1!C5': { comment: 'x'.repeat(600) + ' <&> "å"', actual: null, at: '' } });
    const written = writeSignOff(bytes, long);
    expect(readSignOff(written)).toBe(long);
    // Written again: replaced, not added twice; the workbook still reads the same.
    const again = writeSignOff(written, serializeMarks(marks));
    expect(readSignOff(again)).toBe(serializeMarks(marks));
    expect(readXlsx(again).sheets.map((s) => s.name)).toEqual(readXlsx(bytes).sheets.map((s) => s.name));
  });

  test('the worker core: open, check, a window of the grid, download with the marks, open again', () => {
    const core = new PreviewCore();
    const bytes = new Uint8Array(fs.readFileSync(fixture('000_budgetfordelning_budgetvaxlingar.xlsx')));
    const opened = core.open(bytes);
    expect(opened.sheets.map((s) => s.name)).toEqual(['Budgetfördelning', 'Budgetväxlingar']);
    expect(opened.signOff).toBeUndefined();
    const run = core.check(undefined);
    expect(run.problems[0].status).toBe('error');
    const w = core.window('Budgetfördelning', 5, 8, 3, 3);
    expect(w.status[0]).toBe(3); // D6 red
    expect(w.text[0]).toBe('1\u00a0180\u00a0309'); // shown the Swedish way
    expect(w.isText[0]).toBe(0);
    const copy = core.download(serializeMarks(marks));
    expect(new PreviewCore().open(copy).signOff).toBe(serializeMarks(marks));
    // A failed open forgets the workbook that was open.
    expect(() => core.open(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => core.check(undefined)).toThrow(T.noFile);
  });
});

test('sheet tabs that do not fit go into the menu; the active sheet always has its tab', () => {
  const names = ['Resultaträkning', 'Balansräkning', 'Kassaflödesanalys', 'Nyckeltal'];
  expect(visibleSheets(names, 'Resultaträkning', 2000)).toEqual(names);
  expect(visibleSheets(names, 'Resultaträkning', 296)).toEqual(['Resultaträkning']);
  expect(visibleSheets(names, 'Nyckeltal', 296)).toEqual(['Nyckeltal']);
  expect(visibleSheets(names, 'Nyckeltal', 400)).toEqual(['Resultaträkning', 'Nyckeltal']);
});
