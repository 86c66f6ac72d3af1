// "Kopiera till Word" in the browser preview, in real headless Chromium: the copied HTML
// of seed 000's Budgetfördelning table has the report's look and none of Summakoll's
// status fills; and cell text that looks like HTML stays text in the grid and task pane.
import { fixture } from '../helpers/shared';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { OFFICE_JS, RESULTS, startPreview, stopPreview } from './harness';

const FIXTURE = fixture('000_budgetfordelning_budgetvaxlingar.xlsx');
const XSS = '<img src=x onerror=alert(1)>';

// Records what the page puts on the clipboard, through the Clipboard API or the copy-event fallback.
const RECORD_CLIPBOARD = `
  window.__copied = [];
  const record = (html, text) => window.__copied.push({ html, text });
  if (navigator.clipboard) {
    navigator.clipboard.write = async (items) => {
      for (const item of items) {
        const html = item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
        const text = item.types.includes('text/plain') ? await (await item.getType('text/plain')).text() : '';
        record(html, text);
      }
    };
  }
  document.addEventListener('copy', (e) => {
    const d = e.clipboardData;
    if (d && d.getData('text/html')) record(d.getData('text/html'), d.getData('text/plain'));
  });
`;

let server: http.Server;
let browser: Browser;
let origin: string;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-copy-'));
  ({ server, browser, origin } = await startPreview());
}, 180_000);

afterAll(async () => {
  await stopPreview({ server, browser });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openChecked(page: Page, file: string, problems: string[]): Promise<void> {
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    if (url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    problems.push(`request: ${url}`);
    return route.abort();
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole('button', { name: 'Öppna .xlsx-fil' }).waitFor();
  await page.setInputFiles('#sk-file', file);
  await page.getByTestId('file-name').waitFor();
  await page.getByTestId('summary').waitFor();
}

test('Kopiera till Word: the Budgetfördelning table, after confirming its red cells', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  await context.addInitScript(RECORD_CLIPBOARD);
  const page = await context.newPage();
  const problems: string[] = [];
  await openChecked(page, FIXTURE, problems);

  await page.getByRole('button', { name: /^Kopiera till Word: Uppföljning av nämndens/ }).first().click();
  // D6, H6 and D9 are red: the task pane asks first (a dialog that has focus) and copies nothing yet.
  const question = page.getByRole('dialog');
  await question.waitFor();
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  // Escape closes the question without copying; asked again, it is answered.
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => (window as unknown as { __copied: unknown[] }).__copied.length)).toBe(0);
  await page.getByRole('button', { name: /^Kopiera till Word: Uppföljning av nämndens/ }).first().click();
  await question.waitFor();
  await expect(question.textContent()).resolves.toMatch(/Tabellen har \d+ celler som inte stämmer/);
  expect(await page.evaluate(() => (window as unknown as { __copied: unknown[] }).__copied.length)).toBe(0);
  await question.getByRole('button', { name: 'Kopiera ändå' }).click();
  await page.waitForFunction(() => (window as unknown as { __copied: unknown[] }).__copied.length > 0);
  const [copied] = await page.evaluate(() => (window as unknown as { __copied: { html: string; text: string }[] }).__copied);

  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'preview-copy.png'), fullPage: true });

  // Look at the copied HTML the way Word will: render it in a page of its own.
  const view = await context.newPage();
  await view.setContent(copied.html);
  const cells = await view.$$eval('td', (tds) =>
    tds.map((td) => {
      const s = getComputedStyle(td);
      return {
        text: td.textContent ?? '',
        align: s.textAlign,
        weight: Number(s.fontWeight),
        background: s.backgroundColor,
        border: `${s.borderTopStyle} ${s.borderTopWidth}`,
        row: (td.parentElement as HTMLTableRowElement).rowIndex,
      };
    }),
  );
  await view.screenshot({ path: path.join(RESULTS, 'preview-copy-word.png'), fullPage: true });

  // No status colour anywhere: not in the markup, not in what the browser paints.
  for (const fill of ['#C6EFCE', '#FFEB9C', '#FFC7CE', 'C6EFCE', 'FFEB9C', 'FFC7CE']) expect(copied.html.toUpperCase()).not.toContain(fill);
  expect(cells.every((c) => c.background === 'rgba(0, 0, 0, 0)')).toBe(true);
  // Header rows kept, title first; the template's helper rows are not copied.
  expect(cells[0].text).toBe('Uppföljning av nämndens beslutade fördelning av budgetramen 2024');
  expect(copied.html).not.toMatch(/Ange nämnd|Kolumn:/);
  expect(cells.some((c) => c.text === '(tkr)')).toBe(true);
  // Swedish figures: no-break space grouping, decimal comma; right-aligned.
  const figure = (t: string) => cells.find((c) => c.text === t);
  for (const t of ['1\u00a0777\u00a0590', '1\u00a0778\u00a0945', '1\u00a0355', '3,3']) {
    expect(figure(t)).toBeDefined();
    expect(figure(t)!.align).toBe('right');
  }
  expect(copied.html).not.toMatch(/\d \d{3}/); // never a plain space inside a figure
  // A minus in a figure would be U+2212, never a hyphen (this table has no negative figure).
  expect(cells.filter((c) => /^-\d/.test(c.text))).toEqual([]);
  // The Summa row is bold, the body rows are not.
  const summaRow = cells.find((c) => c.text === 'Summa')!.row;
  expect(cells.filter((c) => c.row === summaRow).every((c) => c.weight >= 600)).toBe(true);
  expect(cells.find((c) => c.text === 'Reception & vaktmästeri LG2')!.weight).toBeLessThan(600);
  // Thin solid borders on every cell.
  for (const c of cells) expect(c.border).toMatch(/^solid (0\.5|0\.6\d*|1)px$/);
  // The plain text, tab-separated, for pasting elsewhere.
  expect(copied.text.split(/\r?\n/).find((l) => l.startsWith('Summa'))).toBe(
    'Summa\t1\u00a0777\u00a0590\t1\u00a0355\t1\u00a0778\u00a0945\t1\u00a0109\u00a0801\t70\u00a0508\t1\u00a0713\u00a0053\t65\u00a0892\t35\u00a0041\t',
  );
  await expect(page.getByText('Tabellen är kopierad. Klistra in den i Word.')).toBeVisible();

  expect(problems).toEqual([]);
  await context.close();
}, 120_000);

