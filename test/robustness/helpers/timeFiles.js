'use strict';
// Child process for the corpus test: reads and checks files one by one with the
// compiled reader and engine, and prints one JSON line before and after each file so
// the parent can time each file and kill the child when one hangs.
// Usage: node timeFiles.js LIBDIR FILELIST.json STARTINDEX
const fs = require('fs');
const path = require('path');

const [libDir, listFile, startArg] = process.argv.slice(2);
const { readXlsx } = require(path.join(libDir, 'xlsx', 'index.js'));
const { checkWorkbook } = require(path.join(libDir, 'engine', 'index.js'));
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));

function emit(obj) {
  fs.writeSync(1, JSON.stringify(obj) + '\n');
}

async function main() {
  for (let i = Number(startArg) || 0; i < files.length; i++) {
    emit({ start: i });
    const t0 = process.hrtime.bigint();
    let outcome;
    let readMs = 0;
    try {
      const bytes = new Uint8Array(fs.readFileSync(files[i]));
      let wb;
      try {
        wb = await readXlsx(bytes);
      } catch (e) {
        outcome = {
          status: 'refused',
          message: e && e.message ? String(e.message) : String(e),
          name: e && e.name,
          stack: String(e && e.stack).slice(0, 1500),
        };
      }
      readMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (wb) {
        try {
          const result = checkWorkbook(wb);
          outcome = { status: 'checked', cells: result.summary.cells, errors: result.summary.error };
        } catch (e) {
          // The engine must not throw on anything the reader accepted.
          outcome = { status: 'crash', message: String(e && e.message), stack: String(e && e.stack).slice(0, 2000) };
        }
      }
    } catch (e) {
      outcome = { status: 'crash', message: String(e && e.message), stack: String(e && e.stack).slice(0, 2000) };
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    emit({ done: i, ms, readMs, ...outcome });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    emit({ fatal: String(e && e.stack) });
    process.exit(3);
  },
);
