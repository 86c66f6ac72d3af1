// Per-table actions. "Kopiera till Word" appears only when the host can produce the
// table's HTML and text (adapter.tableForCopy); more actions can be added here.
// A table with red cells is copied only after the user confirmed (an inline question:
// window.confirm is blocked in Office's iframe).
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { TableInfo } from '../engine';
import type { HostAdapter } from '../host/hostAdapter';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { confirmCopyText } from '../clipboard/tableForCopy';
import { T } from '../ui/texts';

type Content = { html: string; text: string; errorCells?: number };

export function TableActions(props: {
  adapter: HostAdapter;
  sheet: string;
  table: TableInfo;
  onMessage: (text: string, isError?: boolean) => void;
}) {
  const { adapter, sheet, table, onMessage } = props;
  const [pending, setPending] = React.useState<Content | null>(null);
  if (!adapter.tableForCopy) return null;

  const put = async (content: Content) => {
    setPending(null);
    try {
      await copyToClipboard(content);
      onMessage(T.copied);
    } catch (e) {
      onMessage(T.errorPrefix + (e instanceof Error ? e.message : String(e)), true);
    }
  };
  const copy = async () => {
    try {
      const content: Content = await adapter.tableForCopy!(sheet, table);
      if ((content.errorCells ?? 0) > 0) setPending(content);
      else await put(content);
    } catch (e) {
      onMessage(T.errorPrefix + (e instanceof Error ? e.message : String(e)), true);
    }
  };
  return (
    <>
      <Button size="small" onClick={copy} aria-label={`${T.copyToWord}: ${table.title || table.range}`}>
        {T.copyToWord}
      </Button>
      {pending && (
        <div role="alertdialog" aria-label={T.copyToWord} className="confirm-copy">
          <p>{confirmCopyText(pending.errorCells ?? 0)}</p>
          <Button size="small" appearance="primary" onClick={() => void put(pending)}>
            {T.copyAnyway}
          </Button>{' '}
          <Button size="small" onClick={() => setPending(null)}>
            {T.cancel}
          </Button>
        </div>
      )}
    </>
  );
}
