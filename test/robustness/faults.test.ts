// Faulty and extreme inputs: each gets a clear result (checked, or refused with one
// Swedish message), the command line exits 0, 1 or 2 in time, and no input file changes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { lcg, longSheetSpec, writeXlsx, GenRow } from '../../bench/genWorkbook';
import { ALLOWED_EXIT, CliRun, ensureCliBuilt, parseReport, ReportFileLike, ReportLike, runCli, sha256, unclearMessage } from './helpers/cli';
import { buildZipBomb } from './helpers/zipBomb';
import { requireShared } from '../helpers/shared';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const FILE_LIMIT_MS = 20000;

let work: string;
let buildProblem: string | null;
const hashes = new Map<string, string>();

/** Remembers the hash of every file under dir, to prove later that nothing was written. */
function rememberHashes(dir: string): void {
  for (const n of fs.readdirSync(dir)) {
    const p = path.join(dir, n);
    if (fs.statSync(p).isFile()) hashes.set(p, sha256(p));
  }
}

function expectUnchanged(dir: string): void {
  const changed = [...hashes].filter(([p]) => p.startsWith(dir + path.sep)).filter(([p, h]) => !fs.existsSync(p) || sha256(p) !== h);
  expect(changed.map(([p]) => p)).toEqual([]);
}

function caseDir(name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A clear run: in time, allowed exit code, JSON report, no stack trace for people. */
function expectClearRun(run: CliRun): ReportLike {
  expect({ timedOut: run.timedOut, signal: run.signal }).toEqual({ timedOut: false, signal: null });
  expect(ALLOWED_EXIT).toContain(run.code);
  expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?/);
  return parseReport(run);
}

/** The report entry of one file: once, and either checked or refused clearly. */
function entryFor(report: ReportLike, file: string): ReportFileLike {
  const entries = report.files.filter((f) => path.resolve(f.file) === path.resolve(file));
  expect({ file, count: entries.length }).toEqual({ file, count: 1 });
  const e = entries[0];
  if (e.error !== null) expect({ file, why: unclearMessage(e.error), error: e.error }).toEqual({ file, why: null, error: e.error });
  return e;
}

/** Check one file from the command line (report as JSON on stdout): the run ends clearly; the file's report entry. */
async function checkFile(dir: string, file: string, extra: string[] = [], timeoutMs = FILE_LIMIT_MS): Promise<{ run: CliRun; e: ReportFileLike }> {
  rememberHashes(dir);
  const run = await runCli(['check', file, '--json', '-', '--quiet', ...extra], { timeoutMs });
  return { run, e: entryFor(expectClearRun(run), file) };
}

function cellsOf(entry: ReportFileLike, sheet?: string) {
  return entry.sheets.filter((s) => sheet === undefined || s.name === sheet).flatMap((s) => s.cells.map((c) => ({ sheet: s.name, ...c })));
}

function fixtures(): string[] {
  return fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx')).sort() : [];
}

/** A small correct table: header, three rows, a Summa row with SUM formulas. */
type Num = number | { v: number; f: string };
const num = (x: Num): number => (typeof x === 'number' ? x : x.v);
function smallTable(values: Num[][], summa?: Num[]): GenRow[] {
  const rows: GenRow[] = [['Verksamhet', 'Budget (tkr)', 'Utfall (tkr)']];
  values.forEach((v, i) => rows.push([`Enhet ${i + 1}`, ...v]));
  const last = values.length + 1;
  rows.push([
    'Summa',
    ...(summa ?? [0, 1].map((c) => ({ v: values.reduce((s, r) => s + num(r[c]), 0), f: `SUM(${'BC'[c]}2:${'BC'[c]}${last})` }))),
  ]);
  return rows;
}

beforeAll(() => {
  buildProblem = ensureCliBuilt();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-faults-'));
}, 200000);

