// Browser preview: open an .xlsx, pick a sheet, see the grid with status colours, and
// download the coloured copy.
import * as React from 'react';
import { Button, Tab, TabList } from '@fluentui/react-components';
import type { PreviewAdapter, PreviewState } from './previewAdapter';
import { SheetGrid } from './SheetGrid';
import { downloadBytes } from './download';
import { T } from '../ui/texts';

function usePreviewState(adapter: PreviewAdapter): PreviewState {
  const [state, setState] = React.useState(adapter.getState());
  React.useEffect(() => adapter.subscribe(setState), [adapter]);
  return state;
}

export function PreviewPanel(props: { adapter: PreviewAdapter; onMessage: (text: string, isError?: boolean) => void; onOpened: () => void }) {
  const { adapter, onMessage, onOpened } = props;
  const state = usePreviewState(adapter);
  const input = React.useRef<HTMLInputElement>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      adapter.openFile(new Uint8Array(await file.arrayBuffer()), file.name);
      onOpened();
      onMessage(T.fileOpened(file.name));
    } catch (e) {
      onMessage(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, true);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const download = () => {
    try {
      const bytes = adapter.colouredCopy();
      if (!bytes) return onMessage(T.checkBeforeDownload, true);
      downloadBytes(bytes, adapter.colouredFileName());
    } catch (e) {
      onMessage(T.errorPrefix + (e instanceof Error ? e.message : String(e)), true);
    }
  };

  const sheet = state.workbook?.sheets.find((s) => s.name === state.activeSheet);
  const sheetResult = state.result?.sheets.find((s) => s.name === state.activeSheet);
  return (
    <section className="sk-preview" aria-label={T.previewLabel}>
      <p>{T.previewIntro}</p>
      <div className="sk-row">
        <input
          ref={input}
          id="sk-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sk-visually-hidden"
          onChange={(e) => void open(e.target.files?.[0])}
        />
        <Button onClick={() => input.current?.click()}>{T.openFile}</Button>
        <Button disabled={!state.result} onClick={download}>
          {T.download}
        </Button>
        {state.fileName && <span data-testid="file-name">{state.fileName}</span>}
      </div>
      {state.workbook && (
        <TabList selectedValue={state.activeSheet} onTabSelect={(_, d) => adapter.showSheet(String(d.value))} aria-label={T.sheetTabsLabel}>
          {state.workbook.sheets.map((s) => (
            <Tab key={s.name} value={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
      )}
      {sheet && (
        <SheetGrid
          sheet={sheet}
          result={sheetResult}
          selected={state.selected?.sheet === sheet.name ? state.selected.address : undefined}
        />
      )}
    </section>
  );
}
