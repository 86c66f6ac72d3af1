// Types for the plain-JS workbook generator (bench/genWorkbook.js), used by the tests.
export type GenCell =
  | number
  | string
  | boolean
  | null
  | undefined
  | { v?: number | string | boolean | null; f?: string; error?: string; fmt?: 'general' | 'int' | 'dec1' | 'pct' | 'bold' };
export type GenRow = GenCell[] | { r?: number; cells: GenCell[] };
export interface GenSheet {
  name: string;
  rows: Iterable<GenRow>;
  merges?: string[];
}
export interface GenExternalLink {
  target: string;
  sheetNames: string[];
  cells?: { sheet: number; ref: string; v: number }[];
}
export interface GenSpec {
  sheets: GenSheet[];
  externalLinks?: GenExternalLink[];
  level?: number;
}
export function writeXlsx(spec: GenSpec): Uint8Array;
export function writeXlsx(spec: GenSpec, path: string): undefined;
export interface TablesOptions {
  cells?: number;
  valueCols?: number;
  rowsPerGroup?: number;
  groupsPerTable?: number;
  tablesPerSheet?: number;
  wrongEvery?: number;
  seed?: number;
}
export function tablesSpec(opts?: TablesOptions): GenSpec & { numericCells: number; tables: number; rows: number };
export function longSheetSpec(rows?: number, seed?: number): GenSpec;
export function columnName(c: number): string;
export function lcg(seed: number): () => number;
