import type { ReactNode } from 'react';
import type { UiText } from '../lib/i18n';
import type { NoteInput } from '../lib/messages/commands';
import type { NoteOutcome } from '../lib/model';
import type { NoteRow, VerdictLogRow, VerdictRow } from '../lib/store/db';
import { CriterionRow } from './CriterionRow';
import { NoteButtons } from './NoteButtons';
import { NotesList } from './NotesList';
import { StatusHistory } from './StatusHistory';

export type ClientCardProps = {
  name: string;
  verdicts: VerdictRow[];
  notes: NoteRow[];
  log: VerdictLogRow[];
  text: UiText;
  /** A list page shows cards folded; a client page shows its one card open. */
  open: boolean;
  onToggle?: () => void;
  onAddNote: (note: NoteInput) => Promise<void>;
  onDeleteNote: (id: number) => void;
  onNoteOutcome: (id: number, outcome: NoteOutcome) => void;
  /** Opens this client in the dashboard (its history as charts). */
  onOpenHistory?: () => void;
  /** "Prepare the conversation", offered once the client meets a criterion. */
  onPrepare?: () => void;
  /** The parting assistant, shown at the top of the open card while preparing. */
  assistant?: ReactNode;
};

/** A client: how many criteria it meets, each criterion with its evidence, notes and history. */
export function ClientCard(props: ClientCardProps) {
  const { name, verdicts, text, open } = props;
  const met = verdicts.filter((verdict) => verdict.status === 'met').length;
  const level = met === 0 ? 'none' : met <= 2 ? 'some' : 'many';
  return (
    <section className={`client client--${level}`} data-client-name={name} data-met={met}>
      <header className="client__head">
        <h2 className="client__name">
          {props.onToggle ? (
            <button type="button" className="client__toggle" aria-expanded={open} onClick={props.onToggle}>
              {name}
            </button>
          ) : (
            name
          )}
        </h2>
        <span className={`client__count client__count--${level}`} title={text.badge.clientTitle(name, met, verdicts.length)}>
          {met}/{verdicts.length}
        </span>
      </header>
      {!open && met > 0 && (
        <p className="client__met">
          {verdicts
            .filter((verdict) => verdict.status === 'met')
            .map((verdict) => text.criteria[verdict.id].title)
            .join(' · ')}
        </p>
      )}
      {open && (
        <>
          {(props.onOpenHistory || (props.onPrepare && met > 0)) && (
            <div className="client__actions">
              {props.onPrepare && met > 0 && (
                <button type="button" className="button" data-action="prepare-conversation" aria-expanded={Boolean(props.assistant)} onClick={props.onPrepare}>
                  {text.assistant.prepare}
                </button>
              )}
              {props.onOpenHistory && (
                <button type="button" className="link" data-action="open-history" onClick={props.onOpenHistory}>
                  {text.dashboard.charts}
                </button>
              )}
            </div>
          )}
          {props.assistant}
          <ul className="criteria">
            {verdicts.map((verdict) => (
              <CriterionRow key={verdict.id} verdict={verdict} clientName={name} text={text} />
            ))}
          </ul>
          <div className="client__notes">
            <h3>{text.popup.notes}</h3>
            <NoteButtons client={{ name }} text={text} onAdd={props.onAddNote} />
            <NotesList notes={props.notes} text={text} onDelete={props.onDeleteNote} onOutcome={props.onNoteOutcome} />
          </div>
          <StatusHistory verdicts={verdicts} log={props.log} text={text} />
        </>
      )}
    </section>
  );
}
