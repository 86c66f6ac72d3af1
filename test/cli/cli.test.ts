// The summakoll command end to end: exit codes, outputs, refusals, Swedish text.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildCli, ROOT, runCli } from './runCli';

let dir: string;

/**
 * A generic table: three rows and a Summa row; `summa` decides whether the Utfall column
 * reconciles. Budget and Prognos always do: they corroborate the Summa row's reading
 * (checks.md 4.9), so a wrong Utfall total is an error.
 */
async function table(file: string, summa: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tabell');
  ws.addRow(['Kostnader per enhet (tkr)', null]);
  ws.addRow(['Enhet', 'Utfall 2025', 'Budget 2025', 'Prognos 2025']);
  ws.addRow(['Norr', 1200, 1300, 1250]);
  ws.addRow(['Söder', 3400, 3300, 3350]);
  ws.addRow(['Väster', 1000, 1100, 1050]);
  ws.addRow(['Summa', summa, 5700, 5650]);
  await wb.xlsx.writeFile(file);
}

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

beforeAll(async () => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-cli-'));
  fs.mkdirSync(path.join(dir, 'in'));
  await table(path.join(dir, 'in', 'a_ok.xlsx'), 5600);
  await table(path.join(dir, 'in', 'b_fel.xlsx'), 1778945);
  fs.writeFileSync(path.join(dir, 'in', 'c_trasig.xlsx'), 'detta är ingen arbetsbok');
  fs.writeFileSync(path.join(dir, 'in', 'anteckning.txt'), 'ignoreras i en mapp');
}, 120000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const inFile = (n: string) => path.join(dir, 'in', n);

test('--help is Swedish and exits 0', () => {
  const r = runCli(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Användning:');
  expect(r.stdout).toContain('--out MAPP');
});

test.each([[[]], [['check']], [['check', '--bogus', 'x.xlsx']], [['kontroll', 'x.xlsx']], [['check', 'x.xlsx', '--json']]])(
  'bad arguments %j: usage and exit 2',
  (args) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Användning: summakoll check');
  },
);

