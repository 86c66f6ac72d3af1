// Per-table actions. "Kopiera till Word" appears only when the host can produce the
// table's HTML and text (adapter.tableForCopy); more actions can be added here.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { TableInfo } from '../engine/types';
import type { HostAdapter } from '../host/hostAdapter';
import { T } from './texts';

async function writeClipboard(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
    ]);
  } else {
    await navigator.clipboard.writeText(text);
  }
}

export function TableActions(props: {
  adapter: HostAdapter;
  sheet: string;
  table: TableInfo;
  onMessage: (text: string, isError?: boolean) => void;
}) {
  const { adapter, sheet, table, onMessage } = props;
  if (!adapter.tableForCopy) return null;
  const copy = async () => {
    try {
      const { html, text } = await adapter.tableForCopy!(sheet, table);
      await writeClipboard(html, text);
      onMessage(T.copied);
    } catch (e) {
      onMessage(T.errorPrefix + (e instanceof Error ? e.message : String(e)), true);
    }
  };
  return (
    <Button size="small" onClick={copy} aria-label={`${T.copyToWord}: ${table.title || table.range}`}>
      {T.copyToWord}
    </Button>
  );
}
