// The import boundaries of the architecture, as an ESLint flat config for the sources under
// `base` (the repository, or a test's miniature copy). Path-based: the rules look at the file
// an import resolves to, never at file names inside src/engine.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

export function boundaryConfig(base) {
  return {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json', '.d.ts'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: base,
          zones: [
            {
              target: './src/engine',
              from: './src',
              except: ['./engine'],
              message: 'src/engine importerar bara inom src/engine (motorn är ren TypeScript utan adaptrar).',
            },
            {
              target: ['./src/!(engine)/**/*', './src/*.ts', './src/*.tsx'],
              from: './src/engine',
              except: ['./index.ts'],
              message: 'Motorn importeras bara genom sitt index: skriv ../engine, inte ../engine/<fil>.',
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // Unused locals and the like are tsc's job (noUnusedLocals); this config is about structure.
    },
  };
}
