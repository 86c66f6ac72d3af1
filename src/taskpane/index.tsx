// Entry point. taskpane.html: inside Office (decided without the network, officeHost.ts)
// office.js is loaded and the Excel or Word adapter used; anywhere else, and on preview.html
// always, the .xlsx preview starts at once. Same UI either way.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createExcelAdapter } from '../excel/excelAdapter';
import { createPreviewAdapter } from '../preview/previewAdapter';
import { createWordAdapter } from '../word/wordAdapter';
import type { HostAdapter } from '../host/hostAdapter';
import type { PreviewAdapter } from '../preview/previewAdapter';
import { loadOfficeJs, officeHinted } from './officeHost';
import { T } from '../ui/texts';

interface OfficeGlobal {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel: unknown; Word?: unknown };
}

/** The host Office reports, or null when office.js did not load or Office did not answer. */
async function officeHost(): Promise<unknown> {
  if (!(await loadOfficeJs())) return null;
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  if (!office?.onReady) return null;
  try {
    const info = await Promise.race([office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), 10000))]);
    return info?.host ?? null;
  } catch {
    return null;
  }
}

function render(adapter: HostAdapter, preview?: PreviewAdapter, startNotice?: string): void {
  document.documentElement.dataset.host = adapter.host;
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} preview={preview} startNotice={startNotice} />
    </FluentProvider>,
  );
}

function startPreview(notice?: string): void {
  const preview = createPreviewAdapter({ workerUrl: new URL('previewWorker.js', document.baseURI).href });
  render(preview, preview, notice);
}

async function start(): Promise<void> {
  const previewOnly = document.documentElement.dataset.page === 'preview';
  if (previewOnly || !officeHinted()) return startPreview();
  const host = await officeHost();
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  if (host !== null && host === office?.HostType?.Excel) render(createExcelAdapter());
  else if (host !== null && host === office?.HostType?.Word) render(createWordAdapter());
  else startPreview(T.officeFailed);
}

void start();
