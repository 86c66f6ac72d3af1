// One sheet as a virtualised grid with the status colours: only the rows and columns in view
// are fetched from the worker and drawn, so any cell of a million-cell sheet can be shown.
// The grid is a focusable region (arrow keys and Page Up/Down scroll it). Checked cells carry
// data-status and their status in the accessible name, so colour is never the only signal;
// the selected cell is outlined and "Visa indata" cells are marked, without taking focus.
import * as React from 'react';
import { cellAddress, columnName, STATUS_COLOURS } from '../engine';
import type { Status } from '../engine';
import type { CellBox, GridWindow, PreviewAdapter, SheetMeta } from './previewAdapter';
import { STATUS_LABEL, STATUS_SYMBOL, T } from '../ui/texts';

export const ROW_H = 24;
export const COL_W = 96;
export const HEAD_W = 56;
const STATUS_OF: (Status | undefined)[] = [undefined, 'ok', 'warning', 'error'];

const inBoxes = (boxes: CellBox[] | undefined, r: number, c: number) => !!boxes?.some((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);

export function SheetGrid(props: {
  adapter: PreviewAdapter;
  sheet: SheetMeta;
  version: number;
  selected?: { row: number; col: number; address: string };
  inputs?: CellBox[];
}) {
  const { adapter, sheet, version, selected, inputs } = props;
  const wrap = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({ top: 0, left: 0, height: 400, width: 600 });
  const [data, setData] = React.useState<GridWindow>();
  const rows = Math.max(1, sheet.rows);
  const cols = Math.max(1, sheet.cols);

  const measure = React.useCallback(() => {
    const el = wrap.current;
    if (el) setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight || 400, width: el.clientWidth || 600 });
  }, []);
  // The box's size from a ResizeObserver (after layout), never a forced layout during render.
  React.useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      setView((v) => ({ ...v, height: r.height || 400, width: r.width || 600 }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Show the first input cell after "Visa indata", else the selected cell: scroll only, never move focus.
  const target = inputs?.length ? { row: inputs[0].r0, col: inputs[0].c0 } : selected;
  React.useEffect(() => {
    const el = wrap.current;
    if (!el || !target) return;
    const y = ROW_H + target.row * ROW_H;
    const x = HEAD_W + target.col * COL_W;
    if (y - ROW_H < el.scrollTop || y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    if (x - HEAD_W < el.scrollLeft || x + COL_W > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, x - HEAD_W - COL_W);
    measure();
  }, [target?.row, target?.col, sheet.name, measure]);

  const r0 = Math.max(0, Math.floor(view.top / ROW_H) - 5);
  const r1 = Math.min(rows - 1, Math.ceil((view.top + view.height) / ROW_H) + 5);
  const c0 = Math.max(0, Math.floor(view.left / COL_W) - 1);
  const c1 = Math.min(cols - 1, Math.ceil((view.left + view.width) / COL_W) + 1);

  React.useEffect(() => {
    let live = true;
    adapter.gridWindow(sheet.name, r0, r1, c0, c1).then(
      (w) => live && setData(w),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [adapter, sheet.name, r0, r1, c0, c1, version]);

  const shown = data && data.sheet === sheet.name ? data : undefined;
  const colRange: number[] = [];
  for (let c = c0; c <= c1; c++) colRange.push(c);
  const bodyRows: React.ReactNode[] = [];
  for (let r = r0; r <= r1; r++) {
    bodyRows.push(
      <tr key={r} style={{ height: ROW_H }}>
        <th scope="row" className="sk-row-head">
          {r + 1}
        </th>
        {c0 > 0 && <td className="sk-spacer" aria-hidden="true" />}
        {colRange.map((c) => {
          const address = cellAddress(r, c);
          const w = shown && r >= shown.r0 && r < shown.r0 + shown.rows && c >= shown.c0 && c < shown.c0 + shown.cols ? shown : undefined;
          const i = w ? (r - w.r0) * w.cols + (c - w.c0) : -1;
          const text = w ? w.text[i] : '';
          const status = w ? STATUS_OF[w.status[i]] : undefined;
          const isSelected = selected?.row === r && selected.col === c;
          const isInput = inBoxes(inputs, r, c);
          const colours = status ? STATUS_COLOURS[status] : undefined;
          return (
            <td
              key={c}
              data-address={address}
              data-status={status}
              data-selected={isSelected ? 'true' : undefined}
              data-input={isInput ? 'true' : undefined}
              className={[isSelected ? 'sk-selected' : '', isInput ? 'sk-input' : '', w && w.isText[i] ? 'sk-text' : ''].filter(Boolean).join(' ') || undefined}
              style={colours ? { backgroundColor: colours.fill, color: colours.font } : undefined}
              title={text || undefined}
            >
              {status && <span className="sk-cell-mark">{STATUS_SYMBOL[status]}</span>}
              {text}
              {status && <span className="sk-visually-hidden">, {STATUS_LABEL[status]}</span>}
              {isInput && <span className="sk-visually-hidden">, {T.showInputs}</span>}
            </td>
          );
        })}
      </tr>,
    );
  }

  return (
    <div
      ref={wrap}
      className="sk-grid-wrap"
      tabIndex={0}
      role="region"
      aria-label={T.gridLabel(sheet.name)}
      onScroll={measure}
      data-testid="grid-wrap"
    >
      <div style={{ height: ROW_H + rows * ROW_H, width: HEAD_W + cols * COL_W, position: 'relative' }}>
        <table
          className="sk-grid"
          data-testid="grid"
          data-sheet={sheet.name}
          style={{ position: 'absolute', top: 0, left: 0, width: HEAD_W + (c0 > 0 ? c0 * COL_W : 0) + colRange.length * COL_W }}
        >
          <colgroup>
            <col style={{ width: HEAD_W }} />
            {c0 > 0 && <col style={{ width: c0 * COL_W }} />}
            {colRange.map((c) => (
              <col key={c} style={{ width: COL_W }} />
            ))}
          </colgroup>
          <thead>
            <tr style={{ height: ROW_H }}>
              <td className="sk-corner" aria-hidden="true" />
              {c0 > 0 && <td className="sk-spacer" aria-hidden="true" />}
              {colRange.map((c) => (
                <th key={c} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r0 > 0 && (
              <tr aria-hidden="true" style={{ height: r0 * ROW_H }}>
                <td className="sk-spacer" colSpan={colRange.length + (c0 > 0 ? 2 : 1)} />
              </tr>
            )}
            {bodyRows}
          </tbody>
        </table>
      </div>
    </div>
  );
}
