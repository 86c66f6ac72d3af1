// Browser preview: open an .xlsx (button or drag and drop onto the pane), download the
// coloured copy, pick a sheet (tabs; those that do not fit go into a menu) and see
// the grid with status colours.
import * as React from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
} from '@fluentui/react-components';
import { parseCellAddress } from '../engine';
import type { PreviewAdapter, PreviewState, SheetMeta } from './previewAdapter';
import { SheetGrid } from './SheetGrid';
import { T } from '../ui/texts';

export function usePreviewState(adapter: PreviewAdapter): PreviewState {
  const [state, setState] = React.useState(adapter.getState());
  React.useEffect(() => adapter.subscribe(setState), [adapter]);
  return state;
}

/** The file controls: "Öppna .xlsx-fil" is the primary action until a workbook is open. */
export function PreviewFile(props: { state: PreviewState; busy: boolean; onFile: (file: File) => void; onDownload: () => void }) {
  const { state, busy } = props;
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <section className="sk-preview" aria-label={T.previewLabel}>
      <p className="sk-intro">{T.previewIntro}</p>
      <div className="sk-row">
        <input
          ref={input}
          id="sk-file"
          type="file"
          hidden
          aria-label={T.fileInputLabel}
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) props.onFile(file);
          }}
        />
        <Button appearance={state.sheets ? 'secondary' : 'primary'} disabled={busy} onClick={() => input.current?.click()}>
          {T.openFile}
        </Button>
        {state.checked && (
          <Button disabled={busy} onClick={props.onDownload}>
            {T.download}
          </Button>
        )}
        {state.fileName && (
          <span className="sk-file-name" data-testid="file-name">
            {state.fileName}
          </span>
        )}
      </div>
    </section>
  );
}

/** A tab's width estimated from its text (small tabs): measuring each tab would force layouts. */
const tabWidth = (name: string) => 24 + 7.6 * name.length;
const MENU_WIDTH = 110;

/** The sheets that fit in `width` as tabs (always the active one); the rest go in the menu. */
export function visibleSheets(names: string[], active: string, width: number): string[] {
  const total = names.reduce((w, n) => w + tabWidth(n), 0);
  if (total <= width) return names;
  const room = width - MENU_WIDTH;
  const shown: string[] = [];
  let used = 0;
  for (const n of names) {
    if (used + tabWidth(n) > room) break;
    shown.push(n);
    used += tabWidth(n);
  }
  if (!shown.includes(active)) {
    while (shown.length && used + tabWidth(active) > room) used -= tabWidth(shown.pop()!);
    shown.push(active);
  }
  return names.filter((n) => shown.includes(n));
}

/** The sheet tabs; rendered again only when the sheets, the active one or the width change. */
const SheetTabs = React.memo(function SheetTabs({ adapter, names, active }: { adapter: PreviewAdapter; names: string[]; active: string }) {
  const row = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(0);
  React.useEffect(() => {
    const el = row.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[entries.length - 1].contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Until the width is known, only the active tab (never wider than the pane).
  const shown = width ? visibleSheets(names, active, width) : [active];
  const hidden = names.filter((n) => !shown.includes(n));
  return (
    // The menu button is beside the tab list, not in it: a tablist holds only tabs.
    <div className="sk-tabs-row" ref={row}>
      <TabList className="sk-tabs" selectedValue={active} onTabSelect={(_, d) => adapter.showSheet(String(d.value))} aria-label={T.sheetTabsLabel} size="small">
        {shown.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      {hidden.length > 0 && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" className="sk-more-sheets" data-testid="more-sheets">
              {T.moreSheets(hidden.length)}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {hidden.map((n) => (
                <MenuItem key={n} onClick={() => adapter.showSheet(n)}>
                  {n}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </div>
  );
});

const NAMES = new WeakMap<SheetMeta[], string[]>();
/** The same array of names for the same sheets, so the memoised tabs see no change. */
function sheetNames(sheets: SheetMeta[]): string[] {
  let n = NAMES.get(sheets);
  if (!n) NAMES.set(sheets, (n = sheets.map((s) => s.name)));
  return n;
}

/** Sheet tabs and the grid of the active sheet. */
export function PreviewSheets({ adapter, state }: { adapter: PreviewAdapter; state: PreviewState }) {
  const sheets = state.sheets;
  // A new workbook's grid is drawn one task after its tabs: two short tasks, not one long.
  const [gridFor, setGridFor] = React.useState<SheetMeta[]>();
  React.useEffect(() => {
    if (!sheets) return;
    const t = setTimeout(() => setGridFor(sheets), 0);
    return () => clearTimeout(t);
  }, [sheets]);
  if (!sheets?.length) return null;
  const sheet = sheets.find((s) => s.name === state.activeSheet) ?? sheets[0];
  const sel = state.selected?.sheet === sheet.name ? parseCellAddress(state.selected.address) : null;
  return (
    <section className="sk-sheets" aria-label={T.sheetTabsLabel}>
      <SheetTabs adapter={adapter} names={sheetNames(sheets)} active={sheet.name} />
      {gridFor === sheets && (
        <SheetGrid
          adapter={adapter}
          sheet={sheet}
          version={state.version}
          selected={sel ? { row: sel.r, col: sel.c, address: state.selected!.address } : undefined}
          inputs={state.inputs?.sheet === sheet.name ? state.inputs.boxes : undefined}
        />
      )}
    </section>
  );
}
