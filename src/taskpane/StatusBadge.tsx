// A status shown as symbol + text on the status colour: never colour alone.
import { STATUS_COLOURS } from '../engine';
import type { Status } from '../engine';
import { STATUS_SYMBOL } from '../ui/texts';

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const c = STATUS_COLOURS[status];
  return (
    <span
      className="sk-badge"
      data-status={status}
      style={{ background: c.fill, color: c.font, border: `1px solid ${c.font}`, borderRadius: 4, padding: '0 6px', whiteSpace: 'nowrap' }}
    >
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {label}
    </span>
  );
}
