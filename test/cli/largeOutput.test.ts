// A file with more than 50 000 checked cells through the command line: the reports are
// streamed to disk and stay complete and valid; the HTML page shows summaries and findings
// and links the full list to the CSV.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lcg, writeXlsx } from '../../bench/genWorkbook';
import { ensureCliBuilt, runCli } from '../robustness/helpers/cli';

let dir: string;
beforeAll(() => {
  expect(ensureCliBuilt()).toBeNull();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-large-'));
}, 200000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** rows lines of a label, three figures and their Totalt (one wrong), then Summa. */
function wideSpec(rows: number) {
  return {
    sheets: [
      {
        name: 'Bred',
        rows: (function* () {
          const rand = lcg(5);
          yield ['Konto', 'Jan', 'Feb', 'Mar', 'Totalt'];
          const sums = [0, 0, 0, 0];
          for (let r = 1; r <= rows; r++) {
            const v = [0, 1, 2].map(() => Math.round(rand() * 1000));
            const t = v[0] + v[1] + v[2] + (r === 7 ? 5 : 0);
            v.forEach((x, i) => (sums[i] += x));
            sums[3] += t;
            yield [`Konto ${r}`, ...v, t];
          }
          yield ['Summa', ...sums.map((s, i) => ({ v: s, f: `SUM(${'BCDE'[i]}2:${'BCDE'[i]}${rows + 1})` }))];
        })(),
      },
    ],
    level: 1,
  };
}

test('60 000 checked cells: complete JSON and CSV, an HTML page that links the CSV', async () => {
  const input = path.join(dir, 'bred.xlsx');
  writeXlsx(wideSpec(60000), input);
  const out = path.join(dir, 'ut');
  const run = await runCli(
    ['check', input, '--json', path.join(out, 'r.json'), '--csv', path.join(out, 'fynd.csv'), '--html', path.join(out, 'r.html'), '--quiet'],
    { timeoutMs: 60000 },
  );
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
  const report = JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8'));
  const cells = report.files[0].sheets[0].cells;
  expect(cells.length).toBe(report.summary.cells);
  expect(report.summary.cells).toBeGreaterThan(50000);
  expect(cells.find((c: { address: string }) => c.address === 'E8').status).toBe('error');
  const csv = fs.readFileSync(path.join(out, 'fynd.csv'), 'utf8').split('\r\n');
  expect(csv.length).toBeGreaterThan(50000);
  const html = fs.readFileSync(path.join(out, 'r.html'), 'utf8');
  expect(html).toContain('<a href="fynd.csv">fynd.csv</a>');
  expect(html).not.toContain('<table class="grid">');
  expect(html).toMatch(/<td>E8<\/td>/);
  expect(html.length).toBeLessThan(200000);
}, 90000);
