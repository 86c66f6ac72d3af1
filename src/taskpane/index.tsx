// Entry point: inside Excel or Word the Office.js adapter, anywhere else (a plain browser, or
// when office.js could not load) the .xlsx preview. Same UI either way.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createExcelAdapter } from '../excel/excelAdapter';
import { createPreviewAdapter } from '../preview/previewAdapter';
import { createWordAdapter } from '../word/wordAdapter';
import type { HostAdapter } from '../host/hostAdapter';
import type { PreviewAdapter } from '../preview/previewAdapter';

interface OfficeGlobal {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel: unknown; Word?: unknown };
}

/** Resolves the host Office reports, or null outside Office (office.js missing or slow). */
async function officeHost(): Promise<unknown> {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  if (!office?.onReady) return null;
  try {
    const info = await Promise.race([office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    return info?.host ?? null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const host = await officeHost();
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  let adapter: HostAdapter;
  let preview: PreviewAdapter | undefined;
  if (host !== null && host === office?.HostType?.Excel) {
    adapter = createExcelAdapter();
  } else if (host !== null && host === office?.HostType?.Word) {
    adapter = createWordAdapter();
  } else {
    preview = createPreviewAdapter();
    adapter = preview;
  }
  document.documentElement.dataset.host = adapter.host;
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} preview={preview} />
    </FluentProvider>,
  );
}

void start();
