// A row that breaks several independent relations at once (checks.md 4.9): when two
// relations share no cell, no single wrong figure can break both. The row is of another
// kind than the rows the relations were read from (a break in a series, a row in other
// units), so its cells are not judged by them; the sheet's notes say so.
import type { ColumnRelation } from '../hypotheses/columnRelations';
import type { RelationVerdict } from './relationJudgement';

/** The result when no row is anomalous (shared: never changed). */
const NO_ANOMALIES: ReadonlyMap<number, number[]> = new Map();

function cellsOf(rel: ColumnRelation): number[] {
  return [rel.y, ...rel.terms.map((t) => t.c), ...rel.den.map((t) => t.c)];
}

function disjoint(a: number[], b: number[]): boolean {
  for (const x of a) if (b.includes(x)) return false;
  return true;
}

/**
 * Rows where at least two standing relations that share no cell fail. Template relations
 * are left out: the template states them, whatever the row. Returns row → the relations
 * (by index) whose failure there is set aside.
 */
export function anomalousRows(relations: readonly ColumnRelation[], verdicts: readonly RelationVerdict[]): ReadonlyMap<number, number[]> {
  // Two standing relations that fail somewhere are needed (most tables have none).
  let failingRelations = 0;
  for (let i = 0; i < relations.length; i++) if (verdicts[i].stands && relations[i].source !== 'template' && verdicts[i].failing.length) failingRelations++;
  if (failingRelations < 2) return NO_ANOMALIES;
  const failingAt = new Map<number, number[]>();
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i];
    const v = verdicts[i];
    if (!v.stands || rel.source === 'template') continue;
    for (const j of v.failing) {
      const r = rel.rows[j];
      const list = failingAt.get(r);
      if (list) list.push(i);
      else failingAt.set(r, [i]);
    }
  }
  const out = new Map<number, number[]>();
  for (const [r, list] of failingAt) {
    if (list.length < 2) continue;
    const cells = list.map((i) => cellsOf(relations[i]));
    let independent = false;
    for (let a = 0; a < cells.length && !independent; a++) for (let b = a + 1; b < cells.length; b++) if (disjoint(cells[a], cells[b])) independent = true;
    if (independent) out.set(r, list);
  }
  return out;
}
