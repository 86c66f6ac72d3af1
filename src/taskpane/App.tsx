// The task pane, the same for Excel, Word and the browser preview: actions, summary,
// status filter and findings. Host specifics live in the adapter.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Switch } from '@fluentui/react-components';
import type { CheckRun, HostAdapter } from '../host/hostAdapter';
import type { PreviewAdapter } from '../preview/previewAdapter';
import { PreviewPanel } from '../preview/PreviewPanel';
import { FindingsList } from './FindingsList';
import { groupFindings, type Finding, type StatusFilter } from './findings';
import { Summary } from './Summary';
import { STATUS_LABEL, T } from '../ui/texts';

interface Notice {
  text: string;
  isError: boolean;
}

const errorText = (e: unknown) => T.errorPrefix + (e instanceof Error ? e.message : String(e));

export function App({ adapter, preview }: { adapter: HostAdapter; preview?: PreviewAdapter }) {
  const [run, setRun] = React.useState<CheckRun>();
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>();
  const [filter, setFilter] = React.useState<StatusFilter>('all');
  const [watching, setWatching] = React.useState(false);
  const stopWatch = React.useRef<() => Promise<void>>();
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
    }
  };

  const check = (whole: boolean) => act(async () => setRun(await (whole ? adapter.checkWorkbook() : adapter.checkActiveSheet())));
  const clear = () =>
    act(async () => {
      setRun(undefined);
      await adapter.clearStatusColours();
      message(T.cleared);
    });
  const select = (f: Finding) => adapter.select(f.sheet, f.address).catch((e) => message(errorText(e), true));

  const toggleWatch = async (on: boolean) => {
    if (!adapter.watchChanges) return;
    try {
      if (on) stopWatch.current = await adapter.watchChanges((r) => setRun(r));
      else await stopWatch.current?.();
      setWatching(on);
    } catch (e) {
      message(errorText(e), true);
    }
  };
  React.useEffect(() => () => void stopWatch.current?.(), []);

  const groups = run ? groupFindings(run.result, filter) : [];
  return (
    <main className="sk-app">
      <h1 className="sk-h1">{T.title}</h1>
      {preview && <PreviewPanel adapter={preview} onMessage={message} onOpened={() => setRun(undefined)} />}
      <div className="sk-row" role="group" aria-label={T.actionsLabel}>
        <Button appearance="primary" disabled={busy} onClick={() => check(true)}>
          {T.checkWorkbook}
        </Button>
        <Button disabled={busy} onClick={() => check(false)}>
          {T.checkSheet}
        </Button>
        <Button disabled={busy} onClick={clear}>
          {T.clearColours}
        </Button>
      </div>
      {adapter.watchChanges && <Switch checked={watching} onChange={(_, d) => void toggleWatch(d.checked)} label={T.watch} />}
      {busy && <Spinner size="tiny" label={T.working} />}
      {notice && (
        <MessageBar intent={notice.isError ? 'error' : 'info'} role={notice.isError ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {!run && !busy && !notice && <p className="sk-empty">{T.noResultYet}</p>}
      {run && (
        <>
          <Summary summary={run.result.summary} />
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
          {run.result.summary.cells === 0 && run.result.sheets.every((s) => s.cells.length === 0) ? (
            <p className="sk-empty">{T.noCells}</p>
          ) : (
            <>
              <RadioGroup layout="horizontal" value={filter} onChange={(_, d) => setFilter(d.value as StatusFilter)} aria-label={T.filterLabel}>
                <Radio value="all" label={T.filterAll} />
                <Radio value="error" label={STATUS_LABEL.error} />
                <Radio value="warning" label={STATUS_LABEL.warning} />
                <Radio value="ok" label={STATUS_LABEL.ok} />
              </RadioGroup>
              {groups.length ? (
                <FindingsList groups={groups} adapter={adapter} onSelect={select} onMessage={message} />
              ) : (
                <p className="sk-empty">{T.noMatches}</p>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
