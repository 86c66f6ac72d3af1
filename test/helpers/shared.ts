// Where the shared material lies: beside the repository (../shared), in CI as here.
import * as fs from 'fs';
import * as path from 'path';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const fixture = (name: string): string => path.join(FIXTURES, name);

export interface FixtureExpectation {
  sheet: string;
  cell: string;
  status: 'ok' | 'warning' | 'error';
  rule: string;
}

export interface FixtureExpectations {
  expect: FixtureExpectation[];
  unscored: { sheet: string; cell: string }[];
}

/** A fixture's NAME.expect.json (the statuses written by hand from the seeds). */
export function expectationsOf(name: string): FixtureExpectations {
  return JSON.parse(fs.readFileSync(fixture(name), 'utf8')) as FixtureExpectations;
}

/** The worst status among a checked cell's checks of one rule; undefined when it has none. */
export function worstOfRule(cell: { checks: { rule: string; status: 'ok' | 'warning' | 'error' }[] } | undefined, rule: string): string | undefined {
  const rank = { ok: 0, warning: 1, error: 2 };
  const statuses = (cell?.checks ?? []).filter((k) => k.rule === rule).map((k) => k.status);
  return statuses.length ? statuses.reduce((a, b) => (rank[b] > rank[a] ? b : a)) : undefined;
}
