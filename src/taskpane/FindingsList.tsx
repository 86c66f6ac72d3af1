// The findings, problems first, in one virtualised list: a section per status, a heading per
// sheet and table, the red and yellow findings, and each table's green cells as one count
// that opens on request. A finding is a button (its text is its accessible name, numbers
// included); the current finding shows its actions. Arrow keys move between findings.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { HostAdapter } from '../host/hostAdapter';
import type { Finding, Row } from './findings';
import { markOf, type Marks } from './signoff';
import { StatusBadge } from './StatusBadge';
import { TableActions, type Ask } from './TableActions';
import { differenceFigure, figure } from '../ui/format';
import { VirtualList, type VirtualListHandle } from '../ui/VirtualList';
import { STATUS_LABEL, STATUS_SYMBOL, T } from '../ui/texts';

export function statusText(f: Finding): string {
  if (f.status === 'warning') return f.rounding ? T.roundingDifference : T.needsReview;
  return STATUS_LABEL[f.status];
}

export interface FindingsListHandle {
  /** Scroll to the finding and put keyboard focus on it. */
  focusFinding(id: string): void;
}

export interface FindingsListProps {
  rows: Row[];
  currentId?: string;
  marks: Marks;
  adapter: HostAdapter;
  onSelect: (f: Finding) => void;
  onShowInputs: (f: Finding) => void;
  /** Select a cell of a cause (`Sheet!A1`), "Gå till". */
  onGoTo: (id: string) => void;
  onReview: (f: Finding) => void;
  onToggleOk: (key: string) => void;
  onMessage: (text: string, isError?: boolean) => void;
  ask: Ask;
}

function Numbers({ f }: { f: Finding }) {
  if (f.expected === null && f.actual === null) return null;
  const ctx = { numFmt: f.numFmt, unit: f.unit };
  return (
    <span className="sk-numbers">
      {T.expected} {figure(f.expected, ctx)} · {T.actual} {figure(f.actual, ctx)} · {T.difference} {differenceFigure(f.difference, ctx)}
    </span>
  );
}

/** `D8` on the finding's own sheet, `Blad!D8` on another. */
const shortId = (id: string, sheet: string) => (id.startsWith(`${sheet}!`) ? id.slice(sheet.length + 1) : id);

/** "Följdfel av D8 och D9", or for the other cell of a pair "Del av samma orsak (D8 och D9)". */
function consequenceText(f: Finding): string {
  const cells = T.cellList((f.causeOf ?? [f.explainedBy!]).map((id) => shortId(id, f.sheet)));
  return f.partOfCause ? T.partOfCause(cells) : T.consequenceOf(cells);
}

/** "Trolig orsak", naming the cause's cells when this entry is one of its följdfel. */
function adviceLabel(f: Finding): string {
  const elsewhere = f.causeCells && !f.causeCells.includes(f.id) ? T.cellList(f.causeCells.map((id) => shortId(id, f.sheet))) : undefined;
  return T.likelyCause(elsewhere, !!f.adviceUncertain);
}

function FindingItem(props: { f: Finding; depth: 0 | 1; current: boolean; tabbable: boolean; n?: number } & Pick<FindingsListProps, 'marks' | 'onSelect' | 'onShowInputs' | 'onReview' | 'onGoTo'>) {
  const { f, current, marks } = props;
  const mark = markOf(marks, f);
  return (
    <div className="sk-finding-row" data-depth={props.depth} data-current={current ? 'true' : undefined}>
      <button
        type="button"
        className="sk-finding"
        data-status={f.status}
        data-address={f.address}
        data-sheet={f.sheet}
        data-id={f.id}
        data-n={props.n}
        aria-current={current ? 'true' : undefined}
        tabIndex={props.tabbable ? 0 : -1}
        onClick={() => props.onSelect(f)}
      >
        <span className="sk-finding-head">
          <StatusBadge status={f.status} label={statusText(f)} />
          <strong>{f.address}</strong>
          {mark && (
            <span className="sk-reviewed" data-testid="reviewed">
              <span aria-hidden="true">✓ </span>
              {T.reviewed}
            </span>
          )}
        </span>
        {props.depth === 1 && f.explainedBy && <span className="sk-consequence">{consequenceText(f)}</span>}
        {f.advice && (
          <span className="sk-advice">
            {adviceLabel(f)}: {f.advice}
          </span>
        )}
        {f.message && <span className="sk-message">{f.message}</span>}
        <Numbers f={f} />
        {f.basis && (
          <span className="sk-basis">
            {T.basis}: {f.basis}
          </span>
        )}
        {mark?.comment && <span className="sk-comment">{T.reviewedBadge(mark.comment)}</span>}
      </button>
      {current && (
        <div className="sk-finding-actions" role="group" aria-label={`${f.address}`}>
          {(f.causeCells ?? [])
            .filter((id) => id !== f.id)
            .map((id) => (
              <Button key={id} size="small" onClick={() => props.onGoTo(id)} data-testid="go-to-cause">
                {T.goTo(shortId(id, f.sheet))}
              </Button>
            ))}
          <Button size="small" onClick={() => props.onShowInputs(f)} disabled={f.inputs.length === 0}>
            {T.showInputs}
          </Button>
          <Button size="small" onClick={() => props.onReview(f)} data-testid="review-button">
            {mark ? T.unmarkReviewed : T.markReviewed}
          </Button>
        </div>
      )}
    </div>
  );
}

