// Findings grouped by sheet and table. Each finding is a button: Enter/Space or a click
// selects the cell in the host.
import { formatSwedish } from '../engine';
import type { HostAdapter } from '../host/hostAdapter';
import type { Finding, SheetGroup } from './findings';
import { StatusBadge } from './StatusBadge';
import { TableActions } from './TableActions';
import { STATUS_LABEL, T } from '../ui/texts';

const num = (x: number | null) => (x === null ? T.noNumber : formatSwedish(x));

function statusText(f: Finding): string {
  if (f.status === 'warning') return f.rounding ? T.roundingDifference : T.needsReview;
  return STATUS_LABEL[f.status];
}

function FindingItem({ finding, onSelect }: { finding: Finding; onSelect: (f: Finding) => void }) {
  const f = finding;
  return (
    <li>
      <button
        type="button"
        className="sk-finding"
        data-status={f.status}
        data-address={f.address}
        data-sheet={f.sheet}
        onClick={() => onSelect(f)}
        aria-label={`${f.address}: ${statusText(f)}. ${f.message}`}
      >
        <span className="sk-finding-head">
          <StatusBadge status={f.status} label={statusText(f)} />
          <strong>{f.address}</strong>
        </span>
        {f.message && <span className="sk-message">{f.message}</span>}
        {(f.expected !== null || f.actual !== null) && (
          <span className="sk-numbers">
            {T.expected} {num(f.expected)} · {T.actual} {num(f.actual)} · {T.difference} {num(f.difference)}
          </span>
        )}
      </button>
    </li>
  );
}

export function FindingsList(props: {
  groups: SheetGroup[];
  adapter: HostAdapter;
  onSelect: (f: Finding) => void;
  onMessage: (text: string, isError?: boolean) => void;
}) {
  return (
    <div className="sk-findings" data-testid="findings">
      {props.groups.map((sg) => (
        <section key={sg.sheet} aria-label={T.sheetGroupLabel(sg.sheet)}>
          <h2 className="sk-h2">{sg.sheet}</h2>
          {sg.tables.map((tg, i) => (
            <section key={`${tg.title}-${i}`} className="sk-table-group" aria-label={tg.title}>
              <div className="sk-table-head">
                <h3 className="sk-h3">{tg.title}</h3>
                {tg.table && <TableActions adapter={props.adapter} sheet={sg.sheet} table={tg.table} onMessage={props.onMessage} />}
              </div>
              <ul className="sk-list">
                {tg.findings.map((f) => (
                  <FindingItem key={`${f.sheet}!${f.address}`} finding={f} onSelect={props.onSelect} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
