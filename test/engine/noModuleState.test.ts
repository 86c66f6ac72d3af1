// The engine keeps no state between runs: scratch memory and caches live in the run's
// object (src/engine/scratch.ts), made by checkWorkbook and passed down. Two checks: no
// module of the engine declares state at its top level, and a workbook checked before,
// after and in between others gives the same result every time.
import fs from 'fs';
import path from 'path';
import { checkWorkbook, findingsOf, forEachStatus } from '../../src/engine';
import type { WorkbookInput, WorkbookResult } from '../../src/engine';
import { readXlsx } from '../../src/xlsx';
import { budgetSheet, sheet } from './helpers';

const ENGINE = path.resolve(__dirname, '../../src/engine');

/**
 * Top-level declarations that hold a container but can never change, and why. Anything
 * else that the scan finds is state that belongs in the run's object.
 */
const ALLOWED: Record<string, string> = {
  // Empty, and typed ReadonlyMap: TypeScript lets no module write to it; every total whose
  // formulas cover its items shares it.
  'hypotheses/totalRow.ts NO_MISMATCH': 'empty ReadonlyMap, never written',
  // The same for a table whose figures are typed as shown, and one with no anomalous row.
  'judge/granularity.ts AS_SHOWN': 'empty ReadonlyMap, never written',
  'judge/rowAnomaly.ts NO_ANOMALIES': 'empty ReadonlyMap, never written',
  // Zero-length typed arrays have no element to write and cannot grow.
  'hypotheses/relationCandidates.ts NO_POSITIONS': 'zero-length typed array',
  'hypotheses/relationCandidates.ts NO_COEFS': 'zero-length typed array',
  // A global regex keeps lastIndex, but this one is only given to String.replace, which
  // starts from 0 and leaves it at 0.
  'read/numbers.ts SPACES': 'global regex used with replace only',
};

