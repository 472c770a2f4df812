import { useState } from 'react';
import { ClientCard } from '../../components/ClientCard';
import { PageReaderPanel } from '../../components/PageReaderPanel';
import { PartingAssistant } from '../../components/PartingAssistant';
import { SiteToggle } from '../../components/SiteToggle';
import { textOf } from '../../lib/i18n';
import { langOfSettings, useSettings } from '../options/useSettings';
import { openDashboard, openSettings } from './openPage';
import { useNoteCommands } from './useNoteCommands';
import { usePageReader } from './usePageReader';
import './page-reader.css';
import { useActiveTab, usePageClients, type ClientView } from './usePageClients';
import { copyText, usePartingPlan } from './usePartingPlan';
import { useSiteAccess } from './useSiteAccess';

/** The popup: the clients of the active tab, read live from the store. It never computes a verdict. */
export default function App() {
  const lang = langOfSettings(useSettings());
  const text = textOf(lang);
  const tab = useActiveTab();
  const page = usePageClients(tab?.id);
  const notes = useNoteCommands();
  const site = useSiteAccess(tab?.origin, notes.setError);
  const reader = usePageReader(tab, lang, notes.setError);
  const [openKey, setOpenKey] = useState<string>();
  const [preparing, setPreparing] = useState<string>();

  const clients = page?.clients ?? [];
  const single = page?.row?.single ?? false;
  // On a list page, clients that meet the most criteria come first.
  const ordered = single ? clients : [...clients].sort((a, b) => metOf(b) - metOf(a) || a.name.localeCompare(b.name));
  const preparedClient = ordered.find((client) => client.key === preparing);
  const plan = usePartingPlan(preparedClient?.key, preparedClient?.verdicts ?? NO_VERDICTS, lang);

  return (
    <main className="popup" lang={text.lang}>
      <header className="popup__head">
        <h1 className="brand">Client Signals</h1>
        <nav className="popup__links">
          <button type="button" className="link" data-action="open-dashboard" onClick={() => openDashboard()}>
            {text.popup.openDashboard}
          </button>
          <button type="button" className="link" onClick={openSettings}>
            {text.popup.openSettings}
          </button>
        </nav>
      </header>
      {tab?.origin && <SiteToggle origin={tab.origin} enabled={site.enabled} text={text} onEnable={site.enable} onDisable={site.disable} />}
      {tab?.origin && (
        <PageReaderPanel
          enabled={site.enabled}
          readBy={page?.row?.readBy}
          readerLabel={reader.labelOf(page?.row?.readBy)}
          warnings={page?.row?.warnings ?? []}
          recognised={reader.recognised}
          text={text}
          onTeach={reader.teach}
        />
      )}
      {notes.error && (
        <p className="error" role="alert">
          {notes.error}
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
          onAddNote={notes.addNote}
          onDeleteNote={notes.deleteNote}
          onNoteOutcome={notes.setNoteOutcome}
          onOpenHistory={() => openDashboard(client.key)}
          onPrepare={() => setPreparing(preparing === client.key ? undefined : client.key)}
          assistant={
            preparing === client.key && <PartingAssistant plan={plan} text={text} onCopy={copyText} onClose={() => setPreparing(undefined)} />
          }
        />
      ))}
    </main>
  );
}

const NO_VERDICTS: ClientView['verdicts'] = [];

function metOf(client: ClientView): number {
  return client.verdicts.filter((verdict) => verdict.status === 'met').length;
}
