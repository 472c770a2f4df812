import { useEffect, useMemo, useState } from 'react';
import { ClientDetail } from '../../components/dashboard/ClientDetail';
import { ClientTable } from '../../components/dashboard/ClientTable';
import { Filters } from '../../components/dashboard/Filters';
import { dashboardRows, filterRows, NO_FILTER, rankRows, type RowFilter } from '../../components/dashboard/rows';
import { PartingAssistant } from '../../components/PartingAssistant';
import { textOf } from '../../lib/i18n';
import { partingPlan } from '../../lib/parting';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { langOfSettings, useSettings } from '../options/useSettings';
import { openSettings } from '../popup/openPage';
import { useNoteCommands } from '../popup/useNoteCommands';
import { copyText } from '../popup/usePartingPlan';
import { useClientDetail } from './useClientDetail';
import { useClientList } from './useClientList';
import { clientHref, useRoute } from './useRoute';

/**
 * The dashboard: every client ranked (`#`), or one client's history (`#client=<key>`). It reads
 * the store live and shows the verdicts the background stored; it never computes one.
 */
export default function App() {
  const stored = useSettings();
  const settings = stored ?? DEFAULT_SETTINGS;
  const lang = langOfSettings(stored);
  const text = textOf(lang);
  const route = useRoute();
  const list = useClientList();
  const detail = useClientDetail(route.clientKey);
  const notes = useNoteCommands();
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [preparing, setPreparing] = useState(false);

  const collator = useMemo(() => new Intl.Collator(lang === 'ru' ? 'ru' : 'en', { sensitivity: 'base', numeric: true }), [lang]);
  const rows = useMemo(() => (list ? rankRows(dashboardRows(list.clients, list.verdicts), collator) : undefined), [list, collator]);
  const shown = useMemo(() => (rows ? filterRows(rows, filter) : undefined), [rows, filter]);
  const plan = useMemo(
    () => (preparing && detail?.history ? partingPlan(detail.history, detail.verdicts, { lang }) : undefined),
    [preparing, detail, lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = detail ? `${detail.name} — Client Signals` : text.dashboard.pageTitle;
  }, [lang, text, detail]);

  // Another client (or the list) starts at its top, with the assistant closed.
  useEffect(() => {
    setPreparing(false);
    window.scrollTo(0, 0);
  }, [route.clientKey]);

  return (
    <div className="dashboard" data-view={route.clientKey ? 'client' : 'list'}>
      <header className="page-head">
        <a className="brand" href="#">
          Client Signals
        </a>
        {/* In a client's view the client's name is the page's heading. */}
        {route.clientKey ? <span className="page-head__title" /> : <h1 className="page-head__title">{text.dashboard.title}</h1>}
        <button type="button" className="link" onClick={openSettings}>
          {text.dashboard.settings}
        </button>
      </header>
      {notes.error && (
        <p className="error" role="alert">
          {notes.error}
        </p>
      )}
      {route.clientKey ? (
        detail === undefined ? (
          <p className="hint">{text.dashboard.loading}</p>
        ) : detail === null ? (
          <p className="empty" data-empty="no-client">
            {text.dashboard.notFound} <a href="#">{text.dashboard.back}</a>
          </p>
        ) : (
          <ClientDetail
            client={detail}
            settings={settings}
            text={text}
            lang={lang}
            now={new Date()}
            backHref="#"
            onAddNote={notes.addNote}
            onDeleteNote={notes.deleteNote}
            onNoteOutcome={notes.setNoteOutcome}
            onPrepare={() => setPreparing(!preparing)}
            assistant={preparing && <PartingAssistant plan={plan} text={text} onCopy={copyText} onClose={() => setPreparing(false)} />}
          />
        )
      ) : (
        <main className="list">
          <p className="list__intro">{text.dashboard.intro}</p>
          <Filters filter={filter} shown={shown?.length ?? 0} total={rows?.length ?? 0} text={text} onChange={setFilter} />
          {!rows || !shown ? (
            <p className="hint">{text.dashboard.loading}</p>
          ) : rows.length === 0 ? (
            <p className="empty" data-empty="no-clients">
              {text.dashboard.empty}
            </p>
          ) : shown.length === 0 ? (
            <p className="empty" data-empty="no-match">
              {text.dashboard.noMatch}
            </p>
          ) : (
            <ClientTable rows={shown} text={text} lang={lang} hrefOf={clientHref} />
          )}
        </main>
      )}
    </div>
  );
}
