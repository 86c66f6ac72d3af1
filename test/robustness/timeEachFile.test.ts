// The corpus test's per-file timer must notice a hang or a dying process and go on with
// the next file, not wait forever. Driven by a stand-in reader that misbehaves on cue.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { timeEachFile } from './helpers/timeEachFile';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-timer-'));
  fs.mkdirSync(path.join(dir, 'lib', 'xlsx'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'lib', 'engine'), { recursive: true });
  // The file's text says what the stand-in reader does with it.
  fs.writeFileSync(
    path.join(dir, 'lib', 'xlsx', 'index.js'),
    `exports.readXlsx = (bytes) => {
      const what = Buffer.from(bytes).toString();
      if (what === 'hang') for (;;) {}
      if (what === 'die') process.exit(9);
      if (what === 'refuse') { const e = new Error('Filen är skadad.'); e.name = 'XlsxReadError'; throw e; }
      return { sheets: [] };
    };`,
  );
  fs.writeFileSync(
    path.join(dir, 'lib', 'engine', 'index.js'),
    `exports.checkWorkbook = () => ({ sheets: [], summary: { tables: 0, cells: 0, ok: 0, warning: 0, error: 0 } });`,
  );
  for (const what of ['ok', 'hang', 'refuse', 'die', 'ok2']) fs.writeFileSync(path.join(dir, `${what}.xlsx`), what.replace(/\d$/, ''));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a hanging file is stopped at the limit, a dying process recorded, and the rest still timed', async () => {
  const files = ['ok', 'hang', 'refuse', 'die', 'ok2'].map((n) => path.join(dir, `${n}.xlsx`));
  const t0 = Date.now();
  const result = await timeEachFile(files, 1500, path.join(dir, 'lib'));
  expect(result.map((r) => r.status)).toEqual(['checked', 'hang', 'refused', 'crash', 'checked']);
  expect(result[1].ms).toBeGreaterThanOrEqual(1500);
  expect(result[2].message).toBe('Filen är skadad.');
  expect(Date.now() - t0).toBeLessThan(10000);
});