test('cell text that looks like HTML is shown as text in the grid and the task pane', async () => {
  const file = path.join(tmp, 'html-text.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kostnader');
  ws.addRow([`Kostnader ${XSS} (tkr)`, null]);
  ws.addRow(['Enhet', 'Utfall 2025', 'Budget 2025', 'Prognos 2025']);
  ws.addRow([XSS, 1200, 1300, 1250]);
  ws.addRow(['Söder', 3400, 3300, 3350]);
  // Utfall wrong on purpose (Budget and Prognos reconcile, so the row corroborates it): the
  // table gets a finding and a section in the task pane.
  ws.addRow(['Summa', 4700, 4600, 4600]);
  await wb.xlsx.writeFile(file);

  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await openChecked(page, file, problems);

  const grid = page.locator('[data-testid="grid"][data-sheet="Kostnader"]');
  await expect(grid.locator('td[data-address="A3"]').textContent()).resolves.toBe(XSS);
  await expect(grid.locator('td[data-address="A1"]').textContent()).resolves.toBe(`Kostnader ${XSS} (tkr)`);
  await expect(grid.locator('td[data-address="B5"]').getAttribute('data-status')).resolves.toBe('error');
  // The task pane shows the table title (which holds the text) as text too.
  await expect(page.getByTestId('findings').getByText(XSS).first()).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  await page.waitForTimeout(200); // an onerror handler would have fired by now
  expect(problems).toEqual([]);
  await page.screenshot({ path: path.join(RESULTS, 'preview-html-text.png'), fullPage: true });
  await context.close();
}, 120_000);

// jest's expect has no toBeVisible for locators: a small stand-in.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisible(): Promise<R>;
    }
  }
}
expect.extend({
  async toBeVisible(locator: { waitFor: (o: { state: 'visible'; timeout: number }) => Promise<void> }) {
    try {
      await locator.waitFor({ state: 'visible', timeout: 5000 });
      return { pass: true, message: () => 'visible' };
    } catch {
      return { pass: false, message: () => 'not visible within 5 s' };
    }
  },
});
