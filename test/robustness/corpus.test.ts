// Every real-world workbook in ../shared/corpus is either checked or refused with one
// clear Swedish message: no crash, no hang (20 s per file), exit code 0, 1 or 2.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALLOWED_EXIT, ensureCliBuilt, parseReport, ReportFileLike, runCli, unclearMessage } from './helpers/cli';
import { FileTiming, timeEachFile } from './helpers/timeEachFile';
import { requireShared } from '../helpers/shared';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const PER_FILE_LIMIT_MS = 20000;
const BATCHES = 4;
const BATCH_LIMIT_MS = 150000;
const WORKBOOK = /\.(xlsx|xlsm)$/i;

requireShared(CORPUS);

/** A refusal reason without file names and numbers, so that equal reasons group. */
function reasonKey(msg: string): string {
  return msg
    .replace(/[«"“'][^«»"”']*[»"”']/g, '…')
    .replace(/[\w./\[\]-]+\.(xlsx|xlsm|xml|rels|md)\b/gi, '…')
    .replace(/\d[\d\s ,.]*/g, 'N')
    .slice(0, 110);
}

describe('real-world corpus', () => {
  const names = fs.readdirSync(CORPUS).sort();
  const workbooks = names.filter((n) => WORKBOOK.test(n));
  const others = names.filter((n) => !WORKBOOK.test(n));
  const reports = new Map<string, ReportFileLike[]>();
  const extraReported: ReportFileLike[] = [];
  const batchRuns: { dir: string; files: string[]; code: number | null; signal: string | null; ms: number; timedOut: boolean; stderr: string }[] = [];
  let timings: FileTiming[] = [];
  let buildProblem: string | null = null;
  let work: string;

  beforeAll(async () => {
    buildProblem = ensureCliBuilt();
    if (buildProblem) return;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-corpus-'));
    // Batches as folders, so the command line decides what a folder holds (README.md goes
    // into the first one). Largest files spread round-robin so batches take similar time.
    const bySize = [...workbooks].sort((a, b) => fs.statSync(path.join(CORPUS, b)).size - fs.statSync(path.join(CORPUS, a)).size);
    const dirs = Array.from({ length: BATCHES }, (_, i) => path.join(work, `batch${i + 1}`));
    const batchFiles: string[][] = dirs.map(() => []);
    dirs.forEach((d) => fs.mkdirSync(d));
    bySize.forEach((n, i) => {
      fs.copyFileSync(path.join(CORPUS, n), path.join(dirs[i % BATCHES], n));
      batchFiles[i % BATCHES].push(n);
    });
    for (const n of others) fs.copyFileSync(path.join(CORPUS, n), path.join(dirs[0], n));

    // Two batches at a time on two cores.
    for (let i = 0; i < BATCHES; i += 2) {
      const runs = await Promise.all(
        dirs.slice(i, i + 2).map((dir) => runCli(['check', dir, '--json', '-', '--quiet'], { timeoutMs: BATCH_LIMIT_MS })),
      );
      runs.forEach((run, j) => {
        const dir = dirs[i + j];
        batchRuns.push({ dir, files: batchFiles[i + j], code: run.code, signal: run.signal, ms: run.ms, timedOut: run.timedOut, stderr: run.stderr });
        if (run.timedOut || !ALLOWED_EXIT.includes(run.code ?? -1)) return;
        for (const f of parseReport(run).files) {
          const base = path.basename(f.file);
          if (WORKBOOK.test(base) && workbooks.includes(base)) reports.set(base, [...(reports.get(base) ?? []), f]);
          else extraReported.push(f);
        }
      });
    }

    timings = await timeEachFile(
      workbooks.map((n) => path.join(CORPUS, n)),
      PER_FILE_LIMIT_MS,
    );
    printSummary();
  }, 600000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  function printSummary(): void {
    const lines: string[] = [];
    const checked = workbooks.filter((n) => reports.get(n)?.[0]?.error === null);
    const refused = workbooks.filter((n) => typeof reports.get(n)?.[0]?.error === 'string');
    const missing = workbooks.filter((n) => !reports.has(n));
    lines.push(`Korpus: ${names.length} filer (${workbooks.length} xlsx/xlsm, övriga: ${others.join(', ') || 'inga'})`);
    for (const b of batchRuns) {
      lines.push(`  ${path.basename(b.dir)}: ${b.files.length} filer, exit ${b.code}${b.signal ? ' ' + b.signal : ''}${b.timedOut ? ' TIDSGRÄNS' : ''}, ${(b.ms / 1000).toFixed(1)} s`);
    }
    lines.push(`Kontrollerade: ${checked.length}   Avvisade: ${refused.length}   Saknas i rapporten: ${missing.length}`);
    const groups = new Map<string, string[]>();
    for (const n of refused) {
      const key = reasonKey(reports.get(n)![0].error!);
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    lines.push('Skäl till avvisning:');
    for (const [key, files] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`  ${String(files.length).padStart(4)}  ${key}   (t.ex. ${files[0]})`);
    }
    for (const f of extraReported) lines.push(`Annan fil i rapporten: ${path.basename(f.file)} → ${f.error === null ? 'kontrollerad' : f.error}`);
    for (const n of others.filter((o) => !extraReported.some((f) => path.basename(f.file) === o))) lines.push(`${n}: inte med i rapporten (mappen läses som arbetsböcker)`);
    const timed = timings.filter(Boolean);
    const slow = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const total = timed.reduce((s, t) => s + t.ms, 0);
    lines.push(`Tid i processen (läsning + motor): totalt ${(total / 1000).toFixed(1)} s; långsammast:`);
    for (const t of slow) lines.push(`  ${(t.ms / 1000).toFixed(2)} s (läsning ${((t.readMs ?? 0) / 1000).toFixed(2)} s)  ${path.basename(t.file)} (${t.status})`);
    for (const t of timed.filter((x) => x.status === 'crash' || x.status === 'hang')) {
      lines.push(`KRASCH/HÄNGNING ${path.basename(t.file)}: ${t.status} ${t.message ?? ''}\n${t.stack ?? ''}`);
    }
    const disagree = workbooks.filter((n, i) => {
      const viaCli = reports.get(n)?.[0];
      const t = timings[i];
      return viaCli && t && (viaCli.error === null) !== (t.status === 'checked');
    });
    if (disagree.length) lines.push(`Kommandoraden och läsaren i processen är oense om: ${disagree.join(', ')}`);
    // eslint-disable-next-line no-console
    console.log(lines.join('\n'));
  }

  test('the command line and the reader are built', () => {
    expect(buildProblem).toBeNull();
  });

  test('every batch ends in time with exit code 0, 1 or 2 (2 when a file was refused)', () => {
    expect(batchRuns).toHaveLength(BATCHES);
    for (const b of batchRuns) {
      expect({ dir: b.dir, timedOut: b.timedOut, signal: b.signal }).toEqual({ dir: b.dir, timedOut: false, signal: null });
      expect(ALLOWED_EXIT).toContain(b.code);
      // No stack traces for people.
      expect(b.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      const refusedHere = b.files.some((n) => typeof reports.get(n)?.[0]?.error === 'string');
      if (refusedHere) expect({ dir: b.dir, code: b.code }).toEqual({ dir: b.dir, code: 2 });
    }
  });

  test('every workbook appears once in the report: checked, or refused with a clear Swedish message', () => {
    const problems: string[] = [];
    for (const n of workbooks) {
      const entries = reports.get(n) ?? [];
      if (entries.length !== 1) {
        problems.push(`${n}: ${entries.length} gånger i rapporten`);
        continue;
      }
      const e = entries[0];
      if (e.error !== null) {
        const why = unclearMessage(e.error);
        if (why) problems.push(`${n}: ${why}: ${JSON.stringify(e.error)}`);
      } else if (!Array.isArray(e.sheets)) {
        problems.push(`${n}: kontrollerad men utan sheets`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('files in the folder that are no workbooks are left out or refused clearly', () => {
    for (const f of extraReported) {
      expect(path.basename(f.file)).not.toMatch(/^~\$/);
      expect(unclearMessage(f.error)).toBeNull();
    }
  });

  test('a file from the folder that is no workbook, named on the command line, is refused clearly', async () => {
    for (const n of others.slice(0, 3)) {
      const run = await runCli(['check', path.join(CORPUS, n), '--json', '-', '--quiet'], { timeoutMs: 30000 });
      expect({ n, code: run.code, timedOut: run.timedOut }).toEqual({ n, code: 2, timedOut: false });
      const files = parseReport(run).files;
      expect(files).toHaveLength(1);
      expect(unclearMessage(files[0].error)).toBeNull();
    }
  });

  test('no file crashes the reader or the engine, and none takes 20 s or more', () => {
    const bad = timings
      .filter((t) => !t || t.status === 'crash' || t.status === 'hang' || t.ms >= PER_FILE_LIMIT_MS)
      .map((t) => (t ? `${path.basename(t.file)}: ${t.status} ${Math.round(t.ms)} ms ${t.message ?? ''}` : 'tidsmätning saknas'));
    // A JavaScript error escaping the reader is a crash too, whatever its message.
    const jsErrors = timings
      .filter((t) => t && t.status === 'refused' && /^(TypeError|ReferenceError|RangeError|SyntaxError)$/.test(t.name ?? ''))
      .map((t) => `${path.basename(t.file)}: ${t.name}: ${t.message}\n${t.stack}`);
    expect([...bad, ...jsErrors]).toEqual([]);
    expect(timings.filter(Boolean)).toHaveLength(workbooks.length);
  });
});
