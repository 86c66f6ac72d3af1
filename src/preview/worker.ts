// The preview's Web Worker (dist/previewWorker.js): one PreviewCore, answering the page's
// numbered requests; progress messages carry the same number.
import { PreviewCore, type Request } from './workerCore';

interface Envelope {
  id: number;
  req: Request;
}

const core = new PreviewCore();
/** Long lists go in pieces: the page then deserialises each in a short task of its own. */
const PIECE = 2000;
const CHUNKED = ['problems', 'tables'];
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage: (m: unknown, t?: Transferable[]) => void };

scope.onmessage = (e) => {
  const { id, req } = e.data;
  try {
    let value = core.handle(req, (phase) => scope.postMessage({ id, progress: phase }));
    if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const key of CHUNKED) {
        const list = rest[key];
        if (!Array.isArray(list) || list.length <= PIECE) continue;
        for (let i = 0; i < list.length; i += PIECE) scope.postMessage({ id, piece: { key, items: list.slice(i, i + PIECE) } });
        rest[key] = [];
      }
      value = rest;
    }
    const transfer: Transferable[] = value instanceof Uint8Array ? [value.buffer] : [];
    scope.postMessage({ id, value }, transfer);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
