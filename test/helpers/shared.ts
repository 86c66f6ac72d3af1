// Where the shared material lies: beside the repository (../shared), in CI as here.
import * as fs from 'fs';
import * as path from 'path';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const CORPUS = path.join(SHARED, 'corpus');
export const fixture = (name: string): string => path.join(FIXTURES, name);

/**
 * The shared material is part of every test run (CI always has it): when it is missing the
 * suite fails with this message instead of skipping itself and passing without testing.
 * Call at the top of a test file, or in a test, for each folder or file the suite needs.
 */
export function requireShared(...paths: string[]): void {
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `Testet behöver ../shared (spec, fixturer, korpus) bredvid repot, men ${missing.join(', ')} saknas. ` +
        'Lägg den delade katalogen på plats (CI har den alltid); testerna hoppas inte över.',
    );
  }
}

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
