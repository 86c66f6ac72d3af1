// A small Excel workbook model behind Office.js-shaped proxy objects, behaving as real
// Excel does where our wishes and Excel differ. Reads follow load/sync semantics (a
// property read before load + sync throws); writes are queued and applied at the next
// context.sync, in order, like Office.js. Every behaviour below that is not obvious cites
// where it comes from.
//
// - "No fill" is reported as colour #FFFFFF with a null pattern, exactly like a white
//   fill; only tintAndShade tells them apart (null for no fill, a number for any fill).
//   Sources: office-js issues #4900 (Microsoft's answer: load tintAndShade) and #6218.
// - Payload: Excel on the web rejects a request or a response above 5 MB, for every API
//   (office-js-docs-pr pull request #1423: "Payload size limit is ... online only and it
//   applies to all APIs"; learn.microsoft.com "Resource limits and performance
//   optimization for Office Add-ins", Excel section). The fake counts the bytes of every
//   sync (request: the queued operations' arguments; response: the loaded values as JSON)
//   and fails the sync above 5 MB with RequestPayloadSizeLimitExceeded.
// - Worksheet.getRanges fails with InvalidArgument for long address strings (office-js
//   issue #5198: an address of 8 207 characters fails, the limit is not documented). The
//   fake fails above 8 192 characters.
// - Protected sheets: a write (including adding or deleting a conditional format) is
//   refused with AccessDenied ("You cannot perform the requested operation", the error
//   Excel gives for operations protection forbids, see office-js issue #6784); the batch
//   stops there, earlier operations stay applied.
// - Hidden and very hidden sheets cannot be activated and their cells cannot be selected
//   (Excel's UI has no hidden sheet to show; office-js issue #1463 shows sheet operations
//   on a hidden sheet throwing). Reads and conditional formats work on them.
// - ConditionalFormatCollection.add puts the new format at the top priority (API
//   reference: "Adds a new conditional format to the collection at the first/top
//   priority", ExcelApi 1.6); stopIfTrue stops lower-priority formats on a cell.
// - Worksheet onChanged is raised for the add-in's own writes too, after the sync that
//   made them; with ExcelApi 1.14 the event says triggerSource "ThisLocalAddin"
//   (WorksheetChangedEventArgs.triggerSource: "identifies whether this local add-in
//   triggers the event").
// - Writing format.fill, format.font, values or formulas on a cell is logged as a
//   forbidden write (the add-in must never do it) and not applied.
import { columnName, parseCellAddress } from '../../src/engine';
import type { ExcelRun } from '../../src/excel/officeTypes';

/** A cell's own fill. A string is a solid fill of that colour; null is "no fill". */
export interface FakeFill {
  color: string;
  /** e.g. 'Solid', 'Gray50', 'LightDown'. */
  pattern?: string;
  patternColor?: string;
  /** Theme colours come back as fixed RGB plus a tint (−1 … 1). */
  tintAndShade?: number;
  /** Only to tell a theme fill apart in tests; Excel reports RGB. */
  theme?: string;
}

export interface FakeCell {
  value: number | string | boolean | null;
  formula?: string;
  numFmt?: string;
  error?: boolean;
  fill: string | FakeFill | null;
  font: string;
  /** Opaque style index, for workbooks seeded from an .xlsx. */
  style?: number;
}

export interface FakeConditionalFormat {
  id: string;
  type: 'Custom' | 'CellValue' | 'ColorScale' | 'DataBar' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText';
  /** Comma-separated A1 areas. */
  ranges: string;
  formula?: string;
  fill?: string;
  font?: string;
  stopIfTrue: boolean;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  name: string;
  id: string;
  protected?: boolean;
  visibility?: Visibility;
  cells: Map<string, FakeCell>;
  merges?: string;
  /** Index 0 is the top priority. */
  conditionalFormats: FakeConditionalFormat[];
}

