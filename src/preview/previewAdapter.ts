// HostAdapter for the plain browser: an .xlsx opened in the page is read and checked by the
// same engine in a Web Worker (previewWorker.js), so the page stays responsive however large
// the workbook. The page keeps only what it shows: the sheet names and sizes, the findings,
// and the window of the grid on screen. Nothing leaves the browser; the coloured copy (with
// the sign-off marks as custom document properties) is built in the worker and downloaded.
import { parseCellAddress } from '../engine';
import type { TableInfo } from '../engine';
import type { CheckRun, HostAdapter } from '../host/hostAdapter';
import { inputsOnOneSheet } from '../host/inputRanges';
import type { Finding, PaneRun } from '../taskpane/findings';
import { T } from '../ui/texts';
import { PreviewCore, type GridWindow, type Opened, type Phase, type Request, type SheetMeta } from './workerCore';

export type { GridWindow, Phase, SheetMeta };

export interface CellBox {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface PreviewState {
  fileName?: string;
  sheets?: SheetMeta[];
  /** True once checked, false again after "Rensa statusfärger" or another file. */
  checked: boolean;
  /** Bumped whenever the grid's statuses change (check, clear, new file). */
  version: number;
  /** The sheet shown in the grid. */
  activeSheet?: string;
  selected?: { sheet: string; address: string };
  /** Cells highlighted by "Visa indata". */
  inputs?: { sheet: string; boxes: CellBox[] };
}

export interface PreviewAdapter extends HostAdapter {
  readonly host: 'preview';
  /** Read a workbook in the worker. Forgets the previous one first; throws a Swedish message. */
  openFile(bytes: Uint8Array, fileName: string, onPhase?: (p: Phase) => void): Promise<void>;
  /** Check in the worker; the task pane's model of the result. */
  checkPane(sheet?: string, onPhase?: (p: Phase) => void): Promise<PaneRun>;
  okFindings(key: string): Promise<Finding[]>;
  gridWindow(sheet: string, r0: number, r1: number, c0: number, c1: number): Promise<GridWindow>;
  showSheet(sheet: string): void;
  /** The original bytes with status colours and sign-off marks (values untouched). */
  download(): Promise<Uint8Array>;
  colouredFileName(): string;
  getState(): PreviewState;
  subscribe(listener: (state: PreviewState) => void): () => void;
}

interface Pending {
  req: Request;
  /** Long lists the worker sent in pieces, joined again here. */
  pieces?: Map<string, unknown[]>;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onPhase?: (p: Phase) => void;
}

type Call = <R>(req: Request, onPhase?: (p: Phase) => void) => Promise<R>;

/** The worker when the browser can start it, else the same core in this thread. */
function channel(workerUrl: string | undefined): Call {
  let worker: Worker | undefined;
  let core: PreviewCore | undefined;
  let next = 1;
  const pending = new Map<number, Pending>();

  const inProcess = async <R,>(req: Request, onPhase?: (p: Phase) => void): Promise<R> => {
    core ??= new PreviewCore();
    await new Promise((r) => setTimeout(r, 0));
    return core.handle(req, (p) => onPhase?.(p)) as R;
  };

  if (workerUrl && typeof Worker !== 'undefined') {
    try {
      worker = new Worker(workerUrl);
      worker.onmessage = (e: MessageEvent<{ id: number; progress?: Phase; piece?: { key: string; items: unknown[] }; value?: unknown; error?: string }>) => {
        const p = pending.get(e.data.id);
        if (!p) return;
        if (e.data.progress) return p.onPhase?.(e.data.progress);
        if (e.data.piece) {
          p.pieces ??= new Map();
          const list = p.pieces.get(e.data.piece.key) ?? [];
          for (const item of e.data.piece.items) list.push(item);
          p.pieces.set(e.data.piece.key, list);
          return;
        }
        pending.delete(e.data.id);
        if (e.data.error !== undefined) return p.reject(new Error(e.data.error));
        let value = e.data.value;
        if (p.pieces && value && typeof value === 'object') value = { ...(value as object), ...Object.fromEntries(p.pieces) };
        p.resolve(value);
      };
      // The worker script could not start (blocked, missing): run everything here instead.
      worker.onerror = (e) => {
        e.preventDefault?.();
        worker?.terminate();
        worker = undefined;
        const waiting = [...pending.values()];
        pending.clear();
        for (const p of waiting) inProcess(p.req, p.onPhase).then(p.resolve, p.reject);
      };
    } catch {
      worker = undefined;
    }
  }

  return <R,>(req: Request, onPhase?: (p: Phase) => void) => {
    if (!worker) return inProcess<R>(req, onPhase);
    return new Promise<R>((resolve, reject) => {
      const id = next++;
      pending.set(id, { req, resolve: resolve as (v: unknown) => void, reject, onPhase });
      worker!.postMessage({ id, req });
    });
  };
}

/** `A1` or `B2:C9` → its box. */
export function parseBox(range: string): CellBox | undefined {
  const [a, b] = range.split(':');
  const p = parseCellAddress(a);
  const q = b ? parseCellAddress(b) : p;
  if (!p || !q) return undefined;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

export function createPreviewAdapter(options: { workerUrl?: string } = {}): PreviewAdapter {
  const call = channel(options.workerUrl);
  let state: PreviewState = { checked: false, version: 0 };
  let signOff: string | undefined;
  const listeners = new Set<(s: PreviewState) => void>();
  const set = (next: Partial<PreviewState>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l(state));
  };

  const requireFile = () => {
    if (!state.sheets) throw new Error(T.noFile);
  };

  const full = async (): Promise<CheckRun> => {
    const { workbook, result } = await call<Pick<CheckRun, 'workbook' | 'result'>>({ type: 'full' });
    return { workbook, result, skipped: [] };
  };

  const adapter: PreviewAdapter = {
    host: 'preview',
    async openFile(bytes, fileName, onPhase) {
      // A failed open must not leave the previous workbook on screen.
      signOff = undefined;
      set({ fileName: undefined, sheets: undefined, checked: false, version: state.version + 1, activeSheet: undefined, selected: undefined, inputs: undefined });
      const opened = await call<Opened>({ type: 'open', bytes, fileName }, onPhase);
      signOff = opened.signOff;
      set({ fileName, sheets: opened.sheets, activeSheet: opened.sheets[0]?.name });
    },
    async checkPane(sheet, onPhase) {
      requireFile();
      const run = await call<PaneRun>({ type: 'check', sheet }, onPhase);
      set({ checked: true, version: state.version + 1, selected: undefined, inputs: undefined });
      return run;
    },
    async checkWorkbook() {
      await adapter.checkPane();
      return full();
    },
    async checkActiveSheet() {
      await adapter.checkPane(state.activeSheet);
      return full();
    },
    async clearStatusColours() {
      await call({ type: 'clear' });
      set({ checked: false, version: state.version + 1, selected: undefined, inputs: undefined });
    },
    async select(sheet, address) {
      set({ activeSheet: sheet, selected: { sheet, address }, inputs: undefined });
    },
    async selectRanges(sheet, addresses) {
      const group = inputsOnOneSheet(sheet, addresses);
      if (!group) return;
      const boxes = group.ranges.map(parseBox).filter((b): b is CellBox => !!b);
      set({ activeSheet: group.sheet, inputs: { sheet: group.sheet, boxes } });
    },
    okFindings: (key) => call<Finding[]>({ type: 'ok', key }),
    gridWindow: (sheet, r0, r1, c0, c1) => call<GridWindow>({ type: 'window', sheet, r0, r1, c0, c1 }),
    async tableForCopy(sheet: string, table: TableInfo) {
      return call<{ html: string; text: string; errorCells: number }>({ type: 'copy', sheet, r0: table.r0, c0: table.c0 });
    },
    showSheet(sheet) {
      set({ activeSheet: sheet });
    },
    async loadSignOff() {
      return signOff;
    },
    async saveSignOff(value) {
      signOff = value;
    },
    download: () => call<Uint8Array>({ type: 'download', signOff }),
    colouredFileName() {
      const base = (state.fileName ?? 'arbetsbok.xlsx').replace(/\.xlsx$/i, '');
      return `${base}-summakoll.xlsx`;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return adapter;
}
