// The Word manifest: same task pane, Document host, WordApi 1.3, and every resource
// the Excel manifest also uses (so the build serves both).
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const word = fs.readFileSync(path.join(ROOT, 'manifest.word.xml'), 'utf8');
const excel = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

const tagValue = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
const urls = (xml: string) => [...xml.matchAll(/"(https:\/\/localhost:3000[^"]*)"/g)].map((m) => m[1]).sort();

test('a TaskPaneApp for Word documents with WordApi 1.3', () => {
  expect(word).toContain('xsi:type="TaskPaneApp"');
  expect(word).toMatch(/<Hosts>\s*<Host Name="Document"\/>\s*<\/Hosts>/);
  expect(word).toContain('<Set Name="WordApi" MinVersion="1.3"/>');
  expect(word).toContain('<Host xsi:type="Document">');
  expect(word.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/ExcelApi|Workbook/);
  expect(word).toContain('<DefaultLocale>sv-SE</DefaultLocale>');
});

test('its own add-in id, the same version and pages as the Excel manifest', () => {
  const id = tagValue(word, 'Id')!;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(id).not.toBe(tagValue(excel, 'Id'));
  expect(tagValue(word, 'Version')).toBe(tagValue(excel, 'Version'));
  expect(urls(word)).toEqual(urls(excel));
});

test('every resid resolves and the XML is balanced', () => {
  const ids = new Set([...word.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const m of word.matchAll(/resid="([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
  const stack: string[] = [];
  for (const m of word.replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([\w:.-]+)(?:\s[^>]*?)?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
});

test('the build copies the Word manifest into dist/ next to the Excel one', () => {
  const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(config).toMatch(/\{\s*from: 'manifest\.word\.xml',\s*to: 'manifest\.word\.xml'\s*\}/);
  // When a build exists, the copy is the file itself.
  const built = path.join(ROOT, 'dist', 'manifest.word.xml');
  if (fs.existsSync(path.join(ROOT, 'dist', 'taskpane.html')) && fs.existsSync(built)) {
    expect(fs.readFileSync(built, 'utf8')).toBe(word);
  }
});
