// A small Excel workbook model behind office-addin-mock objects. Reads go through the
// mock's load/sync semantics (a property read before load + sync is an error value);
// writes are queued and applied at the next context.sync, like Office.js. Every call is
// logged so tests can check sync counts, write grouping and write order.
// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose
// dependency tree ships ESM that jest (CommonJS) cannot load.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'Excel', OneNote: 'OneNote', Outlook: 'Outlook', PowerPoint: 'PowerPoint', Project: 'Project', Word: 'Word' },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { columnName, parseCellAddress } from '../../src/engine';
import type { ExcelRun } from '../../src/excel/officeTypes';

export interface FakeCell {
  value: number | string | boolean | null;
  formula?: string;
  numFmt?: string;
  error?: boolean;
  /** null = no fill. */
  fill: string | null;
  font: string;
}

export interface FakeSheet {
  name: string;
  id: string;
  protected?: boolean;
  cells: Map<string, FakeCell>;
  merges?: string;
}

export interface FakeOp {
  sync: number;
  kind: 'fill' | 'fill-clear' | 'font' | 'setting' | 'select' | 'activate' | 'getRanges' | 'forbidden';
  sheet?: string;
  address?: string;
  value?: string;
}

const key = (r: number, c: number) => `${r},${c}`;
const FORBIDDEN = new Set(['values', 'formulas', 'formulasLocal', 'formulasR1C1', 'numberFormat', 'numberFormatLocal', 'valuesAsJson', 'text']);

export function sheet(name: string, grid: (Partial<FakeCell> | number | string | boolean | null)[][], extra: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell: FakeCell = typeof v === 'object' ? { value: null, fill: null, font: '#000000', ...v } : { value: v, fill: null, font: '#000000' };
      cells.set(key(r, c), cell);
    }),
  );
  return { name, id: `{${name}-id}`, cells, ...extra };
}

/** Cells in rectangle form, one entry per address (for `A1:B3` style areas). */
function expand(address: string): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (const part of address.split(',')) {
    const [a, b] = part.split(':');
    const p = parseCellAddress(a)!;
    const q = parseCellAddress(b ?? a)!;
    for (let r = p.r; r <= q.r; r++) for (let c = p.c; c <= q.c; c++) out.push({ r, c });
  }
  return out;
}

export class FakeExcel {
  sheets: FakeSheet[];
  settings = new Map<string, string>();
  activeSheet = 0;
  ops: FakeOp[] = [];
  syncCount = 0;
  getRangesCalls = 0;
  changedHandlers: ((e: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];
  selected: { sheet: string; address: string } | undefined;

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const s = this.sheets.find((x) => x.name === sheetName)!;
    const p = parseCellAddress(address)!;
    return s.cells.get(key(p.r, p.c));
  }

