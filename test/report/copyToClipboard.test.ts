import { COPY_BLOCKED, copyToClipboard } from '../../src/clipboard/copyToClipboard';

const content = { html: '<table><tr><td>1</td></tr></table>', text: '1\r\n' };

/** A minimal document: records listeners, fires `copy` on execCommand when allowed. */
function fakeDocument(execAllowed: boolean) {
  const listeners: ((e: unknown) => void)[] = [];
  const data: Record<string, string> = {};
  let prevented = false;
  const doc = {
    body: { appendChild: jest.fn() },
    createElement: () => ({ style: {}, setAttribute: jest.fn(), remove: jest.fn(), textContent: '' }),
    createRange: () => ({ selectNodeContents: jest.fn() }),
    getSelection: () => ({ removeAllRanges: jest.fn(), addRange: jest.fn() }),
    addEventListener: (type: string, f: (e: unknown) => void) => type === 'copy' && listeners.push(f),
    removeEventListener: (type: string, f: (e: unknown) => void) => listeners.splice(listeners.indexOf(f), 1),
    execCommand: (cmd: string) => {
      if (cmd !== 'copy' || !execAllowed) return false;
      const e = { clipboardData: { setData: (t: string, v: string) => (data[t] = v) }, preventDefault: () => (prevented = true) };
      listeners.forEach((f) => f(e));
      return true;
    },
  };
  return { doc: doc as unknown as Document, data, listeners, prevented: () => prevented };
}

class FakeItem {
  constructor(public items: Record<string, Blob>) {}
}

/** copyToClipboard in a page whose Clipboard API writes with `write`. */
function copyWithApi(write: jest.Mock, doc: Document): ReturnType<typeof copyToClipboard> {
  return copyToClipboard(content, {
    nav: { clipboard: { write } } as unknown as Navigator,
    doc,
    win: { ClipboardItem: FakeItem } as unknown as typeof globalThis,
  });
}

describe('copyToClipboard', () => {
  it('writes HTML and plain text through the Clipboard API when it is allowed', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const f = fakeDocument(true);
    const method = await copyWithApi(write, f.doc);
    expect(method).toBe('clipboard-api');
    const item = write.mock.calls[0][0][0] as FakeItem;
    expect(Object.keys(item.items).sort()).toEqual(['text/html', 'text/plain']);
    expect(await item.items['text/html'].text()).toBe(content.html);
    expect(await item.items['text/plain'].text()).toBe(content.text);
  });

  it('falls back to a copy event when the API is blocked in the iframe', async () => {
    const write = jest.fn().mockRejectedValue(Object.assign(new Error('blocked'), { name: 'NotAllowedError' }));
    const f = fakeDocument(true);
    const method = await copyWithApi(write, f.doc);
    expect(method).toBe('copy-event');
    expect(f.data).toEqual({ 'text/html': content.html, 'text/plain': content.text });
    expect(f.prevented()).toBe(true);
    expect(f.listeners).toHaveLength(0);
  });

  it('falls back when there is no Clipboard API at all, and says so in Swedish when nothing works', async () => {
    const ok = fakeDocument(true);
    await expect(copyToClipboard(content, { nav: {} as Navigator, doc: ok.doc, win: {} as typeof globalThis })).resolves.toBe('copy-event');
    const blocked = fakeDocument(false);
    await expect(copyToClipboard(content, { nav: {} as Navigator, doc: blocked.doc, win: {} as typeof globalThis })).rejects.toThrow(COPY_BLOCKED);
  });
});
