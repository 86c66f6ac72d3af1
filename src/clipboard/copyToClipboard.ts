// Putting HTML and plain text on the clipboard. The async Clipboard API is often
// blocked inside Office's web iframe (permissions policy), so fall back to a
// `copy` event whose handler sets both formats, triggered by execCommand('copy').
import type { ClipboardTable } from './tableHtml';
import { T } from '../ui/texts';

export type CopyMethod = 'clipboard-api' | 'copy-event';

export const COPY_BLOCKED = T.copyBlocked;

async function viaClipboardApi(content: ClipboardTable, nav: Navigator, win: typeof globalThis): Promise<boolean> {
  const Item = (win as unknown as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (!nav.clipboard?.write || !Item) return false;
  try {
    await nav.clipboard.write([
      new Item({
        'text/html': new Blob([content.html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

function viaCopyEvent(content: ClipboardTable, doc: Document): boolean {
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/html', content.html);
    e.clipboardData.setData('text/plain', content.text);
    e.preventDefault();
  };
  // Some browsers only fire `copy` when something is selected: select a hidden node.
  const holder = doc.createElement('div');
  holder.textContent = content.text;
  holder.setAttribute('aria-hidden', 'true');
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.style.top = '0';
  doc.body.appendChild(holder);
  const selection = doc.getSelection?.();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(holder);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy);
    selection?.removeAllRanges();
    holder.remove();
  }
}

/** Copy; resolves with the method that worked, rejects with a Swedish message when none did. */
export async function copyToClipboard(
  content: ClipboardTable,
  env: { nav?: Navigator; doc?: Document; win?: typeof globalThis } = {},
): Promise<CopyMethod> {
  const nav = env.nav ?? navigator;
  const doc = env.doc ?? document;
  const win = env.win ?? globalThis;
  if (await viaClipboardApi(content, nav, win)) return 'clipboard-api';
  if (viaCopyEvent(content, doc)) return 'copy-event';
  throw new Error(COPY_BLOCKED);
}
