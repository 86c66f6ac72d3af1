// Runs the file jobs in worker threads, as many at a time as asked: each file has a time
// limit and each worker a heap limit, and a worker that dies (out of memory, killed after
// the time limit, or a crash) takes only its current file with it. Without the compiled
// worker (tests that run the TypeScript sources) the jobs run in this thread instead.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { internalMessage } from '../ooxml/errors';
import { runFileJob, type FileJob, type FileJobResult } from './fileJob';

export interface PoolOptions {
  jobs: number;
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Called as each file finishes, in the order they finish. */
  onDone?: (r: FileJobResult) => void;
}

const WORKER_FILE = path.join(__dirname, 'worker.js');

export function workerAvailable(): boolean {
  return fs.existsSync(WORKER_FILE);
}

export function timeLimitMessage(ms: number): string {
  return `Kontrollen av filen tog för lång tid (över ${Math.round(ms / 1000)} sekunder) och avbröts. Filen är troligen för stor eller skadad; de andra filerna kontrolleras ändå.`;
}

export function memoryLimitMessage(mb: number): string {
  return `Filen är för stor för att kontrolleras: den behövde mer än ${mb} MB minne och avbröts. De andra filerna kontrolleras ändå.`;
}

export async function runPool(jobs: FileJob[], opts: PoolOptions): Promise<FileJobResult[]> {
  const results: FileJobResult[] = new Array(jobs.length);
  const done = (r: FileJobResult) => {
    results[r.index] = r;
    opts.onDone?.(r);
  };
  if (!workerAvailable()) {
    for (const j of jobs) done(runFileJob(j));
    return results;
  }
  let next = 0;
  const lanes = Math.max(1, Math.min(opts.jobs, jobs.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      let worker: Worker | null = null;
      while (next < jobs.length) {
        const job = jobs[next++];
        if (!worker) {
          worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: opts.memoryLimitMb } });
          // A worker that fails between files must not take the run down with an unhandled 'error'.
          worker.on('error', () => undefined);
        }
        const { result, healthy } = await runOne(worker, job, opts);
        done(result);
        if (!healthy) {
          await worker.terminate().catch(() => undefined);
          worker = null;
        }
      }
      if (worker) await worker.terminate().catch(() => undefined);
    }),
  );
  return results;
}

function runOne(worker: Worker, job: FileJob, opts: PoolOptions): Promise<{ result: FileJobResult; healthy: boolean }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: FileJobResult, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, healthy });
    };
    const onMessage = (r: FileJobResult) => finish(r, true);
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(err.message)) {
        finish({ index: job.index, error: memoryLimitMessage(opts.memoryLimitMb), code: 'too-large', summary: null }, false);
      } else {
        finish({ index: job.index, error: internalMessage(), code: 'internal', detail: `${err.name}: ${err.message}`, summary: null }, false);
      }
    };
    const onExit = (code: number) =>
      finish({ index: job.index, error: internalMessage(), code: 'internal', detail: `arbetstråden avslutades (${code})`, summary: null }, false);
    const timer = setTimeout(() => {
      finish({ index: job.index, error: timeLimitMessage(opts.timeLimitMs), code: 'time-limit', summary: null }, false);
    }, opts.timeLimitMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
