// A one-line progress bar on stderr, only for people watching a terminal.

export interface Progress {
  step(done: number, file: string): void;
  finish(): void;
}

const NONE: Progress = { step() {}, finish() {} };

export function progressBar(stream: NodeJS.WriteStream, total: number, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY || total <= 1) return NONE;
  const width = 24;
  const columns = stream.columns || 80;
  return {
    step(done, file) {
      const filled = Math.round((done / total) * width);
      let line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${file}`;
      if (line.length > columns - 1) line = line.slice(0, columns - 1);
      stream.write(`\r\x1b[K${line}`);
    },
    finish() {
      stream.write('\r\x1b[K');
    },
  };
}
