// The ESLint boundaries catch what they promise, on a miniature source tree (engine split
// into sub-folders as the lead plans, so no rule depends on today's file names), and the
// real sources pass them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

/** ESLint as a child process (jest's module sandbox cannot load ESLint's ES module config). */
function lint(cwd: string, config?: string): LintResult[] {
  const args = [path.join(REPO, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...(config ? ['-c', config] : []), 'src'];
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120000 });
  try {
    return JSON.parse(r.stdout) as LintResult[];
  } catch {
    throw new Error(`ESLint gav ingen JSON (exit ${r.status}): ${r.stderr.slice(0, 800)}`);
  }
}

const REPO = path.resolve(__dirname, '../..');
let mini: string;

function put(rel: string, text: string): void {
  const p = path.join(mini, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

beforeAll(() => {
  mini = fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-lint-'));
  put('src/engine/index.ts', "export { cells } from './read/cells';\n");
  put('src/engine/read/cells.ts', "import { judge } from '../judge/verdict';\nexport const cells = judge;\n");
  put('src/engine/judge/verdict.ts', 'export const judge = 1;\n');
  put('src/engine/tables/leak.ts', "import { x } from '../../xlsx/reader';\nexport const y = x;\n");
  put('src/xlsx/reader.ts', "import { cells } from '../engine';\nexport const x = cells;\n");
  put('src/cli/deep.ts', "import { judge } from '../engine/judge/verdict';\nexport const z = judge;\n");
  put('src/cli/fine.ts', "import { cells } from '../engine';\nexport const w = cells;\n");
  put('src/ui/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
  put('src/ui/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
  put(
    'eslint.config.mjs',
    `import { boundaryConfig } from ${JSON.stringify(path.join(REPO, 'scripts/eslint-boundaries.mjs'))};\nexport default [boundaryConfig(${JSON.stringify(mini)})];\n`,
  );
});

afterAll(() => fs.rmSync(mini, { recursive: true, force: true }));

test('the rules catch an engine import from outside, a deep engine import and a cycle; the index is fine', () => {
  const results = lint(mini, path.join(mini, 'eslint.config.mjs'));
  const byFile = Object.fromEntries(
    results.map((r) => [path.relative(mini, r.filePath).split(path.sep).join('/'), r.messages.map((m) => m.ruleId)]),
  );
  expect(byFile['src/engine/tables/leak.ts']).toEqual(['import-x/no-restricted-paths']);
  expect(byFile['src/cli/deep.ts']).toEqual(['import-x/no-restricted-paths']);
  expect(byFile['src/ui/a.ts']).toEqual(['import-x/no-cycle']);
  expect(byFile['src/ui/b.ts']).toEqual(['import-x/no-cycle']);
  expect(byFile['src/cli/fine.ts']).toEqual([]);
  expect(byFile['src/xlsx/reader.ts']).toEqual([]);
  expect(byFile['src/engine/read/cells.ts']).toEqual([]);
}, 60000);

test('the real sources pass the boundaries', () => {
  const results = lint(REPO);
  const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(REPO, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`));
  expect(problems).toEqual([]);
}, 120000);
