import type { ClientHistory, HistoryInvoice, HistoryTicket } from '../model';
import type { Settings } from '../settings';
import type { CriterionContext } from './context';
import { dayNumber, inLastDays, inRange, isoWeekday, minuteOfDay } from './windows';

/**
 * What the criteria read from one history, computed in one pass over its rows and shared by
 * every criterion and by peerStats. Tickets are the bulk of a history (hundreds per client), so
 * each is read once: its local day and time are worked out once and it is sorted into every
 * window that needs it.
 */
type HistoryFacts = {
  /** Per invoice (index-aligned with history.invoices): day of issue, else due; NaN when it has neither or is draft/void. */
  invoiceDays: number[];
  /** Per note / change (index-aligned): its local day. */
  noteDays: number[];
  changeDays: number[];
  /** Growth of each ticket-count snapshot over the previous one of the same host and scope. */
  growth: CountGrowth[];
  tickets: TicketFacts;
  /** Work items (tickets, or count growth where that says more) in the scope-creep and low-income windows. */
  work: { recent: number; before: number; year: number };
};

export type CountGrowth = { at: string; day: number; from: number; to: number; series: string };

type TicketFacts = {
  /** Tickets in the excess-attention window (contacts), and those of them after hours or urgent. */
  contacts: number;
  afterHours: HistoryTicket[];
  urgent: HistoryTicket[];
  /** In the disrespect window: tickets at all, rated ones, rated bad, tagged as a complaint. */
  recentForDisrespect: number;
  rated: number;
  ratedBad: HistoryTicket[];
  complaints: HistoryTicket[];
  /** In the out-of-scope window: tickets whose tags or subject name out-of-scope work. */
  outOfScope: HistoryTicket[];
  /** Tickets created in the scope-creep windows and the low-income window. */
  recent: number;
  before: number;
  year: number;
};

/** Draft and void invoices count nowhere. */
export function countsAsBilled(invoice: HistoryInvoice): boolean {
  return invoice.status !== 'draft' && invoice.status !== 'void';
}

const matchers = new WeakMap<readonly string[], RegExp | null>();

/** One case-insensitive pattern for a word list (EN and RU), compiled once per list; null matches nothing. */
function wordMatcher(words: readonly string[]): RegExp | null {
  let matcher = matchers.get(words);
  if (matcher === undefined) {
    const escaped = words.map((word) => word.trim()).filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    matcher = escaped.length ? new RegExp(escaped.join('|'), 'i') : null;
    matchers.set(words, matcher);
  }
  return matcher;
}

/** True when any tag (or the subject, when given) contains one of the matcher's words. */
function mentions(matcher: RegExp | null, tags: string[] | undefined, subject?: string): boolean {
  if (!matcher) return false;
  if (subject !== undefined && matcher.test(subject)) return true;
  if (tags) for (const tag of tags) if (matcher.test(tag)) return true;
  return false;
}

/** Business hours ready for testing thousands of tickets: business days by ISO weekday, minutes of the day. */
type BusinessHours = { days: boolean[]; start: number; end: number };

const compiledHours = new WeakMap<Settings['businessHours'], BusinessHours>();

export function businessHours(settings: Settings): BusinessHours {
  const hours = settings.businessHours;
  let compiled = compiledHours.get(hours);
  if (!compiled) {
    const days = Array.from({ length: 8 }, (_, weekday) => hours.days.includes(weekday));
    compiled = { days, start: minuteOfDay(hours.start), end: minuteOfDay(hours.end) };
    compiledHours.set(hours, compiled);
  }
  return compiled;
}

/**
 * After hours: not on a business day, or before the start or from the end of business hours
 * (09:00–18:00 means 09:00 is in and 18:00 is out). A date with no time is judged by its day alone.
 */
export function isAfterHours(day: number, minute: number | null, hours: BusinessHours): boolean {
  if (!hours.days[isoWeekday(day)]) return true;
  return minute !== null && (minute < hours.start || minute >= hours.end);
}

type CacheEntry = { settings: Settings; today: number; timeZone: string; facts: HistoryFacts };
const cache = new WeakMap<ClientHistory, CacheEntry>();

/**
 * The facts of a history for this evaluation, computed once and reused while the history object,
 * the settings object, today and the zone stay the same (peerStats then evaluateClient of the
 * same histories read them once). Histories are treated as immutable values.
 */
export function historyFacts(history: ClientHistory, ctx: CriterionContext): HistoryFacts {
  const hit = cache.get(history);
  if (hit && hit.settings === ctx.settings && hit.today === ctx.today && hit.timeZone === ctx.timeZone) return hit.facts;
  const facts = computeFacts(history, ctx);
  cache.set(history, { settings: ctx.settings, today: ctx.today, timeZone: ctx.timeZone, facts });
  return facts;
}

