import { formatMoney, formatNumber, type UiText } from '../../lib/i18n';
import type { Lang } from '../../lib/model';
import { longMonthLabel, monthLabel } from './dates';
import { ChartFrame, linear, niceTicks, PLOT, XLabels, YAxis } from './frame';
import type { BilledMonth } from './series';

type BilledChartProps = { months: BilledMonth[]; currency?: string; others: string[]; text: UiText; lang: Lang };

const compact = new Map<Lang, Intl.NumberFormat>();

/** 12 500 → '12.5K' / '12,5 тыс.': axis labels stay short in both languages. */
function compactNumber(lang: Lang, value: number): string {
  let format = compact.get(lang);
  if (!format) compact.set(lang, (format = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 })));
  return format.format(value);
}

/** The amount billed per month, in the client's main currency (credit notes reach below zero). */
export function BilledChart({ months, currency, others, text, lang }: BilledChartProps) {
  const t = text.charts.billed;
  const amounts = months.map((month) => month.amount);
  const ticks = niceTicks(Math.max(0, ...amounts), 4, Math.min(0, ...amounts));
  const y = linear([ticks[0]!, ticks[ticks.length - 1]!], [PLOT.bottom, PLOT.top]);
  const band = (PLOT.right - PLOT.left) / Math.max(months.length, 1);
  const left = (i: number) => PLOT.left + i * band;
  const total = formatMoney(lang, amounts.reduce((sum, amount) => sum + amount, 0), currency);
  return (
    <ChartFrame
      id="billed"
      title={currency ? `${t.title}, ${currency}` : t.title}
      summary={t.summary(total, months.length)}
      points={months.filter((month) => month.amount !== 0).length}
      empty={t.none}
      note={others.length ? t.otherCurrencies(others.join(', ')) : undefined}
    >
      <YAxis ticks={ticks} y={y} format={(value) => (Math.abs(value) >= 10_000 ? compactNumber(lang, value) : formatNumber(lang, value))} />
      <XLabels labels={months.map((month, i) => ({ key: month.month, x: left(i) + band / 2, text: monthLabel(lang, month.month) }))} />
      {months.map((month, i) => {
        const top = Math.min(y(month.amount), y(0));
        return (
          <rect
            key={month.month}
            data-bar={month.month}
            className={`bar ${month.amount < 0 ? 'bar--credit' : 'bar--billed'}`}
            x={left(i) + band * 0.2}
            y={top}
            width={band * 0.6}
            height={Math.abs(y(month.amount) - y(0))}
          >
            <title>{t.bar(longMonthLabel(lang, month.month), formatMoney(lang, month.amount, currency))}</title>
          </rect>
        );
      })}
    </ChartFrame>
  );
}
