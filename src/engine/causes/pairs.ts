// Two-cell causes, for a group of failing checks that no single cell explains: a part typed
// wrong and the Summa worked out with it, a växling booked in the wrong column, two wrong
// figures that the same checks see. A pair explains the group when changing both cells makes
// every failing check of the group reconcile without breaking a check that reconciles today
// (other than one whose own cell was worked out from the wrong figure and is recomputed), and
// is named only when its two changes are determined: by the group's failing checks, or by them
// and a check that holds both cells (the Summa over the part) — two unknowns, two independent
// equations at least.
import { parseCellAddress } from '../read/address';
import type { Cause, SheetResult } from '../types';
import { clean, coefIn, describe, explainsOf, shortKey } from './common';
import { splitKey, type Figures, type LinearCheck } from './linearChecks';
import { figureText as fmt, KIND_RANK, slipClause, slipOf, swedishList } from './plausibility';

export interface PairContext {
  /** Every check a cell takes part in. */
  byCell: Map<string, LinearCheck[]>;
  figures: Figures;
  /** Every cell of a failing check: its figure is what a red check is about, so it is never
   *  recomputed to make a pair fit. */
  failingCells: Set<string>;
  sheets: SheetResult[];
}

/**
 * At most this many pairs are tried per group; past it no pair is named. Safe because a pair
 * is only tried when it can reach every failing check (see `pairCause`): two wrong figures take
 * part in a handful of checks each (their row, their column, a tie), so a group two figures can
 * explain has few failing checks and few cells that reach half of them — real groups try a few
 * dozen pairs. A group that needs hundreds is many faults or a misread table, where naming two
 * cells would be a guess; it gets "flera fel" rather than a slow search.
 */
const MAX_PAIRS = 400;
/** Cells worked out from the wrong figures that may be recomputed with a pair (a Summa's
 *  Avvikelse, the Summa of that column …); more than this is no longer two wrong figures. */
const MAX_RECOMPUTED = 12;

type PairKind = 'wrong-column' | 'total-follows' | 'pair';
/** How likely the pattern is, above the slips of its figures (a växling moved is a known slip). */
const PAIR_RANK: Readonly<Record<PairKind, number>> = { 'wrong-column': 3, 'total-follows': 2, pair: 1 };

interface Pair {
  /** The first-named cell (where the fault starts) and the second. */
  a: string;
  b: string;
  da: number;
  db: number;
  recompute: string[];
  /** Every failing check the pair makes reconcile: its group's, and any other group's it reaches. */
  fixed: LinearCheck[];
  kind: PairKind;
  score: number;
  /** `total-follows`: the second cell is a sum (a Summa or a subtotal), not a row's relation. */
  sum: boolean;
}

const isSum = (k: LinearCheck) => k.rule === 'column-sum' || k.rule === 'subtotal-sum' || k.rule === 'total-of-totals' || k.rule === 'rollforward';

/** The pair of cells that explains the group, with every failing check it makes reconcile
 *  (other groups' too), or null (none, or no telling them apart). */
