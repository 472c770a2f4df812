import type { ReactNode } from 'react';
import type { UiText } from '../../lib/i18n';
import type { NoteInput } from '../../lib/messages/commands';
import type { ClientHistory, Lang, NoteOutcome } from '../../lib/model';
import type { Settings } from '../../lib/settings';
import type { NoteRow, VerdictLogRow, VerdictRow } from '../../lib/store/db';
import { BilledChart } from '../charts/BilledChart';
import { InvoicesChart } from '../charts/InvoicesChart';
import { billedMonths, invoiceBars, ticketWeeks } from '../charts/series';
import { TicketsChart } from '../charts/TicketsChart';
import { CriterionRow } from '../CriterionRow';
import { NoteButtons } from '../NoteButtons';
import { NotesList } from '../NotesList';
import { StatusHistory } from '../StatusHistory';

export type ClientDetailData = {
  key: string;
  name: string;
  firstSeen?: string;
  lastSeen?: string;
  lastSource?: string;
  verdicts: VerdictRow[];
  notes: NoteRow[];
  log: VerdictLogRow[];
  history: ClientHistory | undefined;
};

type ClientDetailProps = {
  client: ClientDetailData;
  settings: Settings;
  text: UiText;
  lang: Lang;
  /** The clock the charts count "today" by (the verdicts were judged by the background's). */
  now: Date;
  backHref: string;
  onAddNote: (note: NoteInput) => Promise<void>;
  onDeleteNote: (id: number) => void;
  onNoteOutcome: (id: number, outcome: NoteOutcome) => void;
  onPrepare: () => void;
  /** The parting assistant, shown under the heading while preparing. */
  assistant?: ReactNode;
};

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

function dateText(lang: Lang, iso: string): string {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long' })));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** One client: the eight verdicts with their evidence, notes, status history, and its history as charts. */
export function ClientDetail({ client, settings, text, lang, now, backHref, onAddNote, onDeleteNote, onNoteOutcome, onPrepare, assistant }: ClientDetailProps) {
  const t = text.dashboard;
  const met = client.verdicts.filter((verdict) => verdict.status === 'met').length;
  const level = met === 0 ? 'none' : met <= 2 ? 'some' : 'many';
  const history = client.history;
  const invoices = history ? invoiceBars(history, settings, now) : { bars: [], today: 0 };
  const billed = history ? billedMonths(history, settings, now) : { months: [], others: [] };
  const seen = [
    t.meets(met),
    client.lastSeen && client.lastSource ? t.lastSeen(dateText(lang, client.lastSeen), client.lastSource) : '',
    client.firstSeen ? t.firstSeen(dateText(lang, client.firstSeen)) : '',
  ].filter(Boolean);

  return (
    <article className="detail" data-client-view={client.key}>
      <header className="detail__head">
        <a className="detail__back" href={backHref} data-action="back">
          ← {t.back}
        </a>
        <div className="detail__title">
          <h1 className="detail__name" data-client-name={client.name}>
            {client.name}
          </h1>
          <span className={`client__count client__count--${level}`} title={text.badge.clientTitle(client.name, met, client.verdicts.length)}>
            {met}/{client.verdicts.length}
          </span>
          {met > 0 && (
            <button type="button" className="button" data-action="prepare-conversation" aria-expanded={Boolean(assistant)} onClick={onPrepare}>
              {text.assistant.prepare}
            </button>
          )}
        </div>
        <p className="detail__seen">{seen.join(' · ')}</p>
      </header>
      {assistant}
      <div className="detail__grid">
        <section className="detail__criteria" aria-labelledby="detail-criteria">
          <h3 id="detail-criteria">{t.criteria}</h3>
          <ul className="criteria">
            {client.verdicts.map((verdict) => (
              <CriterionRow key={verdict.id} verdict={verdict} clientName={client.name} text={text} evidenceOpen={verdict.status === 'met' || verdict.status === 'watch'} />
            ))}
          </ul>
          <h3>{t.notes}</h3>
          <div className="client__notes">
            <NoteButtons client={{ name: client.name }} text={text} onAdd={onAddNote} />
            {client.notes.length === 0 ? <p className="hint">{t.noNotes}</p> : <NotesList notes={client.notes} text={text} onDelete={onDeleteNote} onOutcome={onNoteOutcome} />}
          </div>
          <StatusHistory verdicts={client.verdicts} log={client.log} text={text} open />
        </section>
        <section className="detail__charts" aria-labelledby="detail-charts">
          <h3 id="detail-charts">{t.charts}</h3>
          <InvoicesChart bars={invoices.bars} today={invoices.today} lateDays={settings.latePayment.lateDays} overdueDays={settings.latePayment.overdueDays} text={text} lang={lang} />
          <TicketsChart weeks={history ? ticketWeeks(history, settings, now) : []} text={text} lang={lang} />
          <BilledChart months={billed.months} currency={billed.currency} others={billed.others} text={text} lang={lang} />
        </section>
      </div>
    </article>
  );
}
