// Suites that use ../shared fail with a clear message when it is missing, instead of
// skipping themselves and passing without testing anything.
import * as path from 'path';
import { CORPUS, FIXTURES, requireShared, SHARED } from '../helpers/shared';

test('a missing shared folder fails with a message that says what is missing', () => {
  const missing = path.join(SHARED, 'finns-inte');
  expect(() => requireShared(FIXTURES, missing)).toThrow(new RegExp(`behöver \\.\\./shared.*${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} saknas.*hoppas inte över`));
});

test('the shared fixtures and corpus are here (CI always has them)', () => {
  expect(() => requireShared(SHARED, FIXTURES, CORPUS)).not.toThrow();
});
