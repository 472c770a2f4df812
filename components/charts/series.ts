import { businessHours, countsAsBilled, isAfterHours } from '../../lib/criteria/facts';
import { lateDays } from '../../lib/criteria/late-payment';
import { dateOfDay, dayNumber, isoWeekday, zoneClock } from '../../lib/criteria/windows';
import type { ClientHistory } from '../../lib/model';
import { effectiveTimeZone, type Settings } from '../../lib/settings';

/*
 * A client's history as the series its charts draw: pure functions of the history, the settings
 * and `now`, reading dates with the criteria's own calendar arithmetic (lib/criteria/windows.ts),
 * so a chart's "days late" and "after hours" are the ones the verdicts were judged by.
 */

/** How far back the charts look: two years of invoices, half a year of weeks, a year of months. */
const INVOICE_DAYS = 730;
const WEEKS = 26;
const MONTHS = 12;
/** More bars than this stop being readable at the chart's width: the newest are kept. */
const MAX_INVOICES = 60;

export type InvoiceBar = {
  number: string;
  /** Day numbers (days since 1970-01-01). */
  due: number;
  paid?: number;
  /** Days from due to paid; for an unpaid invoice past due, to today. */
  late: number;
  unpaid: boolean;
};

/**
 * Every billed invoice with a due date in the last two years whose days late are known (paid with a
 * date, or unpaid and past due), oldest due first.
 */
export function invoiceBars(history: ClientHistory, settings: Settings, now: Date): { bars: InvoiceBar[]; today: number } {
  const today = todayOf(settings, now);
  const bars: InvoiceBar[] = [];
  for (const invoice of history.invoices) {
    if (!countsAsBilled(invoice) || !invoice.due) continue;
    const due = dayNumber(invoice.due);
    if (!(due > today - INVOICE_DAYS)) continue;
    const late = lateDays(invoice, today);
    if (typeof late !== 'number') continue;
    const paid = invoice.paid ? dayNumber(invoice.paid) : Number.NaN;
    bars.push({ number: invoice.number, due, late, unpaid: Number.isNaN(paid), ...(Number.isNaN(paid) ? {} : { paid }) });
  }
  bars.sort((a, b) => a.due - b.due || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return { bars: bars.slice(-MAX_INVOICES), today };
}

export type TicketWeek = {
  /** Day number of the week's Monday. */
  monday: number;
  total: number;
  afterHours: number;
  urgent: number;
};

/**
 * Tickets per ISO week (Monday first) over the last 26 weeks up to this one, empty weeks
 * included so the time scale stays true; starts at the first week with a ticket when that is
 * later. Empty when no ticket falls in those weeks.
 */
export function ticketWeeks(history: ClientHistory, settings: Settings, now: Date): TicketWeek[] {
  const clock = zoneClock(effectiveTimeZone(settings));
  const hours = businessHours(settings);
  const thisMonday = mondayOf(todayOf(settings, now));
  const firstMonday = thisMonday - 7 * (WEEKS - 1);
  const weeks = new Map<number, TicketWeek>();
  for (const ticket of history.tickets) {
    const day = clock.dayOf(ticket.created);
    const monday = mondayOf(day);
    if (!(monday >= firstMonday && monday <= thisMonday)) continue;
    const week = weeks.get(monday) ?? { monday, total: 0, afterHours: 0, urgent: 0 };
    week.total++;
    if (isAfterHours(day, clock.minuteOf(ticket.created), hours)) week.afterHours++;
    if (ticket.priority === 'urgent') week.urgent++;
    weeks.set(monday, week);
  }
  if (weeks.size === 0) return [];
  const start = Math.min(...weeks.keys());
  const series: TicketWeek[] = [];
  for (let monday = start; monday <= thisMonday; monday += 7) series.push(weeks.get(monday) ?? { monday, total: 0, afterHours: 0, urgent: 0 });
  return series;
}

export type BilledMonth = { month: string; amount: number };

/**
 * The amount billed per calendar month ('yyyy-MM', by issue date, else due date) in the currency
 * billed most often, over the last 12 months up to this one (from the first month with an
 * invoice when that is later). Draft and void invoices count nowhere. `others` lists the other
 * currencies seen in those months: one scale cannot add them up.
 */
export function billedMonths(history: ClientHistory, settings: Settings, now: Date): { currency?: string; months: BilledMonth[]; others: string[] } {
  const thisMonth = dateOfDay(todayOf(settings, now)).slice(0, 7);
  const firstMonth = addMonths(thisMonth, -(MONTHS - 1));
  const byCurrency = new Map<string, Map<string, number>>();
  const invoicesOf = new Map<string, number>();
  for (const invoice of history.invoices) {
    if (!countsAsBilled(invoice) || invoice.amount === undefined) continue;
    const date = invoice.issued ?? invoice.due;
    if (!date || Number.isNaN(dayNumber(date))) continue;
    const month = date.slice(0, 7);
    if (month < firstMonth || month > thisMonth) continue;
    const currency = invoice.currency ?? '';
    const months = byCurrency.get(currency) ?? new Map<string, number>();
    months.set(month, (months.get(month) ?? 0) + invoice.amount);
    byCurrency.set(currency, months);
    invoicesOf.set(currency, (invoicesOf.get(currency) ?? 0) + 1);
  }
  const ranked = [...invoicesOf.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([currency]) => currency);
  const main = ranked[0];
  if (main === undefined) return { months: [], others: [] };
  const amounts = byCurrency.get(main)!;
  const months: BilledMonth[] = [];
  for (let month = [...amounts.keys()].sort()[0]!; month <= thisMonth; month = addMonths(month, 1)) months.push({ month, amount: amounts.get(month) ?? 0 });
  return { ...(main ? { currency: main } : {}), months, others: ranked.slice(1).map((currency) => currency || '—') };
}

/** Today's day number in the user's time zone, as the criteria count it. */
function todayOf(settings: Settings, now: Date): number {
  return zoneClock(effectiveTimeZone(settings)).dayOf(now.toISOString());
}

function mondayOf(day: number): number {
  return day - (isoWeekday(day) - 1);
}

/** 'yyyy-MM' moved by `months`. */
function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
