// Where the command line writes, and how: no output may be an input file (by path, through
// symlinks or as a hard link), and every file is written to a temporary name in its target
// folder and renamed into place, so an existing symlink is replaced, never followed, and a
// crash leaves either the old file or the new one.
import * as fs from 'fs';
import * as path from 'path';
import { SummakollError } from '../ooxml/errors';

interface Identity {
  real: string;
  dev: number;
  ino: number;
}

/** What a path names once every symlink is followed: real path and inode, or null when nothing is there. */
function identityOf(p: string): Identity | null {
  try {
    const st = fs.statSync(p);
    return { real: fs.realpathSync(p), dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** The real path a not yet existing file would get (its folder resolved). */
function futureReal(p: string): string {
  const abs = path.resolve(p);
  try {
    return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
  } catch {
    return abs;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.dev === b.dev && a.ino === b.ino);
}

export interface OutputTargets {
  json?: string;
  html?: string;
  csv?: string;
  /** Copies: one per input, in the --out folder. */
  copies: { input: string; target: string }[];
}

const WHAT: Record<'json' | 'html' | 'csv', string> = { json: '--json', html: '--html', csv: '--csv' };

/**
 * Swedish reason why an output would overwrite an input (or another output), or null.
 * Checked before anything is read or written.
 */
export function outputCollision(inputs: { display: string; path: string }[], targets: OutputTargets): string | null {
  const inputIds = inputs.map((f) => ({ f, id: identityOf(f.path) })).filter((x) => x.id !== null) as {
    f: { display: string; path: string };
    id: Identity;
  }[];
  const hit = (target: string) => {
    const id = identityOf(target);
    const real = id ? id.real : futureReal(target);
    return inputIds.find((x) => x.id.real === real || (id !== null && sameFile(id, x.id)));
  };
  const seen = new Map<string, string>();
  for (const key of ['json', 'html', 'csv'] as const) {
    const target = targets[key];
    if (!target || target === '-') continue;
    const input = hit(target);
    if (input) return `${WHAT[key]} ${target} är indatafilen ${input.f.display}: rapporten skulle skriva över den. Välj ett annat filnamn.`;
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return `${WHAT[key]} ${target} är en mapp. Ange ett filnamn.`;
    // Outputs replace what is at their path (a link included), so two outputs clash by path.
    const real = futureReal(target);
    const other = seen.get(real);
    if (other) return `${other} och ${WHAT[key]} pekar på samma fil (${target}). Välj olika filnamn.`;
    seen.set(real, WHAT[key]);
  }
  for (const c of targets.copies) {
    const input = hit(c.target);
    if (input) return `Den färgade kopian ${c.target} skulle skriva över indatafilen ${input.f.display} (samma fil eller en länk till den). Välj en annan mapp.`;
    const real = futureReal(c.target);
    const other = seen.get(real);
    if (other) return `Den färgade kopian ${c.target} och ${other} pekar på samma fil. Välj olika namn.`;
    seen.set(real, `kopian ${c.target}`);
  }
  return null;
}

let counter = 0;

/**
 * A file written piece by piece to a temporary name beside the target (created exclusively,
 * so no existing file or link is opened), then renamed over the target by commit().
 * Strings are buffered and written in blocks of about a megabyte.
 */
export class AtomicFile {
  private fd: number;
  private readonly tmp: string | null;
  private buffer: string[] = [];
  private buffered = 0;
  /**
   * start: a file of ours (a part file) whose bytes begin this one. It is moved to the
   * temporary name when it is on the same file system (no copy of a report of hundreds of
   * megabytes), otherwise copied; either way it is gone from where it was.
   */
  constructor(
    readonly target: string,
    start?: string,
  ) {
    let existing: fs.Stats | null = null;
    try {
      existing = fs.statSync(target);
    } catch {
      existing = null;
    }
    if (existing && !existing.isFile() && !existing.isDirectory()) {
      // A device or pipe (/dev/stdout, /dev/null, a FIFO) is written into, never replaced.
      this.tmp = null;
      this.fd = fs.openSync(target, 'w');
      if (start !== undefined) this.append(start);
      return;
    }
    const dir = path.dirname(path.resolve(target));
    fs.mkdirSync(dir, { recursive: true });
    this.tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.${(counter++).toString(36)}.summakoll-tmp`);
    if (start !== undefined) {
      // The descriptor is opened before the move, so what is written is the file moved.
      const fd = fs.openSync(start, 'a');
      try {
        fs.renameSync(start, this.tmp);
        this.fd = fd;
        return;
      } catch {
        fs.closeSync(fd);
      }
    }
    this.fd = fs.openSync(this.tmp, 'wx', 0o644);
    if (start !== undefined) {
      this.append(start);
      fs.rmSync(start, { force: true });
    }
  }

  /** Copy a file's bytes to the end of this one in blocks, never as one string. */
  append(file: string): void {
    this.flush();
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const n = fs.readSync(fd, buf, 0, buf.length, null);
        if (n <= 0) break;
        let off = 0;
        while (off < n) off += fs.writeSync(this.fd, buf, off, n - off);
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  write(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.buffer.push(chunk);
      this.buffered += chunk.length;
      if (this.buffered >= 1 << 20) this.flush();
      return;
    }
    this.flush();
    let off = 0;
    while (off < chunk.length) off += fs.writeSync(this.fd, chunk, off, chunk.length - off);
  }
  private flush(): void {
    if (this.buffer.length === 0) return;
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    let off = 0;
    while (off < data.length) off += fs.writeSync(this.fd, data, off, data.length - off);
  }
  /** Write the rest and put the file in place (replacing a link there, not its target). */
  commit(): void {
    this.flush();
    fs.closeSync(this.fd);
    this.fd = -1;
    if (this.tmp !== null) fs.renameSync(this.tmp, this.target);
  }
  /** Give up: remove the temporary file. */
  abort(): void {
    if (this.fd >= 0) {
      try {
        fs.closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = -1;
    }
    try {
      if (this.tmp !== null) fs.unlinkSync(this.tmp);
    } catch {
      /* never created or already gone */
    }
  }
}

/**
 * Remove temporary files this process left beside a target (a worker stopped in the
 * middle of writing a copy cannot clean up after itself).
 */
export function removeLeftovers(target: string): void {
  const dir = path.dirname(path.resolve(target));
  const prefix = `.${path.basename(target)}.${process.pid}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith('.summakoll-tmp')) continue;
    try {
      fs.unlinkSync(path.join(dir, n));
    } catch {
      /* gone already */
    }
  }
}

/** Write a whole file atomically. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const f = new AtomicFile(target);
  try {
    f.write(data);
    f.commit();
  } catch (err) {
    f.abort();
    throw err;
  }
}

/** The error an output collision is, for callers that throw. */
export function collisionError(message: string): SummakollError {
  return new SummakollError(message, 'output-collides');
}
