// A bug in Summakoll is never reported as the user's damaged file: it prints "Ett internt
// fel i Summakoll" with the file name, exits 2, and the other files are still checked.
// Runs main() in this process (the TypeScript sources have no compiled worker, so the jobs
// run in-process) with the engine made to throw for one file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { goodSheet, workbook } from '../helpers/workbooks';

jest.mock('../../src/engine', () => {
  const actual = jest.requireActual('../../src/engine');
  return {
    ...actual,
    checkWorkbook: (wb: { sheets: { name: string }[] }, opts: unknown) => {
      if (wb.sheets.some((s) => s.name === 'Bugg')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return actual.checkWorkbook(wb, opts);
    },
  };
});

import { main } from '../../src/cli/main';
import { runFileJob } from '../../src/cli/fileJob';
import { asSummakollError, SummakollError } from '../../src/ooxml/errors';

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-internal-'));
  fs.writeFileSync(path.join(dir, 'bugg.xlsx'), workbook(goodSheet(), { sheetName: 'Bugg' }));
  fs.writeFileSync(path.join(dir, 'bra.xlsx'), workbook(goodSheet()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an internal error names the file, exits 2, is not called damaged, and the other file is checked', async () => {
  const out = sink();
  const err = sink();
  const json = path.join(dir, 'rapport.json');
  const code = await main(['check', path.join(dir, 'bugg.xlsx'), path.join(dir, 'bra.xlsx'), '--json', json, '--quiet'], {
    stdout: out.stream,
    stderr: err.stream,
  });
  expect(code).toBe(2);
  expect(err.text()).toContain(`Ett internt fel i Summakoll: ${path.join(dir, 'bugg.xlsx')}`);
  const report = JSON.parse(fs.readFileSync(json, 'utf8'));
  const bug = report.files.find((f: { file: string }) => f.file.endsWith('bugg.xlsx'));
  expect(bug.error).toMatch(/^Ett internt fel i Summakoll/);
  expect(bug.error).not.toMatch(/skadad|TypeError|Cannot read/);
  expect(report.files.find((f: { file: string }) => f.file.endsWith('bra.xlsx')).error).toBeNull();
});

test('runFileJob marks a bug as internal with its detail, a refusal with its own code', () => {
  const partsDir = fs.mkdtempSync(path.join(dir, 'parts-'));
  const base = { partsDir, json: true, csv: false, html: false, summary: false };
  const bug = runFileJob({ ...base, index: 0, display: 'bugg.xlsx', path: path.join(dir, 'bugg.xlsx') });
  expect(bug).toMatchObject({ code: 'internal', summary: null, detail: expect.stringContaining('TypeError') });
  fs.writeFileSync(path.join(dir, 'tom.xlsx'), '');
  const empty = runFileJob({ ...base, index: 1, display: 'tom.xlsx', path: path.join(dir, 'tom.xlsx') });
  expect(empty).toMatchObject({ code: 'damaged', error: expect.stringMatching(/tom/) });
});

test('asSummakollError keeps our errors and turns anything else into an internal one', () => {
  const ours = new SummakollError('Filen är krypterad.', 'encrypted');
  expect(asSummakollError(ours)).toBe(ours);
  const bug = asSummakollError(new RangeError('Invalid array length'));
  expect(bug.code).toBe('internal');
  expect(bug.message).toMatch(/^Ett internt fel i Summakoll/);
  expect(bug.message).not.toMatch(/Invalid array length/);
});
