// Where the shared material lies: beside the repository (../shared), in CI as here.
import * as path from 'path';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const fixture = (name: string): string => path.join(FIXTURES, name);
