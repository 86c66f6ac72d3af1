// A Word document model for adapter tests, built from office-addin-mock objects:
// a property must be loaded and synced before it is read (as in Office.js), every
// context.sync() is counted, and writes go to the model so tests can inspect them.
// A cell may span grid columns or be part of a vertical merge; `table.values` and
// `getCell` then count cells, not grid columns (as Word does), and
// `table.getRange().getOoxml()` gives a flat-OPC package generated from the table.
// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose
// dependency tree ships ESM that jest (CommonJS) cannot load.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'Excel', OneNote: 'OneNote', Outlook: 'Outlook', PowerPoint: 'PowerPoint', Project: 'Project', Word: 'Word' },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { tableXml, type CellSpec } from '../docx/buildDocx';

export interface FakeCell {
  text: string;
  shading: string;
  /** Grid columns the cell spans (w:gridSpan); 1 when missing. */
  span?: number;
  vMerge?: 'restart' | 'continue';
}

/** A cell of a fake table: its text, or its text with a span or vertical merge. */
export type FakeCellSpec = string | { text?: string; span?: number; vMerge?: 'restart' | 'continue' };

export interface FakeOptions {
  /**
   * What table t's getRange().getOoxml() gives at the sync: `generated` is the flat-OPC
   * package of the fake table. Return other text to give that instead; throw to make
   * the batch fail (as a GeneralException does).
   */
  ooxml?: (t: number, generated: string) => string;
  /** Word leaves the continuation cells of vertical merges out of values and getCell
   *  (true), or lists them as empty cells (false, the default). */
  omitVMergeContinuation?: boolean;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A flat-OPC package around a document body, as Word's getOoxml gives it (a styles part with a table style after it). */
export function flatOpc(bodyXml: string): string {
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return (
    '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    part(
      '/_rels/.rels',
      'application/vnd.openxmlformats-package.relationships+xml',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ) +
    part(
      '/word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      `<w:document xmlns:w="${W_NS}"><w:body>${bodyXml}<w:p/><w:sectPr/></w:body></w:document>`,
    ) +
    part(
      '/word/styles.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
      `<w:styles xmlns:w="${W_NS}"><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>` +
        '<w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr><w:tcPr><w:shd w:fill="auto"/></w:tcPr></w:style></w:styles>',
    ) +
    '</pkg:package>'
  );
}

export interface FakeDocument {
  /** Per table and row, Word's cells (what values and getCell count). */
  tables: FakeCell[][][];
  /** Per table and row, every <w:tc> of the OOXML (Word's cells and left-out continuation cells). */
  xmlRows: FakeCell[][][];
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
  tables: FakeCellSpec[][][],
  shading: (t: number, r: number, c: number) => string = () => '#FFFFFF',
  before: (string | null)[] = [],
  options: FakeOptions = {},
): FakeDocument {
  const hidden = (c: FakeCellSpec) => options.omitVMergeContinuation === true && typeof c !== 'string' && c.vMerge === 'continue';
  const xmlRows = tables.map((rows, t) =>
    rows.map((row, r) => {
      let index = 0;
      return row.map((spec): FakeCell => {
        const s = typeof spec === 'string' ? { text: spec } : spec;
        const cell: FakeCell = { text: s.text ?? '', shading: hidden(spec) ? '' : shading(t, r, index++) };
        if (s.span !== undefined) cell.span = s.span;
        if (s.vMerge !== undefined) cell.vMerge = s.vMerge;
        return cell;
      });
    }),
  );
  const doc: FakeDocument = {
    tables: xmlRows.map((rows, t) => rows.map((row, r) => row.filter((_, i) => !hidden(tables[t][r][i])))),
    xmlRows,
    syncs: 0,
    writes: [],
    selected: [],
    run: async (batch) => batch(context() as unknown as Word.RequestContext),
  };

  function context() {
    let pending: OfficeMockObject[] = [];
    /** Objects whose isNullObject or value becomes readable at the next sync (as in Office.js);
     *  `complete` runs at the sync and may fail the batch. */
    let unsynced: { synced: boolean; complete?: () => void }[] = [];
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

    /** table.getRange().getOoxml(): the package of the table as it is at the sync. */
    const ooxmlOf = (t: number) => {
      const state: { synced: boolean; value: string; complete: () => void } = {
        synced: false,
        value: '',
        complete() {
          const cells = doc.xmlRows[t].map((row) => row.map((c): CellSpec => ({ text: c.text, span: c.span, vMerge: c.vMerge })));
          const generated = flatOpc(tableXml(cells));
          state.value = options.ooxml ? options.ooxml(t, generated) : generated;
        },
      };
      unsynced.push(state);
      return {
        get value(): string {
          if (!state.synced) throw new Error('ClientResult.value read before context.sync()');
          return state.value;
        },
      };
    };

    const items = doc.tables.map((rows, t) =>
      track(
        new OfficeMockObject({
          values: rows.map((row) => row.map((c) => c.text)),
          rowCount: rows.length,
          getCell: (r: number, c: number) => cellProxy(t, r, c),
          select: () => doc.selected.push(`table ${t}`),
          getParagraphBeforeOrNullObject: () => paragraphBefore(t),
          getRange: () => ({ getOoxml: () => ooxmlOf(t) }),
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
        const waiting = unsynced;
        pending = [];
        unsynced = [];
        // A failing operation fails the whole batch: nothing of it is read.
        for (const s of waiting) s.complete?.();
        for (const s of waiting) s.synced = true;
        for (const m of now) await m.sync();
        // office-addin-mock completes loads in microtasks.
        await new Promise((r) => setTimeout(r, 0));
      },
    };
  }
  return doc;
}
