// --jobs, --time-limit and --memory-limit: whole numbers in range, as `--flag N` or `--flag=N`.
import { parseArgs } from '../../src/cli/args';

test('the limits are read as numbers', () => {
  expect(parseArgs(['check', 'a.xlsx', '--jobs', '3', '--time-limit=20', '--memory-limit', '512'])).toEqual({
    kind: 'check',
    options: { inputs: ['a.xlsx'], quiet: false, jobs: 3, timeLimit: 20, memoryLimit: 512 },
  });
});

test('a limit that is no whole number in range is a usage error in Swedish', () => {
  for (const bad of [['--jobs', '0'], ['--jobs', 'två'], ['--time-limit', '1.5'], ['--memory-limit', '10'], ['--jobs']]) {
    const r = parseArgs(['check', 'a.xlsx', ...bad]);
    expect(r).toEqual({ kind: 'usage-error', message: expect.stringMatching(/behöver ett heltal mellan/) });
  }
});
