// Shared set-up of the browser tests: the built task pane served on 127.0.0.1 and
// Debian's chromium driven by playwright-core (no browser download).
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { execSync } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

/** A static server for dir on a free port of 127.0.0.1. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = path.join(dir, url === '/' ? 'taskpane.html' : url);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export function originOf(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Build the task pane when dist/ is missing (npm test builds it first). */
export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found. Install it with: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Preview {
  server: http.Server;
  browser: Browser;
  origin: string;
}

/** The built task pane served locally and a browser to open it in. */
export async function startPreview(): Promise<Preview> {
  ensureBuilt();
  const server = await serve(DIST);
  return { server, origin: originOf(server), browser: await launchChromium() };
}

export async function stopPreview(p: Partial<Preview>): Promise<void> {
  await p.browser?.close();
  if (p.server) await new Promise((r) => p.server!.close(r));
}

/** Abort every request that leaves the page's origin (office.js included); collect them and page errors. */
export async function offline(page: Page, origin: string, problems: string[]): Promise<void> {
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    return route.abort();
  });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays strict):
 *  the critical and serious violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE};0`);
  const violations = await page.evaluate(async () => {
    type Node = { target: string[]; element?: Element };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], elementRef: true });
    // Fluent UI's focus sentinels (Tabster's `<i data-tabster-dummy tabindex=0 aria-hidden>`) are
    // focusable and aria-hidden on purpose: they hand focus on at once. A known axe false
    // positive (microsoft/tabster#288); accessibility-insights-web suppresses it the same way.
    const isDummy = (n: Node) => !!n.element?.hasAttribute('data-tabster-dummy');
    return r.violations
      .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !isDummy(n)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** No sideways page scroll, and nothing outside the viewport except inside the pane's own scroll boxes. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) out.push(`page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    const width = de.clientWidth;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('.sk-grid-wrap, .sk-findings, [data-overflowing]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.position === 'fixed') continue;
      if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)} (${(el.textContent ?? '').slice(0, 40)})`);
    }
    return out.slice(0, 10);
  });
}
