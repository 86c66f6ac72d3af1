// The preview's Web Worker (dist/previewWorker.js): one PreviewCore, answering the page's
// numbered requests; progress messages carry the same number.
import { PreviewCore, type Request } from './workerCore';

interface Envelope {
  id: number;
  req: Request;
}

const core = new PreviewCore();
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage: (m: unknown, t?: Transferable[]) => void };

scope.onmessage = (e) => {
  const { id, req } = e.data;
  try {
    const value = core.handle(req, (phase) => scope.postMessage({ id, progress: phase }));
    const transfer: Transferable[] = value instanceof Uint8Array ? [value.buffer] : [];
    scope.postMessage({ id, value }, transfer);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
