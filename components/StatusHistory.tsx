import type { VerdictLogRow, VerdictRow } from '../lib/store/db';
import type { UiText } from '../lib/i18n';

const MAX_CHANGES = 20;

/** When each criterion's status last changed, and the latest changes, oldest status first. */
export function StatusHistory({ verdicts, log, text, open }: { verdicts: VerdictRow[]; log: VerdictLogRow[]; text: UiText; open?: boolean }) {
  const changes = log.filter((row) => row.from !== null).slice(0, MAX_CHANGES);
  return (
    <details className="history" open={open}>
      <summary>{text.popup.statusHistory}</summary>
      <ul className="history__since">
        {verdicts.map((verdict) => (
          <li key={verdict.id} data-history-criterion={verdict.id}>
            {text.criteria[verdict.id].title}: <strong>{text.status[verdict.status]}</strong> {text.popup.since(verdict.since.slice(0, 10))}
          </li>
        ))}
      </ul>
      {changes.length > 0 && (
        <ul className="history__changes">
          {changes.map((row) => (
            <li key={row.id}>
              {row.at.slice(0, 10)} · {text.criteria[row.criterion].title}: {text.status[row.from!]} → {text.status[row.to]}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
