// The summary: "Allt stämmer — N celler kontrollerade" when nothing is wrong, else one
// badge per status that occurs, and the badges are the list's filters (toggle buttons).
import type { Status, Summary as EngineSummary } from '../engine';
import { STATUS_COLOURS } from '../engine';
import type { StatusFilter } from './findings';
import { STATUS_SYMBOL, T } from '../ui/texts';

export function Summary({ summary, filter, onFilter }: { summary: EngineSummary; filter: StatusFilter; onFilter: (f: StatusFilter) => void }) {
  const allOk = summary.cells > 0 && summary.error === 0 && summary.warning === 0;
  const statuses = (['error', 'warning', 'ok'] as Status[]).filter((s) => summary[s] > 0);
  return (
    <section aria-label={T.summaryLabel} data-testid="summary" className="sk-summary">
      {allOk ? (
        <p role="status" className="sk-all-ok" data-testid="all-ok">
          <span aria-hidden="true">{STATUS_SYMBOL.ok} </span>
          {T.allOk(summary.cells)}
        </p>
      ) : (
        <p role="status" className="sk-summary-text">
          {summary.error === 0 && summary.cells > 0 ? `${T.noErrors(summary.cells)}. ` : ''}
          {T.summary(summary.ok, summary.warning, summary.error)}
        </p>
      )}
      {!allOk && statuses.length > 0 && (
        <div className="sk-row" role="group" aria-label={T.filterLabel}>
          {statuses.map((s) => {
            const c = STATUS_COLOURS[s];
            const pressed = filter === s;
            return (
              <button
                key={s}
                type="button"
                className="sk-filter"
                data-status={s}
                aria-pressed={pressed}
                style={{ background: c.fill, color: c.font, borderColor: c.font }}
                onClick={() => onFilter(pressed ? 'problems' : s)}
              >
                <span aria-hidden="true">{STATUS_SYMBOL[s]} </span>
                {T.badge[s](summary[s])}
              </button>
            );
          })}
        </div>
      )}
    </section>
  );
}
