// `summakoll check …`: check each file in a worker thread (read, check, coloured copy, its
// report pieces), then join the pieces into the JSON, CSV and HTML reports and the summary.
// One file that fails, runs out of time or memory, or hits a bug takes only itself: every
// file is in the report, and no output ever touches an input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { INTERNAL_ERROR_TEXT } from '../ooxml/errors';
import { CSV_HEAD, csvErrorLine } from '../report/csv';
import { HTML_END, htmlStart, renderErrorSection, type RunTotals } from '../report/html';
import { HELP, parseArgs, USAGE, type CheckOptions } from './args';
import { JSON_HEAD, partPath, type FileJob, type FileJobResult } from './fileJob';
import { expandInputs, outDirProblem, type InputFile } from './inputs';
import { AtomicFile, outputCollision, removeLeftovers } from './outputs';
import { runPool } from './pool';
import { progressBar } from './progress';
import { countLine } from './summary';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** Seconds one file may take, unless --time-limit says otherwise. */
export const DEFAULT_TIME_LIMIT_S = 60;

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr.write(`${parsed.message}\n${USAGE}\n`);
    return EXIT_TROUBLE;
  }
  return runCheck(parsed.options, io);
}

function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

/** Heap per worker: at most 4 GB, and together no more than about 60 % of the machine's memory. */
function defaultMemoryMb(jobs: number): number {
  const total = os.totalmem() / (1024 * 1024);
  return Math.max(256, Math.min(4096, Math.floor((total * 0.6) / jobs)));
}

interface Outcome {
  file: InputFile;
  result: FileJobResult;
}

async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const files = expandInputs(opts.inputs);
  if (files.length === 0) {
    io.stderr.write(`Inga .xlsx-, .xlsm- eller .docx-filer hittades i ${opts.inputs.join(', ')}.\n${USAGE}\n`);
    return EXIT_TROUBLE;
  }
  const readable = files.filter((f) => !f.problem);
  const copies = opts.out ? readable.map((f) => ({ input: f.path, target: path.join(opts.out as string, path.basename(f.path)) })) : [];
  const problem =
    (opts.out ? outDirProblem(opts.out, files) : null) ??
    outputCollision(readable, { json: opts.json, html: opts.html, csv: opts.csv, copies });
  if (problem) {
    io.stderr.write(`${problem}\nIngenting skrevs.\n`);
    return EXIT_TROUBLE;
  }
  if (opts.out) fs.mkdirSync(opts.out, { recursive: true });

  const partsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-'));
  try {
    const csvHref = opts.csv && opts.html ? path.relative(path.dirname(path.resolve(opts.html)), path.resolve(opts.csv)).split(path.sep).join('/') : undefined;
    const jobs: FileJob[] = [];
    const jobFile = new Map<number, InputFile>();
    files.forEach((f, index) => {
      if (f.problem) return;
      jobFile.set(index, f);
      jobs.push({
        index,
        display: f.display,
        path: f.path,
        copyTarget: opts.out ? path.join(opts.out, path.basename(f.path)) : undefined,
        partsDir,
        json: Boolean(opts.json),
        csv: Boolean(opts.csv),
        html: Boolean(opts.html),
        summary: !opts.quiet,
        csvHref,
      });
    });
    const jobCount = opts.jobs ?? defaultJobs();
    const progress = progressBar(io.stderr, jobs.length, !opts.quiet);
    let finished = 0;
    const results = await runPool(jobs, {
      jobs: jobCount,
      timeLimitMs: (opts.timeLimit ?? DEFAULT_TIME_LIMIT_S) * 1000,
      memoryLimitMb: opts.memoryLimit ?? defaultMemoryMb(Math.min(jobCount, Math.max(1, jobs.length))),
      onDone: (r) => progress.step(++finished, jobFile.get(r.index)?.display ?? ''),
    });
    progress.finish();
    // A worker stopped mid-copy (time or memory limit) leaves its temporary file behind.
    for (const j of jobs) if (j.copyTarget && results[j.index]?.error !== null) removeLeftovers(j.copyTarget);
    const outcomes: Outcome[] = files.map((f, index) => ({
      file: f,
      result: f.problem ? { index, error: f.problem, code: 'not-found', summary: null } : results[index],
    }));
    return finish(opts, io, outcomes, partsDir);
  } finally {
    fs.rmSync(partsDir, { recursive: true, force: true });
  }
}

function totalsOf(outcomes: Outcome[]): RunTotals {
  const t: RunTotals = { files: outcomes.length, unreadable: 0, tables: 0, cells: 0, ok: 0, warning: 0, error: 0 };
  for (const o of outcomes) {
    const s = o.result.summary;
    if (!s) {
      t.unreadable++;
      continue;
    }
    t.tables += s.tables;
    t.cells += s.cells;
    t.ok += s.ok;
    t.warning += s.warning;
    t.error += s.error;
  }
  return t;
}

/** Somewhere to write a report: a file put in place atomically, or standard out. */
interface Sink {
  write(chunk: string | Uint8Array): void;
  /** Copy a part file's bytes to the end, in blocks. */
  append(file: string): void;
  commit(): void;
  abort(): void;
}

