import { useId, useState } from 'react';
import type { VerdictRow } from '../lib/store/db';
import type { UiText } from '../lib/i18n';
import { EvidenceList } from './EvidenceList';

/** One criterion: status, title, its one-line summary, and the evidence behind it on demand. */
export function CriterionRow({ verdict, clientName, text, evidenceOpen = false }: { verdict: VerdictRow; clientName: string; text: UiText; evidenceOpen?: boolean }) {
  const [open, setOpen] = useState(evidenceOpen);
  const evidenceId = useId();
  const criterion = text.criteria[verdict.id];
  const hasEvidence = verdict.evidence.length > 0;
  return (
    <li className={`criterion criterion--${verdict.status}`} data-criterion={verdict.id} data-status={verdict.status} data-client-name={clientName}>
      <button
        type="button"
        className="criterion__head"
        aria-expanded={hasEvidence ? open : undefined}
        aria-controls={hasEvidence ? evidenceId : undefined}
        onClick={() => hasEvidence && setOpen(!open)}
        title={criterion.description}
      >
        <span className={`status status--${verdict.status}`}>{text.status[verdict.status]}</span>
        <span className="criterion__title">{criterion.title}</span>
        {hasEvidence && <span className="criterion__toggle" aria-hidden="true">{open ? '▾' : '▸'}</span>}
      </button>
      <p className="criterion__summary">{verdict.summary}</p>
      {open && hasEvidence && (
        <div id={evidenceId}>
          <EvidenceList evidence={verdict.evidence} label={text.popup.evidence} />
        </div>
      )}
    </li>
  );
}