export function pairCause(group: LinearCheck[], ctx: PairContext): { cause: Cause; fixed: LinearCheck[] } | null {
  const cover = new Map<string, Set<number>>();
  group.forEach((k, i) => {
    for (const t of k.terms) if (ctx.figures.figure(t.key) !== null) (cover.get(t.key) ?? cover.set(t.key, new Set()).get(t.key)!).add(i);
  });
  const cells = [...cover.keys()];
  // Every failing check must hold one of the two cells (else its residual cannot move), so
  // one of them is in at least half the checks, and the other in every check the first misses.
  const half = Math.ceil(group.length / 2);
  const majors = cells.filter((c) => cover.get(c)!.size >= half).sort((x, y) => cover.get(y)!.size - cover.get(x)!.size);
  const seen = new Set<string>();
  const found: Pair[] = [];
  let tried = 0;
  for (const a of majors) {
    const own = cover.get(a)!;
    const missed = group.map((_, i) => i).filter((i) => !own.has(i));
    // A cell in every failing check: the other may be any cell of the group, or a total that
    // reconciles today only because it was worked out with the wrong figure (a cell of a
    // check that reconciles today and holds this one).
    const partners = missed.length ? cells.filter((b) => missed.every((i) => cover.get(b)!.has(i))) : [...cells, ...linkedTo(a, ctx)];
    for (const b of partners) {
      if (b === a) continue;
      const id = a < b ? `${a}\n${b}` : `${b}\n${a}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (++tried > MAX_PAIRS) return null;
      const p = tryPair(a, b, group, ctx);
      if (p) found.push(p);
    }
  }
  if (!found.length) return null;
  // The simplest story first: a pair that needs fewer cells recomputed with it (a pair that
  // needs none is two wrong figures and nothing else), then the likelier slip.
  found.sort((x, y) => x.recompute.length - y.recompute.length || y.score - x.score);
  const [best, next] = found;
  // Several pairs explain the group equally well: no telling which, say so instead.
  if (next && next.recompute.length === best.recompute.length && next.score >= best.score) return null;
  // Certain: no other pair explains the group, or no other explains it without recomputing
  // cells that reconcile today while this one needs none.
  const certain = !next || (best.recompute.length === 0 && next.recompute.length > 0);
  return { cause: toCause(best, certain, ctx), fixed: best.fixed };
}

/** The cells of the checks that reconcile today and hold the cell, with a figure. */
function linkedTo(a: string, ctx: PairContext): string[] {
  const out = new Set<string>();
  for (const k of ctx.byCell.get(a) ?? []) if (k.status !== 'error') for (const t of k.terms) if (t.key !== a && ctx.figures.figure(t.key) !== null) out.add(t.key);
  return [...out];
}

/** The two changes that make the group's failing checks reconcile, checked against the rest. */
function tryPair(a: string, b: string, group: LinearCheck[], ctx: PairContext): Pair | null {
  // Least squares over the failing checks: Σ (r + α·da + β·db)² smallest. When they hold only
  // one equation's worth for the two changes, the checks that reconcile today and hold both
  // cells (the Summa over the part) tie the second change to the first.
  let solved = solve(a, b, group);
  if (!solved) {
    const ties = (ctx.byCell.get(a) ?? []).filter((k) => k.status !== 'error' && coefIn(k, b) !== 0);
    if (ties.length) solved = solve(a, b, [...group, ...ties]);
  }
  // Not determined by the checks (the two cells always together): no telling this pair from others.
  if (!solved) return null;
  const [da, db] = solved;
  if (!Number.isFinite(da) || !Number.isFinite(db) || Math.abs(da) < 1e-12 || Math.abs(db) < 1e-12) return null;
  const delta = new Map<string, number>([
    [a, da],
    [b, db],
  ]);
  const after = (k: LinearCheck) => {
    let r = k.residual;
    for (const t of k.terms) r += t.coef * (delta.get(t.key) ?? 0);
    return r;
  };
  if (group.some((k) => Math.abs(after(k)) > k.tolerance)) return null;
  // A check that reconciles today and would not: fine only when its own cell was worked out
  // from the changed figure (a Summa's Avvikelse) and can be recomputed, consistently with all
  // of its other checks.
  const recompute: string[] = [];
  const queue: LinearCheck[] = [...(ctx.byCell.get(a) ?? []), ...(ctx.byCell.get(b) ?? [])].filter((k) => k.status !== 'error');
  for (let i = 0; i < queue.length; i++) {
    const k = queue[i];
    const r = after(k);
    if (Math.abs(r) <= k.tolerance) continue;
    const y = k.cell;
    const c = coefIn(k, y);
    if (delta.has(y) || ctx.failingCells.has(y) || c === 0 || recompute.length >= MAX_RECOMPUTED) return null;
    delta.set(y, -r / c);
    recompute.push(y);
    for (const next of ctx.byCell.get(y) ?? []) if (next.status !== 'error') queue.push(next);
  }
  const fixed = new Set(group);
  for (const key of delta.keys())
    for (const k of ctx.byCell.get(key) ?? []) {
      if (Math.abs(after(k)) > k.tolerance) return null;
      if (k.status === 'error') fixed.add(k);
    }
  return classify(a, b, da, db, recompute, [...fixed], ctx);
}

/** The least-squares changes of two cells over some checks, or null when they are not determined. */
function solve(a: string, b: string, checks: LinearCheck[]): [number, number] | null {
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  let sar = 0;
  let sbr = 0;
  for (const k of checks) {
    const al = coefIn(k, a);
    const be = coefIn(k, b);
    saa += al * al;
    sbb += be * be;
    sab += al * be;
    sar += al * k.residual;
    sbr += be * k.residual;
  }
  const det = saa * sbb - sab * sab;
  if (!(Math.abs(det) > 1e-9 * saa * sbb)) return null;
  return [(sab * sbr - sbb * sar) / det, (sab * sar - saa * sbr) / det];
}

/** Which pattern the pair follows, which cell comes first, and how likely it is. */
function classify(a: string, b: string, da: number, db: number, recompute: string[], fixed: LinearCheck[], ctx: PairContext): Pair {
  const fa = ctx.figures.figure(a)!;
  const fb = ctx.figures.figure(b)!;
  const sa = clean(fa + da);
  const sb = clean(fb + db);
  const slip = (cur: number, sug: number) => KIND_RANK[slipOf(cur, sug).kind];
  const pa = splitKey(a)!;
  const pb = splitKey(b)!;
  const ra = parseCellAddress(pa.address);
  const rb = parseCellAddress(pb.address);
  const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  // An amount in the column beside the right one, same row: it leaves one cell (to 0) for the
  // other, or two amounts changed places.
  if (pa.sheet === pb.sheet && ra && rb && ra.r === rb.r && near(da, -db)) {
    const swappedPlaces = near(fa, sb) && near(fb, sa);
    if (sb === 0 && fb !== 0) return pair(b, a, db, da, 'wrong-column', 0);
    if (sa === 0 && fa !== 0) return pair(a, b, da, db, 'wrong-column', 0);
    if (swappedPlaces) return pair(a, b, da, db, 'wrong-column', 0);
  }
  // A total worked out with the wrong part: a check holds both and the pair leaves it as it is.
  const both = (ctx.byCell.get(a) ?? []).filter((k) => k.status !== 'error' && coefIn(k, b) !== 0 && Math.abs(coefIn(k, a) * da + coefIn(k, b) * db) <= k.tolerance);
  const sumOf = (key: string) => both.find((k) => k.cell === key);
  if (sumOf(b)) return pair(a, b, da, db, 'total-follows', slip(fa, sa), isSum(sumOf(b)!));
  if (sumOf(a)) return pair(b, a, db, da, 'total-follows', slip(fb, sb), isSum(sumOf(a)!));
  // Two figures wrong on their own: the likelier slip first, then the red one.
  const red = (key: string) => fixed.some((k) => k.cell === key);
  const first = slip(fa, sa) > slip(fb, sb) || (slip(fa, sa) === slip(fb, sb) && (red(a) || !red(b))) ? 'a' : 'b';
  const score = Math.max(slip(fa, sa), slip(fb, sb));
  return first === 'a' ? pair(a, b, da, db, 'pair', score) : pair(b, a, db, da, 'pair', score);

  function pair(x: string, y: string, dx: number, dy: number, kind: PairKind, slipScore: number, sum = false): Pair {
    return { a: x, b: y, da: dx, db: dy, recompute, fixed, kind, score: PAIR_RANK[kind] * 10 + slipScore, sum };
  }
}

function toCause(p: Pair, certain: boolean, ctx: PairContext): Cause {
  const at = splitKey(p.a)!;
  const bt = splitKey(p.b)!;
  const ca = ctx.figures.figure(p.a)!;
  const cb = ctx.figures.figure(p.b)!;
  const sa = clean(ca + p.da);
  const sb = clean(cb + p.db);
  const name = (key: string) => shortKey(key, at.sheet);
  const recompute = p.recompute.map(name);
  return {
    cell: at.address,
    sheet: at.sheet,
    current: ca,
    suggested: sa,
    kind: p.kind,
    certain,
    also: { cell: bt.address, sheet: bt.sheet, current: cb, suggested: sb },
    ...(recompute.length ? { recompute } : {}),
    explains: explainsOf(p.fixed, [p.a, p.b], at.sheet),
    message: pairText(p, { a: name(p.a), b: name(p.b), ca, cb, sa, sb }, describe(p.fixed), recompute, tableKindAt(p.b, ctx.sheets)),
  };
}

/** The Swedish advice for a pair. */
function pairText(p: Pair, f: { a: string; b: string; ca: number; cb: number; sa: number; sb: number }, what: string, recompute: string[], kind: string | undefined): string {
  const redo = recompute.length ? ` Räkna också om ${swedishList(recompute)}, som bygger på dem.` : '';
  if (p.kind === 'wrong-column') {
    const [thing, booked, it] = kind === 'budgetvaxlingar' ? ['Växlingen', 'bokförd', 'den'] : ['Beloppet', 'bokfört', 'det'];
    if (f.sa === 0) return `${thing} ${fmt(f.ca)} i ${f.a} är troligen ${booked} i fel kolumn: ${it} hör hemma i ${f.b}. Med 0 i ${f.a} och ${fmt(f.sb)} i ${f.b} stämmer ${what}.${redo}`;
    return `${f.a} (${fmt(f.ca)}) och ${f.b} (${fmt(f.cb)}) har troligen bytt kolumn; ${fmt(f.sa)} i ${f.a} och ${fmt(f.sb)} i ${f.b} får ${what} att stämma.${redo}`;
  }
  const sa = slipOf(f.ca, f.sa);
  if (p.kind === 'total-follows')
    return `Två fel som hänger ihop: ${fmt(f.ca)} i ${f.a} ${slipClause(sa.kind, sa.swapped)}, och ${p.sum ? 'summan ' : ''}${f.b} är räknad med det talet. ${fmt(f.sa)} i ${f.a} och ${fmt(f.sb)} i ${f.b} får ${what} att stämma.${redo}`;
  const sb = slipOf(f.cb, f.sb);
  return `Två fel som hänger ihop: ${fmt(f.ca)} i ${f.a} ${slipClause(sa.kind, sa.swapped)}, och ${fmt(f.cb)} i ${f.b} ${slipClause(sb.kind, sb.swapped)}. ${fmt(f.sa)} och ${fmt(f.sb)} får ${what} att stämma.${redo}`;
}

/** The kind of the table a cell is in, if any. */
function tableKindAt(key: string, sheets: SheetResult[]): string | undefined {
  const at = splitKey(key)!;
  const p = parseCellAddress(at.address);
  const sheet = sheets.find((s) => s.name === at.sheet);
  if (!p || !sheet) return undefined;
  return sheet.tables.find((t) => p.r >= t.r0 && p.r <= t.r1 && p.c >= t.c0 && p.c <= t.c1)?.kind;
}

