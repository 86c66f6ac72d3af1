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
