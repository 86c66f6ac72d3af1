// Shared set-up of the browser tests: the built task pane served on 127.0.0.1 and
// Debian's chromium driven by playwright-core (no browser download).
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { execSync } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';

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
