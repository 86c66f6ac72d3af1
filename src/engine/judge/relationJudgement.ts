// Whether a column relation stands (checks.md 4.9): its evidence is pooled over the whole
// column before any of its cells is judged. A relation that fails in more than a few rows
// misread the table; rows whose inputs are blank prove nothing and are not judged; a cell
// whose own formula reproduces its value is judged by that formula, not by our reading.
import { EvaluatedFigures, evaluate, FormulaScratch, type Formula } from './formula';
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_ERROR, K_NUMBER, K_TEXT } from '../read/grid';
import type { ColumnRelation } from '../hypotheses/columnRelations';
import { judgeStatus, S_ERROR, S_OK } from './tolerance';
import { ownFormula } from './ownFormula';
import { isSizable, RELATION_MIN_HOLDS, relationErrorsAllowed } from './policy';
import type { ClosedTolerances } from './closedTolerance';

export interface RelationVerdict {
  stands: boolean;
  /** Rows (of rel.rows, by index) that are not judged. */
  skip: Uint8Array;
  holds: number;
  judged: number;
  errors: number;
  /** Indices (in rel.rows) of the judged rows that fail: few. */
  failing: number[];
  /** Per row: what the relation gives there, for the check to reuse (evaluated[i] = 1 when set). */
  figures: EvaluatedFigures;
}

/** The tolerance a relation may use on a row (a total row's closed rows), or undefined. */
export type RowAllowance = (r: number) => number | undefined;

/** The rows a total row closes (undefined for other rows). */
export type ClosedRows = (r: number) => readonly number[] | undefined;

/**
 * `closed`, `ri`: the table's closed-row tolerances and this relation's index there, told of
 * each row evaluated here (the allowance of a total row needs the rows it closes evaluated).
 */
export function relationVerdict(g: Grid, rel: ColumnRelation, allowance: RowAllowance, unitFloor: (r: number) => number, closedRows: ClosedRows, fs: FormulaScratch = new FormulaScratch(), closed?: ClosedTolerances, ri = 0): RelationVerdict {
  const rows = rel.rows;
  const skip = new Uint8Array(rows.length);
  const figures = new EvaluatedFigures(rows.length, fs.kept);
  const f: Formula & { kind: 'row' } = { kind: 'row', r: 0, shape: rel };
  let holds = 0;
  let judged = 0;
  let errors = 0;
  const failing: number[] = [];
  // The column's running sum over the rows before: a row that is their total is no row of the relation.
  let above = 0;
  let aboveN = 0;
  let aboveUnit = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // The derived cell's kind, figure and unit, by one lookup.
    const id = g.cellId(r, rel.y);
    const k = id < 0 ? K_EMPTY : g.kindById(id);
    if (k !== K_NUMBER && k !== K_DASH) continue;
    const cellFigure = g.numById(id);
    const cellUnit = g.unitById(id);
    const before = above;
    const beforeN = aboveN;
    const beforeUnit = aboveUnit;
    above += cellFigure;
    aboveN++;
    aboveUnit = Math.max(aboveUnit, cellUnit);
    // A template's columns are defined whatever the row holds; a found relation is not judged on blanks.
    const closes = closedRows(r);
    if (rel.source !== 'template' && !inputsHoldValues(g, r, rel, closes !== undefined)) {
      skip[i] = 1;
      continue;
    }
    f.r = r;
    const ev = evaluate(g, f, fs);
    closed?.evaluated(ri, r, k === K_NUMBER ? cellUnit : 0, ev);
    if (ev.error || !ev.defined) continue;
    figures.set(i, ev);
    const y = k === K_NUMBER ? cellFigure : 0;
    const u = k === K_NUMBER ? cellUnit : 0;
    const st = judgeStatus(y, ev.value, u, Math.max(ev.inputUnit, unitFloor(r)), ev.n, allowance(r) ?? 0);
    if (st !== S_OK && ownFormula(g, r, rel.y)?.holds) {
      skip[i] = 1;
      continue;
    }
    // On a total row whose figure is the sum of the rows it closes, a relation that fails
    // there fails in those rows: they are judged themselves.
    if (st === S_ERROR && closes && totalHolds(g, r, rel.y, closes)) {
      skip[i] = 1;
      continue;
    }
    // … and so on a total row no reading named: the figure is the sum of the column above it.
    if (st === S_ERROR && beforeN >= 2 && isSizable(y, u) && judgeStatus(y, before, u, beforeUnit, beforeN) === S_OK) {
      skip[i] = 1;
      continue;
    }
    judged++;
    if (st === S_ERROR) {
      errors++;
      failing.push(i);
    } else holds++;
  }
  const stands = errors === 0 || rel.source === 'template' || (errors <= relationErrorsAllowed(judged) && holds >= RELATION_MIN_HOLDS);
  return { stands, skip, holds, judged, errors, failing, figures };
}

/**
 * The row can be judged: some input holds a value (a row of blanks proves nothing), and no
 * input is a text ("(NA)", "x": not available is not zero). A blank among values is a zero.
 */
function inputsHoldValues(g: Grid, r: number, rel: ColumnRelation, totalRow: boolean): boolean {
  // Terms, then the denominator's terms: no list of the two is made per row.
  const terms = rel.terms;
  const den = rel.den;
  let values = 0;
  let blanks = 0;
  for (let i = 0; i < terms.length + den.length; i++) {
    const k = g.kind(r, i < terms.length ? terms[i].c : den[i - terms.length].c);
    if (k === K_TEXT) return false;
    if (k === K_NUMBER || k === K_DASH || k === K_ERROR) values++;
    else blanks++;
  }
  // On a total row a blank input is a total left out, not a zero.
  return values > 0 && !(totalRow && blanks > 0);
}

function totalHolds(g: Grid, r: number, c: number, closes: readonly number[]): boolean {
  let sum = 0;
  let n = 0;
  let u = 0;
  for (const k of closes) {
    if (!g.has(k, c)) continue;
    sum += g.num(k, c);
    n++;
    u = Math.max(u, g.unit(k, c));
  }
  return n > 0 && judgeStatus(g.num(r, c), sum, g.unit(r, c), u, n) !== S_ERROR;
}
