// "Trolig orsak": the one figure that explains the red cells. Each failing check is a linear
// equation whose residual is not 0; a cell that takes part in every failing check of a
// connected group, and whose one change makes all of them reconcile without breaking a check
// that reconciles today, explains the group. When no single cell does, two cells may (see
// pairs.ts). The cells red only because of it are its följdfel. Causes are advice: they never
// change a status.
import { keyOf, linearChecks, splitKey, Figures, type LinearCheck } from './linearChecks';
import { adviceText, KIND_RANK, slipOf, type CauseKind } from './plausibility';
import { clean, coefIn, describe, explainsOf } from './common';
import { pairCause, type PairContext } from './pairs';
import { findingsOf } from '../result/sheetResult';

export type { Cause };
import type { Cause, SheetResult, WorkbookInput } from '../types';
import { cellAddress, parseCellAddress } from '../read/address';
import { formatSwedish } from '../read/swedishFormat';

/** The causes of each sheet's red cells, by sheet name. */
export function findCauses(wb: WorkbookInput, sheets: SheetResult[]): Map<string, Cause[]> {
  const figures = new Figures(wb);
  const checks = linearChecks(wb, sheets, figures);
  const out = new Map<string, Cause[]>();
  const failing = checks.filter((k) => k.status === 'error');
  if (!failing.length) return out;
  const byCell = new Map<string, LinearCheck[]>();
  for (const k of checks) for (const t of k.terms) (byCell.get(t.key) ?? byCell.set(t.key, []).get(t.key)!).push(k);
  const add = (c: Cause) => (out.get(c.sheet) ?? out.set(c.sheet, []).get(c.sheet)!).push(c);
  // A SUM formula whose range is wrong explains its own failing sum before any figure does.
  const rangeFindings = new Map<string, string>();
  for (const s of sheets) for (const c of findingsOf(s)) for (const k of c.checks) if (k.rule === 'formula-range' && k.status === 'error') rangeFindings.set(keyOf(s.name, c.address), k.message);
  const open: LinearCheck[][] = [];
  for (const group of groups(failing)) {
    const cause = formulaCause(group, rangeFindings, figures) ?? explain(group, byCell, figures);
    if (cause) add(cause);
    else open.push(group);
  }
  if (!open.length) return out;
  // No single cell: two cells, first within a group, then across groups that a check which
  // reconciles today joins (a part's row and the Summa worked out with it; the two columns of
  // a växling booked in the wrong one).
  const failingCells = new Set<string>();
  for (const k of failing) for (const t of k.terms) failingCells.add(t.key);
  const ctx: PairContext = { byCell, figures, failingCells, sheets };
  // A pair may also reconcile other groups' failing checks: those groups are its följdfel too.
  const done = new Set<LinearCheck>();
  const explained = (g: LinearCheck[]) => g.every((k) => done.has(k));
  const rest: LinearCheck[][] = [];
  for (const group of open) {
    if (explained(group)) continue;
    const found = pairCause(group, ctx);
    if (found) {
      add(found.cause);
      for (const k of found.fixed) done.add(k);
    } else rest.push(group);
  }
  for (const cluster of linked(rest.filter((g) => !explained(g)), byCell)) {
    const found = cluster.length > 1 ? pairCause(cluster.flat(), ctx) : null;
    if (found) add(found.cause);
    else for (const group of cluster) add(several(group));
  }
  return out;
}

/** Groups joined when a check that reconciles today holds cells of both. */
function linked(groupsIn: LinearCheck[][], byCell: Map<string, LinearCheck[]>): LinearCheck[][][] {
  const parent = groupsIn.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  groupsIn.forEach((g, i) => {
    for (const k of g) for (const t of k.terms) if (!owner.has(t.key)) owner.set(t.key, i);
  });
  groupsIn.forEach((g, i) => {
    for (const k of g)
      for (const t of k.terms)
        for (const other of byCell.get(t.key) ?? []) {
          if (other.status === 'error') continue;
          for (const u of other.terms) {
            const j = owner.get(u.key);
            if (j !== undefined && j !== i) parent[find(i)] = find(j);
          }
        }
  });
  const by = new Map<number, LinearCheck[][]>();
  groupsIn.forEach((g, i) => (by.get(find(i)) ?? by.set(find(i), []).get(find(i))!).push(g));
  return [...by.values()];
}

/** Failing checks joined when they share a cell. */
function groups(failing: LinearCheck[]): LinearCheck[][] {
  const parent = failing.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  failing.forEach((k, i) => {
    for (const t of k.terms) {
      const j = owner.get(t.key);
      if (j === undefined) owner.set(t.key, i);
      else parent[find(i)] = find(j);
    }
  });
  const by = new Map<number, LinearCheck[]>();
  failing.forEach((k, i) => (by.get(find(i)) ?? by.set(find(i), []).get(find(i))!).push(k));
  return [...by.values()];
}

