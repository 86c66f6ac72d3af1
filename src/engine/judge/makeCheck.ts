// One check of one derived cell against a formula: the judgement, the figures in
// the cell's own value terms, and a Swedish message for people.
import { cellAddress } from '../read/address';
import type { Evaluation, Formula } from './formula';
import { alignPercentSum, evaluate, FormulaScratch, inputsOf } from './formula';
import type { Grid } from '../read/grid';
import { K_DASH, K_EMPTY, K_ERROR, K_NUMBER } from '../read/grid';
import { judgeStatus, S_ERROR, S_OK, statusName, toleranceOf, type Judgement } from './tolerance';
import { formatSwedish } from '../read/swedishFormat';
import { explainedBySlip } from './typingSlip';
import { ownTypedUnit } from './granularity';
import type { Check, Rule } from '../types';
import type { CheckCollector, ReconciledFigures } from '../result/collector';

export interface CheckOptions {
  /** Human name of what the cell should be ("summan av raderna ovan"). */
  what: string;
  /** Larger tolerance granted by a total row's closed rows. */
  atLeast?: number;
  /** The text for a cell that reconciles, when the caller made it once for many cells. */
  okText?: string;
  roundUnit?: number;
  /** The unit the inputs were typed in, when coarser than their format shows (judge/granularity). */
  unitFloor?: number;
  /** Why the cell is read this way (checks.md section 6), in Swedish. */
  basis?: string;
  /**
   * The reading stands on the figures alone (no label, formula or template says what the
   * cell is): a difference is an error only when a typing slip explains it (judge/typingSlip).
   */
  figuresOnly?: boolean;
}

const RULE_NAME: Readonly<Record<Rule, string>> = {
  'column-sum': 'Summering',
  'subtotal-sum': 'Delsumma',
  'total-of-totals': 'Summa av summor',
  'row-relation': 'Radsamband',
  ratio: 'Andel',
  'formula-range': 'Formelns område',
  rollforward: 'Utgående ram',
  'cross-table': 'Mellan tabeller',
  'text-number': 'Tal som text',
  'error-value': 'Felvärde',
};

function decimalsOf(unit: number): number {
  if (!(unit > 0) || unit >= 1) return 0;
  return Math.min(6, Math.max(0, Math.round(-Math.log10(unit))));
}

export function fmt(x: number, unit = 0): string {
  return formatSwedish(x, { decimals: unit > 0 ? decimalsOf(unit) : undefined, group: ' ' });
}

/** The scratch and memo of making checks, one per run (Run.checks). */
export class CheckScratch {
  /** The figures of a reconciled check, handed to the collector and copied there at once. */
  readonly figures: ReconciledFigures = { expected: 0, actual: 0, difference: 0, tolerance: 0, message: '', basis: undefined };
  /**
   * Most checks reconcile: their text is the same for every cell of a relation, so share it.
   * Kept per rule, then per description (the descriptions are mostly the same few strings,
   * so no key has to be built to find them).
   */
  readonly okMessages = new Map<Rule, Map<string, string>>();
  okMessageCount = 0;

  /** `formula`: the run's formula scratch (shared with every other evaluation of the run). */
  constructor(readonly formula: FormulaScratch = new FormulaScratch()) {}
}

/**
 * Judge derived cell (r, c) against formula f and log the check in `out`. Returns the
 * check's number in out (of the same check when the cell had it already), or null when
 * there is no check (the cell is blank, or a quotient is undefined). A check that
 * reconciles is logged as figures; the others are built whole.
 */
