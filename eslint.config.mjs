// ESLint (typescript-eslint + import-x) on the sources, run by `npm test` (`npm run lint`):
// - src/engine imports nothing outside src/engine;
// - everything else imports the engine only through its index (`../engine`);
// - no import cycles anywhere in src.
// The rules are path-based, so they hold however src/engine is split into sub-folders.
// Tests (test/**) may import engine internals and are not linted.
import path from 'path';
import { fileURLToPath } from 'url';
import { boundaryConfig } from './scripts/eslint-boundaries.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export default [
  { ignores: ['lib/**', 'dist/**', 'dist-cli/**', 'node_modules/**', '.cache/**', 'coverage/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**'] },
  boundaryConfig(ROOT),
];
