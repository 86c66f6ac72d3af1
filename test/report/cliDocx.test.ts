// The command line on Word documents, as users run it: the built bin/summakoll.js
// on a folder with .docx files, with --json, --html, --csv and --out.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { buildCli, runCli } from '../cli/runCli';
import { buildDocx } from '../docx/buildDocx';
import { BUDGETFORDELNING, BUDGETVAXLINGAR } from '../docx/seed000Tables';
import type { Report } from '../../src/engine';

const XSS_TABLE = { rows: [['Post <img src=x onerror=alert(1)>', 'Belopp'], ['A', '1 000'], ['B', '2 000'], ['Summa', '3 000']] };

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'summakoll-docx-'));
  writeFileSync(join(dir, 'rapport.docx'), buildDocx([BUDGETFORDELNING, BUDGETVAXLINGAR, XSS_TABLE]));
});

function checkOf(report: Report, sheet: string, address: string, rule: string) {
  const cell = report.files[0].sheets.find((s) => s.name === sheet)?.cells.find((c) => c.address === address);
  return cell?.checks.find((k) => k.rule === rule)?.status;
}

describe('summakoll check on .docx', () => {
  let run: ReturnType<typeof runCli>;
  let report: Report;
  beforeAll(() => {
    run = runCli(['check', dir, '--json', '-', '--html', join(dir, 'r.html'), '--csv', join(dir, 'r.csv'), '--out', join(dir, 'ut')]);
    report = JSON.parse(run.stdout) as Report;
  });

  it('checks the Word tables like the workbook and exits 1 for findings', () => {
    expect(run.stderr).not.toMatch(/kunde inte/);
    expect(run.code).toBe(1);
    expect(report.files[0].file).toMatch(/rapport\.docx$/);
    expect(report.files[0].sheets.map((s) => s.name)).toEqual(['Tabell 1', 'Tabell 2', 'Tabell 3']);
    // Statuses of seed 000 (000_budgetfordelning_budgetvaxlingar.expect.json).
    expect(checkOf(report, 'Tabell 1', 'D6', 'row-relation')).toBe('error');
    expect(checkOf(report, 'Tabell 1', 'D9', 'column-sum')).toBe('error');
    expect(checkOf(report, 'Tabell 1', 'C9', 'cross-table')).toBe('ok');
    expect(checkOf(report, 'Tabell 2', 'F11', 'cross-table')).toBe('error');
    expect(checkOf(report, 'Tabell 2', 'C11', 'rollforward')).toBe('warning');
    expect(checkOf(report, 'Tabell 3', 'B4', 'column-sum')).toBe('ok');
  });

  it('writes a self-contained HTML report with the Word tables, escaped', () => {
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Blad: Tabell 2');
    expect(html).toContain('Post &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('writes the CSV findings for Excel', () => {
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/\r\n[^\r\n]*rapport\.docx;Tabell 1;D6;Stämmer inte;Samband i raden;1777590;1180309;/);
  });

  it('writes a shaded copy that changes document.xml only', () => {
    const copy = join(dir, 'ut', 'rapport.docx');
    expect(existsSync(copy)).toBe(true);
    const before = unzipSync(new Uint8Array(readFileSync(join(dir, 'rapport.docx'))));
    const after = unzipSync(new Uint8Array(readFileSync(copy)));
    for (const name of Object.keys(before)) {
      if (name !== 'word/document.xml') expect(strFromU8(after[name])).toBe(strFromU8(before[name]));
    }
    const xml = strFromU8(after['word/document.xml']);
    expect(xml).toContain('w:fill="FFC7CE"');
    expect(xml).toContain('w:fill="C6EFCE"');
    expect(xml.replace(/<w:tcPr>.*?<\/w:tcPr>|<w:shd [^>]*\/>/g, '')).toBe(
      strFromU8(before['word/document.xml']).replace(/<w:tcPr>.*?<\/w:tcPr>/g, ''),
    );
  });
});

describe('summakoll check with a broken .docx', () => {
  it('reports it in Swedish, still checks the others, exits 2', () => {
    const d = mkdtempSync(join(tmpdir(), 'summakoll-docx-bad-'));
    writeFileSync(join(d, 'bra.docx'), buildDocx([XSS_TABLE]));
    writeFileSync(join(d, 'trasig.docx'), strToU8('det här är ingen docx'));
    const run = runCli(['check', d, '--json', '-', '--quiet']);
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(2);
    const bad = report.files.find((f) => f.file.endsWith('trasig.docx'))!;
    expect(bad.error).toMatch(/inget Word-dokument \(\.docx\)/);
    const good = report.files.find((f) => f.file.endsWith('bra.docx'))!;
    expect(good.error).toBeNull();
    expect(good.sheets[0].cells.length).toBeGreaterThan(0);
  });
});
