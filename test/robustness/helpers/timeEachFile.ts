// Times every file through the compiled reader + engine in a child process, with a hard
// limit per file: when a file takes longer, the child is killed, the file is recorded as
// a hang and a new child continues with the next file. Few processes, no endless wait.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LIB } from './cli';

export type FileStatus = 'checked' | 'refused' | 'crash' | 'hang';

export interface FileTiming {
  file: string;
  status: FileStatus;
  ms: number;
  readMs?: number;
  message?: string;
  name?: string;
  stack?: string;
  cells?: number;
}

const CHILD = path.join(__dirname, 'timeFiles.js');

export async function timeEachFile(files: string[], perFileLimitMs: number, libDir = LIB): Promise<FileTiming[]> {
  const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-time-')), 'files.json');
  fs.writeFileSync(listFile, JSON.stringify(files));
  const results: FileTiming[] = new Array(files.length);
  let next = 0;
  while (next < files.length) {
    next = await runFrom(next);
  }
  fs.rmSync(path.dirname(listFile), { recursive: true, force: true });
  return results;

  /** Runs one child from `start`; resolves with the index to continue at. */
  function runFrom(start: number): Promise<number> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CHILD, libDir, listFile, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let current = -1;
      let startedAt = Date.now();
      let buffered = '';
      let stderr = '';
      let hung = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-4000);
      });
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (!line.trim()) continue;
          let msg;
          try {
            msg = JSON.parse(line);
          } catch {
            continue; // something else printed to stdout (a stray console.log in the code under test)
          }
          if (typeof msg.start === 'number') {
            current = msg.start;
            startedAt = Date.now();
          } else if (typeof msg.done === 'number') {
            results[msg.done] = { file: files[msg.done], ...msg };
            current = -1;
          }
        }
      });
      const watchdog = setInterval(() => {
        if (current >= 0 && Date.now() - startedAt > perFileLimitMs) {
          hung = true;
          results[current] = { file: files[current], status: 'hang', ms: Date.now() - startedAt };
          child.kill('SIGKILL');
        }
      }, 250);
      child.on('close', (code) => {
        clearInterval(watchdog);
        if (hung) return resolve(current + 1);
        if (current >= 0) {
          // The child died inside a file (out of memory, native crash): that file crashed.
          results[current] = {
            file: files[current],
            status: 'crash',
            ms: Date.now() - startedAt,
            message: `barnprocessen avslutades med ${code}`,
            stack: stderr,
          };
          return resolve(current + 1);
        }
        if (code !== 0) {
          // Died before starting any file (e.g. lib/ could not be loaded): give up on the rest.
          for (let i = start; i < files.length; i++) {
            results[i] ??= { file: files[i], status: 'crash', ms: 0, message: `barnprocessen kunde inte starta: ${stderr.slice(0, 500)}` };
          }
          return resolve(files.length);
        }
        resolve(files.length);
      });
    });
  }
}