afterAll(() => {
  if (work) {
    // chmod'ed files and folders must become writable again before removal.
    for (const p of [...hashes.keys()]) if (fs.existsSync(p)) fs.chmodSync(p, 0o644);
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('the command line is built', () => {
  expect(buildProblem).toBeNull();
});

describe('damaged copies of the fixtures', () => {
  requireShared(FIXTURES);
  const names = fixtures();

  test('truncated copies are refused clearly, the others still reported', async () => {
    const dir = caseDir('truncated');
    for (const n of names) {
      const bytes = fs.readFileSync(path.join(FIXTURES, n));
      const cuts: [string, number][] = [
        ['tom', 0],
        ['100b', 100],
        ['halv', Math.floor(bytes.length / 2)],
        ['utan-slut', bytes.length - 30],
        ['minus1', bytes.length - 1],
      ];
      for (const [tag, len] of cuts) fs.writeFileSync(path.join(dir, `${tag}_${n}`), bytes.subarray(0, len));
    }
    rememberHashes(dir);
    const run = await runCli(['check', dir, '--json', '-', '--quiet'], { timeoutMs: 60000 });
    const report = expectClearRun(run);
    // An empty file can never be read, so the run must say so with exit 2.
    expect(run.code).toBe(2);
    for (const n of fs.readdirSync(dir)) {
      const e = entryFor(report, path.join(dir, n));
      if (/^(tom|100b|halv)_/.test(n)) expect(typeof e.error).toBe('string');
    }
    expectUnchanged(dir);
  });

  test('bit-flipped copies are checked or refused clearly', async () => {
    const dir = caseDir('bitflip');
    const rand = lcg(20240831);
    for (const n of names) {
      const original = fs.readFileSync(path.join(FIXTURES, n));
      for (const flips of [1, 8, 64, 512]) {
        const bytes = Buffer.from(original);
        for (let i = 0; i < flips; i++) {
          const at = Math.floor(rand() * bytes.length);
          bytes[at] ^= 1 << Math.floor(rand() * 8);
        }
        fs.writeFileSync(path.join(dir, `flip${flips}_${n}`), bytes);
      }
    }
    rememberHashes(dir);
    const run = await runCli(['check', dir, '--json', '-', '--quiet'], { timeoutMs: 60000 });
    const report = expectClearRun(run);
    for (const n of fs.readdirSync(dir)) entryFor(report, path.join(dir, n));
    expectUnchanged(dir);
  });
});

describe('zip bombs', () => {
  let baselineKb = 0;

  beforeAll(async () => {
    // Memory of a normal small run, measured the same way, as the yardstick.
    const dir = caseDir('bomb-baseline');
    writeXlsx({ sheets: [{ name: 'Blad1', rows: smallTable([[1, 2], [3, 4], [5, 6]]) }] }, path.join(dir, 'liten.xlsx'));
    const run = await runCli(['check', path.join(dir, 'liten.xlsx'), '--json', '-', '--quiet'], { timeoutMs: 30000 });
    baselineKb = run.maxRssKb ?? 0;
  }, 60000);

  const cases: [string, { inflatedBytes: number; declaredSize?: number }][] = [
    ['2 GiB with true sizes in the headers', { inflatedBytes: 2 ** 31 }],
    ['1 GiB that claims to be 20 kB', { inflatedBytes: 2 ** 30, declaredSize: 20000 }],
  ];
  test.each(cases)('%s is refused quickly without running out of memory', async (label, opts) => {
    const dir = caseDir(`bomb-${opts.declaredSize ? 'lying' : 'honest'}`);
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, buildZipBomb(opts));
    expect(fs.statSync(file).size).toBeLessThan(3 * 1024 * 1024);
      const { run, e } = await checkFile(dir, file);
    expect(e.error).toEqual(expect.any(String));
    expect(run.code).toBe(2);
    expect(baselineKb).toBeGreaterThan(0);
    expect(run.maxRssKb).not.toBeNull();
    // Bounded memory: at most 256 MB above a normal run (the bomb is 1-2 GiB inflated).
    const growthMb = Math.round((run.maxRssKb! - baselineKb) / 1024);
    // eslint-disable-next-line no-console
    console.log(`Zip-bomb (${label}): ${(run.ms / 1000).toFixed(1)} s, minnestillväxt ${growthMb} MB, ${e.error}`);
    expect(growthMb).toBeLessThan(256);
    expectUnchanged(dir);
  }, 60000);
});

test('a sheet of 1,000,000 rows is checked (or refused clearly) in reasonable time', async () => {
  const dir = caseDir('million');
  const file = path.join(dir, 'miljon_rader.xlsx');
  writeXlsx(longSheetSpec(1000000), file);
  const { run, e } = await checkFile(dir, file, [], 120000);
  // eslint-disable-next-line no-console
  console.log(`1 000 000 rader: exit ${run.code}, ${(run.ms / 1000).toFixed(1)} s, topp ${Math.round((run.maxRssKb ?? 0) / 1024)} MB, ${e.error ?? 'kontrollerad'}`);
  if (e.error === null) {
    // Every number adds up, so nothing may be red.
    expect(cellsOf(e).filter((c) => c.status === 'error')).toEqual([]);
    // The Summa row at the bottom is a column sum over 999,998 rows (checks.md section 4).
    expect(cellsOf(e).find((c) => c.address === 'B1000000')?.status).toBe('ok');
    expect(run.code).toBe(0);
  }
  expectUnchanged(dir);
}, 180000);

test('500 sheets: every sheet is reported and the one wrong Summa is found on its own sheet', async () => {
  const dir = caseDir('sheets500');
  const file = path.join(dir, 'femhundra_blad.xlsx');
  const sheets = Array.from({ length: 500 }, (_, i) => {
    const values = [
      // No first row equals the sum of the next two, so no row can pass for a subtotal.
      [100 + i, 90 + i],
      [200 + i, 210 + i],
      [350, 280],
    ];
    // Blad 250 has a typed Summa that is 400 too high (B: 650 + 2i is right): a clear error under checks.md.
    const rows = i === 249 ? smallTable(values, [1050 + 2 * i, { v: 580 + 2 * i, f: 'SUM(C2:C4)' }]) : smallTable(values);
    return { name: `Blad ${i + 1}`, rows };
  });
  writeXlsx({ sheets }, file);
  const { run, e } = await checkFile(dir, file, [], 60000);
  expect(e.error).toBeNull();
  expect(e.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  const red = cellsOf(e).filter((c) => c.status === 'error');
  expect(red.map((c) => `${c.sheet}!${c.address}`)).toEqual(['Blad 250!B5']);
  expect(run.code).toBe(1);
  expectUnchanged(dir);
}, 90000);

test('formulas with external links are checked, and a coloured copy keeps the link part', async () => {
  const dir = caseDir('external');
  const out = caseDir('external-out');
  const file = path.join(dir, 'externa_lankar.xlsx');
  writeXlsx(
    {
      sheets: [
        {
          name: 'Budget',
          rows: smallTable(
            [
              [{ v: 100, f: '[1]Sheet1!A1' }, 90],
              [200, { v: 210, f: "'[1]Sheet1'!B2" }],
              [300, 280],
            ],
            [{ v: 600, f: 'SUM(B2:B4)' }, { v: 580, f: 'SUM(C2:C4)' }],
          ),
        },
      ],
      externalLinks: [{ target: 'file:///C:/Ekonomi/Andra%20budgeten.xlsx', sheetNames: ['Sheet1'], cells: [{ sheet: 0, ref: 'A1', v: 100 }] }],
    },
    file,
  );
  const { e } = await checkFile(dir, file, ['--out', out]);
  expect(e.error).toBeNull();
  expect(cellsOf(e).filter((c) => c.status === 'error')).toEqual([]);
  const copy = path.join(out, 'externa_lankar.xlsx');
  expect(fs.existsSync(copy)).toBe(true);
  const { unzipSync } = await import('fflate');
  const parts = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(copy))));
  expect(parts).toEqual(expect.arrayContaining(['xl/externalLinks/externalLink1.xml', 'xl/externalLinks/_rels/externalLink1.xml.rels']));
  expectUnchanged(dir);
});

