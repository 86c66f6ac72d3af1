// The browser preview in real headless Chromium: open a fixture workbook (it is checked at
// once), see the summary and the red cells, click a finding, download the coloured copy and
// read it back with exceljs. No request may leave the page's own origin.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { fixture } from '../helpers/shared';
import { OFFICE_JS, RESULTS, startPreview, stopPreview } from './harness';

const FIXTURE = fixture('000_budgetfordelning_budgetvaxlingar.xlsx');

let server: http.Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  ({ server, browser, origin } = await startPreview());
}, 180_000);

afterAll(async () => {
  await stopPreview({ server, browser });
});

test('preview: check a workbook, see red cells, select a finding, download the coloured copy', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // A CSP violation is reported on the console; none may happen.
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    if (url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });

  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole('button', { name: 'Öppna .xlsx-fil' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe('preview');

  await page.setInputFiles('#sk-file', FIXTURE);
  await page.getByTestId('file-name').waitFor();

  const summary = page.getByTestId('summary');
  await summary.waitFor();
  const summaryText = (await summary.getByRole('status').textContent()) ?? '';
  const m = /^(\d+) celler stämmer inte, (\d+) avrundningsdifferens(?:er)?, (\d+) celler stämmer$/.exec(summaryText.trim());
  expect(m).not.toBeNull();
  // Budgetfördelning D6, H6, D9 and Budgetväxlingar F4, F11 are wrong in this fixture.
  expect(Number(m![1])).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.sk-filter[data-status="error"]').textContent()).resolves.toBe(`✗ ${m![1]} stämmer inte`);

  const grid = page.locator('[data-testid="grid"][data-sheet="Budgetfördelning"]');
  for (const a of ['D6', 'H6', 'D9']) {
    const cell = grid.locator(`td[data-address="${a}"]`);
    await expect(cell.getAttribute('data-status')).resolves.toBe('error');
    await expect(cell.textContent()).resolves.toContain('Stämmer inte');
  }

  // Clicking the finding for Budgetväxlingar F11 shows that sheet and highlights the cell;
  // focus stays on the finding in the list.
  const f11Finding = page.locator('button.sk-finding[data-sheet="Budgetväxlingar"][data-address="F11"]');
  await f11Finding.click();
  const f11 = page.locator('[data-testid="grid"][data-sheet="Budgetväxlingar"] td[data-address="F11"]');
  await expect(f11.getAttribute('data-selected')).resolves.toBe('true');
  await expect(f11.getAttribute('data-status')).resolves.toBe('error');
  expect(await f11Finding.evaluate((el) => el === document.activeElement)).toBe(true);

  // Keyboard: the findings are reachable and activated with Enter.
  await page.locator('button.sk-finding[data-sheet="Budgetfördelning"][data-address="D6"]').focus();
  await page.keyboard.press('Enter');
  await expect(grid.locator('td[data-address="D6"]').getAttribute('data-selected')).resolves.toBe('true');

  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'preview.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned färgad kopia' }).click()]);
  expect(download.suggestedFilename()).toBe('000_budgetfordelning_budgetvaxlingar-summakoll.xlsx');
  const saved = path.join(RESULTS, download.suggestedFilename());
  await download.saveAs(saved);

  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(FIXTURE);
  const coloured = new ExcelJS.Workbook();
  await coloured.xlsx.readFile(saved);
  // The statuses are Summakoll's conditional formats (as in Excel), not fills over the cells.
  type Cf = { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] };
  const cfs = (coloured.getWorksheet('Budgetfördelning') as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
  const red = cfs.find((cf) => cf.rules[0].formulae?.[0] === 'N("Summakoll")=0' && /FFC7CE$/i.test(String(cf.rules[0].style?.fill?.bgColor?.argb)));
  const col = (a: string) => [...a.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (a: string) => Number(/\d+$/.exec(a)![0]);
  const holdsD6 = (area: string) => {
    const [a, b = a] = area.split(':');
    return col(a) <= 4 && col(b) >= 4 && row(a) <= 6 && row(b) >= 6;
  };
  expect(red?.ref.split(' ').some(holdsD6)).toBe(true);
  expect(coloured.getWorksheet('Budgetfördelning')!.getCell('D6').fill).toEqual(original.getWorksheet('Budgetfördelning')!.getCell('D6').fill);
  // Every value and formula is unchanged.
  original.eachSheet((ws) => {
    const copy = coloured.getWorksheet(ws.name)!;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(copy.getCell(cell.address).value).toEqual(cell.value);
      }),
    );
  });

  expect(pageErrors).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
}, 120_000);
