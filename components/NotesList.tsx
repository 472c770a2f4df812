import type { NoteOutcome } from '../lib/model';
import type { NoteRow } from '../lib/store/db';
import type { UiText } from '../lib/i18n';

/** The client's notes, newest first; advice can be marked followed or ignored; any can be deleted. */
export function NotesList({
  notes,
  text,
  onDelete,
  onOutcome,
}: {
  notes: NoteRow[];
  text: UiText;
  onDelete: (id: number) => void;
  onOutcome: (id: number, outcome: NoteOutcome) => void;
}) {
  if (notes.length === 0) return null;
  const labels = text.popup.noteButtons;
  return (
    <ul className="notes">
      {notes.map((note) => (
        <li key={note.id} className="note" data-note-kind={note.kind} data-note-outcome={note.outcome}>
          <span className="note__date">{note.at.slice(0, 10)}</span>
          <span className="note__text">{note.text}</span>
          {note.kind === 'advice' && note.outcome === 'pending' && note.id !== undefined && (
            <>
              <button type="button" className="link" onClick={() => onOutcome(note.id!, 'followed')}>
                {labels.adviceFollowed}
              </button>
              <button type="button" className="link" onClick={() => onOutcome(note.id!, 'ignored')}>
                {labels.adviceIgnored}
              </button>
            </>
          )}
          {note.id !== undefined && (
            <button type="button" className="link link--danger" aria-label={`${text.popup.delete}: ${note.text}`} onClick={() => onDelete(note.id!)}>
              {text.popup.delete}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
