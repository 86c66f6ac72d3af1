// A small hand-made check run (no engine involved) for the report tests.
import type { WorkbookInput, WorkbookResult } from '../../src/engine';

export const XSS = '<img src=x onerror=alert(1)>';

export function sampleWorkbook(): WorkbookInput {
  return {
    sheets: [
      {
        name: 'Budget',
        merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }],
        rows: [
          [{ value: 'Uppföljning 2024' }, { value: 'Uppföljning 2024' }, { value: 'Uppföljning 2024' }],
          [{ value: 'Post' }, { value: 'Budget' }, { value: 'Utfall' }],
          [{ value: XSS }, { value: 1777590, numFmt: '#,##0' }, { value: -3.4, numFmt: '#,##0.0' }],
          [{ value: 'Övrigt' }, { value: 855, numFmt: '#,##0' }, { value: 0.026, numFmt: '0.0 %' }],
          [{ value: 'Summa' }, { value: 1778445, numFmt: '#,##0' }, { value: '1 468,2' }],
        ],
      },
    ],
  };
}

export function sampleResult(): WorkbookResult {
  return {
    sheets: [
      {
        name: 'Budget',
        tables: [
          { range: 'A1:C5', kind: 'generic', title: 'Uppföljning 2024', r0: 0, c0: 0, r1: 4, c1: 2, headerRows: [0, 1], totalRows: [4] },
        ],
        cells: [
          {
            address: 'B5',
            row: 4,
            col: 1,
            status: 'error',
            checks: [
              {
                rule: 'column-sum',
                status: 'error',
                expected: 1778445 + 0.5,
                actual: 1778445,
                difference: -0.5,
                tolerance: 0.25,
                inputs: ['B3:B4'],
                message: `Summa ${XSS} stämmer inte`,
              },
            ],
          },
          {
            address: 'C5',
            row: 4,
            col: 2,
            status: 'warning',
            checks: [
              { rule: 'column-sum', status: 'warning', expected: 1468.3, actual: 1468.2, difference: -0.1, tolerance: 0.15, inputs: ['C3:C4'], message: '=HYPERLINK("x")', detail: 'rounding' },
            ],
          },
          {
            address: 'B4',
            row: 3,
            col: 1,
            status: 'ok',
            checks: [{ rule: 'row-relation', status: 'ok', expected: 855, actual: 855, difference: 0, tolerance: 0.5, inputs: [], message: 'Stämmer' }],
          },
        ],
        notes: ['Summan i B5 är inskriven, inte en formel.'],
      },
    ],
    summary: { tables: 1, cells: 3, ok: 1, warning: 1, error: 1 },
  };
}
