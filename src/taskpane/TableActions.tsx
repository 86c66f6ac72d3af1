// Per-table actions. "Kopiera till Word" appears only when the host can produce the
// table's HTML and text (adapter.tableForCopy). A table with red cells is copied only after
// the user confirmed in a dialog (window.confirm is blocked in Office's iframe); the dialog
// lives in the App, so it survives the list scrolling this row away.
import { Button } from '@fluentui/react-components';
import type { TableInfo } from '../engine';
import type { HostAdapter } from '../host/hostAdapter';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { T } from '../ui/texts';

/** Ask a yes/no question in a dialog; `onYes` runs when the user confirms. */
export type Ask = (question: { title: string; text: string; yes: string; onYes: () => void }) => void;

type Content = { html: string; text: string; errorCells?: number };

export function TableActions(props: { adapter: HostAdapter; sheet: string; table: TableInfo; onMessage: (text: string, isError?: boolean) => void; ask: Ask }) {
  const { adapter, sheet, table, onMessage, ask } = props;
  if (!adapter.tableForCopy) return null;

  const fail = (e: unknown) => onMessage(T.errorPrefix + (e instanceof Error ? e.message : String(e)), true);
  const put = async (content: Content) => {
    try {
      await copyToClipboard(content);
      onMessage(T.copied);
    } catch (e) {
      fail(e);
    }
  };
  const copy = async () => {
    try {
      const content: Content = await adapter.tableForCopy!(sheet, table);
      if ((content.errorCells ?? 0) > 0) ask({ title: T.copyToWord, text: T.confirmCopy(content.errorCells ?? 0), yes: T.copyAnyway, onYes: () => void put(content) });
      else await put(content);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Button size="small" onClick={copy} aria-label={`${T.copyToWord}: ${table.title || table.range}`}>
      {T.copyToWord}
    </Button>
  );
}
