// `summakoll check …`: read each file, check it, report, and optionally write coloured copies.
import * as fs from 'fs';
import * as path from 'path';
import { buildReport, checkWorkbook, type FileOutcome } from '../engine';
import type { WorkbookInput } from '../engine';
import { renderCsv } from '../report/csv';
import { renderHtmlReport, type HtmlReportFile } from '../report/html';
import { XlsxReadError } from '../xlsx';
import { HELP, parseArgs, USAGE, type CheckOptions } from './args';
import { expandInputs, outDirProblem } from './inputs';
import { progressBar } from './progress';
import { readDocument, UnsupportedFileError, writeColouredDocument } from './readers';
import { summaryText } from './summary';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

function reason(err: unknown): string {
  // Our own readers speak Swedish already; anything else is an unexpected failure.
  if (err instanceof XlsxReadError || err instanceof UnsupportedFileError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `Filen kunde inte kontrolleras: ${detail}`;
}

function writeOutput(file: string, text: string): void {
  const dir = path.dirname(file);
  if (dir) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text);
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

async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const files = expandInputs(opts.inputs);
  if (files.length === 0) {
    io.stderr.write(`Inga .xlsx-, .xlsm- eller .docx-filer hittades i ${opts.inputs.join(', ')}.\n${USAGE}\n`);
    return EXIT_TROUBLE;
  }
  if (opts.out) {
    const problem = outDirProblem(opts.out, files);
    if (problem) {
      io.stderr.write(`${problem}\nIngenting skrevs.\n`);
      return EXIT_TROUBLE;
    }
  }

  let trouble = false;
  const outcomes: FileOutcome[] = [];
  const htmlFiles: HtmlReportFile[] = [];
  const progress = progressBar(io.stderr, files.length, !opts.quiet);
  for (const [i, f] of files.entries()) {
    progress.step(i, f.display);
    let workbook: WorkbookInput | null = null;
    let outcome: FileOutcome;
    try {
      if (f.problem) throw new UnsupportedFileError(f.problem);
      const bytes = new Uint8Array(fs.readFileSync(f.path));
      const read = readDocument(f.path, bytes);
      workbook = read.workbook;
      const result = checkWorkbook(workbook, read.options);
      outcome = { file: f.display, error: null, result };
      if (opts.out) {
        try {
          const copy = writeColouredDocument(f.path, bytes, result);
          fs.mkdirSync(opts.out, { recursive: true });
          fs.writeFileSync(path.join(opts.out, path.basename(f.path)), copy);
        } catch (err) {
          trouble = true;
          io.stderr.write(`${f.display}: den färgade kopian kunde inte skrivas: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
    } catch (err) {
      outcome = { file: f.display, error: reason(err), result: null };
      workbook = null;
    }
    if (outcome.error !== null) trouble = true;
    outcomes.push(outcome);
    htmlFiles.push({ file: outcome.file, error: outcome.error, workbook, result: outcome.result });
  }
  progress.finish();

  const report = buildReport(outcomes);
  const outputs: [string | undefined, string, () => string][] = [
    [opts.json, 'JSON-rapporten', () => `${JSON.stringify(report, null, 2)}\n`],
    [opts.html, 'HTML-rapporten', () => renderHtmlReport(htmlFiles)],
    [opts.csv, 'CSV-filen', () => renderCsv(report)],
  ];
  for (const [target, what, render] of outputs) {
    if (!target) continue;
    try {
      const text = render();
      if (target === '-') io.stdout.write(text);
      else writeOutput(target, text);
    } catch (err) {
      trouble = true;
      io.stderr.write(`${what} kunde inte skrivas till ${target}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }

  if (!opts.quiet) {
    // With the JSON on stdout, people read the summary on stderr.
    (opts.json === '-' ? io.stderr : io.stdout).write(summaryText(outcomes));
  } else {
    for (const o of outcomes) if (o.error !== null) io.stderr.write(`${o.file}: ${o.error}\n`);
  }

  if (trouble) return EXIT_TROUBLE;
  return report.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
