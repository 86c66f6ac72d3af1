'use strict';
// Office.js adapter figures for the benchmark: context.sync calls, payload bytes (what the
// fake counts per sync, requests and responses), getRanges calls, conditional formats
// added, and time, for 10 … 1,000,000 cells. Reuses the adapter tests' fake Excel
// (test/excel/fakeExcel.ts) and the real adapter in src/excel: both are TypeScript outside
// lib/, so they are transpiled here into .cache/.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, '.cache', 'bench-excel');

function transpileTree() {
  const ts = require('typescript');
  // All of src/ (the adapter's imports change as features land), plus the fake Excel.
  const files = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(REPO, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(child);
    }
  };
  walk('src');
  fs.rmSync(OUT, { recursive: true, force: true }); // no stale modules from renamed files
  files.push('test/excel/fakeExcel.ts');
  for (const rel of files) {
    const src = fs.readFileSync(path.join(REPO, rel), 'utf8');
    const js = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
      fileName: rel,
    }).outputText;
    const out = path.join(OUT, rel.replace(/\.tsx?$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, js);
  }
}

/**
 * A sheet of about `cells` numbers in 10 columns (2 below 100 cells): groups of nine
 * rows, each closed by a `Summa` row of SUM formulas, so about a tenth of the cells are
 * totals the adapter must colour.
 */
function grid(cells, sheetFn) {
  const cols = cells < 100 ? 2 : 10;
  const rows = Math.max(1, Math.round(cells / cols));
  const letter = (c) => String.fromCharCode(66 + c);
  const g = [['Enhet', ...Array.from({ length: cols }, (_, c) => `Kolumn ${c + 1}`)]];
  let sums = new Array(cols).fill(0);
  let first = 2;
  for (let r = 0; r < rows; r++) {
    const line = g.length + 1;
    if (r % 10 === 9 || r === rows - 1) {
      g.push(['Summa', ...sums.map((v, c) => ({ value: v, formula: `=SUM(${letter(c)}${first}:${letter(c)}${line - 1})`, numFmt: '#,##0' }))]);
      sums = new Array(cols).fill(0);
      first = line + 1;
      continue;
    }
    const row = [`Rad ${r + 1}`];
    for (let c = 0; c < cols; c++) {
      const v = ((r * 7 + c * 13) % 1000) + 1;
      sums[c] += v;
      row.push(v);
    }
    g.push(row);
  }
  return sheetFn('Data', g);
}

const MB = 1024 * 1024;

async function measureExcel(sizes) {
  transpileTree();
  const { FakeExcel, sheet } = require(path.join(OUT, 'test/excel/fakeExcel.js'));
  const { createExcelAdapter } = require(path.join(OUT, 'src/excel/excelAdapter.js'));
  const rows = [];
  for (const cells of sizes) {
    const excel = new FakeExcel([grid(cells, sheet)]);
    const adapter = createExcelAdapter({ run: excel.run, supports: () => true });
    const t0 = process.hrtime.bigint();
    const run = await adapter.checkWorkbook();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const payload = excel.syncBytes.reduce((n, b) => n + b.request + b.response, 0);
    const largest = Math.max(...excel.syncBytes.map((b) => Math.max(b.request, b.response)));
    const row = {
      cells,
      syncs: excel.syncCount,
      payloadBytes: payload,
      largestSyncBytes: largest,
      bound: Math.ceil(payload / (4 * MB)) + 4,
      getRanges: excel.getRangesCalls,
      rules: excel.ops.filter((o) => o.kind === 'cf-add').length,
      forbidden: excel.forbiddenWrites().length,
      checked: run.result.summary.cells,
      ms,
    };
    const syncsBefore = excel.syncCount;
    const t1 = process.hrtime.bigint();
    await adapter.clearStatusColours();
    row.clearSyncs = excel.syncCount - syncsBefore;
    row.clearMs = Number(process.hrtime.bigint() - t1) / 1e6;
    rows.push(row);
  }
  return rows;
}

module.exports = { measureExcel };

// Run on its own (bench/run.js does so in a child process, away from the engine bench's heap):
//   node bench/excelCounts.js 10,1000,1000000   → JSON on stdout
if (require.main === module) {
  const sizes = (process.argv[2] || '10,100,1000,10000,100000,1000000').split(',').map(Number);
  measureExcel(sizes).then(
    (rows) => process.stdout.write(JSON.stringify(rows)),
    (e) => {
      console.error(String((e && e.stack) || e));
      process.exit(1);
    },
  );
}
