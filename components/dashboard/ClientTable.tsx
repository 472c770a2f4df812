import { useEffect, useRef, useState } from 'react';
import type { UiText } from '../../lib/i18n';
import { CRITERION_IDS, type Lang } from '../../lib/model';
import type { DashboardRow } from './rows';

/** Fixed row height: the list is drawn by scroll position, so only the rows in view exist. */
const ROW_HEIGHT = 40;
/** Rows drawn beyond each edge of the view, so a quick scroll shows no gap. */
const OVERSCAN = 10;

type ClientTableProps = {
  rows: readonly DashboardRow[];
  text: UiText;
  lang: Lang;
  hrefOf: (key: string) => string;
};

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

function seenDate(lang: Lang, iso: string | undefined): string {
  if (!iso) return '—';
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium' })));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : format.format(date);
}

/**
 * Every client, one row each: name, criteria met, each criterion's status as a coloured cell,
 * last seen and where. Windowed: thousands of clients cost the DOM only the rows on screen.
 */
export function ClientTable({ rows, text, lang, hrefOf }: ClientTableProps) {
  const t = text.dashboard;
  const body = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight || 800 });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, []);

  // A narrower list (a filter) may leave the view past its end: start again from the top.
  useEffect(() => {
    if (body.current && body.current.scrollTop > rows.length * ROW_HEIGHT) body.current.scrollTop = 0;
  }, [rows.length]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);

  return (
    <div className="table" role="table" aria-label={t.title} aria-rowcount={rows.length + 1}>
      <div className="table__row table__row--head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="cell cell--name">
          {t.columns.client}
        </span>
        <span role="columnheader" className="cell cell--met">
          {t.columns.met}
        </span>
        {CRITERION_IDS.map((id) => (
          <span key={id} role="columnheader" className="cell cell--criterion" title={text.criteria[id].title}>
            {text.criteria[id].short}
          </span>
        ))}
        <span role="columnheader" className="cell cell--seen">
          {t.columns.lastSeen}
        </span>
        <span role="columnheader" className="cell cell--where">
          {t.columns.where}
        </span>
      </div>
      <div className="table__body" ref={body} role="rowgroup" onScroll={(event) => setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight || view.height })}>
        <div className="table__canvas" style={{ height: rows.length * ROW_HEIGHT }}>
          {rows.slice(first, last).map((row, i) => {
            const index = first + i;
            const level = row.met === 0 ? 'none' : row.met <= 2 ? 'some' : 'many';
            return (
              <div
                key={row.key}
                role="row"
                className={`table__row table__row--${level}`}
                aria-rowindex={index + 2}
                data-client-key={row.key}
                data-met={row.met}
                data-client-name={row.name}
                style={{ top: index * ROW_HEIGHT }}
              >
                <span role="cell" className="cell cell--name">
                  <a href={hrefOf(row.key)} title={row.name}>
                    {row.name}
                  </a>
                </span>
                <span role="cell" className="cell cell--met">
                  <span className={`client__count client__count--${level}`} title={t.metTitle(row.met, row.watch, CRITERION_IDS.length)}>
                    {row.met}
                  </span>
                </span>
                {CRITERION_IDS.map((id) => {
                  const status = row.statuses[id];
                  const summary = row.summaries[id];
                  return (
                    <span
                      key={id}
                      role="cell"
                      className={`cell cell--criterion status--${status}`}
                      data-cell={id}
                      data-status={status}
                      title={`${text.criteria[id].title}: ${text.status[status]}${summary ? ` — ${summary}` : ''}`}
                    >
                      {text.statusShort[status]}
                    </span>
                  );
                })}
                <span role="cell" className="cell cell--seen">
                  {seenDate(lang, row.lastSeen)}
                </span>
                <span role="cell" className="cell cell--where" title={row.lastSource}>
                  {row.lastSource ?? '—'}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
