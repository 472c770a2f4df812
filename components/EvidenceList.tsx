import type { Evidence } from '../lib/model';

const MAX_SHOWN = 12;

/** The invoices, tickets, notes and changes that decided a verdict, each one line of text. */
export function EvidenceList({ evidence, label }: { evidence: Evidence[]; label: string }) {
  const shown = evidence.slice(0, MAX_SHOWN);
  return (
    <ul className="evidence" aria-label={label}>
      {shown.map((item, i) => (
        <li key={i} className={`evidence__item evidence__item--${item.kind}`} data-evidence-kind={item.kind}>
          {item.text}
        </li>
      ))}
      {evidence.length > MAX_SHOWN && <li className="evidence__more">+{evidence.length - MAX_SHOWN}</li>}
    </ul>
  );
}
