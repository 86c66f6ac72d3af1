// The reader against exceljs (an independent implementation) on every fixture and on a
// few corpus workbooks: the same values, formulas, number formats and merges.
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { cellAddress } from '../../src/engine';
import type { CellInput } from '../../src/engine';
import { readXlsx } from '../../src/xlsx';
import { CORPUS, FIXTURES, fixtureFiles, loadExcelJs, readBytes } from './helpers';

interface Flat {
  value: number | string | boolean | null;
  formula?: string;
  numFmt?: string;
  error?: boolean;
}

// exceljs drops the backslash escapes of a format code (`\\(` → `(`) and writes built-in 22
// as `m/d/yy "h":mm`; both spell the same format, so compare without escapes and quotes.
const normFmt = (f: string) => f.replace(/[\\"]/g, '');

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What exceljs says a cell holds, in our terms. `cell.result` keeps a cached 0 that `cell.value` loses. */
function fromExcelJs(cell: ExcelJS.Cell): Flat | null {
  const v = cell.value as unknown;
  const out: Flat = { value: null };
  const scalar = (x: unknown): Flat['value'] => {
    if (x instanceof Date) return (x.getTime() - EXCEL_EPOCH) / 86400000;
    if (x && typeof x === 'object' && 'error' in (x as object)) {
      out.error = true;
      return (x as { error: string }).error;
    }
    if (x && typeof x === 'object' && 'richText' in (x as object)) return (x as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    return (x as Flat['value']) ?? null;
  };
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    out.formula = `=${cell.formula}`;
    out.value = scalar(cell.result);
  } else out.value = scalar(v);
  if (cell.numFmt && cell.numFmt !== 'General') out.numFmt = normFmt(cell.numFmt);
  return out.value === null && out.formula === undefined ? null : out;
}

function fromOurs(c: CellInput): Flat {
  const out: Flat = { value: c.value };
  if (c.formula) out.formula = c.formula;
  if (c.numFmt) out.numFmt = normFmt(c.numFmt);
  if (c.error) out.error = true;
  return out;
}

async function compare(file: string): Promise<number> {
  const bytes = readBytes(file);
  const ours = readXlsx(bytes);
  const theirs = await loadExcelJs(bytes);
  expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
  let compared = 0;
  for (const ws of theirs.worksheets) {
    const sheet = ours.sheets.find((s) => s.name === ws.name)!;
    const expected = new Map<string, Flat>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // exceljs repeats a merged area's value in every cell of it; the file holds it once.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const f = fromExcelJs(cell);
        if (f) expected.set(cell.address, f);
      });
    });
    const actual = new Map<string, Flat>();
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c) actual.set(cellAddress(r, col), fromOurs(c));
      }),
    );
    // Dates: exceljs rounds to milliseconds; compare numbers loosely, everything else exactly.
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [addr, exp] of expected) {
      const act = actual.get(addr)!;
      if (typeof exp.value === 'number' && typeof act.value === 'number') {
        expect([addr, act.value]).toEqual([addr, expect.closeTo(exp.value, 6)]);
        expect({ ...act, value: 0 }).toEqual({ ...exp, value: 0 });
      } else expect([addr, act]).toEqual([addr, exp]);
      compared++;
    }
    const merges = (sheet.merges ?? []).map((m) => `${cellAddress(m.r0, m.c0)}:${cellAddress(m.r1, m.c1)}`).sort();
    expect(merges).toEqual([...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort());
  }
  return compared;
}

const files = fs.existsSync(FIXTURES) ? fixtureFiles() : [];

describe('readXlsx agrees with exceljs', () => {
  test.each(files)('fixture %s', async (f) => {
    expect(await compare(path.join(FIXTURES, f))).toBeGreaterThan(20);
  });

  // Real-world files with shared strings, rich text, shared formulas and styles.
  const corpus = ['poi__49156.xlsx', 'poi__DataValidationEvaluations.xlsx', 'calamine__tests_issues.xlsx', 'calamine__tests_issue_565_multi_axis_shared.xlsx', 'calamine__tests_issue_567_absolute_shared.xlsx', 'calamine__tests_encoded_entities.xlsx'].filter((f) =>
    fs.existsSync(path.join(CORPUS, f)),
  );
  test.each(corpus)('corpus %s', async (f) => {
    expect(await compare(path.join(CORPUS, f))).toBeGreaterThan(0);
  });
});
