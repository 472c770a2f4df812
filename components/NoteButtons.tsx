import { useState } from 'react';
import type { NoteInput } from '../lib/messages/commands';
import type { ClientRef, NoteKind, NoteOutcome } from '../lib/model';
import type { UiText } from '../lib/i18n';

type NoteChoice = { kind: NoteKind; outcome?: NoteOutcome; label: string };

/** One click per note; an optional detail line goes with whichever button is clicked. */
export function NoteButtons({ client, text, onAdd }: { client: ClientRef; text: UiText; onAdd: (note: NoteInput) => Promise<void> }) {
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const labels = text.popup.noteButtons;
  const choices: NoteChoice[] = [
    { kind: 'discount-request', label: labels.discountRequest },
    { kind: 'advice', outcome: 'pending', label: labels.adviceGiven },
    { kind: 'advice', outcome: 'ignored', label: labels.adviceIgnored },
    { kind: 'incident', label: labels.incident },
    { kind: 'out-of-scope', label: labels.outOfScope },
    { kind: 'ethics', label: labels.ethics },
  ];
  const add = async (choice: NoteChoice) => {
    setBusy(true);
    try {
      const note: NoteInput = { kind: choice.kind, client, text: detail.trim() || choice.label };
      if (choice.outcome) note.outcome = choice.outcome;
      await onAdd(note);
      setDetail('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notes-add">
      <input
        type="text"
        className="notes-add__detail"
        maxLength={500}
        value={detail}
        placeholder={text.popup.addNote}
        aria-label={text.popup.addNote}
        onChange={(event) => setDetail(event.target.value)}
      />
      <div className="notes-add__buttons">
        {choices.map((choice) => (
          <button key={choice.label} type="button" className="chip" disabled={busy} data-note-kind={choice.kind} data-note-outcome={choice.outcome} onClick={() => void add(choice)}>
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