/**
 * The sink for a report; `start`, a part file that begins the report, is taken over as the
 * report's first bytes (moved, not copied, when it can be).
 */
function sinkFor(target: string, io: Io, start?: string): Sink {
  if (target === '-') {
    const sink: Sink = { write: (c) => void io.stdout.write(c), append: (file) => pipePart(file, sink), commit() {}, abort() {} };
    if (start !== undefined) sink.append(start);
    return sink;
  }
  return new AtomicFile(target, start);
}

/** Copy a part file into a sink in blocks, never as one string. */
function pipePart(file: string, sink: { write(chunk: Uint8Array): void }): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      sink.write(new Uint8Array(buf.subarray(0, n)));
    }
  } finally {
    fs.closeSync(fd);
  }
}

function finish(opts: CheckOptions, io: Io, outcomes: Outcome[], partsDir: string): number {
  let trouble = false;
  const totals = totalsOf(outcomes);
  const part = (index: number, ext: 'json' | 'csv' | 'html' | 'txt') => partPath({ partsDir, index }, ext);

  for (const o of outcomes) {
    if (o.result.error !== null) trouble = true;
    if (o.result.code === 'internal') {
      io.stderr.write(`${INTERNAL_ERROR_TEXT}: ${o.file.display}${o.result.detail ? ` (${o.result.detail})` : ''}\n`);
    }
    if (o.result.copyProblem) {
      trouble = true;
      io.stderr.write(`${o.file.display}: ${o.result.copyProblem}\n`);
    }
  }

  // The parts of a first file that was checked begin with their report's head (JSON, CSV).
  const firstOk = outcomes.length > 0 && outcomes[0].result.error === null;
  const outputs: [string | undefined, string, 'json' | 'csv' | null, (sink: Sink) => void][] = [
    [
      opts.json,
      'JSON-rapporten',
      'json',
      (sink) => {
        if (outcomes.length === 0) sink.write(JSON_HEAD.trimEnd());
        outcomes.forEach((o, i) => {
          if (i === 0 && firstOk) return; // in the sink already, head and all
          if (i === 0) sink.write(JSON_HEAD);
          else sink.write(',\n');
          if (o.result.error !== null) {
            sink.write(`    {\n      "file": ${JSON.stringify(o.file.display)},\n      "error": ${JSON.stringify(o.result.error)},\n      "sheets": []\n    }`);
          } else sink.append(part(o.result.index, 'json'));
        });
        const summary = { files: totals.files, tables: totals.tables, cells: totals.cells, ok: totals.ok, warning: totals.warning, error: totals.error };
        sink.write(`${outcomes.length > 0 ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
      },
    ],
    [
      opts.html,
      'HTML-rapporten',
      null,
      (sink) => {
        sink.write(htmlStart(totals));
        outcomes.forEach((o, i) => {
          if (i > 0) sink.write('\n');
          if (o.result.error !== null) sink.write(renderErrorSection(o.file.display, o.result.error));
          else sink.append(part(o.result.index, 'html'));
        });
        sink.write(HTML_END);
      },
    ],
    [
      opts.csv,
      'CSV-filen',
      'csv',
      (sink) => {
        if (!firstOk) sink.write(CSV_HEAD);
        outcomes.forEach((o, i) => {
          if (i === 0 && firstOk) return;
          if (o.result.error !== null) sink.write(csvErrorLine(o.file.display, o.result.error));
          else sink.append(part(o.result.index, 'csv'));
        });
      },
    ],
  ];
  for (const [target, what, ext, render] of outputs) {
    if (!target) continue;
    let sink: Sink | null = null;
    try {
      sink = sinkFor(target, io, ext && firstOk ? part(outcomes[0].result.index, ext) : undefined);
      render(sink);
      sink.commit();
    } catch (err) {
      sink?.abort();
      trouble = true;
      io.stderr.write(`${what} kunde inte skrivas till ${target}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }

  if (!opts.quiet) {
    // With the JSON on stdout, people read the summary on stderr.
    const out = opts.json === '-' ? io.stderr : io.stdout;
    for (const o of outcomes) {
      if (o.result.error !== null) out.write(`${o.file.display}: ${o.result.error}\n\n`);
      else {
        try {
          out.write(fs.readFileSync(part(o.result.index, 'txt'), 'utf8'));
        } catch {
          out.write(`${o.file.display}\n`);
        }
        out.write('\n');
      }
    }
    const filesText = `${outcomes.length} ${outcomes.length === 1 ? 'fil' : 'filer'}`;
    const notRead = totals.unreadable > 0 ? ` (${totals.unreadable} kunde inte läsas)` : '';
    out.write(`Totalt ${filesText}${notRead}: ${countLine(totals.ok, totals.warning, totals.error)}\n`);
  } else {
    for (const o of outcomes) if (o.result.error !== null) io.stderr.write(`${o.file.display}: ${o.result.error}\n`);
  }

  if (trouble) return EXIT_TROUBLE;
  return totals.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
