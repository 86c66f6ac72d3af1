// Small builders for engine tests: a sheet from rows of plain values.
import { checkWorkbook } from '../../src/engine';
import type { CellInput, CheckedCell, SheetInput, WorkbookInput, WorkbookResult } from '../../src/engine';

export type Plain = string | number | null | undefined | CellInput;

export function sheet(name: string, rows: Plain[][], numFmt?: string, merges: SheetInput['merges'] = []): SheetInput {
  return {
    name,
    rows: rows.map((row) =>
      row.map((v) => {
        if (v === null || v === undefined) return undefined;
        if (typeof v === 'object') return v;
        return typeof v === 'number' ? { value: v, numFmt } : { value: v };
      }),
    ),
    merges,
  };
}

export function check(...sheets: SheetInput[]): WorkbookResult {
  const wb: WorkbookInput = { sheets };
  return checkWorkbook(wb);
}

export function cellOf(result: WorkbookResult, address: string, sheetName?: string): CheckedCell | undefined {
  const s = sheetName ? result.sheets.find((x) => x.name === sheetName) : result.sheets[0];
  return s?.cells.find((c) => c.address === address);
}

export function statusOf(result: WorkbookResult, address: string, sheetName?: string): string | undefined {
  return cellOf(result, address, sheetName)?.status;
}

export function ruleStatus(result: WorkbookResult, address: string, rule: string, sheetName?: string): string | undefined {
  return cellOf(result, address, sheetName)?.checks.find((k) => k.rule === rule)?.status;
}

/** A small budget table whose Summa of Avvikelse is wrong (99 for 100): one red cell. */
export function budgetSheet(name = 'Budget'): SheetInput {
  return sheet(name, [
    ['Verksamhet', 'Budget', 'Utfall', 'Avvikelse'],
    ['Vård', 1200, 1100, 100],
    ['Skola', 800, 850, -50],
    ['Omsorg', 500, 450, 50],
    ['Summa', 2500, 2400, 99],
  ]);
}
