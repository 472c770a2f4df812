import { useState } from 'react';
import { ClientCard } from '../../components/ClientCard';
import { SiteToggle } from '../../components/SiteToggle';
import { useLang } from '../../components/useSettings';
import { sendMessage, type CommandReply, type NoteInput } from '../../lib/messages/commands';
import { uiText } from '../../lib/ui-text';
import { useActiveTab, usePageClients } from './usePageClients';

/** The popup: the clients of the active tab, read live from the store. It never computes a verdict. */
export default function App() {
  const text = uiText(useLang());
  const tab = useActiveTab();
  const page = usePageClients(tab?.id);
  const [error, setError] = useState<string>();
  const [openKey, setOpenKey] = useState<string>();

  const run = async (reply: Promise<CommandReply>) => {
    const result = await reply.catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setError(result.ok ? undefined : result.error);
  };
  const onAddNote = (note: NoteInput) => run(sendMessage('addNote', note));
  const onDeleteNote = (id: number) => void run(sendMessage('deleteNote', { id }));
  const onNoteOutcome = (id: number, outcome: 'followed' | 'ignored' | 'pending') => void run(sendMessage('setNoteOutcome', { id, outcome }));

  const clients = page?.clients ?? [];
  const single = page?.row?.single ?? false;
  // On a list page, clients that meet the most criteria come first.
  const ordered = single ? clients : [...clients].sort((a, b) => metOf(b) - metOf(a) || a.name.localeCompare(b.name));

  return (
    <main className="popup" lang={text.lang}>
      <header className="popup__head">
        <h1 className="brand">Client Signals</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {text.popup.openSettings}
        </button>
      </header>
      {tab?.origin && <SiteToggle origin={tab.origin} text={text} onError={setError} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {page && clients.length === 0 && (
        <section className="empty" data-empty="no-client">
          <h2>{text.popup.noClient}</h2>
          <p>{text.popup.noClientExplanation}</p>
          {page.row && page.row.warnings.length > 0 && (
            <ul className="warnings">
              {page.row.warnings.slice(0, 5).map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {ordered.map((client) => (
        <ClientCard
          key={client.key}
          name={client.name}
          verdicts={client.verdicts}
          notes={client.notes}
          log={client.log}
          text={text}
          open={single || ordered.length === 1 || openKey === client.key}
          onToggle={single || ordered.length === 1 ? undefined : () => setOpenKey(openKey === client.key ? undefined : client.key)}
          onAddNote={onAddNote}
          onDeleteNote={onDeleteNote}
          onNoteOutcome={onNoteOutcome}
        />
      ))}
    </main>
  );
}

function metOf(client: { verdicts: { status: string }[] }): number {
  return client.verdicts.filter((verdict) => verdict.status === 'met').length;
}
