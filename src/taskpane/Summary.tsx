// "n stämmer, n avrundning, n stämmer inte" as text and as three badges.
import * as React from 'react';
import type { Summary as EngineSummary } from '../engine/types';
import { StatusBadge } from './StatusBadge';
import { T } from './texts';

export function Summary({ summary }: { summary: EngineSummary }) {
  return (
    <section aria-label="Sammanfattning" data-testid="summary" className="sk-summary">
      <p role="status">{T.summary(summary.ok, summary.warning, summary.error)}</p>
      <div className="sk-row">
        <StatusBadge status="ok" label={`${summary.ok} stämmer`} />
        <StatusBadge status="warning" label={`${summary.warning} avrundning`} />
        <StatusBadge status="error" label={`${summary.error} stämmer inte`} />
      </div>
    </section>
  );
}