export function checkCell(g: Grid, rule: Rule, r: number, c: number, f: Formula, o: CheckOptions, out: CheckCollector, cs: CheckScratch = new CheckScratch(), pre?: Evaluation): number | null {
  // The cell looked up once and read through the grid's accessors: no reading object per check.
  const id = g.cellId(r, c);
  const kind = id < 0 ? K_EMPTY : g.kindById(id);
  if (kind === K_ERROR) return out.add(r, c, errorValueCheck(`${cellAddress(r, c)} innehåller felvärdet ${errorText(g, r, c)}.`, inputsOf(f)));
  if (kind !== K_NUMBER && kind !== K_DASH) return null;
  // The judgement evaluated most cells already, to weigh its evidence: their figures are reused.
  const ev = pre ?? alignPercentSum(g, r, c, f, evaluate(g, f, cs.formula));
  if (ev.error) {
    const e = ev.error;
    return out.add(r, c, errorValueCheck(`${RULE_NAME[rule]} kan inte kontrolleras: ${cellAddress(e.r, e.c)} innehåller ${g.kind(e.r, e.c) === K_ERROR ? errorText(g, e.r, e.c) : 'ett felvärde'}.`, inputsOf(f)));
  }
  if (!ev.defined) return null;
  const isNumber = kind === K_NUMBER;
  const actual = isNumber ? g.numById(id) : 0;
  const unitY = isNumber ? g.unitById(id) : 0;
  const scale = isNumber && g.pctById(id) ? 100 : 1;
  // judge() without its result object: most cells reconcile, and there are many.
  const expected = ev.value;
  let inputUnit = o.unitFloor && o.unitFloor > ev.inputUnit ? o.unitFloor : ev.inputUnit;
  let code = judgeStatus(actual, expected, unitY, inputUnit, ev.n, o.atLeast ?? 0, o.roundUnit ?? 0);
  // A figure typed coarser than it shows (a whole 6 781 shown as 6 781,0) carries that rounding
  // into the tolerance; whether it is ok is still decided in the decimals it shows (checks.md 3).
  // Only a failing cell is looked at again: the wider tolerance can turn red to yellow, nothing else.
  if (code === S_ERROR && isNumber) {
    const typedY = ownTypedUnit(actual, unitY, scale === 100);
    if (typedY > unitY && typedY > inputUnit) {
      inputUnit = typedY;
      code = judgeStatus(actual, expected, unitY, inputUnit, ev.n, o.atLeast ?? 0, o.roundUnit ?? 0);
    }
  }
  const difference = actual - expected;
  const tolerance = toleranceOf(unitY, inputUnit, ev.n, o.atLeast ?? 0);
  if (code === S_OK) {
    const FIGURES = cs.figures;
    FIGURES.expected = clean(expected / scale);
    FIGURES.actual = clean(actual / scale);
    FIGURES.difference = clean(difference / scale);
    FIGURES.tolerance = clean(tolerance / scale);
    FIGURES.message = o.okText ?? okMessage(rule, o.what, cs);
    FIGURES.basis = o.basis;
    return out.addReconciled(r, c, rule, FIGURES, f);
  }
  // Found by arithmetic alone, and no slip explains the difference: look at it, do not trust red.
  const unexplained = code === S_ERROR && o.figuresOnly === true && scale === 1 && !explainedBySlip(g, f, actual, unitY, expected, tolerance);
  const status = unexplained ? 'warning' : statusName(code);
  const check: Check = {
    rule,
    status,
    expected: clean(expected / scale),
    actual: clean(actual / scale),
    difference: clean(difference / scale),
    tolerance: clean(tolerance / scale),
    inputs: inputsOf(f),
    message: findingMessage(rule, o.what, { status: statusName(code), difference, tolerance }, expected, isNumber ? actual : null, unitY, scale, unexplained),
  };
  if (unexplained) {
    check.basis = `${o.basis ? `${o.basis}; ` : ''}läsningen bygger bara på siffrorna och inget skrivfel förklarar skillnaden`;
    return out.add(r, c, check);
  }
  if (status === 'warning') check.detail = 'rounding';
  if (o.basis) check.basis = o.basis;
  return out.add(r, c, check);
}

/** The text of an error cell (the grid keeps it; only findings need it). */
function errorText(g: Grid, r: number, c: number): string {
  const x = g.at(r, c);
  return x.kind === 'error' ? x.text : '';
}

/** The message of a warning or an error: what the formula gives against what the cell shows. */
/**
 * With `unexplained`, an error stated as a difference to look at (judge/typingSlip): the table
 * says nothing of the cell but its figures, and no slip of the hand explains the difference.
 */
function findingMessage(rule: Rule, what: string, j: Judgement, expected: number, actual: number | null, unitY: number, scale: number, unexplained = false): string {
  const shownUnit = Math.max(unitY, 1e-6);
  const pct = scale === 100 ? ' %' : '';
  const head = `${RULE_NAME[rule]}: ${what} ger ${fmt(expected)}${pct}, cellen visar ${actual === null ? '–' : `${fmt(actual, shownUnit)}${pct}`}`;
  return j.status === 'warning'
    ? `${head} (diff ${fmt(j.difference)}, inom avrundning ${fmt(j.tolerance)}). Avrundningsdifferens.`
    : `${head} (diff ${fmt(j.difference)}, mer än avrundning ${fmt(j.tolerance)}). ${unexplained ? UNEXPLAINED : 'Stämmer inte.'}`;
}

const UNEXPLAINED = 'Stämmer inte, men ingen felskrivning förklarar skillnaden och tabellen anger inte själv vad cellen ska vara (ingen summaetikett eller formel); granska.';

/**
 * The message of an error restated as a rounding difference (judge/roundingNoise): the
 * difference is only a little over the rounding, in a table whose figures were rounded.
 */
export function marginalMessage(message: string): string {
  return message.replace(/, mer än avrundning ([^)]*)\)\. Stämmer inte\.$/, ', knappt mer än avrundning $1, i en tabell med fler avrundningsdifferenser). Troligen avrundning; granska.');
}

/** The text of a check that reconciles; shared through `cs` (the run's) when given. */
export function okMessage(rule: Rule, what: string, cs?: CheckScratch): string {
  if (!cs) return `${RULE_NAME[rule]}: ${what}. Stämmer.`;
  let byWhat = cs.okMessages.get(rule);
  if (!byWhat) cs.okMessages.set(rule, (byWhat = new Map()));
  let m = byWhat.get(what);
  if (m === undefined) {
    m = `${RULE_NAME[rule]}: ${what}. Stämmer.`;
    if (cs.okMessageCount < 10000) {
      byWhat.set(what, m);
      cs.okMessageCount++;
    }
  }
  return m;
}

/** An Excel error value in the cell or its inputs (checks.md 2: rule error-value). */
export function errorValueCheck(message: string, inputs: string[]): Check {
  return { rule: 'error-value', status: 'error', expected: null, actual: null, difference: null, tolerance: null, inputs, message };
}

/** Trim binary noise from figures in the report (0.30000000000000004 → 0.3). */
export function clean(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x) || Math.abs(x) > 1e6) return x;
  const r = Math.round(x * 1e9) / 1e9;
  return Math.abs(r - x) < 1e-10 * Math.max(1, Math.abs(x)) ? r : x;
}
