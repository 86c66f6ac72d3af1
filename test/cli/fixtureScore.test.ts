// The command line on the shared fixtures, scored by the shared scoring tool against
// the hand-written expectations. This measures the engine through the whole pipeline.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCli, ROOT, runCli } from './runCli';
import { requireShared } from '../helpers/shared';

const SHARED = path.resolve(__dirname, '../../../shared');
const FIXTURES = path.join(SHARED, 'fixtures');
const SCORE = path.join(SHARED, 'tools/score.mjs');
requireShared(FIXTURES, SCORE);

test('fixtures score: coverage and agreement ≥ 0.95, no false or missed red', () => {
  buildCli();
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summakoll-score-')), 'report.json');
  const run = runCli(['check', FIXTURES, '--json', report, '--quiet']);
  expect([0, 1]).toContain(run.code);
  const score = spawnSync(process.execPath, [SCORE, '--report', report, '--expect', FIXTURES], { cwd: ROOT, encoding: 'utf8' });
  expect(score.status).toBe(0);
  const last = score.stdout.trim().split('\n').pop() ?? '';
  const metric = (name: string) => {
    const m = new RegExp(`${name}=([0-9.]+)`).exec(last);
    if (!m) throw new Error(`no ${name} in score line: ${last}`);
    return Number(m[1]);
  };
  const got = {
    coverage: metric('coverage'),
    agreement: metric('agreement'),
    false_red: metric('false_red'),
    missed_red: metric('missed_red'),
  };
  // Show the whole line when an assertion fails.
  expect({ line: last, ok: got.coverage >= 0.95 && got.agreement >= 0.95 }).toEqual({ line: last, ok: true });
  expect(got.false_red).toBe(0);
  expect(got.missed_red).toBe(0);
}, 120000);
