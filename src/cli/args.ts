// The command line's arguments: `summakoll check <files or folders…> [options]`.

export interface CheckOptions {
  inputs: string[];
  json?: string;
  out?: string;
  html?: string;
  csv?: string;
  quiet: boolean;
  /** Files checked at the same time, each in its own worker thread (default: the machine's cores). */
  jobs?: number;
  /** Seconds one file may take before it is stopped and reported (default 60). */
  timeLimit?: number;
  /** Megabytes of heap one worker may use before its file is stopped and reported. */
  memoryLimit?: number;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'check'; options: CheckOptions } | { kind: 'usage-error'; message: string };

export const HELP = `Summakoll – kontrollerar summorna i rapportarbetsböcker (delårsrapport, budgetuppföljning).

Användning:
  summakoll check <filer eller mappar…> [flaggor]

En mapp betyder alla .xlsx-, .xlsm- och .docx-filer i den (inte undermappar).

Flaggor:
  --json FIL    skriv rapporten som JSON till FIL ("-" = standard ut)
  --out MAPP    skriv en färgad kopia av varje fil till MAPP (samma filnamn)
  --html FIL    skriv en HTML-rapport till FIL
  --csv FIL     skriv avvikelserna som CSV till FIL
  --quiet       ingen sammanfattning och ingen förloppsindikator
  --jobs N      kontrollera N filer samtidigt (standard: antalet processorkärnor)
  --time-limit SEK
                avbryt en fil som tar längre tid än SEK sekunder (standard 60);
                den rapporteras och de andra filerna kontrolleras ändå
  --memory-limit MB
                avbryt en fil som behöver mer minne än MB megabyte
  -h, --help    visa den här hjälpen

Slutkod:
  0  allt stämmer (avrundningsdifferenser tillåtna)
  1  minst en cell stämmer inte
  2  en fil kunde inte läsas, ett internt fel, eller felaktiga argument
     (till exempel en rapport eller kopia som skulle skriva över en indatafil)
`;

export const USAGE = 'Användning: summakoll check <filer eller mappar…> [--json FIL|-] [--out MAPP] [--html FIL] [--csv FIL] [--quiet] [--jobs N]\nSkriv "summakoll --help" för mer information.';

const VALUE_OPTIONS = new Set(['--json', '--out', '--html', '--csv']);
const NUMBER_OPTIONS: Record<string, { key: 'jobs' | 'timeLimit' | 'memoryLimit'; min: number; max: number }> = {
  '--jobs': { key: 'jobs', min: 1, max: 64 },
  '--time-limit': { key: 'timeLimit', min: 1, max: 86400 },
  '--memory-limit': { key: 'memoryLimit', min: 64, max: 65536 },
};

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0) return { kind: 'usage-error', message: 'Ange ett kommando.' };
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { kind: 'help' };
  if (argv[0] !== 'check') return { kind: 'usage-error', message: `Okänt kommando: ${argv[0]}` };
  const options: CheckOptions = { inputs: [], quiet: false };
  let onlyFiles = false;
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i];
    if (onlyFiles || !a.startsWith('-') || a === '-') {
      options.inputs.push(a);
      continue;
    }
    if (a === '--') {
      onlyFiles = true;
      continue;
    }
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === '--quiet' || a === '-q') {
      if (value !== undefined) return { kind: 'usage-error', message: `${a} tar inget värde.` };
      options.quiet = true;
      continue;
    }
    const numeric = NUMBER_OPTIONS[a];
    if (numeric) {
      if (value === undefined) value = argv[++i];
      const n = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < numeric.min || n > numeric.max) {
        return { kind: 'usage-error', message: `${a} behöver ett heltal mellan ${numeric.min} och ${numeric.max}.` };
      }
      options[numeric.key] = n;
      continue;
    }
    if (!VALUE_OPTIONS.has(a)) return { kind: 'usage-error', message: `Okänd flagga: ${a}` };
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || (value.startsWith('-') && value !== '-')) return { kind: 'usage-error', message: `${a} behöver ett värde.` };
    }
    if (value === '') return { kind: 'usage-error', message: `${a} behöver ett värde.` };
    if (value === '-' && a !== '--json') return { kind: 'usage-error', message: `${a} kan inte skrivas till standard ut.` };
    const key = a.slice(2) as 'json' | 'out' | 'html' | 'csv';
    options[key] = value;
  }
  if (options.inputs.length === 0) return { kind: 'usage-error', message: 'Ange minst en fil eller mapp att kontrollera.' };
  return { kind: 'check', options };
}
