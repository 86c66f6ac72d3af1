// Bounded mutation fuzzing in CI: 300 seeded mutants of the fixtures and corpus workbooks
// through the command line (scripts/fuzz.js, the same program `npm run fuzz -- --minutes 10`
// runs longer). No crash, no hang, no raw JavaScript message in any report, inputs unchanged.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ensureCliBuilt } from './helpers/cli';
import { FIXTURES, CORPUS, requireShared } from '../helpers/shared';

const REPO = path.resolve(__dirname, '../..');

test('300 mutants: every one checked or refused clearly, in time, inputs unchanged', () => {
  requireShared(FIXTURES, CORPUS);
  expect(ensureCliBuilt()).toBeNull();
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/fuzz.js'), '--count', '300', '--seed', '20261129'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 240000,
  });
  const lines = r.stdout.trim().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]);
  expect({ problems: lines.filter((l) => l.startsWith('PROBLEM')), status: r.status }).toEqual({ problems: [], status: 0 });
  expect(summary.mutants).toBe(300);
  expect(summary.checked + summary.refused).toBe(300);
  // The mutants must reach past the first refusal: a good share is still read and checked.
  expect(summary.checked).toBeGreaterThan(50);
}, 250000);
