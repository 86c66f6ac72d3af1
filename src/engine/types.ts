// The engine's input and output. Plain data, no Office, DOM or Node types:
// every adapter (xlsx file, Excel, Word, browser preview) builds a WorkbookInput
// and reads a WorkbookResult.

/** A cell as an adapter read it. Rows and columns are 0-based everywhere in the engine. */
export interface CellInput {
  /** The value Excel shows: a number, a text, a boolean, or null when empty.
   *  For a formula this is the cached result. For an error value it is the error text. */
  value: number | string | boolean | null;
  /** English A1 formula with its leading '=' (`=SUM(B4:B12)`), when the cell has one. */
  formula?: string;
  /** Number format code (`#,##0.0`, `0 %`, `General`). Missing means General. */
  numFmt?: string;
  /** True when `value` is an Excel error value (`#REF!`, `#DIV/0!` …). */
  error?: boolean;
}

export interface MergedArea {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetInput {
  name: string;
  /** rows[r][c]; missing rows and cells are empty. Rows may have different lengths. */
  rows: (CellInput | undefined)[][];
  merges?: MergedArea[];
}

export interface WorkbookInput {
  sheets: SheetInput[];
}

export type Status = 'ok' | 'warning' | 'error';

export type Rule =
  | 'column-sum'
  | 'subtotal-sum'
  | 'total-of-totals'
  | 'row-relation'
  | 'ratio'
  | 'formula-range'
  | 'rollforward'
  | 'cross-table'
  | 'text-number'
  | 'error-value';

export type TableKind = 'budgetfordelning' | 'budgetvaxlingar' | 'atgardslista' | 'generic';

export interface Check {
  rule: Rule;
  status: Status;
  /** What the derived cell should hold, in the cell's own value terms. */
  expected: number | null;
  actual: number | null;
  difference: number | null;
  tolerance: number | null;
  /** A1 ranges of the inputs, sheet-qualified when on another sheet. */
  inputs: string[];
  /** Swedish text for people. */
  message: string;
  /** `rounding` when the status is a warning because of rounding alone. */
  detail?: 'rounding';
  /** Why the cell was read this way, in Swedish (checks.md section 6): label, formula,
   *  arithmetic in n of m columns, template, header word. */
  basis?: string;
}

export interface CheckedCell {
  address: string;
  row: number;
  col: number;
  status: Status;
  checks: Check[];
}

export interface TableInfo {
  range: string;
  kind: TableKind;
  title: string;
  /** 0-based bounds, for adapters that draw or select the table. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** Rows (0-based) that are header rows and rows that are total rows. */
  headerRows: number[];
  totalRows: number[];
}

/** A cell of a cause with its figure now and what it should probably hold. */
export interface CauseCell {
  /** A1 on its own sheet. */
  cell: string;
  sheet: string;
  current: number;
  suggested: number;
}

/** The figure (or two figures) that most likely explain a group of red cells (advice; it
 *  changes no status). */
export interface Cause {
  /** The cell that is most likely wrong, A1 on its own sheet. */
  cell: string;
  sheet: string;
  current: number;
  /** What it should probably hold (NaN when no single figure explains the group). */
  suggested: number;
  /** How the figure went wrong. Two cells: `wrong-column` (an amount, a växling, booked in the
   *  column beside the right one: `cell` is where it sits, `also` where it belongs),
   *  `total-follows` (`cell` is wrong and the total `also` was worked out with it), `pair`
   *  (two wrong figures that the same checks see). */
  kind:
    | 'transposed-digits'
    | 'sign'
    | 'digit'
    | 'unit'
    | 'row-left-out'
    | 'row-counted-twice'
    | 'previous-column'
    | 'formula'
    | 'other'
    | 'wrong-column'
    | 'total-follows'
    | 'pair'
    | 'several';
  /** No other single cell (for a two-cell cause: no other pair of cells) explains the same red cells. */
  certain: boolean;
  /** The second cell of a two-cell cause: only both changed together explain the red cells. */
  also?: CauseCell;
  /** Cells that reconcile today only because they were worked out from the wrong figures
   *  (A1, or `Sheet!A1` on another sheet): to be recomputed with the fix. */
  recompute?: string[];
  /** Cells red only because of this one (följdfel): A1, or `Sheet!A1` on another sheet. */
  explains: string[];
  /** Swedish advice: what is wrong and what the figure should probably be. */
  message: string;
}

export interface SheetResult {
  name: string;
  tables: TableInfo[];
  cells: CheckedCell[];
  /** Causes of the sheet's red cells, worked out when first read. */
  causes?: Cause[];
  /** What the engine saw but could not judge (checks.md 4.9), and hard-coded totals (4.8).
   *  Plain Swedish; never a status. */
  notes: string[];
}

export interface Summary {
  tables: number;
  cells: number;
  ok: number;
  warning: number;
  error: number;
}

export interface WorkbookResult {
  sheets: SheetResult[];
  summary: Summary;
}
