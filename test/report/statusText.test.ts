// A warning is either a rounding difference or something to look at (checks.md 1:
// "Avrundningsdifferens / behöver granskas"); the command line, HTML and CSV say which.
import { checkStatusText } from '../../src/engine';
import type { CheckedCell } from '../../src/engine';
import { cellLine } from '../../src/cli/summary';

describe('checkStatusText', () => {
  it('names a rounding difference, a warning to look at, and the other statuses', () => {
    expect(checkStatusText({ status: 'warning', detail: 'rounding' })).toBe('Avrundningsdifferens');
    expect(checkStatusText({ status: 'warning' })).toBe('Behöver granskas');
    expect(checkStatusText({ status: 'error' })).toBe('Stämmer inte');
    expect(checkStatusText({ status: 'ok' })).toBe('Stämmer');
  });

  it('the command line says "Behöver granskas" for a difference no slip explains', () => {
    const cell: CheckedCell = {
      address: 'B5',
      row: 4,
      col: 1,
      status: 'warning',
      checks: [
        {
          rule: 'row-relation',
          status: 'warning',
          expected: 410,
          actual: 437,
          difference: 27,
          tolerance: 2,
          inputs: ['C5', 'D5', 'E5'],
          message: 'Radsamband: … Stämmer inte, men ingen felskrivning förklarar skillnaden …; granska.',
          basis: 'sambandet C + D + E stämmer i 5 av 6 rader; läsningen bygger bara på siffrorna och inget skrivfel förklarar skillnaden',
        },
      ],
    };
    expect(cellLine(cell)).toMatch(/^B5 {2}Behöver granskas: väntat 410, faktiskt 437, differens 27/);
  });
});
