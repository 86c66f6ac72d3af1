#!/usr/bin/env node
'use strict';
// Mutation fuzzing of the command line: seeded mutants of the fixtures and corpus workbooks
// (bit flips, cuts, byte runs, and XML-level edits inside a part, re-zipped so the checksums
// hold) are checked in batches with `summakoll check DIR --json - --quiet`. Every run must
// end in time with exit 0, 1 or 2, list every mutant once, refuse only with a clear Swedish
// message (no stack trace, no raw JavaScript message) and leave every mutant unchanged.
//
//   node scripts/fuzz.js                 300 mutants, seed 1
//   node scripts/fuzz.js --count 1000 --seed 7
//   npm run fuzz -- --minutes 10         as many as fit in ten minutes
//
// Prints one line of figures per batch and a JSON summary as the last line; exit 1 when
// any mutant was mishandled (the mutants that were are kept and named).
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');

const REPO = path.resolve(__dirname, '..');
const SHARED = path.resolve(REPO, '../shared');
const BIN = path.join(REPO, 'bin', 'summakoll.js');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const MINUTES = option('--minutes', 0);
const COUNT = option('--count', MINUTES > 0 ? Infinity : 300);
const SEED = option('--seed', 1);
const BATCH = option('--batch', 30);
const TIME_LIMIT_S = option('--time-limit', 10);

/** Signs of a crash rather than a message for people (as in test/robustness/helpers/cli.ts). */
const CRASH_SIGNS =
  /\n\s+at |\bat Object\.|TypeError|ReferenceError|RangeError|SyntaxError|undefined|\[object Object\]|Cannot read|is not a function|Unexpected token|ENOENT|EACCES|Maximum call stack|out of memory|heap limit|Invalid array length|Invalid string length/i;
const SWEDISH = /[åäöÅÄÖ]|\b(inte|kunde|kan|filen|fil|saknas|är|och|skadad|stöds)\b/i;

function lcg(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function sources() {
  const out = [];
  for (const dir of [path.join(SHARED, 'fixtures'), path.join(SHARED, 'corpus')]) {
    if (!fs.existsSync(dir)) {
      console.error(`${dir} saknas: fuzzningen behöver ../shared.`);
      process.exit(2);
    }
    for (const n of fs.readdirSync(dir).sort()) if (/\.(xlsx|xlsm|docx)$/i.test(n)) out.push(path.join(dir, n));
  }
  return out;
}

const XML_TOKENS = ['<', '>', '&', '"', '<!--', '-->', '<![CDATA[', ']]>', '<?x?>', '</c>', '<c r="XFD1048577">', ' r="ZZZZZZ1"', ' t="s"', '&#45;', '&bogus;', '\u0000', 'encoding="ISO-8859-1"', '<!DOCTYPE a>', '<row r="2147483648">', '<v>1e309</v>', '<v>-0</v>'];

/** One mutant of the bytes; the kind is part of its name, so a failure says what was done. */
function mutate(bytes, rand) {
  const kind = Math.floor(rand() * 5);
  const b = Buffer.from(bytes);
  switch (kind) {
    case 0: {
      const flips = 1 + Math.floor(rand() * 32);
      for (let i = 0; i < flips; i++) b[Math.floor(rand() * b.length)] ^= 1 << Math.floor(rand() * 8);
      return { kind: 'flip', bytes: b };
    }
    case 1:
      return { kind: 'cut', bytes: b.subarray(0, Math.floor(rand() * b.length)) };
    case 2: {
      const at = Math.floor(rand() * b.length);
      const run = Buffer.alloc(1 + Math.floor(rand() * 64), Math.floor(rand() * 256));
      return { kind: 'run', bytes: Buffer.concat([b.subarray(0, at), run, b.subarray(at + run.length)]) };
    }
    default: {
      // XML-level: edit a part's text and re-zip, so the mutant passes the zip checks.
      let parts;
      try {
        parts = unzipSync(new Uint8Array(bytes));
      } catch {
        return { kind: 'flip', bytes: b };
      }
      const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/i.test(n));
      if (names.length === 0) return { kind: 'flip', bytes: b };
      const name = names[Math.floor(rand() * names.length)];
      let xml = strFromU8(parts[name]);
      const edits = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(rand() * (xml.length + 1));
        const op = rand();
        if (op < 0.5) xml = xml.slice(0, at) + XML_TOKENS[Math.floor(rand() * XML_TOKENS.length)] + xml.slice(at);
        else if (op < 0.8) xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(rand() * 40));
        else xml = xml.replace(/="[^"]*"/, `="${['', '-1', '99999999999', 'A0', '&amp;', 'x:y'][Math.floor(rand() * 6)]}"`);
      }
      parts[name] = strToU8(xml);
      return { kind: `xml-${path.basename(name).replace(/[^\w.-]/g, '_')}`, bytes: Buffer.from(zipSync(parts)) };
    }
  }
}

