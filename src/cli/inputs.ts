// Command-line arguments → the files to check, and the --out safety check.
import * as fs from 'fs';
import * as path from 'path';
import { FOLDER_EXTENSIONS } from './readers';

export interface InputFile {
  /** As the user gave it (or folder + name), for messages and the report. */
  display: string;
  path: string;
  /** Swedish message when the argument cannot be a file to read. */
  problem?: string;
}

export function expandInputs(args: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      out.push({ display: arg, path: arg, problem: 'Filen eller mappen finns inte.' });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push({ display: arg, path: arg });
      continue;
    }
    const names = fs
      .readdirSync(arg)
      .filter((n) => !n.startsWith('~$') && FOLDER_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)))
      .filter((n) => fs.statSync(path.join(arg, n)).isFile())
      .sort();
    for (const n of names) out.push({ display: path.join(arg, n), path: path.join(arg, n) });
  }
  return out;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Swedish reason why --out DIR would overwrite an input or write one name twice, or null. */
export function outDirProblem(outDir: string, files: InputFile[]): string | null {
  const target = real(outDir);
  const seen = new Map<string, string>();
  for (const f of files) {
    if (f.problem) continue;
    const name = path.basename(f.path);
    if (real(path.dirname(f.path)) === target) {
      return `--out ${outDir} är samma mapp som indatafilen ${f.display}: kopian skulle skriva över originalet. Välj en annan mapp.`;
    }
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other) return `${other} och ${f.display} har samma filnamn och skulle skriva över varandra i ${outDir}.`;
    seen.set(key, f.display);
  }
  return null;
}