test('circular references (with cached values) are checked without hanging', async () => {
  const dir = caseDir('circular');
  const file = path.join(dir, 'cirkel.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cirkel');
  ws.addRow(['Verksamhet', 'Budget (tkr)', 'Utfall (tkr)']);
  ws.addRow(['Enhet 1', 100, { formula: 'C3+1', result: 51 }]);
  ws.addRow(['Enhet 2', 200, { formula: 'C2+1', result: 50 }]);
  ws.addRow(['Enhet 3', 300, 400]);
  // B5 sums a range that holds itself: Excel keeps the last cached value.
  ws.addRow(['Summa', { formula: 'SUM(B2:B5)', result: 600 }, { formula: 'SUM(C2:C4)', result: 501 }]);
  await wb.xlsx.writeFile(file);
  const { run, e } = await checkFile(dir, file);
  expect(e.error).toBeNull();
  expect(run.code).not.toBe(2);
  expectUnchanged(dir);
});

test('#REF! everywhere: the file is read and the error values are reported as errors', async () => {
  const dir = caseDir('ref');
  const file = path.join(dir, 'ref_overallt.xlsx');
  const ref = { f: '#REF!', error: '#REF!' };
  const rows: GenRow[] = [
    ['Verksamhet', 'Budget (tkr)', 'Utfall (tkr)'],
    ['Enhet 1', ref, ref],
    ['Enhet 2', ref, { f: '#REF!+Blad2!#REF!', error: '#REF!' }],
    ['Enhet 3', { error: '#REF!' }, ref],
    ['Summa', { f: 'SUM(B2:B4)', error: '#REF!' }, { f: 'SUM(#REF!)', error: '#REF!' }],
  ];
  writeXlsx({ sheets: [{ name: 'Trasig', rows }] }, file);
  const { run, e } = await checkFile(dir, file);
  expect(e.error).toBeNull();
  // checks.md section 2: an error value in an input makes its checks `error` (rule error-value).
  const errorValue = cellsOf(e).filter((c) => c.checks.some((k) => k.rule === 'error-value' && k.status === 'error'));
  expect(errorValue.length).toBeGreaterThan(0);
  expect(run.code).toBe(1);
  expectUnchanged(dir);
});

