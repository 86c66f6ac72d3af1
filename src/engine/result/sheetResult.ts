// A sheet's result over its collector: `cells` built only when read, and readers of
// statuses, findings or one cell at a time that never build the whole list.
import type { CheckCollector } from './collector';
import type { CheckedCell, SheetResult, Status, TableInfo } from '../types';

// The collector behind each sheet result, for readers that need statuses or findings only:
// a non-enumerable property of the result (JSON, spreading and comparisons do not see it).
const COLLECTOR = Symbol('collector');
// The list of cell objects once built (or set), else null: a non-enumerable getter beside it.
const BUILT = Symbol('built cells');
type WithCollector = SheetResult & { [COLLECTOR]?: CheckCollector; [BUILT]?: CheckedCell[] | null };

/**
 * A sheet's result. `cells` is built from the collector the first time it is read (then
 * kept): an own, enumerable property like any other, so JSON, spreading and comparisons
 * see the list, while colouring and summaries that read statusesOf / findingsOf never
 * build the objects of the cells that reconcile.
 */
export function sheetResult(name: string, tables: TableInfo[], collector: CheckCollector, notes: string[]): SheetResult {
  const sheet: SheetResult = { name, tables, cells: [], notes };
  let cells: CheckedCell[] | null = null;
  Object.defineProperty(sheet, 'cells', {
    enumerable: true,
    configurable: true,
    get: () => (cells ??= collector.list()),
    set: (value: CheckedCell[]) => {
      cells = value;
    },
  });
  Object.defineProperty(sheet, COLLECTOR, { value: collector, enumerable: false, configurable: true, writable: false });
  Object.defineProperty(sheet, BUILT, { get: () => cells, enumerable: false, configurable: true });
  return sheet;
}

/** Every checked cell's position and status, in order, without building cell objects. */
export function forEachStatus(sheet: SheetResult, visit: (row: number, col: number, status: Status) => void): void {
  const collector = (sheet as WithCollector)[COLLECTOR];
  if (collector) collector.forEachStatus(visit);
  else for (const c of sheet.cells) visit(c.row, c.col, c.status);
}

/**
 * Every checked cell of a sheet, in order, one object at a time: the cells `sheet.cells`
 * lists (that list itself once it is built or set; until then each cell is built as it is
 * visited and not kept, so a writer that streams them never holds a million at once).
 */
export function forEachCell(sheet: SheetResult, visit: (cell: CheckedCell) => void): void {
  const s = sheet as WithCollector;
  const collector = s[COLLECTOR];
  if (collector && !s[BUILT]) collector.forEachCell(visit);
  else for (const c of sheet.cells) visit(c);
}

/** The cells of a sheet that do not reconcile (warnings and errors), in order. */
export function findingsOf(sheet: SheetResult): CheckedCell[] {
  const collector = (sheet as WithCollector)[COLLECTOR];
  return collector ? collector.findings() : sheet.cells.filter((c) => c.status !== 'ok');
}