/** The cells that take part in every check of the group. */
function inEvery(group: LinearCheck[]): string[] {
  let common: string[] = group[0].terms.map((t) => t.key);
  for (const k of group.slice(1)) {
    const keys = new Set(k.terms.map((t) => t.key));
    common = common.filter((x) => keys.has(x));
  }
  return [...new Set(common)];
}

interface Candidate {
  key: string;
  delta: number;
  kind: CauseKind;
  swapped?: [string, string];
}

/** The single cell that explains the group best, or null. */
function explain(group: LinearCheck[], byCell: Map<string, LinearCheck[]>, figures: Figures): Cause | null {
  // Cells in every failing check of the group.
  const common = inEvery(group);
  const found: Candidate[] = [];
  for (const key of common) {
    const current = figures.figure(key);
    if (current === null) continue;
    // The change that makes each failing check reconcile must agree across them.
    const deltas = group.map((k) => -k.residual / coefIn(k, key));
    if (deltas.some((d) => !Number.isFinite(d))) continue;
    const delta = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    if (group.some((k) => Math.abs(k.residual + coefIn(k, key) * delta) > k.tolerance)) continue;
    // … and breaks no check that reconciles today.
    const others = (byCell.get(key) ?? []).filter((k) => k.status !== 'error');
    if (others.some((k) => Math.abs(k.residual + coefIn(k, key) * delta) > k.tolerance)) continue;
    const suggested = clean(current + delta);
    const slip = slipOf(current, suggested);
    const kind = slip.kind !== 'other' ? slip.kind : rowSlip(key, delta, group, figures) ?? (sameAsNeighbour(key, current, figures) ? 'previous-column' : 'other');
    found.push({ key, delta, kind, swapped: slip.swapped });
  }
  if (!found.length) return null;
  found.sort((a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind]);
  const best = found[0];
  const at = splitKey(best.key)!;
  const current = figures.figure(best.key)!;
  const suggested = clean(current + best.delta);
  const explains = explainsOf(group, [best.key], at.sheet);
  const what = describe(group);
  return {
    cell: at.address,
    sheet: at.sheet,
    current,
    suggested,
    kind: best.kind,
    certain: found.length === 1 && (byCell.get(best.key)?.length ?? 0) >= 2,
    explains,
    message: adviceText(best.kind, current, suggested, what, best.swapped),
  };
}

/**
 * A total off by exactly one of the rows of its column: left out (the total is short of it) or
 * counted twice (the total holds it once too many).
 */
function rowSlip(key: string, delta: number, group: LinearCheck[], figures: Figures): CauseKind | null {
  const own = group.find((k) => k.cell === key && k.rule !== 'row-relation' && k.rule !== 'cross-table');
  if (!own) return null;
  const at = splitKey(key)!;
  const p = parseCellAddress(at.address)!;
  const inputs = new Set(own.terms.slice(1).map((t) => t.key));
  const near = (x: number) => Math.abs(x - Math.abs(delta)) <= own.tolerance;
  // A row of the same column near the total holding the difference: short of it, the person
  // left it out; over by one of its inputs, counted it twice.
  for (let r = Math.max(0, p.r - 60); r < p.r + 60; r++) {
    const k = keyOf(at.sheet, cellAddress(r, p.c));
    const x = figures.figure(k);
    if (x === null || x === 0 || k === key) continue;
    if (delta > 0 && near(x)) return 'row-left-out';
    if (delta < 0 && inputs.has(k) && near(x)) return 'row-counted-twice';
  }
  return null;
}

/** The figure equals the one in the column right before it, same row: a copied figure. */
function sameAsNeighbour(key: string, current: number, figures: Figures): boolean {
  const at = splitKey(key)!;
  const p = parseCellAddress(at.address)!;
  if (p.c === 0 || current === 0) return false;
  return figures.figure(keyOf(at.sheet, cellAddress(p.r, p.c - 1))) === current;
}

function formulaCause(group: LinearCheck[], rangeFindings: Map<string, string>, figures: Figures): Cause | null {
  const own = group.find((k) => rangeFindings.has(k.cell));
  if (!own) return null;
  const at = splitKey(own.cell)!;
  const current = figures.figure(own.cell)!;
  const suggested = clean(current - own.residual);
  return {
    cell: at.address,
    sheet: at.sheet,
    current,
    suggested,
    kind: 'formula',
    certain: true,
    explains: explainsOf(group, [own.cell], at.sheet),
    message: `${rangeFindings.get(own.cell)} Med rätt område blir summan ${formatSwedish(suggested, { group: ' ' })}.`,
  };
}

/** Neither one cell nor a pair explains the group: say so, on the first failing cell. */
function several(group: LinearCheck[]): Cause {
  const at = splitKey(group[0].cell)!;
  return {
    cell: at.address,
    sheet: at.sheet,
    current: NaN,
    suggested: NaN,
    kind: 'several',
    certain: false,
    explains: explainsOf(group, [group[0].cell], at.sheet),
    message: 'Ingen enskild siffra förklarar de röda cellerna här: flera fel, eller en summa som ska räknas om.',
  };
}


export { keyOf };
