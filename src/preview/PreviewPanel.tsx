// Browser preview: open an .xlsx (button or drag and drop onto the pane), download the
// coloured copy, pick a sheet (tabs that overflow into a menu on a narrow pane) and see
// the grid with status colours.
import * as React from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
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

function OverflowSheet({ name, onPick }: { name: string; onPick: (name: string) => void }) {
  const visible = useIsOverflowItemVisible(name);
  if (visible) return null;
  return <MenuItem onClick={() => onPick(name)}>{name}</MenuItem>;
}

function MoreSheets({ names, onPick }: { names: string[]; onPick: (name: string) => void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" className="sk-more-sheets" data-testid="more-sheets">
          {T.moreSheets(overflowCount)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {names.map((n) => (
            <OverflowSheet key={n} name={n} onPick={onPick} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** The sheet tabs; rendered again only when the sheets or the active one change. */
const SheetTabs = React.memo(function SheetTabs({ adapter, names, active }: { adapter: PreviewAdapter; names: string[]; active: string }) {
  return (
    <Overflow minimumVisible={1} padding={8}>
      {/* The menu button is beside the tab list, not in it: a tablist holds only tabs. */}
      <div className="sk-tabs-row">
        <TabList className="sk-tabs" selectedValue={active} onTabSelect={(_, d) => adapter.showSheet(String(d.value))} aria-label={T.sheetTabsLabel} size="small">
          {names.map((n) => (
            <OverflowItem key={n} id={n} priority={n === active ? 2 : 1}>
              <Tab value={n}>{n}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreSheets names={names} onPick={(n) => adapter.showSheet(n)} />
      </div>
    </Overflow>
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
