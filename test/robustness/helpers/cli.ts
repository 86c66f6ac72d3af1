// Shared pieces of the robustness tests: build and run the command line as a child
// process with a time limit, read its JSON report, hash files, judge messages.
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '../../..');
export const LIB = path.join(REPO, 'lib');
export const BIN = path.join(REPO, 'bin', 'summakoll.js');
const RSS_PRELOAD = path.join(__dirname, 'reportMaxRss.js');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Compiles src/ into lib/ when lib/ is missing or older than the sources, so that the
 * test runs the command line as users do. Returns a reason when it is still not usable.
 */
export function ensureCliBuilt(): string | null {
  const main = path.join(LIB, 'cli', 'main.js');
  const sources = ['engine', 'ooxml', 'xlsx', 'cli', 'report', 'docx'].map((d) => newestMtime(path.join(REPO, 'src', d)));
  if (!fs.existsSync(main) || fs.statSync(main).mtimeMs < Math.max(...sources)) {
    // Type errors elsewhere in the tree still emit JavaScript; only a missing file stops us.
    spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: REPO, stdio: 'ignore', timeout: 180000 });
  }
  for (const f of [main, path.join(LIB, 'xlsx', 'index.js'), path.join(LIB, 'engine', 'index.js')]) {
    if (!fs.existsSync(f)) return `${path.relative(REPO, f)} saknas (src/cli eller src/xlsx är inte klar)`;
  }
  return null;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** Peak resident memory of the child in kB, when it exited normally. */
  maxRssKb: number | null;
}

/** Runs `node bin/summakoll.js ARGS` and kills it after timeoutMs. */
export function runCli(args: string[], opts: { timeoutMs: number; cwd?: string; nodeArgs?: string[] }): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '-r', RSS_PRELOAD, BIN, ...args], {
      cwd: opts.cwd ?? REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let stderr = Buffer.concat(err).toString('utf8');
      const m = /\n?SUMMAKOLL_MAXRSS_KB=(\d+)\n?/.exec(stderr);
      if (m) stderr = stderr.replace(m[0], '');
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
        ms: Date.now() - t0,
        timedOut,
        maxRssKb: m ? Number(m[1]) : null,
      });
    });
  });
}

export interface ReportFileLike {
  file: string;
  error: string | null;
  sheets: { name: string; tables: unknown[]; cells: { address: string; status: string; checks: { rule: string; status: string }[] }[] }[];
}
export interface ReportLike {
  version: number;
  files: ReportFileLike[];
  summary: Record<string, number>;
}

/** The JSON report the command line printed with `--json -`; throws with the output when it is none. */
export function parseReport(run: CliRun): ReportLike {
  try {
    return JSON.parse(run.stdout) as ReportLike;
  } catch (e) {
    throw new Error(
      `Rapporten på stdout är inte JSON (${(e as Error).message}); exit ${run.code}\nstdout: ${run.stdout.slice(0, 800)}\nstderr: ${run.stderr.slice(0, 800)}`,
    );
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Signs of a crash rather than a message for people: stack frames, JS error names. */
const CRASH_SIGNS = /\n\s+at |\bat Object\.|TypeError|ReferenceError|RangeError|SyntaxError|undefined|\[object Object\]|Cannot read|is not a function|Unexpected token|ENOENT|EACCES|Maximum call stack|out of memory|heap limit|Invalid array length|Invalid string length/i;
const SWEDISH = /[åäöÅÄÖ]|\b(inte|kunde|kan|filen|fil|arbetsbok|arbetsboken|saknas|är|och|ett|en|som|för|läsa|öppna|blad|skadad|krypterad|lösenord|stöds)\b/i;

/** Why a refusal message is not a clear Swedish message, or null when it is one. */
export function unclearMessage(msg: string | null | undefined): string | null {
  if (!msg || !msg.trim()) return 'tomt meddelande';
  if (CRASH_SIGNS.test(msg)) return 'ser ut som en krasch';
  if (!SWEDISH.test(msg)) return 'inte svenska';
  if (msg.length > 400) return 'för långt';
  return null;
}

/** Exit codes the command line may end with: all reconcile, an error cell, unreadable / bad arguments. */
export const ALLOWED_EXIT = [0, 1, 2];
