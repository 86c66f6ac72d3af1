// Issue 12: one bad file never stops the batch nor touches an input. Every input is built
// here; each run goes through the command line (compiled, worker threads), exits 0, 1 or 2
// in time, lists every file once with one clear Swedish message for the bad one, and
// leaves every input byte for byte as it was.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { ensureCliBuilt, parseReport, runCli, sha256, unclearMessage, type CliRun, type ReportLike } from './helpers/cli';
import { goodSheet, workbook, workbookParts, zipParts } from '../helpers/workbooks';
import { writeXlsx, longSheetSpec } from '../../bench/genWorkbook';

const LIMIT_MS = 20000;
let work: string;

beforeAll(() => {
  expect(ensureCliBuilt()).toBeNull();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-hostile-'));
}, 200000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function dir(name: string): string {
  const d = path.join(work, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

function write(d: string, name: string, bytes: Uint8Array): string {
  const p = path.join(d, name);
  fs.writeFileSync(p, bytes);
  return p;
}

function hashes(files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, sha256(f)]));
}

/** Runs in time, exits 0/1/2, no stack trace; every input listed once, refusals clear. */
async function run(args: string[], inputs: string[]): Promise<{ run: CliRun; report: ReportLike | null }> {
  const before = hashes(inputs);
  const r = await runCli(args, { timeoutMs: LIMIT_MS });
  expect({ timedOut: r.timedOut, signal: r.signal }).toEqual({ timedOut: false, signal: null });
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?/);
  expect(hashes(inputs)).toEqual(before);
  let report: ReportLike | null = null;
  if (args.includes('-') && r.stdout.trim().startsWith('{')) {
    report = parseReport(r);
    for (const f of inputs) {
      const entries = report.files.filter((e) => path.resolve(e.file) === path.resolve(f));
      expect({ f, n: entries.length }).toEqual({ f, n: 1 });
      if (entries[0].error !== null) expect({ f, why: unclearMessage(entries[0].error) }).toEqual({ f, why: null });
    }
  }
  return { run: r, report };
}

const errorOf = (report: ReportLike, file: string) => report.files.find((e) => path.resolve(e.file) === path.resolve(file))?.error;