function sha(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function main() {
  if (!fs.existsSync(path.join(REPO, 'lib', 'cli', 'main.js'))) {
    console.error('lib/ saknas: kör npm run build:cli först.');
    process.exit(2);
  }
  const files = sources();
  const rand = lcg(SEED);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-fuzz-'));
  const deadline = MINUTES > 0 ? Date.now() + MINUTES * 60000 : Infinity;
  const totals = { seed: SEED, mutants: 0, checked: 0, refused: 0, problems: 0, batches: 0, seconds: 0 };
  const problems = [];
  const t0 = Date.now();
  let batchNo = 0;
  while (totals.mutants < COUNT && Date.now() < deadline) {
    const dir = path.join(work, `batch${batchNo++}`);
    fs.mkdirSync(dir);
    const n = Math.min(BATCH, COUNT - totals.mutants);
    const hashes = new Map();
    for (let i = 0; i < n; i++) {
      const src = files[Math.floor(rand() * files.length)];
      const m = mutate(fs.readFileSync(src), rand);
      const ext = path.extname(src).toLowerCase();
      const name = `${String(totals.mutants + i).padStart(5, '0')}_${m.kind}_${path.basename(src, ext).slice(0, 40)}${ext}`;
      fs.writeFileSync(path.join(dir, name), m.bytes);
      hashes.set(name, sha(m.bytes));
    }
    const t = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'check', dir, '--json', '-', '--quiet', '--time-limit', String(TIME_LIMIT_S)], {
      encoding: 'utf8',
      timeout: (TIME_LIMIT_S * n + 60) * 1000,
      maxBuffer: 1 << 30,
    });
    const batchProblems = [];
    if (r.error || r.signal) batchProblems.push(`körningen avbröts (${r.error ? r.error.message : r.signal})`);
    if (![0, 1, 2].includes(r.status)) batchProblems.push(`slutkod ${r.status}`);
    if (/\n\s+at .*:\d+:\d+\)?/.test(r.stderr || '')) batchProblems.push(`stackspår på stderr: ${r.stderr.slice(0, 300)}`);
    let report = null;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      batchProblems.push(`ingen JSON-rapport: ${(r.stderr || '').slice(0, 300)}`);
    }
    if (report) {
      for (const name of hashes.keys()) {
        const entries = report.files.filter((f) => path.basename(f.file) === name);
        if (entries.length !== 1) {
          batchProblems.push(`${name}: ${entries.length} gånger i rapporten`);
          continue;
        }
        const e = entries[0];
        if (e.error === null) totals.checked++;
        else {
          totals.refused++;
          if (CRASH_SIGNS.test(e.error) || !SWEDISH.test(e.error) || e.error.length > 400) batchProblems.push(`${name}: otydligt meddelande: ${e.error}`);
        }
      }
    }
    for (const [name, h] of hashes) if (sha(fs.readFileSync(path.join(dir, name))) !== h) batchProblems.push(`${name}: indatafilen ändrades`);
    totals.mutants += n;
    totals.batches++;
    totals.problems += batchProblems.length;
    if (batchProblems.length === 0) fs.rmSync(dir, { recursive: true, force: true });
    else problems.push(...batchProblems.map((p) => `${dir}: ${p}`));
    console.log(
      `parti ${batchNo}: ${n} mutanter på ${((Date.now() - t) / 1000).toFixed(1)} s, exit ${r.status}; totalt ${totals.mutants} (${totals.checked} kontrollerade, ${totals.refused} avvisade, ${totals.problems} problem)`,
    );
  }
  totals.seconds = Math.round((Date.now() - t0) / 1000);
  for (const p of problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  if (problems.length === 0) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`Mutanterna med problem finns kvar i ${work}`);
  console.log(JSON.stringify(totals));
  process.exit(problems.length === 0 ? 0 : 1);
}

main();