const CONTAINER = /\bnew\s+(?:Map|Set|WeakMap|WeakSet|WeakRef|Array|ArrayBuffer|SharedArrayBuffer|Int8Array|Uint8Array|Uint8ClampedArray|Int16Array|Uint16Array|Int32Array|Uint32Array|Float32Array|Float64Array|BigInt64Array|BigUint64Array|[A-Z]\w*)\s*[(<]/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Module-level state in one source text: `file NAME: reason` per finding. */
function moduleState(file: string, text: string): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Class fields that every instance shares.
    const stat = /^\s+(?:(?:public|private|protected)\s+)?static\s+(?!readonly\b)(?:async\s+)?(\w+)\s*[:=]/.exec(line);
    if (stat) found.push(`${file} ${stat[1]}: a static field that can be reassigned`);
    const decl = /^(?:export\s+)?(let|var|const)\s+(\w+)/.exec(line);
    if (!decl) continue;
    const [, kind, name] = decl;
    if (kind !== 'const') {
      found.push(`${file} ${name}: a top-level ${kind}`);
      continue;
    }
    // The whole declaration: up to the line that ends it.
    let stmt = line;
    for (let j = i + 1; j < lines.length && !/;\s*(?:\/\/.*)?$/.test(lines[j - 1]); j++) stmt += '\n' + lines[j];
    // An arrow function's body runs per call: what it allocates is no module state.
    const value = stmt.replace(/^[^=]*=/, '');
    if (/^\s*(?:\([^)]*\)|\w+)\s*(?::\s*[^=]+)?=>/.test(value)) continue;
    if (`${file} ${name}` in ALLOWED) continue;
    const container = CONTAINER.exec(value);
    if (container) found.push(`${file} ${name}: a top-level ${container[0].replace(/[(<]$/, '')}(…)`);
    // Scratch objects made by a factory (newScore(), newEvaluation(), newMatrix()).
    else if (/^\s*new[A-Z]\w*\s*\(/.test(value)) found.push(`${file} ${name}: a top-level object from ${value.trim().replace(/\(.*$/s, '')}()`);
    // An object or array literal must be declared read-only (TypeScript then refuses any
    // write) or frozen: a plain one is scratch (a result object, a range, a list).
    else if (/^\s*[[{]/.test(value) && !/\bas const\s*;\s*$/.test(value) && !/:\s*(?:readonly\b|Readonly<)/.test(stmt.slice(0, stmt.length - value.length))) found.push(`${file} ${name}: a top-level object or array that is not read-only`);
    // A global or sticky regex keeps lastIndex between uses.
    else if (/^\s*\/(?:\\.|[^/\n])+\/[a-z]*[gy][a-z]*\s*;/.test(value)) found.push(`${file} ${name}: a top-level global or sticky regex`);
  }
  return found;
}

describe('no module-level mutable state in the engine', () => {
  it('no engine module declares state at its top level', () => {
    const found: string[] = [];
    for (const f of sourceFiles(ENGINE)) found.push(...moduleState(path.relative(ENGINE, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    const sample = [
      'let scratch = new Uint8Array(256);',
      'const cache = new Map<string, number>();',
      'export const marks = new TableRowBits();',
      'const list: number[] = [];',
      'const frozen: readonly number[] = Object.freeze([]);',
      'const SCORE = newScore();',
      'const range: RowRange = { from: 0, to: 0 };',
      'const FIXED: Readonly<RowRange> = { from: 0, to: 0 };',
      'const KINDS = [1, 2] as const;',
      'const NAMES: readonly string[] = [',
      "  'a',",
      '];',
      'const EVERY = /x/g;',
      'const ONCE = /x/i;',
      'const MAX = 1 << 20;',
      'const make = (n: number) => new Int32Array(n);',
      'const TABLE: Record<string, number> = {',
      '  a: 1,',
      '};',
      'class X {',
      '  static seen = new Set<number>();',
      '  static readonly NAME = "x";',
      '}',
    ].join('\n');
    expect(moduleState('x.ts', sample)).toEqual([
      'x.ts scratch: a top-level let',
      'x.ts cache: a top-level new Map(…)',
      'x.ts marks: a top-level new TableRowBits(…)',
      'x.ts list: a top-level object or array that is not read-only',
      'x.ts SCORE: a top-level object from newScore()',
      'x.ts range: a top-level object or array that is not read-only',
      'x.ts EVERY: a top-level global or sticky regex',
      'x.ts TABLE: a top-level object or array that is not read-only',
      'x.ts seen: a static field that can be reassigned',
    ]);
  });

  it('every allowed exception still exists (the list holds no stale names)', () => {
    for (const key of Object.keys(ALLOWED)) {
      const [file, name] = key.split(' ');
      expect(fs.readFileSync(path.join(ENGINE, file), 'utf8')).toMatch(new RegExp(`^(?:export )?const ${name}\\b`, 'm'));
    }
  });
});

// Workbooks that use what runs keep scratch and caches for: totals, groups, formula
// ranges, relations between columns, shares, number formats, typed units.
function examples(): [string, WorkbookInput][] {
  const dir = path.resolve(__dirname, '../../examples');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => [f, readXlsx(fs.readFileSync(path.join(dir, f)))] as [string, WorkbookInput]);
}

/** A long table (larger scratch than the others need), with groups, subtotals and a relation. */
function bigWorkbook(): WorkbookInput {
  const rows: (string | number | null)[][] = [['Post', 'Budget', 'Utfall', 'Avvikelse', 'Andel %']];
  let b = 0;
  let u = 0;
  for (let s = 0; s < 12; s++) {
    let sb = 0;
    let su = 0;
    for (let k = 0; k < 20; k++) {
      const x = 1000 + ((s * 37 + k * 101) % 900);
      const y = x - ((s + k) % 7) * 13;
      rows.push([`Konto ${s}-${k}`, x, y, x - y, Math.round((1000 * y) / x) / 10]);
      sb += x;
      su += y;
    }
    // One section's total is off by one: a finding that must come out the same every time.
    rows.push([`Summa avdelning ${s}`, sb, su + (s === 5 ? 1 : 0), sb - su, Math.round((1000 * su) / sb) / 10]);
    b += sb;
    u += su;
  }
  rows.push(['Totalt', b, u, b - u, Math.round((1000 * u) / b) / 10]);
  return { sheets: [sheet('Stor', rows, '#,##0'), sheet('Tkr', rows.map((r, i) => (i ? r.map((v) => (typeof v === 'number' ? v * 1000 : v)) : r)), '#,##0,')] };
}

function smallWorkbook(): WorkbookInput {
  return {
    sheets: [
      budgetSheet(),
      sheet('Andelar', [
        ['Region', 'Antal', 'Varav kvinnor', 'Andel kvinnor %'],
        ['Norr', 200, 120, 60],
        ['Söder', 300, 150, 50],
        ['Totalt', 500, 270, 54],
      ], '0.0'),
    ],
  };
}

const json = (r: WorkbookResult): string => JSON.stringify(r);

/** What the cheap readers say of each sheet, read without building the cells first. */
function readers(r: WorkbookResult): string {
  return JSON.stringify(
    r.sheets.map((s) => {
      const statuses: string[] = [];
      forEachStatus(s, (row, col, st) => statuses.push(`${row},${col},${st}`));
      return { statuses, findings: findingsOf(s) };
    }),
  );
}

describe('a run depends on its workbook alone', () => {
  const books: [string, WorkbookInput][] = [...examples(), ['big', bigWorkbook()], ['small', smallWorkbook()]];

  it('has workbooks that find something', () => {
    expect(books.length).toBeGreaterThanOrEqual(4);
    for (const [, wb] of books) expect(checkWorkbook(wb).summary.cells).toBeGreaterThan(0);
  });

  it('A, then B, then A again: A comes out the same', () => {
    for (const [nameA, a] of books)
      for (const [nameB, b] of books) {
        if (nameA === nameB) continue;
        const first = json(checkWorkbook(a));
        checkWorkbook(b);
        expect({ book: nameA, after: nameB, result: json(checkWorkbook(a)) }).toEqual({ book: nameA, after: nameB, result: first });
      }
  });

  it('the same results in one order and in the reverse order', () => {
    const forward = books.map(([, wb]) => json(checkWorkbook(wb)));
    const backward = [...books].reverse().map(([, wb]) => json(checkWorkbook(wb))).reverse();
    expect(backward).toEqual(forward);
  });

  it('a result read after other runs (its cells are built lazily) is the one read at once', () => {
    const atOnce = books.map(([, wb]) => {
      const r = checkWorkbook(wb);
      return { json: json(r), readers: readers(checkWorkbook(wb)) };
    });
    // Every run first, none of them read; then each read, in reverse, after all the others ran.
    const pending = books.map(([, wb]) => checkWorkbook(wb));
    const pendingReaders = books.map(([, wb]) => checkWorkbook(wb));
    for (let i = books.length - 1; i >= 0; i--) {
      expect(readers(pendingReaders[i])).toBe(atOnce[i].readers);
      expect(json(pending[i])).toBe(atOnce[i].json);
    }
  });
});