export interface FakeOp {
  sync: number;
  kind: 'cf-add' | 'cf-delete' | 'select' | 'activate' | 'getRanges' | 'forbidden';
  sheet?: string;
  address?: string;
  value?: string;
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const ADDRESS_LIMIT_CHARS = 8192;

const key = (r: number, c: number) => `${r},${c}`;

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export function sheet(name: string, grid: (Partial<FakeCell> | number | string | boolean | null)[][], extra: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell: FakeCell = typeof v === 'object' ? { value: null, fill: null, font: '#000000', ...v } : { value: v, fill: null, font: '#000000' };
      cells.set(key(r, c), cell);
    }),
  );
  return { name, id: `{${name}-id}`, cells, conditionalFormats: [], ...extra };
}

/** Cells of an address list (`A1:B3, D4`), sheet prefixes allowed. */
export function expand(address: string): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (const raw of address.split(',')) {
    const part = raw.slice(raw.lastIndexOf('!') + 1).trim().replace(/\$/g, '');
    if (!part) continue;
    const [a, b] = part.split(':');
    const p = parseCellAddress(a)!;
    const q = parseCellAddress(b ?? a)!;
    for (let r = p.r; r <= q.r; r++) for (let c = p.c; c <= q.c; c++) out.push({ r, c });
  }
  return out;
}

function covers(address: string, r: number, c: number): boolean {
  for (const raw of address.split(',')) {
    const part = raw.slice(raw.lastIndexOf('!') + 1).trim().replace(/\$/g, '');
    if (!part) continue;
    const [a, b] = part.split(':');
    const p = parseCellAddress(a)!;
    const q = parseCellAddress(b ?? a)!;
    if (r >= p.r && r <= q.r && c >= p.c && c <= q.c) return true;
  }
  return false;
}

const json = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);

/** What Excel's getCellProperties reports for a cell's fill (see the header). */
export function reportedFill(fill: FakeCell['fill'] | undefined): { color: string; pattern: string | null; tintAndShade: number | null; patternColor: string | null } {
  if (!fill) return { color: '#FFFFFF', pattern: null, tintAndShade: null, patternColor: null };
  const f = typeof fill === 'string' ? { color: fill } : fill;
  return {
    color: f.color.toUpperCase(),
    // Pattern fills are reported by name; a plain solid fill by Excel as null as well (#4900).
    pattern: f.pattern && f.pattern !== 'Solid' ? f.pattern : null,
    tintAndShade: f.tintAndShade ?? 0,
    patternColor: f.patternColor ?? null,
  };
}

interface QueuedOp {
  bytes: number;
  sheet?: FakeSheet;
  write?: boolean;
  apply: () => void;
}

type Loader = () => number;

export class FakeExcel {
  sheets: FakeSheet[];
  activeSheet = 0;
  ops: FakeOp[] = [];
  syncCount = 0;
  /** Request and response bytes of every sync, in order. */
  syncBytes: { request: number; response: number }[] = [];
  getRangesCalls = 0;
  changedHandlers: ((e: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];
  selected: { sheet: string; address: string } | undefined;
  /** ExcelApi 1.14: change events carry triggerSource. */
  eventTriggerSource = true;
  private cfCounter = 0;

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets.map((s) => ({ ...s, conditionalFormats: s.conditionalFormats ?? [] }));
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const p = parseCellAddress(address)!;
    return this.sheet(sheetName).cells.get(key(p.r, p.c));
  }

  /** The formats a cell shows: the first true conditional format by priority, else its own. */
  shown(sheetName: string, address: string): { fill: string | null; font: string } {
    const s = this.sheet(sheetName);
    const p = parseCellAddress(address)!;
    const own = s.cells.get(key(p.r, p.c));
    const out = { fill: own?.fill ? reportedFill(own.fill).color : null, font: own?.font ?? '#000000' };
    let fillSet = false;
    let fontSet = false;
    for (const cf of s.conditionalFormats) {
      if (!covers(cf.ranges, p.r, p.c)) continue;
      // The fake evaluates only constant rules: ours (N("…")=0) and =TRUE.
      const f = (cf.formula ?? '').replace(/\s/g, '').toUpperCase();
      const isTrue = cf.type === 'Custom' && (/^=?N\(".*"\)=0$/.test(f) || f === '=TRUE' || f === 'TRUE');
      if (!isTrue) continue;
      if (cf.fill && !fillSet) {
        out.fill = cf.fill.toUpperCase();
        fillSet = true;
      }
      if (cf.font && !fontSet) {
        out.font = cf.font.toUpperCase();
        fontSet = true;
      }
      if (cf.stopIfTrue) break;
    }
    return out;
  }

