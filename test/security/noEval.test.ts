// Security (issue 5): no eval or new Function in our code or in the task-pane bundle,
// and the task pane allows scripts only from itself and Office's own CDN.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

const EVAL = /\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/;

describe('no eval', () => {
  it('our sources never evaluate strings as code', () => {
    const hits = files(path.join(ROOT, 'src'), /\.(ts|tsx|js)$/).filter((f) => EVAL.test(fs.readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });

  it('the production task-pane bundle has no eval or new Function', () => {
    const dist = path.join(ROOT, 'dist');
    if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    const bundles = files(dist, /\.js$/);
    expect(bundles.length).toBeGreaterThan(0);
    const hits = bundles.filter((f) => /\beval\s*\(|new Function\s*\(/.test(fs.readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});

describe('Content-Security-Policy of the task pane', () => {
  it('allows scripts from self and the Office CDN only, without unsafe-eval', () => {
    const built = path.join(ROOT, 'dist/taskpane.html');
    if (!fs.existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    const html = fs.readFileSync(built, 'utf8');
    const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html);
    expect(m).not.toBeNull();
    const csp = m![1];
    const script = /script-src ([^;]+)/.exec(csp)![1].trim().split(/\s+/);
    expect(script.sort()).toEqual(["'self'", 'https://appsforoffice.microsoft.com'].sort());
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/default-src 'self'/);
    const connect = /connect-src ([^;]+)/.exec(csp)![1].trim().split(/\s+/);
    expect(connect.every((x) => x === "'self'" || x === 'https://appsforoffice.microsoft.com')).toBe(true);
  });
});
