import { formatNumber, type UiText } from '../../lib/i18n';
import type { Lang } from '../../lib/model';
import { shortDayLabel } from './dates';
import { ChartFrame, linear, niceTicks, PLOT, XLabels, YAxis } from './frame';
import type { TicketWeek } from './series';

/** Tickets per week: all of them, and inside each week's bar those outside business hours and those urgent. */
export function TicketsChart({ weeks, text, lang }: { weeks: TicketWeek[]; text: UiText; lang: Lang }) {
  const t = text.charts.tickets;
  const total = weeks.reduce((sum, week) => sum + week.total, 0);
  const afterHours = weeks.reduce((sum, week) => sum + week.afterHours, 0);
  const urgent = weeks.reduce((sum, week) => sum + week.urgent, 0);
  const percent = (part: number) => text.evidence.percent(formatNumber(lang, total ? Math.round((part / total) * 100) : 0));
  const shares = t.shares(total, percent(afterHours), percent(urgent));
  // Counts are whole: a step below 1 would label half a ticket.
  const ticks = niceTicks(Math.max(...weeks.map((week) => week.total), 1)).filter(Number.isInteger);
  const y = linear([0, ticks[ticks.length - 1]!], [PLOT.bottom, PLOT.top]);
  const band = (PLOT.right - PLOT.left) / Math.max(weeks.length, 1);
  const left = (i: number) => PLOT.left + i * band;
  const bar = (className: string, x: number, width: number, value: number) => (
    <rect className={className} x={x} y={y(value)} width={width} height={PLOT.bottom - y(value)} />
  );
  return (
    <ChartFrame
      id="tickets"
      title={t.title}
      summary={shares}
      points={total}
      empty={t.none}
      legend={[
        { key: 'total', label: t.total, swatch: 'total' },
        { key: 'after', label: t.afterHours, swatch: 'after' },
        { key: 'urgent', label: t.urgent, swatch: 'urgent' },
      ]}
      note={shares}
    >
      <YAxis ticks={ticks} y={y} format={(value) => formatNumber(lang, value)} />
      <XLabels labels={weeks.map((week, i) => ({ key: String(week.monday), x: left(i) + band / 2, text: shortDayLabel(lang, week.monday) }))} />
      {weeks.map((week, i) => (
        <g key={week.monday} data-bar={week.monday} data-total={week.total}>
          <title>{t.bar(shortDayLabel(lang, week.monday), week.total, week.afterHours, week.urgent)}</title>
          {week.total > 0 && bar('bar bar--total', left(i) + band * 0.1, band * 0.8, week.total)}
          {week.afterHours > 0 && bar('bar bar--after', left(i) + band * 0.16, band * 0.32, week.afterHours)}
          {week.urgent > 0 && bar('bar bar--urgent', left(i) + band * 0.52, band * 0.32, week.urgent)}
        </g>
      ))}
    </ChartFrame>
  );
}
