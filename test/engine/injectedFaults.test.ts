// One fault at a time, the way people get figures wrong (two digits swapped, a flipped sign,
// one digit mistyped), typed into a part of every total of the fixtures that reconciles: the
// fault must turn red a check that uses the figure (or the figure itself, when it is derived),
// and no cell the figure does not touch may turn red. The fixtures' own tables, but no
// expectation of a file or a cell: the property holds for every total the engine reads.
import * as fs from 'fs';
import * as path from 'path';
import { cellAddress, checkWorkbook } from '../../src/engine';
import type { CellInput, Check, WorkbookInput } from '../../src/engine';
import { parseCellAddress } from '../../src/engine/read/address';
import { readXlsx } from '../../src/xlsx';
import { FIXTURES, requireShared } from '../helpers/shared';

requireShared(FIXTURES);

type Cells = Map<string, { status: string; checks: Check[] }>;

/** Each checked cell's status over its derived checks (a number stored as text keeps its own warning apart). */
function statuses(wb: WorkbookInput): Cells {
  const out: Cells = new Map();
  for (const s of checkWorkbook(wb).sheets)
    for (const c of s.cells) {
      const checks = c.checks.filter((k) => k.rule !== 'text-number');
      if (!checks.length) continue;
      const status = checks.some((k) => k.status === 'error') ? 'error' : checks.some((k) => k.status === 'warning') ? 'warning' : 'ok';
      out.set(`${s.name}!${c.address}`, { status, checks });
    }
  return out;
}

/** The cells of a check's inputs on its own sheet, as [row, column]. */
function cellsOf(inputs: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of inputs) {
    if (x.includes('!')) continue;
    const [a, b] = x.replace(/\$/g, '').split(':');
    const p = parseCellAddress(a);
    const q = b ? parseCellAddress(b) : p;
    if (!p || !q) continue;
    for (let r = p.r; r <= q.r; r++) for (let c = p.c; c <= q.c; c++) out.push([r, c]);
  }
  return out;
}

/** The last two different neighbouring digits swapped (404 545 → 404 554), or null. */
function swapDigits(v: number): number | null {
  const d = String(Math.abs(v)).split('');
  for (let i = d.length - 1; i > 0; i--) {
    if (d[i] === '.' || d[i - 1] === '.' || d[i] === d[i - 1]) continue;
    [d[i], d[i - 1]] = [d[i - 1], d[i]];
    return Math.sign(v) * Number(d.join(''));
  }
  return null;
}

/** The first significant digit typed one higher (9 → 8). */
function mistype(v: number): number | null {
  const s = String(Math.abs(v));
  const i = s.search(/[1-9]/);
  if (i < 0) return null;
  const d = Number(s[i]);
  return Math.sign(v) * Number(s.slice(0, i) + (d === 9 ? 8 : d + 1) + s.slice(i + 1));
}

const FAULTS: Record<string, (v: number) => number | null> = { 'swapped digits': swapDigits, 'flipped sign': (v) => -v, 'mistyped digit': mistype };
const SUMS = ['column-sum', 'subtotal-sum', 'total-of-totals'];

describe('one injected fault in a part of a total that reconciles', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

  it('every fault is red where the figure is used, and nowhere else', () => {
    const missed: string[] = [];
    const stray: string[] = [];
    let injected = 0;
    for (const file of files) {
    const wb = readXlsx(fs.readFileSync(path.join(FIXTURES, file)));
    const base = statuses(wb);
    const done = new Set<string>();
    for (const [key, info] of base) {
      if (info.status !== 'ok') continue;
      const sum = info.checks.find((k) => SUMS.includes(k.rule));
      if (!sum) continue;
      const sheetName = key.slice(0, key.lastIndexOf('!'));
      const sheet = wb.sheets.find((s) => s.name === sheetName)!;
      // One part per total: the first that holds a typed figure of two digits or more.
      const part = cellsOf(sum.inputs).find(([r, c]) => {
        const x = sheet.rows[r]?.[c];
        return x && typeof x.value === 'number' && !x.formula && Math.abs(x.value) >= 10 && !done.has(`${sheetName}!${r},${c}`);
      });
      if (!part) continue;
      const [r, c] = part;
      done.add(`${sheetName}!${r},${c}`);
      const cell = sheet.rows[r][c] as CellInput;
      for (const [kind, fault] of Object.entries(FAULTS)) {
        const wrong = fault(cell.value as number);
        if (wrong === null || wrong === cell.value) continue;
        injected++;
        sheet.rows[r][c] = { ...cell, value: wrong };
        const after = statuses(wb);
        sheet.rows[r][c] = cell;
        const own = `${sheetName}!${cellAddress(r, c)}`;
        let caught = false;
        for (const [k2, i2] of after) {
          if (i2.status !== 'error' || base.get(k2)?.status === 'error') continue;
          const uses = k2 === own || (k2.startsWith(`${sheetName}!`) && i2.checks.some((k) => cellsOf(k.inputs).some(([rr, cc]) => rr === r && cc === c)));
          // A tie to another table may carry the fault on: allowed, not required.
          if (uses) caught = true;
          else if (!i2.checks.some((k) => k.rule === 'cross-table')) stray.push(`${file}: ${kind} in ${own}: ${k2}`);
        }
        if (!caught) missed.push(`${file}: ${kind} in ${own} (${cell.value} → ${wrong}), total ${key}`);
      }
    }
    }
    expect(missed).toEqual([]);
    expect(stray).toEqual([]);
    // The fixtures hold dozens of totals: the test must really have injected faults.
    expect(injected).toBeGreaterThan(100);
  });
});
