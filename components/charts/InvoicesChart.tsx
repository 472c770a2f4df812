import { formatNumber, type UiText } from '../../lib/i18n';
import { civilDay, dateOfDay } from '../../lib/criteria/windows';
import type { Lang } from '../../lib/model';
import { dayLabel, monthLabel } from './dates';
import { ChartFrame, linear, niceTicks, PLOT, XLabels, YAxis } from './frame';
import type { InvoiceBar } from './series';

type InvoicesChartProps = {
  bars: InvoiceBar[];
  today: number;
  /** The late-payment thresholds from settings: "late" and "long overdue". */
  lateDays: number;
  overdueDays: number;
  text: UiText;
  lang: Lang;
};

/**
 * Invoices over time: one bar per invoice at its due date, as tall as the days it was paid late
 * (an unpaid one, striped, is overdue to today), against the two late-payment lines.
 */
export function InvoicesChart({ bars, today, lateDays, overdueDays, text, lang }: InvoicesChartProps) {
  const t = text.charts.invoices;
  const first = bars[0]?.due ?? today;
  const last = Math.max(bars[bars.length - 1]?.due ?? today, today);
  const pad = Math.max(7, Math.round((last - first) * 0.03));
  const x = linear([first - pad, last + pad], [PLOT.left, PLOT.right]);
  const ticks = niceTicks(Math.max(overdueDays * 1.15, ...bars.map((bar) => bar.late)));
  const y = linear([0, ticks[ticks.length - 1]!], [PLOT.bottom, PLOT.top]);
  const width = Math.max(3, Math.min(14, ((PLOT.right - PLOT.left) / Math.max(bars.length, 1)) * 0.6));
  const severity = (late: number) => (late >= overdueDays ? 'severe' : late >= lateDays ? 'late' : late > 0 ? 'slight' : 'ontime');
  const unpaid = bars.filter((bar) => bar.unpaid).length;
  return (
    <ChartFrame
      id="invoices"
      title={t.title}
      summary={t.summary(bars.length, unpaid)}
      points={bars.length}
      empty={t.none}
      legend={[
        { key: 'ontime', label: t.onTime, swatch: 'ontime' },
        { key: 'late', label: t.paidLate, swatch: 'late' },
        { key: 'unpaid', label: t.unpaid, swatch: 'unpaid' },
        { key: 'span', label: t.span, swatch: 'span' },
      ]}
    >
      <defs>
        <pattern id="invoice-unpaid" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="stripes__bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="stripes__line" />
        </pattern>
      </defs>
      <YAxis ticks={ticks} y={y} format={(value) => formatNumber(lang, value)} />
      <text className="axis__title" transform={`translate(12 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        {t.axis}
      </text>
      <XLabels labels={monthStarts(first - pad, last + pad).map((day) => ({ key: String(day), x: x(day), text: monthLabel(lang, dateOfDay(day).slice(0, 7)) }))} />
      {[
        { days: lateDays, label: t.lateLine(lateDays), kind: 'late' },
        { days: overdueDays, label: t.overdueLine(overdueDays), kind: 'severe' },
      ].map((line) => (
        <g key={line.kind} className={`threshold threshold--${line.kind}`} data-threshold={line.days}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(line.days)} y2={y(line.days)} />
          <text x={PLOT.right - 4} y={y(line.days) - 4} textAnchor="end">
            {line.label}
          </text>
        </g>
      ))}
      <line className="today" x1={x(today)} x2={x(today)} y1={PLOT.top} y2={PLOT.bottom} />
      {bars.map((bar) => {
        // An invoice paid on time still gets a sliver, so it is seen to exist.
        const top = Math.min(y(bar.late), PLOT.bottom - 2);
        // Due against paid: the days between them, drawn along the time axis under the bar.
        const end = x(bar.paid ?? today);
        return (
          <g key={`${bar.number}-${bar.due}`}>
            {bar.late > 0 && <line className={`span span--${severity(bar.late)}${bar.unpaid ? ' span--unpaid' : ''}`} x1={x(bar.due)} x2={end} y1={PLOT.bottom + 3} y2={PLOT.bottom + 3} />}
            <rect
            data-bar={bar.number}
            className={`bar bar--${severity(bar.late)}${bar.unpaid ? ' bar--unpaid' : ''}`}
            x={x(bar.due) - width / 2}
            y={top}
            width={width}
            height={PLOT.bottom - top}
          >
              <title>{t.bar(bar.number, dayLabel(lang, bar.due), bar.paid === undefined ? undefined : dayLabel(lang, bar.paid), bar.late)}</title>
            </rect>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** The first day of every month within [from, to], as day numbers. */
function monthStarts(from: number, to: number): number[] {
  const days: number[] = [];
  const start = dateOfDay(from);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7)) + 1;
  for (;;) {
    if (month > 12) {
      year++;
      month = 1;
    }
    const day = civilDay(year, month, 1);
    if (day > to) return days;
    days.push(day);
    month++;
  }
}
