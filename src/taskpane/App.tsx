// The task pane, the same for Excel, Word and the browser preview: actions, summary (the
// badges filter the list), next/previous error, what could not be judged, the findings
// problems first, sign-off and export. Host specifics live in the adapter; the preview
// checks in a Web Worker and shows the sheet as a grid.
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import type { CheckRun, HostAdapter } from '../host/hostAdapter';
import type { Phase, PreviewAdapter } from '../preview/previewAdapter';
import { PreviewFile, PreviewSheets, usePreviewState } from '../preview/PreviewPanel';
import { downloadBytes } from '../preview/download';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { FindingsList, type FindingsListHandle } from './FindingsList';
import { buildPaneRun, listRowsInSteps, navigationOrder, okFindings, type Expanded, type Finding, type PaneRun, type Row, type StatusFilter } from './findings';
import { findingsCsv, findingsTable, markOf, parseMarks, serializeMarks, type Marks } from './signoff';
import { Summary } from './Summary';
import { splitQualified } from '../host/inputRanges';
import type { Ask } from './TableActions';
import { T } from '../ui/texts';

interface Notice {
  text: string;
  isError: boolean;
}

type Question = Parameters<Ask>[0];

const errorText = (e: unknown) => T.errorPrefix + (e instanceof Error ? e.message : String(e));
const PHASE_TEXT: Record<Phase, string> = { read: T.phaseRead, check: T.phaseCheck, collect: T.phaseCollect };
const PHASE_VALUE: Record<Phase, number> = { read: 0.15, check: 0.45, collect: 0.9 };