test('a clean file exits 0', () => {
  const r = runCli(['check', inFile('a_ok.xlsx')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Totalt 1 fil: \d+ stämmer, 0 avrundning, 0 stämmer inte/);
});

test('a file with a wrong total exits 1 and shows expected, actual and difference the Swedish way', () => {
  const r = runCli(['check', inFile('b_fel.xlsx')]);
  expect(r.code).toBe(1);
  // 1200 + 3400 + 1000 = 5600 against 1 778 945: difference 1 773 345, plain spaces.
  expect(r.stdout).toContain('B6  Stämmer inte: väntat 5 600, faktiskt 1 778 945, differens');
  expect(r.stdout).toMatch(/differens −?1 773 345/);
  expect(r.stdout).not.toContain('\u00a0');
  expect(r.stdout).toMatch(/Tabell: .*\(A\d+:D6\)/);
});

test('a broken file exits 2 and the other files are still reported', () => {
  const r = runCli(['check', path.join(dir, 'in')]);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('a_ok.xlsx');
  expect(r.stdout).toContain('B6  Stämmer inte');
  expect(r.stdout).toMatch(/c_trasig\.xlsx: Filen är inte en Excel-arbetsbok/);
  expect(r.stdout).not.toContain('anteckning.txt');
  expect(r.stdout).toMatch(/Totalt 3 filer \(1 kunde inte läsas\)/);
});

test('.xls and missing files are refused per file', () => {
  fs.writeFileSync(path.join(dir, 'gammal.xls'), 'x');
  const r = runCli(['check', path.join(dir, 'gammal.xls'), path.join(dir, 'finns-inte.xlsx'), inFile('a_ok.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/gammal\.xls: .*gamla Excel-formatet/);
  expect(r.stdout).toMatch(/finns-inte\.xlsx: Filen eller mappen finns inte/);
});

test('--json - writes the section 6 report on stdout and the summary on stderr', () => {
  const r = runCli(['check', inFile('a_ok.xlsx'), inFile('b_fel.xlsx'), inFile('c_trasig.xlsx'), '--json', '-']);
  expect(r.code).toBe(2);
  const report = JSON.parse(r.stdout);
  expect(report.version).toBe(1);
  expect(report.files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a_ok.xlsx', 'b_fel.xlsx', 'c_trasig.xlsx']);
  expect(report.files[2].error).toMatch(/Excel-arbetsbok/);
  expect(report.files[2].sheets).toEqual([]);
  expect(Object.keys(report.summary).sort()).toEqual(['cells', 'error', 'files', 'ok', 'tables', 'warning']);
  expect(report.summary.files).toBe(3);
  const bad = report.files[1].sheets[0];
  expect(bad.name).toBe('Tabell');
  expect(bad.tables[0]).toEqual(expect.objectContaining({ kind: 'generic', range: expect.any(String), title: expect.any(String) }));
  const b6 = bad.cells.find((c: { address: string }) => c.address === 'B6');
  expect(b6.status).toBe('error');
  expect(b6.checks[0]).toEqual(expect.objectContaining({ rule: expect.any(String), expected: 5600, actual: 1778945 }));
  expect(r.stderr).toContain('Totalt 3 filer');
});

test('--out writes coloured copies and leaves the inputs untouched', () => {
  const before = sha(inFile('b_fel.xlsx'));
  const out = path.join(dir, 'ut', 'nested');
  const r = runCli(['check', inFile('a_ok.xlsx'), inFile('b_fel.xlsx'), '--out', out, '--quiet']);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(sha(inFile('b_fel.xlsx'))).toBe(before);
  expect(fs.readdirSync(out).sort()).toEqual(['a_ok.xlsx', 'b_fel.xlsx']);
  expect(sha(path.join(out, 'b_fel.xlsx'))).not.toBe(before);
});

test('--out refuses the inputs own folder and writes nothing', () => {
  const before = fs.readdirSync(path.join(dir, 'in')).map((n) => [n, sha(inFile(n))]);
  const r = runCli(['check', path.join(dir, 'in'), '--out', path.join(dir, 'in', '.')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/skriva över originalet/);
  expect(r.stderr).toContain('Ingenting skrevs');
  expect(r.stdout).toBe('');
  expect(fs.readdirSync(path.join(dir, 'in')).map((n) => [n, sha(inFile(n))])).toEqual(before);
});

test('--html and --csv are written', () => {
  const html = path.join(dir, 'rapport', 'r.html');
  const csv = path.join(dir, 'rapport', 'r.csv');
  const r = runCli(['check', inFile('b_fel.xlsx'), '--html', html, '--csv', csv, '--quiet']);
  expect(r.code).toBe(1);
  expect(fs.readFileSync(html, 'utf8')).toMatch(/<html/i);
  expect(fs.statSync(csv).size).toBeGreaterThan(0);
});

test('no progress bar when stderr is not a terminal', () => {
  const r = runCli(['check', inFile('a_ok.xlsx'), inFile('b_fel.xlsx')]);
  expect(r.stderr).toBe('');
});

test('the example folder runs through (the demo)', () => {
  const r = runCli(['check', path.join(ROOT, 'examples'), '--quiet']);
  expect([0, 1]).toContain(r.code);
});

test('the demo workbook: a part and the Summa worked out with it are named together, the följdfel under them, the same in the JSON and the HTML', () => {
  const json = path.join(dir, 'demo.json');
  const html = path.join(dir, 'demo.html');
  const r = runCli(['check', path.join(ROOT, 'examples', 'budgetuppfoljning_med_fel.xlsx'), '--json', json, '--html', html]);
  expect(r.code).toBe(1);
  const lines = r.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  Budgetfördelning: Trolig orsak D8 och D9: Två fel som hänger ihop: 81 000 i D8'));
  expect(at).toBeGreaterThan(0);
  expect(lines[at]).toContain('1 780 400 i D9');
  expect(lines[at]).not.toContain('(osäker)');
  expect(lines[at + 1]).toBe('      följdfel: Budgetväxlingar!F7');
  expect(r.stdout).not.toContain('flera fel');
  const causes = JSON.parse(fs.readFileSync(json, 'utf8')).files[0].sheets[0].causes;
  expect(causes).toEqual([
    expect.objectContaining({ cell: 'D8', current: 81000, suggested: 80000, kind: 'total-follows', certain: true, also: { cell: 'D9', sheet: 'Budgetfördelning', current: 1781400, suggested: 1780400 }, recompute: ['H8', 'H9'], explains: ['Budgetväxlingar!F7'] }),
  ]);
  expect(fs.readFileSync(html, 'utf8')).toMatch(/<li><strong>Budgetfördelning!D8 och D9<\/strong>: Två fel som hänger ihop: .*<br><span class="follow">Följdfel: Budgetväxlingar!F7<\/span><\/li>/);
});
