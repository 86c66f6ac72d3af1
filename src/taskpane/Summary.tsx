// "n stämmer, n avrundning, n stämmer inte" as text and as three badges.
import type { Summary as EngineSummary } from '../engine';
import { StatusBadge } from './StatusBadge';
import { T } from '../ui/texts';

export function Summary({ summary }: { summary: EngineSummary }) {
  return (
    <section aria-label={T.summaryLabel} data-testid="summary" className="sk-summary">
      <p role="status">{T.summary(summary.ok, summary.warning, summary.error)}</p>
      <div className="sk-row">
        <StatusBadge status="ok" label={T.summaryOk(summary.ok)} />
        <StatusBadge status="warning" label={T.summaryWarning(summary.warning)} />
        <StatusBadge status="error" label={T.summaryError(summary.error)} />
      </div>
    </section>
  );
}
