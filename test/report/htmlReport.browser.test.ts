// Headless Chromium opens the HTML report and the "Kopiera till Word" HTML and checks
// what a person would see: escaped text, status colours only in the report, Swedish
// figures, alignment and bold totals in the copy. Screenshots go to test-results/.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { RESULTS, launchChromium } from '../browser/harness';
import { renderHtmlReport } from '../../src/report/html';
import { tableForCopy } from '../../src/clipboard/tableForCopy';
import { XSS, sampleResult, sampleWorkbook } from './sampleRun';

const OUT = RESULTS;

let browser: Browser;
let page: Page;
let dialogs = 0;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in Chromium', () => {
  it('shows cell text as text, colours status cells, loads nothing external', async () => {
    const file = join(OUT, 'report.html');
    writeFileSync(
      file,
      renderHtmlReport([
        { file: `rapport ${XSS}.xlsx`, error: null, workbook: sampleWorkbook(), result: sampleResult() },
        { file: 'trasig.docx', error: 'Word-dokumentet är lösenordsskyddat (krypterat).', workbook: null, result: null },
      ]),
    );
    requests.length = 0;
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(await page.locator('table.grid td', { hasText: XSS }).count()).toBe(1);
    expect(await page.locator('h2', { hasText: XSS }).count()).toBe(1);

    const errorCell = page.locator('table.grid td.s-error');
    expect(await errorCell.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 199, 206)');
    expect(await errorCell.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(156, 0, 6)');
    expect(await errorCell.innerText()).toBe('1\u00a0778\u00a0445✗');
    expect(await page.locator('table.grid td.s-warning').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 235, 156)');
    expect(await page.locator('table.grid td.s-ok').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(198, 239, 206)');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
  });
});

describe('"Kopiera till Word" HTML in Chromium', () => {
  it('has no status fills, right-aligned Swedish figures, bold totals and thin borders', async () => {
    const table = sampleResult().sheets[0].tables[0];
    const copy = tableForCopy(sampleWorkbook(), sampleResult(), 'Budget', table);
    writeFileSync(join(OUT, 'word-copy.html'), copy.html);
    await page.setContent(copy.html);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);

    const cells = await page.locator('td').evaluateAll((tds) =>
      tds.map((td) => {
        const s = getComputedStyle(td);
        return {
          text: (td as HTMLElement).innerText,
          background: s.backgroundColor,
          align: s.textAlign,
          weight: s.fontWeight,
          border: `${s.borderTopWidth} ${s.borderTopStyle}`,
        };
      }),
    );
    expect(cells.length).toBe(1 + 3 + 3 + 3 + 3);
    // No fills at all: the copy never carries status colours.
    expect(cells.every((c) => c.background === 'rgba(0, 0, 0, 0)')).toBe(true);
    expect(cells.every((c) => /^0\.\d+px solid$|^1px solid$/.test(c.border))).toBe(true);
    const byText = (t: string) => cells.find((c) => c.text === t)!;
    expect(byText(XSS).align).not.toBe('right');
    expect(byText('1\u00a0777\u00a0590').align).toBe('right');
    expect(byText('\u22123,4').align).toBe('right');
    expect(byText('Summa').weight).toBe('700');
    expect(byText('1\u00a0778\u00a0445').weight).toBe('700');
    expect(byText('855').weight).toBe('400');
    expect(copy.errorCells).toBe(1);
    await page.screenshot({ path: join(OUT, 'word-copy.png'), fullPage: true });
  });
});
