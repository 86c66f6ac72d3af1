// The scratch memory and memo caches of one checkWorkbook run, made at its start and passed
// down to every stage that needs them: no module keeps state between runs, so a run's
// results depend on its workbook alone. Each stage owns its part (the classes below live
// beside the code that uses them); none of it outlives the run.
import { FormatMemo } from './read/numberFormat';
import { LabelMemo } from './tables/labels';
import { RowFacts } from './tables/rowLabels';
import { FootCells } from './tables/footCells';
import { TypedUnitsMemo } from './judge/granularity';
import { TotalsScratch } from './hypotheses/totals';
import { RelationScratch } from './hypotheses/columnRelations';
import { FormulaScratch } from './judge/formula';
import { CheckScratch } from './judge/makeCheck';
import { ClosedTolerances } from './judge/closedTolerance';
import { EvidenceStore } from './judge/totalJudgement';
import { RoleMemo } from './hypotheses/templateRoles';
import { BasisMemo } from './judge/totalBasis';

export class Run {
  /** read/: number formats, each code worked out once. */
  readonly formats = new FormatMemo();
  /** tables/: the facts of labels and headers. */
  readonly labels = new LabelMemo();
  /** judge/granularity: the typed units of each table. */
  readonly typedUnits = new TypedUnitsMemo();
  /** hypotheses/templateRoles: the role words of column headers. */
  readonly roles = new RoleMemo();
  /** tables/: the label facts of the rows of the table being checked. */
  readonly rowFacts = new RowFacts(this.labels);
  /** tables/: the footing columns' figures of the table whose totals are being found. */
  readonly footCells = new FootCells(this.typedUnits);
  /** hypotheses/totals: row marks and lists, and the scoring of readings. */
  readonly totals = new TotalsScratch();
  /** hypotheses/columnRelations: the matrix, scores, quick looks and candidate cache. */
  readonly relations = new RelationScratch(this.labels);
  /** judge/: every evaluation of a formula (one result object, read at once). */
  readonly formula = new FormulaScratch();
  /** judge/totalJudgement: the codes of the evidence of the table's total rows. */
  readonly evidence = new EvidenceStore();
  /** judge/closedTolerance: the tolerances relations may use on the total rows of the table being checked. */
  readonly closedTolerances = new ClosedTolerances();
  /** judge/totalBasis: the basis texts of total rows. */
  readonly bases = new BasisMemo();
  /** judge/makeCheck: the figures of reconciled checks and their shared messages. */
  readonly checks = new CheckScratch(this.formula);
}