  /** What a saved .xlsx keeps: cells with their formats, conditional formats, visibility, protection. */
  saveAndReopen(): FakeExcel {
    const copy = new FakeExcel(
      this.sheets.map((s) => ({
        ...s,
        cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, fill: c.fill && typeof c.fill === 'object' ? { ...c.fill } : c.fill }])),
        // Ids are per session: a reopened workbook gives its conditional formats new ones.
        conditionalFormats: s.conditionalFormats.map((cf, i) => ({ ...cf, id: `reopened-${i}-${cf.id}` })),
      })),
    );
    copy.eventTriggerSource = this.eventTriggerSource;
    return copy;
  }

  run: ExcelRun = async (batch) => batch(this.context());

  /** A user types into a cell: the value changes and onChanged is raised. */
  userEdit(sheetName: string, address: string, value: number | string): void {
    const s = this.sheet(sheetName);
    const p = parseCellAddress(address)!;
    this.touch(s, p.r, p.c, (c) => (c.value = value));
    this.raise(s, address, this.eventTriggerSource ? 'Unknown' : undefined);
  }

  forbiddenWrites(): FakeOp[] {
    return this.ops.filter((o) => o.kind === 'forbidden');
  }

  touch(s: FakeSheet, r: number, c: number, f: (cell: FakeCell) => void): void {
    const k = key(r, c);
    const cell = s.cells.get(k) ?? { value: null, fill: null, font: '#000000' };
    f(cell);
    s.cells.set(k, cell);
  }

  private raise(s: FakeSheet, address: string, triggerSource: string | undefined): void {
    const handlers = [...this.changedHandlers];
    setTimeout(() => {
      for (const h of handlers) {
        const e = { worksheetId: s.id, address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' } as Record<string, unknown>;
        if (triggerSource !== undefined) e.triggerSource = triggerSource;
        void h(e as unknown as Excel.WorksheetChangedEventArgs);
      }
    }, 0);
  }

  private context(): Excel.RequestContext {
    const model = this;
    let queue: QueuedOp[] = [];
    let loaders: Loader[] = [];
    const log = (op: Omit<FakeOp, 'sync'>) => model.ops.push({ sync: model.syncCount, ...op });

    /** An object whose listed properties must be loaded before they are read. */
    const loadable = <T extends object>(fields: Record<string, () => unknown>, extra: T, children: Record<string, { load(p: string): void }> = {}) => {
      const snap: Record<string, unknown> = {};
      const obj = extra as T & { load(spec?: string | string[]): typeof obj };
      for (const f of Object.keys(fields)) {
        if (Object.getOwnPropertyDescriptor(obj, f)) continue;
        Object.defineProperty(obj, f, {
          configurable: true,
          enumerable: true,
          get() {
            if (!(f in snap)) throw new OfficeError('PropertyNotLoaded', `The property '${f}' is not available. Call load and context.sync first.`);
            return snap[f];
          },
        });
      }
      obj.load = (spec?: string | string[]) => {
        const names = (Array.isArray(spec) ? spec.join(',') : String(spec ?? Object.keys(fields).join(','))).split(',').map((x: string) => x.trim()).filter(Boolean);
        for (const n of names) {
          const slash = n.indexOf('/');
          if (slash > 0) {
            const child = children[n.slice(0, slash)];
            if (!child) throw new OfficeError('InvalidArgument', `Cannot load ${n}`);
            child.load(n.slice(slash + 1));
            continue;
          }
          if (!fields[n]) throw new OfficeError('InvalidArgument', `Unknown property ${n}`);
          loaders.push(() => {
            snap[n] = fields[n]();
            return json(snap[n]) + n.length;
          });
        }
        return obj;
      };
      return obj;
    };

    const forbiddenFormat = (s: FakeSheet, address: string) => {
      const forbid = (what: string) => () => log({ kind: 'forbidden', sheet: s.name, address, value: what });
      const fill = {} as Record<string, unknown>;
      for (const p of ['color', 'pattern', 'patternColor', 'tintAndShade']) Object.defineProperty(fill, p, { set: forbid(`format.fill.${p}`), get: () => undefined });
      fill.clear = forbid('format.fill.clear');
      const font = {} as Record<string, unknown>;
      for (const p of ['color', 'bold', 'italic', 'name', 'size']) Object.defineProperty(font, p, { set: forbid(`format.font.${p}`), get: () => undefined });
      return { fill, font };
    };

    const guardValues = (obj: object, s: FakeSheet, address: string) => {
      for (const p of ['values', 'formulas', 'formulasLocal', 'formulasR1C1', 'numberFormat', 'numberFormatLocal', 'valuesAsJson']) {
        const desc = Object.getOwnPropertyDescriptor(obj, p);
        Object.defineProperty(obj, p, {
          configurable: true,
          enumerable: true,
          get: desc?.get ?? (() => undefined),
          set: () => log({ kind: 'forbidden', sheet: s.name, address, value: p }),
        });
      }
      return obj;
    };

    const write = (s: FakeSheet, bytes: number, apply: () => void) => {
      queue.push({
        bytes,
        sheet: s,
        write: true,
        apply: () => {
          if (s.protected) throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.');
          apply();
        },
      });
    };

    /**
     * A property Excel gives only after load() (PropertyNotLoaded before), and whose write goes
     * into the request as payload.
     */
    const loadGuarded = (obj: { load: (spec?: string | string[]) => unknown }, name: string, get: () => string | null, set: (v: string) => void): void => {
      let loaded = false;
      const load = obj.load;
      obj.load = (spec?: string | string[]) => {
        loaded = true;
        return load(spec);
      };
      Object.defineProperty(obj, name, {
        configurable: true,
        get: () => {
          if (!loaded) throw new OfficeError('PropertyNotLoaded', name);
          return get();
        },
        set: (v: string) => {
          queue.push({ bytes: v.length + 30, apply: () => undefined });
          set(v);
        },
      });
    };

    const cfObject = (s: FakeSheet, cf: FakeConditionalFormat) => {
      const rule = loadable({ formula: () => cf.formula ?? null }, {} as Record<string, unknown>);
      const colourPart = (prop: 'fill' | 'font') => {
        const part = loadable({ color: () => cf[prop] ?? null }, {} as Record<string, unknown>);
        loadGuarded(part, 'color', () => cf[prop] ?? null, (v) => (cf[prop] = v.toUpperCase()));
        return part;
      };
      loadGuarded(rule, 'formula', () => cf.formula ?? null, (v) => (cf.formula = v));
      const custom = { rule, format: { fill: colourPart('fill'), font: colourPart('font') } };
      const obj = loadable({ type: () => cf.type, id: () => cf.id, priority: () => s.conditionalFormats.indexOf(cf), stopIfTrue: () => cf.stopIfTrue }, {} as Record<string, unknown>);
      Object.defineProperty(obj, 'custom', {
        get: () => {
          if (cf.type !== 'Custom') throw new OfficeError('InvalidArgument', 'Not a custom conditional format.');
          return custom;
        },
      });
      Object.defineProperty(obj, 'stopIfTrue', {
        set: (v: boolean) => {
          queue.push({ bytes: 20, apply: () => undefined });
          cf.stopIfTrue = v;
        },
        get: () => cf.stopIfTrue,
      });
      obj.delete = () => {
        write(s, 60, () => {
          log({ kind: 'cf-delete', sheet: s.name, address: cf.ranges, value: cf.id });
          const i = s.conditionalFormats.indexOf(cf);
          if (i >= 0) s.conditionalFormats.splice(i, 1);
        });
      };
      obj.getRanges = () =>
        loadable(
          {
            address: () =>
              cf.ranges
                .split(',')
                .map((a) => `${s.name}!${a.trim()}`)
                .join(', '),
          },
          {},
        );
      return obj;
    };

    const cfCollection = (s: FakeSheet, scope: string | undefined) => {
      let items: ReturnType<typeof cfObject>[] | undefined;
      const objects = new Map<FakeConditionalFormat, ReturnType<typeof cfObject>>();
      const objectOf = (cf: FakeConditionalFormat) => {
        if (!objects.has(cf)) objects.set(cf, cfObject(s, cf));
        return objects.get(cf)!;
      };
      return {
        get items() {
          if (!items) throw new OfficeError('PropertyNotLoaded', 'items');
          return items;
        },
        load(spec: string) {
          const props = spec.split(',').map((p) => p.trim().replace(/^items\//, ''));
          loaders.push(() => {
            const list = s.conditionalFormats.filter((cf) => scope === undefined || expand(scope).some(({ r, c }) => covers(cf.ranges, r, c)));
            items = list.map(objectOf);
            for (const o of items) (o as { load(p: string): void }).load(props.join(','));
            return list.length * 10;
          });
        },
        add(type: FakeConditionalFormat['type']) {
          if (scope === undefined) throw new OfficeError('InvalidArgument', 'add needs a range');
          const cf: FakeConditionalFormat = { id: `cf-${++model.cfCounter}`, type, ranges: scope, stopIfTrue: false };
          write(s, scope.length + 40, () => {
            log({ kind: 'cf-add', sheet: s.name, address: scope, value: cf.fill });
            s.conditionalFormats.unshift(cf);
          });
          return objectOf(cf);
        },
      };
    };

    const slice = (s: FakeSheet, r0: number, c0: number, rows: number, cols: number, f: (cell: FakeCell | undefined) => unknown) =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(s.cells.get(key(r0 + i, c0 + j)))));

    const rangeObject = (s: FakeSheet, r0: number, c0: number, rows: number, cols: number, label?: string) => {
      const address = label ?? `${columnName(c0)}${r0 + 1}:${columnName(c0 + cols - 1)}${r0 + rows}`;
      const obj = loadable(
        {
          values: () => slice(s, r0, c0, rows, cols, (c) => (c ? (c.value ?? '') : '')),
          formulas: () => slice(s, r0, c0, rows, cols, (c) => (c ? (c.formula ?? c.value ?? '') : '')),
          numberFormat: () => slice(s, r0, c0, rows, cols, (c) => c?.numFmt ?? 'General'),
          valueTypes: () =>
            slice(s, r0, c0, rows, cols, (c) =>
              !c || c.value === null ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String',
            ),
          rowIndex: () => r0,
          columnIndex: () => c0,
          rowCount: () => rows,
          columnCount: () => cols,
          address: () => `${s.name}!${address}`,
        },
        {
          isNullObject: false,
          format: forbiddenFormat(s, address),
          conditionalFormats: cfCollection(s, address),
          getCellProperties: () => {
            let value: unknown;
            loaders.push(() => {
              value = slice(s, r0, c0, rows, cols, (c) => ({ format: { fill: reportedFill(c?.fill), font: { color: (c?.font ?? '#000000').toUpperCase() } } }));
              return json(value);
            });
            return {
              get value() {
                if (!value) throw new OfficeError('PropertyNotLoaded', 'getCellProperties read before context.sync()');
                return value;
              },
            };
          },
          getMergedAreasOrNullObject: () =>
            s.merges
              ? loadable({ address: () => s.merges }, { isNullObject: false })
              : { isNullObject: true, load: () => undefined },
          select: () =>
            queue.push({
              bytes: 40,
              apply: () => {
                if ((s.visibility ?? 'Visible') !== 'Visible') throw new OfficeError('InvalidOperation', 'This operation is not permitted for the current object (hidden sheet).');
                log({ kind: 'select', sheet: s.name, address });
                model.selected = { sheet: s.name, address };
              },
            }),
        } as Record<string, unknown>,
      );
      return guardValues(obj, s, address);
    };

    const sheetObjects = new Map<FakeSheet, Record<string, unknown>>();
    const sheetObject = (s: FakeSheet) => {
      const existing = sheetObjects.get(s);
      if (existing) return existing as unknown as Excel.Worksheet;
      const protection = loadable({ protected: () => Boolean(s.protected) }, {});
      const obj = loadable(
        { name: () => s.name, id: () => s.id, visibility: () => s.visibility ?? 'Visible' },
        {
          protection,
          activate: () =>
            queue.push({
              bytes: 20,
              apply: () => {
                if ((s.visibility ?? 'Visible') !== 'Visible') throw new OfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
                log({ kind: 'activate', sheet: s.name });
              },
            }),
          getUsedRangeOrNullObject: () => {
            let r1 = -1, c1 = -1, r0 = Infinity, c0 = Infinity;
            for (const [k, cell] of s.cells) {
              if (cell.value === null && !cell.formula) continue; // valuesOnly
              const [r, c] = k.split(',').map(Number);
              r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
            }
            if (r1 < 0) return { isNullObject: true, load: () => undefined };
            return rangeObject(s, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
          },
          getRangeByIndexes: (r0: number, c0: number, rows: number, cols: number) => rangeObject(s, r0, c0, rows, cols),
          getRange: (address?: string) => {
            if (address === undefined) return { conditionalFormats: cfCollection(s, undefined), format: forbiddenFormat(s, 'whole sheet') };
            const [a, b] = address.split(':');
            const p = parseCellAddress(a)!;
            const q = parseCellAddress(b ?? a)!;
            return rangeObject(s, p.r, p.c, q.r - p.r + 1, q.c - p.c + 1, address);
          },
          getRanges: (address: string) => {
            model.getRangesCalls++;
            log({ kind: 'getRanges', sheet: s.name, address });
            queue.push({
              bytes: address.length,
              apply: () => {
                if (address.length > ADDRESS_LIMIT_CHARS) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
              },
            });
            return guardValues({ conditionalFormats: cfCollection(s, address), format: forbiddenFormat(s, address) }, s, address);
          },
        } as Record<string, unknown>,
        { protection },
      );
      sheetObjects.set(s, obj);
      return obj as unknown as Excel.Worksheet;
    };

    const byNameOrId = (n: string) => {
      const s = model.sheets.find((x) => x.name === n || x.id === n);
      if (!s) throw new OfficeError('ItemNotFound', n);
      return s;
    };

    let itemsLoaded = false;
    const worksheets = {
      get items() {
        if (!itemsLoaded) throw new OfficeError('PropertyNotLoaded', 'items');
        return model.sheets.map(sheetObject);
      },
      load(arg: string) {
        loaders.push(() => {
          itemsLoaded = true;
          return 10;
        });
        const props = arg.split(',').map((p) => p.trim().replace(/^items\//, ''));
        for (const s of model.sheets) (sheetObject(s) as unknown as { load(p: string): void }).load(props.join(','));
      },
      getItem: (n: string) => sheetObject(byNameOrId(n)),
      getActiveWorksheet: () => sheetObject(model.sheets[model.activeSheet]),
      onChanged: {
        add: (handler: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
          queue.push({ bytes: 20, apply: () => model.changedHandlers.push(handler) });
          return {
            context,
            remove: () => queue.push({ bytes: 20, apply: () => (model.changedHandlers = model.changedHandlers.filter((h) => h !== handler)) }),
          };
        },
      },
    };

    const context = { workbook: { worksheets } } as Record<string, unknown>;
    context.sync = async () => {
      model.syncCount++;
      const q = queue;
      const l = loaders; // loads queued while loading (a collection's items) join this sync
      queue = [];
      const request = q.reduce((n, op) => n + op.bytes, 0) + l.length * 24;
      if (request > PAYLOAD_LIMIT_BYTES) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
      const written = new Set<FakeSheet>();
      try {
        for (const op of q) {
          op.apply();
          if (op.write && op.sheet) written.add(op.sheet);
        }
      } finally {
        for (const s of written) model.raise(s, 'A1', model.eventTriggerSource ? 'ThisLocalAddin' : undefined);
      }
      let response = 0;
      for (let i = 0; i < l.length; i++) response += l[i]();
      loaders = [];
      model.syncBytes.push({ request, response });
      if (response > PAYLOAD_LIMIT_BYTES) throw new OfficeError('RequestPayloadSizeLimitExceeded', `response of ${response} bytes`);
      await new Promise((r) => setTimeout(r, 0));
    };
    return context as unknown as Excel.RequestContext;
  }
}

export { columnName };