function isXlsx(file: File) {
  return /\.(xlsx|xlsm)$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

export function App({ adapter, preview, startNotice }: { adapter: HostAdapter; preview?: PreviewAdapter; startNotice?: string }) {
  const [run, setRun] = React.useState<PaneRun>();
  const [busy, setBusy] = React.useState(false);
  const [phase, setPhase] = React.useState<Phase>();
  const [notice, setNotice] = React.useState<Notice | undefined>(startNotice ? { text: startNotice, isError: false } : undefined);
  const [filter, setFilter] = React.useState<StatusFilter>('problems');
  const [expanded, setExpanded] = React.useState<Expanded>(new Map());
  const [currentId, setCurrentId] = React.useState<string>();
  const [marks, setMarks] = React.useState<Marks>({});
  const [question, setQuestion] = React.useState<Question>();
  const [reviewing, setReviewing] = React.useState<Finding>();
  const [comment, setComment] = React.useState('');
  const [watching, setWatching] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const stopWatch = React.useRef<() => Promise<void>>();
  const lastCheck = React.useRef<CheckRun>();
  const list = React.useRef<FindingsListHandle>(null);
  const previewState = usePreviewState(preview ?? NO_PREVIEW);
  const message = React.useCallback((text: string, isError = false) => setNotice({ text, isError }), []);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await fn();
    } catch (e) {
      message(errorText(e), true);
    } finally {
      setBusy(false);
      setPhase(undefined);
    }
  };

  const showRun = async (r: PaneRun) => {
    setRun(r);
    setExpanded(new Map());
    setCurrentId(undefined);
    setFilter('problems');
    // Marks from the document; a host that cannot store them keeps this session's.
    if (adapter.loadSignOff) {
      try {
        setMarks(parseMarks(await adapter.loadSignOff()));
      } catch {
        setMarks({});
      }
    }
  };

  const runCheck = async (whole: boolean) => {
    if (preview) {
      await showRun(await preview.checkPane(whole ? undefined : previewState.activeSheet, setPhase));
      return;
    }
    const cr = await (whole ? adapter.checkWorkbook() : adapter.checkActiveSheet());
    lastCheck.current = cr;
    await showRun(buildPaneRun(cr.workbook, cr.result, cr.skipped));
  };
  const check = (whole: boolean) => act(() => runCheck(whole));

  const clear = () =>
    act(async () => {
      setRun(undefined);
      setCurrentId(undefined);
      await adapter.clearStatusColours();
      message(T.cleared);
    });

  const openFile = (file: File) =>
    act(async () => {
      if (!preview) return;
      setRun(undefined);
      setCurrentId(undefined);
      setPhase('read');
      try {
        await preview.openFile(new Uint8Array(await file.arrayBuffer()), file.name, setPhase);
      } catch (e) {
        return message(T.openFailed(file.name, e instanceof Error ? e.message : String(e)), true);
      }
      await runCheck(true);
      setNotice({ text: T.fileOpened(file.name), isError: false });
    }).then(() => undefined);

  const download = () =>
    act(async () => {
      if (!preview) return;
      downloadBytes(await preview.download(), preview.colouredFileName());
    });

  const select = React.useCallback(
    (f: Finding, focusList = false) => {
      setCurrentId(f.id);
      if (focusList) list.current?.focusFinding(f.id);
      adapter.select(f.sheet, f.address).catch((e) => message(errorText(e), true));
    },
    [adapter, message],
  );

  const nav = React.useMemo(() => (run ? navigationOrder(run) : []), [run]);
  const navIndex = React.useMemo(() => (currentId ? nav.findIndex((f) => f.id === currentId) : -1), [nav, currentId]);
  const go = (step: 1 | -1) => {
    if (!nav.length) return message(T.noProblems);
    if (filter === 'ok') setFilter('problems');
    const i = navIndex < 0 ? (step === 1 ? 0 : nav.length - 1) : (navIndex + step + nav.length) % nav.length;
    const f = nav[i];
    if (filter !== 'problems' && filter !== f.status) setFilter('problems');
    select(f, true);
  };
  // F8 / Shift+F8 anywhere in the pane, as Excel's error checking moves to the next error.
  const goRef = React.useRef(go);
  goRef.current = go;
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey) return;
      if (!document.querySelector('[data-testid="summary"]') || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      e.preventDefault();
      goRef.current(e.shiftKey ? -1 : 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Gå till a cell of a cause: its finding when it has one, else the cell itself (a part no check colours).
  const goTo = (id: string) => {
    const f = run?.problems.find((x) => x.id === id);
    if (f) return select(f, true);
    const bang = id.lastIndexOf('!');
    adapter.select(id.slice(0, bang), id.slice(bang + 1)).catch((e) => message(errorText(e), true));
  };

  const showInputs = (f: Finding) => {
    setCurrentId(f.id);
    if (!f.inputs.length) return message(T.noInputs);
    // A host without selectRanges selects the first input's first cell.
    const first = (sheet: string, refs: string[]) => {
      const p = splitQualified(refs[0], sheet);
      return adapter.select(p.sheet, p.range.split(':')[0]);
    };
    const fn = adapter.selectRanges ?? first;
    fn.call(adapter, f.sheet, f.inputs).then(
      () => message(T.inputsShown(f.inputs.length)),
      (e) => message(errorText(e), true),
    );
  };

  const saveMarks = async (next: Marks) => {
    setMarks(next);
    try {
      await adapter.saveSignOff?.(serializeMarks(next));
    } catch (e) {
      message(errorText(e), true);
    }
  };
  const review = (f: Finding) => {
    if (markOf(marks, f)) {
      const next = { ...marks };
      delete next[f.id];
      void saveMarks(next).then(() => message(T.reviewRemoved(f.address)));
      return;
    }
    setComment('');
    setReviewing(f);
  };
  const confirmReview = () => {
    const f = reviewing;
    setReviewing(undefined);
    if (!f) return;
    void saveMarks({ ...marks, [f.id]: { comment: comment.trim(), actual: f.actual, at: new Date().toISOString() } }).then(() => {
      message(T.reviewSaved(f.address));
      list.current?.focusFinding(f.id);
    });
  };

  const exportFindings = () =>
    act(async () => {
      if (!run) return;
      const csv = findingsCsv(run, marks);
      const base = (previewState.fileName ?? 'summakoll').replace(/\.(xlsx|xlsm)$/i, '');
      downloadBytes(new TextEncoder().encode(csv), `${base}-fynd.csv`, 'text/csv;charset=utf-8');
      try {
        await copyToClipboard(findingsTable(run, marks));
        message(T.exportDone(run.problems.length));
      } catch {
        message(T.exportCsvOnly(run.problems.length));
      }
    });

  const toggleOk = (key: string) => {
    const next = new Map(expanded);
    if (next.has(key)) {
      next.delete(key);
      setExpanded(next);
      return;
    }
    next.set(key, 'loading');
    setExpanded(next);
    const load = preview
      ? preview.okFindings(key)
      : Promise.resolve(lastCheck.current ? okFindings(lastCheck.current.workbook, lastCheck.current.result, key) : []);
    load.then(
      (found) => setExpanded((m) => (m.get(key) === 'loading' ? new Map(m).set(key, found) : m)),
      (e) => message(errorText(e), true),
    );
  };

  const toggleWatch = async (on: boolean) => {
    if (!adapter.watchChanges) return;
    try {
      if (on)
        stopWatch.current = await adapter.watchChanges((r) => {
          lastCheck.current = r;
          setRun(buildPaneRun(r.workbook, r.result, r.skipped));
        });
      else await stopWatch.current?.();
      setWatching(on);
    } catch (e) {
      message(errorText(e), true);
    }
  };
  React.useEffect(() => () => void stopWatch.current?.(), []);

  const ask: Ask = React.useCallback((q) => setQuestion(q), []);
  const { rows, ready: rowsReady } = useListRows(run, filter, expanded);
  const notes = React.useMemo(() => (run ? run.sheets.flatMap((s) => s.notes.map((n) => ({ sheet: s.name, note: n }))) : []), [run]);
  const reviewedCount = React.useMemo(() => (run && Object.keys(marks).length ? run.problems.filter((f) => markOf(marks, f)).length : 0), [run, marks]);
  const hasWorkbook = !preview || !!previewState.sheets;

  const dropProps = preview
    ? {
        onDragOver: (e: React.DragEvent) => {
          if (![...e.dataTransfer.types].includes('Files')) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        },
        onDragLeave: (e: React.DragEvent) => {
          if (e.currentTarget === e.target) setDragging(false);
        },
        onDrop: (e: React.DragEvent) => {
          e.preventDefault();
          setDragging(false);
          const files = [...e.dataTransfer.files];
          if (files.length !== 1) return message(T.dropOnlyOne, true);
          if (!isXlsx(files[0])) return message(T.openFailed(files[0].name, T.dropOnlyOne), true);
          void openFile(files[0]);
        },
      }
    : {};

  return (
    <main className="sk-app" data-preview={preview ? 'true' : undefined} data-dragging={dragging ? 'true' : undefined} {...dropProps}>
      <h1 className="sk-h1">{T.title}</h1>
      {dragging && (
        <div className="sk-drop" aria-hidden="true">
          {T.dropHere}
        </div>
      )}
      {preview && <PreviewFile state={previewState} busy={busy} onFile={(f) => void openFile(f)} onDownload={download} />}
      <div className="sk-body">
        <div className="sk-side">
          {hasWorkbook && (
            <div className="sk-row" role="group" aria-label={T.actionsLabel}>
              <Button appearance="primary" disabled={busy} onClick={() => check(true)}>
                {T.checkWorkbook}
              </Button>
              <Button disabled={busy} onClick={() => check(false)}>
                {T.checkSheet}
              </Button>
              <Button disabled={busy || !run} onClick={clear}>
                {T.clearColours}
              </Button>
            </div>
          )}
          {adapter.watchChanges && <Switch checked={watching} onChange={(_, d) => void toggleWatch(d.checked)} label={T.watch} />}
          {busy &&
            (phase ? (
              <div className="sk-progress" data-testid="progress">
                <ProgressBar value={PHASE_VALUE[phase]} aria-label={T.progressLabel} />
                <span role="status">{PHASE_TEXT[phase]}</span>
              </div>
            ) : (
              <Spinner size="tiny" label={T.working} />
            ))}
          {notice && (
            <MessageBar intent={notice.isError ? 'error' : 'info'} layout="multiline" role={notice.isError ? 'alert' : 'status'} data-testid="notice">
              <MessageBarBody className="sk-notice-body">{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {!run && !busy && !notice && !preview && <p className="sk-empty">{T.noResultYet}</p>}
          {run && (
            <>
              <Summary summary={run.summary} filter={filter} onFilter={setFilter} />
              {run.skipped.length > 0 && (
                <section aria-label={T.skippedHeading}>
                  <h2 className="sk-h2">{T.skippedHeading}</h2>
                  <ul>
                    {run.skipped.map((s) => (
                      <li key={s.sheet}>
                        <strong>{s.sheet}</strong>: {s.reason}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {(nav.length > 0 || run.problems.length > 0) && (
                <div className="sk-row sk-nav" role="toolbar" aria-label={T.navLabel}>
                  <Button size="small" onClick={() => go(-1)} aria-keyshortcuts="Shift+F8" title={`${T.previousError} (${T.previousShortcut})`}>
                    {T.previousError}
                  </Button>
                  <Button size="small" onClick={() => go(1)} aria-keyshortcuts="F8" title={`${T.nextError} (${T.nextShortcut})`}>
                    {T.nextError}
                  </Button>
                  <span className="sk-position" aria-live="polite" data-testid="position">
                    {navIndex >= 0 ? T.position(navIndex + 1, nav.length) : ''}
                  </span>
                  <Button size="small" onClick={exportFindings} disabled={busy}>
                    {T.exportFindings}
                  </Button>
                  {reviewedCount > 0 && <span className="sk-reviewed-count">{T.reviewedCount(reviewedCount, run.problems.length)}</span>}
                </div>
              )}
              {notes.length > 0 && <Notes notes={notes} />}
              {run.summary.cells === 0 ? (
                <p className="sk-empty">{T.noCells}</p>
              ) : rows.length || !rowsReady ? (
                <FindingsList
                  ref={list}
                  rows={rows}
                  currentId={currentId}
                  marks={marks}
                  adapter={adapter}
                  onSelect={(f) => select(f)}
                  onShowInputs={showInputs}
                  onGoTo={goTo}
                  onReview={review}
                  onToggleOk={toggleOk}
                  onMessage={message}
                  ask={ask}
                />
              ) : (
                <p className="sk-empty">{T.noMatches}</p>
              )}
            </>
          )}
        </div>
        {preview && <PreviewSheets adapter={preview} state={previewState} />}
      </div>

      <Dialog open={!!question} onOpenChange={(_, d) => !d.open && setQuestion(undefined)}>
        <DialogSurface aria-label={question?.title} aria-describedby="sk-question-text">
          <DialogBody>
            <DialogTitle>{question?.title}</DialogTitle>
            <DialogContent id="sk-question-text">{question?.text}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const q = question;
                  setQuestion(undefined);
                  q?.onYes();
                }}
              >
                {question?.yes}
              </Button>
              <Button onClick={() => setQuestion(undefined)}>{T.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={!!reviewing} onOpenChange={(_, d) => !d.open && setReviewing(undefined)}>
        <DialogSurface aria-label={reviewing ? T.reviewDialogTitle(reviewing.address) : T.reviewed}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              confirmReview();
            }}
          >
            <DialogBody>
              <DialogTitle>{reviewing ? T.reviewDialogTitle(reviewing.address) : ''}</DialogTitle>
              <DialogContent>
                <p>{reviewing?.message}</p>
                <Field label={T.comment}>
                  <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" data-testid="review-comment" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit">
                  {T.saveReview}
                </Button>
                <Button onClick={() => setReviewing(undefined)}>{T.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

/**
 * The list's rows, built in slices of about 10 ms: a run with tens of thousands of findings
 * never holds the page in one long task. A small run is done before the first paint; while a
 * large one is built the previous rows stay (or none for a new run).
 */
const NO_ROWS: Row[] = [];
const MAX_NOTES = 200;

/** What could not be judged, apart from the findings; drawn only when opened, at most 200. */
function Notes({ notes }: { notes: { sheet: string; note: string }[] }) {
  const [open, setOpen] = React.useState(false);
  return (
    <details className="sk-notes" data-testid="notes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{T.notesHeading(notes.length)}</summary>
      {open && (
        <>
          <p>{T.notesIntro}</p>
          <ul>
            {notes.slice(0, MAX_NOTES).map((n, i) => (
              <li key={i}>
                <strong>{n.sheet}</strong>: {n.note}
              </li>
            ))}
          </ul>
          {notes.length > MAX_NOTES && <p>{T.notesShown(MAX_NOTES, notes.length)}</p>}
        </>
      )}
    </details>
  );
}

function useListRows(run: PaneRun | undefined, filter: StatusFilter, expanded: Expanded): { rows: Row[]; ready: boolean } {
  const [built, setBuilt] = React.useState<{ run?: PaneRun; filter?: StatusFilter; expanded?: Expanded; rows: Row[] }>({ rows: [] });
  React.useLayoutEffect(() => {
    if (!run) {
      setBuilt({ rows: [] });
      return;
    }
    const steps = listRowsInSteps(run, filter, expanded);
    let cancelled = false;
    const slice = () => {
      if (cancelled) return;
      const start = performance.now();
      let r = steps.next();
      while (!r.done && performance.now() - start < 10) r = steps.next();
      if (r.done) setBuilt({ run, filter, expanded, rows: r.value });
      else setTimeout(slice, 0);
    };
    slice();
    return () => {
      cancelled = true;
    };
  }, [run, filter, expanded]);
  const same = built.run === run;
  return { rows: same ? built.rows : NO_ROWS, ready: same && built.filter === filter && built.expanded === expanded };
}

/** Stands in for the preview adapter outside the preview (hooks must always run). */
const NO_PREVIEW = {
  getState: () => ({ checked: false, version: 0 }),
  subscribe: () => () => undefined,
} as unknown as PreviewAdapter;