function computeFacts(history: ClientHistory, ctx: CriterionContext): HistoryFacts {
  const { settings, today, clock } = ctx;
  const tickets = ticketFacts(history.tickets, ctx);
  const growth = countGrowth(history, ctx);
  const creepDays = settings.scopeCreep.windowDays;
  const growthIn = (inWindow: (day: number) => boolean) => largestSeriesGrowth(growth, inWindow);
  return {
    invoiceDays: history.invoices.map((invoice) => (countsAsBilled(invoice) ? dayNumber(invoice.issued ?? invoice.due ?? '') : Number.NaN)),
    noteDays: history.notes.map((note) => clock.dayOf(note.at)),
    changeDays: history.changes.map((change) => clock.dayOf(change.at)),
    growth,
    tickets,
    // The same tickets may be both listed and counted: the larger figure is the work, never the sum.
    work: {
      recent: Math.max(tickets.recent, growthIn((day) => inRange(day, today, creepDays, 0))),
      before: Math.max(tickets.before, growthIn((day) => inRange(day, today, 2 * creepDays, creepDays))),
      year: Math.max(tickets.year, growthIn((day) => inLastDays(day, today, settings.lowIncome.windowDays))),
    },
  };
}

function ticketFacts(list: HistoryTicket[], ctx: CriterionContext): TicketFacts {
  const { settings, today, clock } = ctx;
  const attention = settings.excessAttention.windowDays;
  const disrespect = settings.disrespect.windowDays;
  const scope = settings.outOfScope.windowDays;
  const creep = settings.scopeCreep.windowDays;
  const year = settings.lowIncome.windowDays;
  const oldest = Math.max(attention, disrespect, scope, 2 * creep, year);
  const complaintWords = wordMatcher(settings.complaintTags);
  const scopeWords = wordMatcher(settings.outOfScope.keywords);
  const hours = businessHours(settings);
  const facts: TicketFacts = {
    contacts: 0,
    afterHours: [],
    urgent: [],
    recentForDisrespect: 0,
    rated: 0,
    ratedBad: [],
    complaints: [],
    outOfScope: [],
    recent: 0,
    before: 0,
    year: 0,
  };
  for (const ticket of list) {
    const day = clock.dayOf(ticket.created);
    // An unreadable time (NaN) is in no window, like the future and the old.
    if (!inLastDays(day, today, oldest)) continue;
    if (inRange(day, today, creep, 0)) facts.recent++;
    else if (inRange(day, today, 2 * creep, creep)) facts.before++;
    if (inLastDays(day, today, year)) facts.year++;
    if (inLastDays(day, today, attention)) {
      facts.contacts++;
      if (isAfterHours(day, clock.minuteOf(ticket.created), hours)) facts.afterHours.push(ticket);
      if (ticket.priority === 'urgent') facts.urgent.push(ticket);
    }
    if (inLastDays(day, today, disrespect)) {
      facts.recentForDisrespect++;
      if (ticket.satisfaction) facts.rated++;
      if (ticket.satisfaction === 'bad') facts.ratedBad.push(ticket);
      if (mentions(complaintWords, ticket.tags)) facts.complaints.push(ticket);
    }
    if (inLastDays(day, today, scope) && mentions(scopeWords, ticket.tags, ticket.subject)) facts.outOfScope.push(ticket);
  }
  return facts;
}

/** Snapshots in time order, one series per host and scope; growth is the rise over the previous snapshot. */
function countGrowth(history: ClientHistory, ctx: CriterionContext): CountGrowth[] {
  const last = new Map<string, number>();
  const growth: CountGrowth[] = [];
  const ordered = [...history.counts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const snapshot of ordered) {
    const series = `${snapshot.source ?? ''}\u0000${snapshot.scope ?? 'total'}`;
    const before = last.get(series);
    last.set(series, snapshot.count);
    if (before !== undefined && snapshot.count > before) {
      growth.push({ at: snapshot.at, day: ctx.clock.dayOf(snapshot.at), from: before, to: snapshot.count, series });
    }
  }
  return growth;
}

/** Work seen through counts in a window: the growth of the series that grew most (series overlap, so never summed). */
function largestSeriesGrowth(growth: CountGrowth[], inWindow: (day: number) => boolean): number {
  if (growth.length === 0) return 0;
  const bySeries = new Map<string, number>();
  let largest = 0;
  for (const step of growth) {
    if (!inWindow(step.day)) continue;
    const sum = (bySeries.get(step.series) ?? 0) + step.to - step.from;
    bySeries.set(step.series, sum);
    largest = Math.max(largest, sum);
  }
  return largest;
}
