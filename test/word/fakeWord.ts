// A Word document model for adapter tests, built from office-addin-mock objects:
// a property must be loaded and synced before it is read (as in Office.js), every
// context.sync() is counted, and writes go to the model so tests can inspect them.
// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose
// dependency tree ships ESM that jest (CommonJS) cannot load.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'Excel', OneNote: 'OneNote', Outlook: 'Outlook', PowerPoint: 'PowerPoint', Project: 'Project', Word: 'Word' },
}));
import { OfficeMockObject } from 'office-addin-mock';

export interface FakeCell {
  text: string;
  shading: string;
}

export interface FakeDocument {
  tables: FakeCell[][][];
  syncs: number;
  /** Every write to a cell: table, row, cell, property, value. */
  writes: { table: number; row: number; cell: number; property: string; value: unknown }[];
  selected: string[];
  run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
}

/**
 * `before[t]` is the text of the paragraph just above table t; null or missing: there is
 * none (a table at the very start), so getParagraphBeforeOrNullObject gives a null object.
 */
export function fakeDocument(
  tables: string[][][],
  shading: (t: number, r: number, c: number) => string = () => '#FFFFFF',
  before: (string | null)[] = [],
): FakeDocument {
  const doc: FakeDocument = {
    tables: tables.map((rows, t) => rows.map((row, r) => row.map((text, c) => ({ text, shading: shading(t, r, c) })))),
    syncs: 0,
    writes: [],
    selected: [],
    run: async (batch) => batch(context() as unknown as Word.RequestContext),
  };

  function context() {
    let pending: OfficeMockObject[] = [];
    /** Objects whose isNullObject becomes readable at the next sync (as in Office.js). */
    let unsynced: { synced: boolean }[] = [];
    /** Track a mock so the next sync completes its loads (only once: later syncs must not reset writes). */
    const track = (m: OfficeMockObject) => {
      const load = m.load.bind(m);
      (m as unknown as { load: (p?: unknown) => unknown }).load = (p?: unknown) => {
        pending.push(m);
        return load(p as string);
      };
      return m;
    };

    const cellProxy = (t: number, r: number, c: number) => {
      const model = doc.tables[t]?.[r]?.[c];
      if (!model) throw new Error(`ItemNotFound: cell ${t},${r},${c}`);
      const m = track(
        new OfficeMockObject({
          shadingColor: model.shading,
          value: model.text,
          body: { select: () => doc.selected.push(`cell ${t},${r},${c}`) },
        }),
      );
      return new Proxy(m, {
        set(target, prop, value) {
          if (prop === 'shadingColor' || prop === 'value') {
            doc.writes.push({ table: t, row: r, cell: c, property: String(prop), value });
            if (prop === 'shadingColor') model.shading = String(value);
          }
          (target as unknown as Record<string | symbol, unknown>)[prop] = value;
          return true;
        },
      });
    };

    /** table.getParagraphBeforeOrNullObject(): text must be loaded; a null object has no text to read. */
    const paragraphBefore = (t: number) => {
      const text = before[t];
      const state = { synced: false };
      unsynced.push(state);
      const m: object =
        text == null
          ? {
              load: () => m,
              get text(): string {
                throw new Error('PropertyNotLoaded: a null object has no text');
              },
            }
          : track(new OfficeMockObject({ text }));
      Object.defineProperty(m, 'isNullObject', {
        get() {
          if (!state.synced) throw new Error('isNullObject read before context.sync()');
          return text == null;
        },
      });
      return m;
    };

    const items = doc.tables.map((rows, t) =>
      track(
        new OfficeMockObject({
          values: rows.map((row) => row.map((c) => c.text)),
          rowCount: rows.length,
          getCell: (r: number, c: number) => cellProxy(t, r, c),
          select: () => doc.selected.push(`table ${t}`),
          getParagraphBeforeOrNullObject: () => paragraphBefore(t),
        }),
      ),
    );
    const tablesCollection = {
      items,
      load(props: string) {
        const scalars = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
        for (const item of items) item.load(scalars.join(','));
        return tablesCollection;
      },
    };
    return {
      document: { body: { tables: tablesCollection } },
      async sync() {
        doc.syncs += 1;
        const now = pending;
        pending = [];
        for (const s of unsynced) s.synced = true;
        unsynced = [];
        for (const m of now) await m.sync();
        // office-addin-mock completes loads in microtasks.
        await new Promise((r) => setTimeout(r, 0));
      },
    };
  }
  return doc;
}
