// The command line checks Word tables with the Word options: every figure in a Word
// table is text, so none of them may get a `text-number` warning (yellow), while the
// same figures typed as text in an .xlsx still do.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { buildDocx } from '../docx/buildDocx';
import type { Report } from '../../src/engine';
import { buildCli, runCli } from './runCli';

const ROWS = [
  ['Kostnader per enhet (tkr)', ''],
  ['Enhet', 'Utfall 2025'],
  ['Norr', '1 200'],
  ['Söder', '3 400'],
  ['Väster', '1 000'],
  ['Summa', '5 600'],
];

let dir: string;
beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'summakoll-docx-text-'));
  writeFileSync(join(dir, 'tabell.docx'), buildDocx([{ rows: ROWS }]));
  // The same table in a workbook, figures stored as text: there they are a finding.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tabell');
  for (const r of ROWS) ws.addRow(r);
  await wb.xlsx.writeFile(join(dir, 'tabell.xlsx'));
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function textNumberChecks(report: Report, file: RegExp): number {
  const f = report.files.find((x) => file.test(x.file))!;
  return f.sheets.flatMap((s) => s.cells).flatMap((c) => c.checks).filter((k) => k.rule === 'text-number').length;
}

describe('summakoll check on a .docx table of numbers', () => {
  let report: Report;
  let code: number | null;
  beforeAll(() => {
    const run = runCli(['check', dir, '--json', '-', '--quiet']);
    code = run.code;
    report = JSON.parse(run.stdout) as Report;
  });

  it('checks the sum and gives no text-number check to the Word figures', () => {
    expect(code).toBe(0);
    const docx = report.files.find((x) => /tabell\.docx$/.test(x.file))!;
    const summa = docx.sheets[0].cells.find((c) => c.address === 'B6');
    expect(summa?.checks.map((k) => [k.rule, k.status])).toContainEqual(['column-sum', 'ok']);
    expect(textNumberChecks(report, /tabell\.docx$/)).toBe(0);
    expect(docx.sheets[0].cells.every((c) => c.status === 'ok')).toBe(true);
  });

  it('still warns about the same figures stored as text in an .xlsx', () => {
    expect(textNumberChecks(report, /tabell\.xlsx$/)).toBeGreaterThan(0);
  });
});
