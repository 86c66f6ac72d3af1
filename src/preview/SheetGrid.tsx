// One sheet as a grid with the status colours. Checked cells carry data-status and an
// aria-label with the status text, so colour is never the only signal.
import * as React from 'react';
import { cellAddress, columnName } from '../engine';
import { STATUS_COLOURS } from '../engine';
import type { CheckedCell, SheetInput, SheetResult } from '../engine';
import { cellText } from './cellText';
import { STATUS_LABEL, STATUS_SYMBOL, T } from '../ui/texts';

const MAX_ROWS = 300;
const MAX_COLS = 40;

export function SheetGrid(props: { sheet: SheetInput; result?: SheetResult; selected?: string }) {
  const { sheet, result, selected } = props;
  const statusAt = React.useMemo(() => {
    const m = new Map<string, CheckedCell>();
    result?.cells.forEach((c) => m.set(c.address, c));
    return m;
  }, [result]);
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    selectedRef.current?.focus();
  }, [selected, sheet]);

  const rowCount = Math.min(sheet.rows.length, MAX_ROWS);
  const colCount = Math.min(Math.max(0, ...sheet.rows.slice(0, MAX_ROWS).map((r) => r.length)), MAX_COLS);
  const truncated = sheet.rows.length > MAX_ROWS || sheet.rows.some((r) => r.length > MAX_COLS);
  return (
    <div className="sk-grid-wrap">
      {truncated && <p>{T.gridTruncated(MAX_ROWS, MAX_COLS)}</p>}
      <table className="sk-grid" data-testid="grid" data-sheet={sheet.name} aria-label={`${T.gridHeading} ${sheet.name}`}>
        <thead>
          <tr>
            <th scope="col" />
            {Array.from({ length: colCount }, (_, c) => (
              <th key={c} scope="col">
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rowCount }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: colCount }, (_, c) => {
                const address = cellAddress(r, c);
                const checked = statusAt.get(address);
                const text = cellText(sheet.rows[r]?.[c]);
                const isSelected = selected === address;
                const style = checked ? { background: STATUS_COLOURS[checked.status].fill, color: STATUS_COLOURS[checked.status].font } : undefined;
                return (
                  <td
                    key={c}
                    ref={isSelected ? selectedRef : undefined}
                    tabIndex={isSelected ? -1 : undefined}
                    data-address={address}
                    data-status={checked?.status}
                    data-selected={isSelected ? 'true' : undefined}
                    aria-label={checked ? `${address} ${text}: ${STATUS_LABEL[checked.status]}` : undefined}
                    className={[isSelected ? 'sk-selected' : '', typeof sheet.rows[r]?.[c]?.value === 'string' ? 'sk-text' : ''].join(' ').trim() || undefined}
                    style={style}
                  >
                    {checked && <span aria-hidden="true" className="sk-cell-mark">{STATUS_SYMBOL[checked.status]}</span>}
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