const ESTIMATE: Record<Row['kind'], number> = { section: 40, table: 36, finding: 96, okTable: 40, loading: 28 };

export const FindingsList = React.forwardRef<FindingsListHandle, FindingsListProps>(function FindingsList(props, handle) {
  const { rows, currentId } = props;
  const list = React.useRef<VirtualListHandle>(null);
  const box = React.useRef<HTMLDivElement | null>(null);
  // A finding to focus once it is in the list (the rows may change first, e.g. a new filter).
  const pendingFocus = React.useRef<{ id: string; rows: Row[]; scrolled: boolean }>();

  const findingIndexes = React.useMemo(() => rows.flatMap((r, i) => (r.kind === 'finding' ? [i] : [])), [rows]);
  const indexOfId = React.useCallback((id: string) => rows.findIndex((r) => r.kind === 'finding' && r.finding.id === id), [rows]);
  // The one finding reached with Tab (roving focus): the current one, else the first.
  const tabbableId = currentId && indexOfId(currentId) >= 0 ? currentId : findingIndexes.length ? (rows[findingIndexes[0]] as Extract<Row, { kind: 'finding' }>).finding.id : undefined;

  const focusNow = (id: string) => {
    const el = document.querySelector<HTMLButtonElement>(`.sk-findings button.sk-finding[data-id="${CSS.escape(id)}"]`);
    el?.focus({ preventScroll: true });
    return !!el;
  };

  const tryFocus = () => {
    const p = pendingFocus.current;
    if (!p) return;
    const i = indexOfId(p.id);
    if (i < 0) {
      // Not in these rows; give up once the rows it was asked for have been replaced.
      if (p.rows !== rows) pendingFocus.current = undefined;
      return;
    }
    if (!p.scrolled) {
      p.scrolled = true;
      list.current?.scrollToIndex(i);
    }
    if (focusNow(p.id)) pendingFocus.current = undefined;
    else requestAnimationFrame(tryFocus);
  };

  const focusFinding = (id: string) => {
    pendingFocus.current = { id, rows, scrolled: false };
    tryFocus();
  };
  React.useImperativeHandle(handle, () => ({ focusFinding }), [rows]);
  React.useEffect(() => tryFocus());

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('sk-finding')) return;
    const id = target.dataset.id!;
    const at = findingIndexes.indexOf(indexOfId(id));
    let to = -1;
    if (e.key === 'ArrowDown') to = Math.min(findingIndexes.length - 1, at + 1);
    else if (e.key === 'ArrowUp') to = Math.max(0, at - 1);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = findingIndexes.length - 1;
    else return;
    e.preventDefault();
    const row = rows[findingIndexes[to]];
    if (row?.kind === 'finding') focusFinding(row.finding.id);
  };

  const render = (i: number) => {
    const r = rows[i];
    switch (r.kind) {
      case 'section':
        return (
          <h2 className="sk-section" data-status={r.status}>
            <span aria-hidden="true">{STATUS_SYMBOL[r.status]} </span>
            {T.section[r.status](r.count)}
          </h2>
        );
      case 'table':
        return (
          <div className="sk-table-head">
            <h3 className="sk-h3">
              <span className="sk-sheet-name">{r.table.sheet}</span> › {r.table.title}
            </h3>
            {r.actions && r.table.table && (
              <TableActions adapter={props.adapter} sheet={r.table.sheet} table={r.table.table} onMessage={props.onMessage} ask={props.ask} />
            )}
          </div>
        );
      case 'okTable':
        return (
          <div className="sk-table-head sk-ok-table">
            <h3 className="sk-h3">
              <span className="sk-sheet-name">{r.table.sheet}</span> › {r.table.title}
            </h3>
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={r.expanded}
              onClick={() => props.onToggleOk(r.table.key)}
            >
              <span aria-hidden="true">✓ </span>
              {r.expanded ? T.hideOkCells : T.showOkCells}: {T.okInTable(r.table.ok)}
            </Button>
            {r.actions && r.table.table && (
              <TableActions adapter={props.adapter} sheet={r.table.sheet} table={r.table.table} onMessage={props.onMessage} ask={props.ask} />
            )}
          </div>
        );
      case 'loading':
        return <p className="sk-empty">{T.loading}</p>;
      case 'finding':
        return (
          <FindingItem
            f={r.finding}
            depth={r.depth}
            current={r.finding.id === currentId}
            tabbable={r.finding.id === tabbableId}
            n={r.finding.n}
            marks={props.marks}
            onSelect={props.onSelect}
            onShowInputs={props.onShowInputs}
            onReview={props.onReview}
            onGoTo={props.onGoTo}
          />
        );
    }
  };

  const keyOf = React.useCallback((i: number) => rows[i].key, [rows]);
  const estimate = React.useCallback((i: number) => ESTIMATE[rows[i].kind], [rows]);
  const kindOf = React.useCallback((i: number) => rows[i].kind, [rows]);
  return (
    <div ref={box}>
      <VirtualList
        ref={list}
        count={rows.length}
        keyOf={keyOf}
        estimate={estimate}
        kindOf={kindOf}
        render={render}
        label={T.findingsLabel}
        className="sk-findings"
        listClassName="sk-list"
        onKeyDown={onKeyDown}
        testId="findings"
      />
    </div>
  );
});