describe('references beyond Excel’s limits', () => {
  test('row 2 000 000 000, row 2 147 483 648 and ZZZZZZ1 are damaged files; the good file is still checked', async () => {
    const d = dir('limits');
    const files = [
      write(d, 'rad2e9.xlsx', workbook('<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>')),
      write(d, 'rad2p31.xlsx', workbook('<row r="2147483648"><c><v>1</v></c></row>')),
      write(d, 'cell2p31.xlsx', workbook('<row><c r="B2147483648"><v>1</v></c></row>')),
      write(d, 'zz.xlsx', workbook('<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>')),
      write(d, 'kolumn.xlsx', workbook(`<row r="1">${'<c><v>1</v></c>'.repeat(16385)}</row>`)),
      write(d, 'merge.xlsx', workbook(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${goodSheet()}</sheetData><mergeCells><mergeCell ref="A1:XFE1"/></mergeCells></worksheet>`)),
      write(d, 'bra.xlsx', workbook(goodSheet())),
    ];
    const { run: r, report } = await run(['check', ...files, '--json', '-', '--quiet'], files);
    expect(r.code).toBe(2);
    for (const f of files.slice(0, -1)) expect(errorOf(report!, f)).toMatch(/^Filen är skadad: .* ligger utanför Excels gränser/);
    expect(errorOf(report!, files[files.length - 1])).toBeNull();
    expect(report!.files.find((e) => e.file.endsWith('bra.xlsx'))!.sheets[0].cells.map((c) => [c.address, c.status])).toEqual([['B5', 'ok']]);
  });

  test('a workbook with only A1 and XFD1048576 is checked in time (structures sized by the cells present)', async () => {
    const d = dir('corner');
    const files = [
      write(d, 'hörn.xlsx', workbook('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')),
      write(d, 'bra.xlsx', workbook(goodSheet())),
    ];
    const { report } = await run(['check', ...files, '--json', '-', '--quiet', '--time-limit', '8'], files);
    expect(errorOf(report!, files[0])).toBeNull();
    expect(errorOf(report!, files[1])).toBeNull();
  });
});

describe('isolation: a file that dies takes only itself', () => {
  test('a file over the heap limit is reported as too large; the files before and after are checked', async () => {
    const d = dir('memory');
    const big = path.join(d, 'stor.xlsx');
    writeXlsx(longSheetSpec(300000), big);
    const files = [write(d, 'a.xlsx', workbook(goodSheet())), big, write(d, 'b.xlsx', workbook(goodSheet()))];
    const { run: r, report } = await run(['check', ...files, '--json', '-', '--quiet', '--memory-limit', '64', '--jobs', '2'], files);
    expect(r.code).toBe(2);
    expect(errorOf(report!, big)).toMatch(/för stor för att kontrolleras|tog för lång tid/);
    expect(errorOf(report!, files[0])).toBeNull();
    expect(errorOf(report!, files[2])).toBeNull();
    expect(report!.summary.files).toBe(3);
  });

  test('a file past the time limit is stopped; the report still lists every file', async () => {
    const d = dir('time');
    const big = path.join(d, 'lång.xlsx');
    writeXlsx(longSheetSpec(400000), big);
    const files = [big, write(d, 'b.xlsx', workbook(goodSheet()))];
    const out = path.join(d, 'ut');
    const { run: r, report } = await run(['check', ...files, '--json', '-', '--quiet', '--time-limit', '1', '--jobs', '1', '--out', out], files);
    expect(r.code).toBe(2);
    expect(errorOf(report!, big)).toMatch(/tog för lång tid \(över 1 sekunder\)/);
    expect(errorOf(report!, files[1])).toBeNull();
    // The stopped file leaves no copy and no temporary file; the other file's copy is there.
    expect(fs.readdirSync(out).sort()).toEqual(['b.xlsx']);
  });
});

describe('outputs never touch inputs', () => {
  for (const flag of ['--json', '--html', '--csv']) {
    test(`${flag} naming an input is refused with exit 2 and nothing is written`, async () => {
      const d = dir(`collide${flag}`);
      const input = write(d, 'indata.xlsx', workbook(goodSheet()));
      const other = path.join(d, 'rapport.json');
      const { run: r } = await run(['check', input, flag, input, ...(flag === '--json' ? [] : ['--json', other])], [input]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/indatafilen .*indata\.xlsx.*skriva över/);
      expect(r.stderr).toMatch(/Ingenting skrevs/);
      expect(fs.existsSync(other)).toBe(false);
    });
  }

  test('a report path that is a symlink to an input, or a hard link to it, is refused', async () => {
    const d = dir('links');
    const input = write(d, 'indata.xlsx', workbook(goodSheet()));
    fs.symlinkSync(input, path.join(d, 'länk.json'));
    fs.linkSync(input, path.join(d, 'hård.html'));
    for (const args of [['--json', path.join(d, 'länk.json')], ['--html', path.join(d, 'hård.html')]]) {
      const { run: r } = await run(['check', input, ...args], [input]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/indatafilen/);
    }
  });

  test('--out with an existing out/NAME.xlsx symlink to the input is refused; the input is unchanged', async () => {
    const d = dir('outlink');
    const input = write(d, 'budget.xlsx', workbook(goodSheet()));
    const out = path.join(d, 'ut');
    fs.mkdirSync(out);
    fs.symlinkSync(input, path.join(out, 'budget.xlsx'));
    const { run: r } = await run(['check', input, '--out', out], [input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skulle skriva över indatafilen/);
    expect(fs.lstatSync(path.join(out, 'budget.xlsx')).isSymbolicLink()).toBe(true);
  });

  test('an existing symlink at a report path is replaced, never followed', async () => {
    const d = dir('replace');
    const input = write(d, 'budget.xlsx', workbook(goodSheet()));
    const victim = path.join(d, 'annan.txt');
    fs.writeFileSync(victim, 'orörd');
    fs.symlinkSync(victim, path.join(d, 'rapport.json'));
    const out = path.join(d, 'ut');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, 'budget.xlsx'));
    const { run: r } = await run(['check', input, '--json', path.join(d, 'rapport.json'), '--out', out, '--quiet'], [input, victim]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('orörd');
    expect(fs.lstatSync(path.join(d, 'rapport.json')).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'rapport.json'), 'utf8')).summary.files).toBe(1);
    expect(fs.lstatSync(path.join(out, 'budget.xlsx')).isFile()).toBe(true);
    // No temporary files are left behind.
    expect(fs.readdirSync(d).filter((n) => n.includes('summakoll-tmp'))).toEqual([]);
  });

  test('--json /dev/null writes into the device and never replaces it', async () => {
    const d = dir('devnull');
    const input = write(d, 'budget.xlsx', workbook(goodSheet()));
    const { run: r } = await run(['check', input, '--json', '/dev/null', '--quiet'], [input]);
    expect(r.code).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('CSV through the command line', () => {
  test('a sheet named x,=1+2, stays one quoted field and never a formula', async () => {
    const d = dir('csv');
    const sheet = goodSheet().replace('<v>60</v>', '<v>90</v>');
    const input = write(d, 'budget.xlsx', workbook(sheet, { sheetName: 'x,=1+2,' }));
    const csv = path.join(d, 'fynd.csv');
    const { run: r } = await run(['check', input, '--csv', csv, '--quiet'], [input]);
    expect(r.code).toBe(1);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    const row = lines.find((l) => l.includes('B5'))!;
    expect(row.split(';')[1]).toBe(`"x,'=1+2,"`);
    for (const piece of row.split(',')) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('zip integrity through the command line', () => {
  test('a part with a wrong CRC-32 and two parts of one name are refused; the good file is checked', async () => {
    const d = dir('zip');
    const stored = zipParts(workbookParts(goodSheet()), 0);
    const at = Buffer.from(stored).indexOf('<v>10</v>');
    stored[at + 3] = '7'.charCodeAt(0);
    const parts = workbookParts(goodSheet());
    const files = [
      write(d, 'crc.xlsx', stored),
      write(d, 'dubbel.xlsx', zipParts([...parts, ['xl/worksheets/sheet1.xml', goodSheet()]])),
      write(d, 'bra.xlsx', workbook(goodSheet())),
    ];
    const { run: r, report } = await run(['check', ...files, '--json', '-', '--quiet', '--out', path.join(d, 'ut')], files);
    expect(r.code).toBe(2);
    expect(errorOf(report!, files[0])).toMatch(/kontrollsumma \(CRC-32\)/);
    expect(errorOf(report!, files[1])).toMatch(/två delar med samma namn/);
    expect(errorOf(report!, files[2])).toBeNull();
    expect(fs.readdirSync(path.join(d, 'ut'))).toEqual(['bra.xlsx']);
  });
});

describe('encodings', () => {
  test('a worksheet declared ISO-8859-1 reads ä as ä, and the coloured copy keeps it', async () => {
    const d = dir('latin1');
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${goodSheet().replace('Belopp', 'Försäljning')}</sheetData></worksheet>`;
    const latin1 = Uint8Array.from(Buffer.from(xml, 'latin1'));
    const parts = workbookParts(goodSheet());
    parts[4] = ['xl/worksheets/sheet1.xml', latin1];
    const input = write(d, 'latin1.xlsx', zipParts(parts));
    const out = path.join(d, 'ut');
    const { run: r, report } = await run(['check', input, '--json', '-', '--quiet', '--out', out], [input]);
    expect(r.code).toBe(0);
    expect(report!.files[0].sheets[0].tables).toEqual([expect.objectContaining({ title: expect.stringContaining('Försäljning') })]);
    const copy = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(out, 'latin1.xlsx'))))['xl/worksheets/sheet1.xml']);
    expect(copy).toContain('Försäljning');
    expect(copy).not.toContain('ï¿½');
    expect(copy).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
  });

  test('an unknown encoding and a DOCTYPE are refused clearly', async () => {
    const d = dir('enc');
    const bad = `<?xml version="1.0" encoding="x-klingon"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
    const dtd = `<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
    const files = [write(d, 'klingon.xlsx', workbook(bad)), write(d, 'dtd.xlsx', workbook(dtd)), write(d, 'bra.xlsx', workbook(goodSheet()))];
    const { report } = await run(['check', ...files, '--json', '-', '--quiet'], files);
    expect(errorOf(report!, files[0])).toMatch(/teckenkodningen x-klingon/);
    expect(errorOf(report!, files[1])).toMatch(/DOCTYPE/);
    expect(errorOf(report!, files[2])).toBeNull();
  });
});
