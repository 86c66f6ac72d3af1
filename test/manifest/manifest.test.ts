// Local manifest validation (the online validator cannot be reached): the required
// elements in schema order, the Excel requirement, the Home tab button with its
// resources, and every URL pointing at https://localhost:3000 and a file the build emits.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A small XML parser: enough for a manifest (no DTDs, no CDATA). */
function parse(src: string): El {
  const body = src.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const [, closing, name, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += text.trim();
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const el: El = { name, attrs, children: [], text: '' };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

const doc = parse(xml);
const app = doc.children[0];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const all = (el: El, pred: (e: El) => boolean, out: El[] = []): El[] => {
  if (pred(el)) out.push(el);
  el.children.forEach((c) => all(c, pred, out));
  return out;
};

test('root is a TaskPaneApp with the required elements in schema order', () => {
  expect(app.name).toBe('OfficeApp');
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
  const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  expect(app.children.map((c) => c.name)).toEqual(order);
});

test('identity, locale, Swedish texts and permissions', () => {
  expect(child(app, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(child(app, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(app, 'ProviderName')!.text).not.toBe('');
  expect(child(app, 'DefaultLocale')!.text).toBe('sv-SE');
  expect(child(app, 'DisplayName')!.attrs.DefaultValue).toBe('Summakoll');
  const description = child(app, 'Description')!.attrs.DefaultValue;
  expect(description.length).toBeGreaterThan(20);
  expect(description.length).toBeLessThanOrEqual(250);
  expect(description).toMatch(/[åäö]/);
  expect(child(app, 'Permissions')!.text).toBe('ReadWriteDocument');
});

test('Excel host and ExcelApi 1.9 or newer', () => {
  expect(child(app, 'Hosts')!.children.map((h) => h.attrs.Name)).toContain('Workbook');
  const sets = all(child(app, 'Requirements')!, (e) => e.name === 'Set');
  const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
  expect(excel).toBeDefined();
  const [major, minor] = excel!.attrs.MinVersion.split('.').map(Number);
  expect(major > 1 || (major === 1 && minor >= 9)).toBe(true);
});

test('a Summakoll button on the Home tab opens the task pane, and every resid resolves', () => {
  const overrides = child(app, 'VersionOverrides')!;
  const workbook = all(overrides, (e) => e.name === 'Host' && e.attrs['xsi:type'] === 'Workbook')[0];
  expect(workbook).toBeDefined();
  const tab = all(workbook, (e) => e.name === 'OfficeTab')[0];
  expect(tab.attrs.id).toBe('TabHome');
  const button = all(tab, (e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button')[0];
  const action = child(button, 'Action')!;
  expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
  expect(all(workbook, (e) => e.name === 'FunctionFile')).toHaveLength(1);

  const resources = child(overrides, 'Resources')!;
  const ids = new Map(all(resources, (e) => Boolean(e.attrs.id)).map((e) => [e.attrs.id, e]));
  const label = ids.get(child(button, 'Label')!.attrs.resid)!;
  expect(label.attrs.DefaultValue).toBe('Summakoll');
  const used = all(overrides, (e) => Boolean(e.attrs.resid)).map((e) => e.attrs.resid);
  expect(used.length).toBeGreaterThan(5);
  for (const resid of used) expect(ids.has(resid)).toBe(true);
  expect(ids.get(child(action, 'SourceLocation')!.attrs.resid)!.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  const iconSizes = all(child(button, 'Icon')!, (e) => e.name === 'bt:Image').map((e) => e.attrs.size);
  expect(iconSizes).toEqual(['16', '32', '80']);
  // Short strings have a 125-character limit, long strings 250.
  for (const s of all(resources, (e) => e.name === 'bt:String')) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
});

test('every URL is https://localhost:3000 and maps to a file the build emits', () => {
  const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)].map((m) => m[1] ?? m[2]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
  expect(urls.length).toBeGreaterThanOrEqual(8);
  // What webpack emits: its HTML pages and copied files (read from the config, so the
  // test follows the build rather than a list of its own).
  const emitted = new Set<string>();
  const source = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  for (const m of source.matchAll(/filename: '([^']+\.html)'/g)) emitted.add(m[1]);
  for (const m of source.matchAll(/to: '([^'[\]]+)'/g)) emitted.add(m[1]);
  for (const url of urls) {
    expect(url.startsWith('https://localhost:3000')).toBe(true);
    const p = url.replace(/^https:\/\/localhost:3000\/?/, '');
    if (p === '') continue; // the AppDomain origin itself
    if (p.startsWith('assets/')) {
      const file = path.join(ROOT, p);
      expect(fs.existsSync(file)).toBe(true);
      // A real PNG with the size its name says.
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const size = /icon-(\d+)\.png$/.exec(p);
      if (size) expect(png.readUInt32BE(16)).toBe(Number(size[1]));
    } else {
      expect([...emitted]).toContain(p);
    }
    if (fs.existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) expect(fs.existsSync(path.join(ROOT, 'dist', p))).toBe(true);
  }
});

test('icons exist at 16, 32, 64 and 80 pixels', () => {
  for (const size of [16, 32, 64, 80]) {
    const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  }
});