test('merged cells across a total row: the totals are still checked', async () => {
  const dir = caseDir('merged');
  const file = path.join(dir, 'sammanfogade.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Fördelning');
  ws.addRow(['Verksamhet', 'Enhet', 'Budget (tkr)', 'Utfall (tkr)', 'Kommentar']);
  ws.addRow(['Hälso- och sjukvård', 'Norr', 1200, 1150, 'Enligt plan']);
  ws.addRow(['', 'Söder', 800, 820, '']);
  ws.addRow(['Tandvård', 'Norr', 300, 310, '']);
  ws.addRow(['', 'Söder', 250, 240, '']);
  ws.addRow(['Summa totalt', '', { formula: 'SUM(C2:C5)', result: 2550 }, { formula: 'SUM(D2:D5)', result: 2520 }, '']);
  ws.addRow(['', '', '', '', 'Avstämt 2024-08-31']);
  ws.mergeCells('A2:A3');
  ws.mergeCells('A4:A5');
  ws.mergeCells('A6:B6'); // the total row's label spans two columns
  ws.mergeCells('E3:E7'); // a comment merged down through the total row
  await wb.xlsx.writeFile(file);
  const { run, e } = await checkFile(dir, file);
  expect(e.error).toBeNull();
  const byAddress = new Map(cellsOf(e, 'Fördelning').map((c) => [c.address, c.status]));
  expect({ C6: byAddress.get('C6'), D6: byAddress.get('D6') }).toEqual({ C6: 'ok', D6: 'ok' });
  expect([...byAddress.values()].filter((s) => s === 'error')).toEqual([]);
  expect(run.code).toBe(0);
  expectUnchanged(dir);
});

describe('a workbook open read-only', () => {
  test('a read-only file is checked and its coloured copy written elsewhere', async () => {
    const dir = caseDir('readonly');
    const out = path.join(work, 'readonly-out');
    const file = path.join(dir, 'skrivskyddad.xlsx');
    writeXlsx({ sheets: [{ name: 'Budget', rows: smallTable([[100, 90], [200, 210], [300, 280]]) }] }, file);
    // Excel's lock file beside a workbook someone has open.
    fs.writeFileSync(path.join(dir, '~$skrivskyddad.xlsx'), Buffer.concat([Buffer.from([7]), Buffer.from('Controller'.padEnd(53, ' '))]));
    fs.chmodSync(file, 0o444);
    rememberHashes(dir);
    const run = await runCli(['check', dir, '--json', '-', '--quiet', '--out', out], { timeoutMs: FILE_LIMIT_MS });
    const report = expectClearRun(run);
    const e = entryFor(report, file);
    expect(e.error).toBeNull();
    expect(fs.existsSync(path.join(out, 'skrivskyddad.xlsx'))).toBe(true);
    // The lock file is no workbook: skipped, or refused with a clear message.
    for (const f of report.files.filter((x) => path.basename(x.file).startsWith('~$'))) expect(unclearMessage(f.error)).toBeNull();
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expectUnchanged(dir);
  });

  test('--out pointing at the input folder is refused and nothing is written over', async () => {
    const dir = caseDir('readonly-same');
    const file = path.join(dir, 'skrivskyddad.xlsx');
    writeXlsx({ sheets: [{ name: 'Budget', rows: smallTable([[100, 90], [200, 210], [300, 280]]) }] }, file);
    fs.chmodSync(file, 0o444);
    rememberHashes(dir);
    const run = await runCli(['check', file, '--quiet', '--out', dir], { timeoutMs: FILE_LIMIT_MS });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(unclearMessage(run.stderr + run.stdout)).toBeNull();
    expect(fs.readdirSync(dir)).toEqual(['skrivskyddad.xlsx']);
    expectUnchanged(dir);
  });
});