  /** Only what a saved .xlsx keeps: cells with their formats, and the workbook settings. */
  saveAndReopen(): FakeExcel {
    const copy = new FakeExcel(
      this.sheets.map((s) => ({ ...s, cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])) })),
    );
    copy.settings = new Map(this.settings);
    return copy;
  }

  run: ExcelRun = async (batch) => batch(this.context());

  private context(): Excel.RequestContext {
    const model = this;
    const live: OfficeMockObject[] = [];
    let queue: (() => void)[] = [];
    const afterSync: (() => void)[] = [];

    const guard = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, p) {
          const v = Reflect.get(t, p);
          return typeof v === 'function' ? v.bind(t) : v;
        },
        set(t, p, v) {
          if (typeof p === 'string' && FORBIDDEN.has(p)) model.ops.push({ sync: model.syncCount, kind: 'forbidden', value: p });
          return Reflect.set(t, p, v);
        },
      });
    const mock = (data: Record<string, unknown>, plain: Record<string, unknown> = {}) => {
      const m = new OfficeMockObject(data);
      Object.assign(m, plain);
      live.push(m);
      return m;
    };

    const writeTarget = (s: FakeSheet, address: string) => {
      const fill = {
        set color(v: string) {
          model.ops.push({ sync: model.syncCount, kind: 'fill', sheet: s.name, address, value: v });
          queue.push(() => expand(address).forEach(({ r, c }) => model.touch(s, r, c, (cell) => (cell.fill = v.toUpperCase()))));
        },
        clear() {
          model.ops.push({ sync: model.syncCount, kind: 'fill-clear', sheet: s.name, address });
          queue.push(() => expand(address).forEach(({ r, c }) => model.touch(s, r, c, (cell) => (cell.fill = null))));
        },
      };
      const font = {
        set color(v: string) {
          model.ops.push({ sync: model.syncCount, kind: 'font', sheet: s.name, address, value: v });
          queue.push(() => expand(address).forEach(({ r, c }) => model.touch(s, r, c, (cell) => (cell.font = v.toUpperCase()))));
        },
      };
      return { format: { fill, font } };
    };

    const slice = (s: FakeSheet, r0: number, c0: number, rows: number, cols: number, f: (cell: FakeCell | undefined) => unknown) =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(s.cells.get(key(r0 + i, c0 + j)))));

    const sheetMock = (s: FakeSheet) => {
      const m = mock(
        { name: s.name, id: s.id, protection: { protected: Boolean(s.protected) } },
        {
          activate: () => model.ops.push({ sync: model.syncCount, kind: 'activate', sheet: s.name }),
          getUsedRangeOrNullObject: () => {
            let r1 = -1, c1 = -1, r0 = Infinity, c0 = Infinity;
            for (const [k, cell] of s.cells) {
              if (cell.value === null && !cell.formula) continue; // valuesOnly
              const [r, c] = k.split(',').map(Number);
              r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
            }
            if (r1 < 0) return guard(mock({}, { isNullObject: true, load: () => undefined }));
            return guard(
              mock(
                { rowIndex: r0, columnIndex: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 },
                {
                  isNullObject: false,
                  getMergedAreasOrNullObject: () =>
                    s.merges ? mock({ address: s.merges }, { isNullObject: false }) : mock({}, { isNullObject: true, load: () => undefined }),
                },
              ),
            );
          },
          getRangeByIndexes: (r0: number, c0: number, rows: number, cols: number) => {
            const props = {
              values: slice(s, r0, c0, rows, cols, (c) => (c ? (c.value ?? '') : '')),
              formulas: slice(s, r0, c0, rows, cols, (c) => (c ? (c.formula ?? c.value ?? '') : '')),
              numberFormat: slice(s, r0, c0, rows, cols, (c) => c?.numFmt ?? 'General'),
              valueTypes: slice(s, r0, c0, rows, cols, (c) =>
                !c || c.value === null ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String',
              ),
            };
            return guard(
              mock(props, {
                getCellProperties: () => {
                  let value: Excel.CellProperties[][] | undefined;
                  afterSync.push(() => {
                    value = slice(s, r0, c0, rows, cols, (c) => ({
                      // Excel reports "no fill" as white with pattern None.
                      format: { fill: c?.fill ? { color: c.fill, pattern: 'Solid' } : { color: '#FFFFFF', pattern: 'None' }, font: { color: c?.font ?? '#000000' } },
                    })) as Excel.CellProperties[][];
                  });
                  return {
                    get value() {
                      if (!value) throw new Error('getCellProperties read before context.sync()');
                      return value;
                    },
                  };
                },
              }),
            );
          },
          getRanges: (address: string) => {
            model.getRangesCalls++;
            model.ops.push({ sync: model.syncCount, kind: 'getRanges', sheet: s.name, address });
            if (address.length > 8192) throw new Error('address too long');
            return guard(writeTarget(s, address));
          },
          getRange: (address: string) =>
            guard({
              ...writeTarget(s, address),
              select: () => {
                model.ops.push({ sync: model.syncCount, kind: 'select', sheet: s.name, address });
                queue.push(() => (model.selected = { sheet: s.name, address }));
              },
            }),
        },
      );
      return m;
    };

    const sheetMocks = new Map<FakeSheet, OfficeMockObject>();
    const getSheetMock = (s: FakeSheet) => {
      if (!sheetMocks.has(s)) sheetMocks.set(s, sheetMock(s));
      return guard(sheetMocks.get(s)!) as unknown as Excel.Worksheet;
    };
    const byNameOrId = (n: string) => {
      const s = model.sheets.find((x) => x.name === n || x.id === n);
      if (!s) throw new Error(`ItemNotFound: ${n}`);
      return s;
    };

    const worksheets = {
      get items() {
        return model.sheets.map(getSheetMock);
      },
      load(arg: string) {
        for (const part of arg.split(',')) {
          const rest = part.trim().replace(/^items\//, '');
          model.sheets.forEach((s) => (getSheetMock(s) as unknown as OfficeMockObject).load(rest));
        }
      },
      getItem: (n: string) => getSheetMock(byNameOrId(n)),
      getActiveWorksheet: () => getSheetMock(model.sheets[model.activeSheet]),
      onChanged: {
        add: (handler: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
          model.changedHandlers.push(handler);
          return { context, remove: () => queue.push(() => (model.changedHandlers = model.changedHandlers.filter((h) => h !== handler))) };
        },
      },
    };

    const settings = {
      getItemOrNullObject: (k: string) =>
        model.settings.has(k) ? mock({ value: model.settings.get(k) }, { isNullObject: false }) : mock({}, { isNullObject: true, load: () => undefined }),
      add: (k: string, v: string) => {
        model.ops.push({ sync: model.syncCount, kind: 'setting', value: k });
        queue.push(() => model.settings.set(k, v));
      },
    };

    const context = new OfficeMockObject({}) as unknown as Record<string, unknown>;
    context.workbook = { worksheets, settings };
    context.sync = async () => {
      model.syncCount++;
      const q = queue;
      queue = [];
      q.forEach((f) => f());
      for (const m of live) await m.sync();
      await new Promise((r) => setTimeout(r, 0)); // the mock finishes nested syncs in microtasks
      afterSync.splice(0).forEach((f) => f());
    };
    return context as unknown as Excel.RequestContext;
  }

  touch(s: FakeSheet, r: number, c: number, f: (cell: FakeCell) => void): void {
    const k = key(r, c);
    const cell = s.cells.get(k) ?? { value: null, fill: null, font: '#000000' };
    f(cell);
    s.cells.set(k, cell);
  }

  forbiddenWrites(): FakeOp[] {
    return this.ops.filter((o) => o.kind === 'forbidden');
  }
}

export { columnName };
