import { countsAsBilled } from '../criteria/facts';
import { dayNumber } from '../criteria/windows';
import { squish } from '../extract/text';
import { LIMITS } from '../limits';
import { CRITERION_IDS, type ClientHistory, type CriterionId, type Evidence, type HistoryTicket, type Lang, type Verdict } from '../model';
import { textOf, type UiText } from '../i18n';
import type { Dates, LateInvoiceWords, Period, PriceWords, Tally } from './words';

/**
 * The parting assistant (issue 12): for a client's verdicts, the article's civil next step per
 * criterion that is met or on watch, and, once one is met, a draft letter that puts the facts on
 * the table without blame. Everything is built from structured evidence and the history, never
 * from the verdicts' UI text: that is in the UI language (the letter's may differ), and a note's
 * text is the team's own words, which may be blunt. Nothing is sent; the user copies the letter.
 */

/** The assistant's words of one language (lib/i18n, section `parting`). */
type PartingText = UiText['parting'];

const DAY_MS = 86_400_000;
/**
 * The criteria's default windows (DESIGN.md table), for the facts the evidence does not itemise
 * (work and billing per period). The letter names the dates it counts over, so its numbers are
 * true for the days it names even when the user's settings judge over other windows.
 */
const WINDOW = { quarter: 90, halfYear: 180, year: 365 } as const;

type Step = { criterion: CriterionId; text: string };
type Letter = { subject: string; body: string };
type Judged = Verdict & { status: 'met' | 'watch' };

/** What one criterion contributes: its facts for the step, its paragraph of facts and its proposal for the letter. */
type Contribution = { stepFacts: string; letterFacts: string; proposal: string; offersParting: boolean };
type Input = { t: PartingText; evidence: readonly Evidence[]; history: ClientHistory; today: number };

/**
 * The next steps for every `met` and `watch` verdict (met first, then in the criteria table's
 * order; none for clear or unknown), and a draft letter when at least one is met. Deterministic:
 * evidence is read in a sorted order, dates are calendar arithmetic on the dates as recorded, and
 * `now` (the only clock) matters only for the per-period counts the letter names.
 *
 * @example
 * const verdicts = evaluateClient(history, { now, settings });
 * const { steps, letter } = partingPlan(history, verdicts, { lang: 'ru', now });
 * // steps[0].text: 'Пересмотреть условия оплаты (предоплата, более короткий срок) или прекратить работу.
 * //   Счета: № 2026-041 (опоздание 21 день) и № 2026-052 (не оплачен, просрочка 31 день).'
 * // letter?.subject: 'О нашем сотрудничестве: факты и предложения'
 */
export function partingPlan(
  history: ClientHistory,
  verdicts: Verdict[],
  opts: { lang: Lang; now?: Date },
): { steps: Step[]; letter: Letter | null } {
  // A language from outside the type (an old setting, a hand-made message) falls back to English.
  const t = textOf(opts.lang).parting;
  const now = opts.now ?? new Date();
  // The UTC calendar day of `now`: the plan has no time zone, and a day either way only moves the
  // edges of the periods it names (each count is of the dates as recorded, within the dates shown).
  const today = Math.floor(now.getTime() / DAY_MS);
  const judged = chosen(verdicts);
  const parts = judged.map((verdict) => ({
    verdict,
    contribution: CONTRIBUTIONS[verdict.id]({ t, evidence: verdict.evidence, history, today }),
  }));
  const steps = parts.map(({ verdict, contribution }) => ({
    criterion: verdict.id,
    text: [t.steps[verdict.id][verdict.status], contribution.stepFacts].filter(Boolean).join(' '),
  }));
  const met = parts.filter((part) => part.verdict.status === 'met').map((part) => part.contribution);
  return { steps, letter: met.length ? letterOf(t, plain(history.client.name), met) : null };
}

/** One verdict per criterion (the first given), met and watch only, met first, then in the table's order. */
function chosen(verdicts: readonly Verdict[]): Judged[] {
  const seen = new Set<CriterionId>();
  const judged: Judged[] = [];
  for (const verdict of verdicts) {
    if (!CRITERION_IDS.includes(verdict.id) || seen.has(verdict.id)) continue;
    seen.add(verdict.id);
    if (isJudged(verdict)) judged.push(verdict);
  }
  const rank = (v: Judged) => (v.status === 'met' ? 0 : CRITERION_IDS.length) + CRITERION_IDS.indexOf(v.id);
  return judged.sort((a, b) => rank(a) - rank(b));
}

function isJudged(verdict: Verdict): verdict is Judged {
  return verdict.status === 'met' || verdict.status === 'watch';
}

function letterOf(t: PartingText, name: string, met: Contribution[]): Letter {
  const paragraphs = [
    name ? t.letter.to(name) : '',
    t.letter.greeting,
    t.letter.opening,
    ...met.map((part) => part.letterFacts),
    t.letter.proposalsHeading,
    ...met.map((part) => part.proposal),
    met.some((part) => part.offersParting) ? t.letter.parting : '',
    t.letter.closing,
    t.letter.signOff,
  ];
  return { subject: t.letter.subject, body: paragraphs.filter(Boolean).join('\n\n') };
}

// ——— Page text and dates ———

/** C0 and C1 controls and line separators: a page value must stay one line of plain text. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Page text (a client name, an invoice number) as one plain line: controls and line breaks
 * become spaces, white space collapses, invisible marks go, and it is cut at LIMITS.maxText
 * like everything read from a page. It is never escaped: the letter is plain text, shown as text.
 *
 * @example plain('<b>Acme</b>\r\n=HYPERLINK("x")') // '<b>Acme</b> =HYPERLINK("x")'
 */
function plain(value: string): string {
  const line = squish(value.replace(CONTROLS, ' '));
  if (line.length <= LIMITS.maxText) return line;
  const cut = line.slice(0, LIMITS.maxText);
  // Never leave half of a surrogate pair at the cut.
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd();
}

/** The calendar date of a stored date or date-time, as recorded; undefined when unreadable. */
function dateOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = value.slice(0, 10);
  return Number.isNaN(dayNumber(date)) ? undefined : date;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function writeDate(t: PartingText, date: string): string {
  return t.date(Number(date.slice(8, 10)), t.months[Number(date.slice(5, 7)) - 1] ?? '', Number(date.slice(0, 4)));
}

/**
 * A span of dates in the language's style; the first date drops its year when both share it.
 *
 * @example writePeriod(en, '2026-06-01', '2026-08-29') // { from: '1 June', to: '29 August 2026' }
 */
function writePeriod(t: PartingText, from: string, to: string): Period {
  if (from === to) return { to: writeDate(t, to) };
  const first = from.slice(0, 4) === to.slice(0, 4) ? t.dayMonth(Number(from.slice(8, 10)), t.months[Number(from.slice(5, 7)) - 1] ?? '') : writeDate(t, from);
  return { from: first, to: writeDate(t, to) };
}

/** Distinct dates as one list, oldest first; within one year only the last carries it. */
function writeDates(t: PartingText, dates: readonly string[], count: number): Dates | undefined {
  const distinct = [...new Set(dates)].sort();
  if (distinct.length === 0) return undefined;
  const sameYear = distinct.every((date) => date.slice(0, 4) === distinct[0]!.slice(0, 4));
  const written = distinct.map((date, i) =>
    sameYear && i < distinct.length - 1 ? t.dayMonth(Number(date.slice(8, 10)), t.months[Number(date.slice(5, 7)) - 1] ?? '') : writeDate(t, date),
  );
  return { list: t.list(written), count };
}

/** How many dated items, over the days from the first to the last of them. */
function tallyOf(t: PartingText, dates: readonly string[]): Tally | undefined {
  const sorted = [...dates].sort();
  if (sorted.length === 0) return undefined;
  return { count: sorted.length, period: writePeriod(t, sorted[0]!, sorted[sorted.length - 1]!) };
}

/** The last `days` days up to today, both ends included (the criteria's "in the last N days"). */
type Window = { first: number; last: number };

function lastDays(today: number, days: number, endingDaysAgo = 0): Window | undefined {
  if (!Number.isFinite(today)) return undefined;
  return { first: today - endingDaysAgo - days, last: today - endingDaysAgo };
}

function periodOf(t: PartingText, window: Window): Period {
  return writePeriod(t, dateOfDay(window.first), dateOfDay(window.last));
}

const inWindow = (day: number, window: Window) => day >= window.first && day <= window.last;

/** Tickets created in the window, by the date recorded. */
function ticketsIn(history: ClientHistory, window: Window): number {
  return history.tickets.filter((ticket) => inWindow(dayNumber(ticket.created.slice(0, 10)), window)).length;
}

/** The billed amount of the invoices in the window (by issue date, else due date), per currency. */
function billedIn(history: ClientHistory, window: Window): Map<string, number> {
  const billed = new Map<string, number>();
  for (const invoice of history.invoices) {
    if (!countsAsBilled(invoice) || invoice.amount === undefined) continue;
    if (!inWindow(dayNumber(invoice.issued ?? invoice.due ?? ''), window)) continue;
    const currency = invoice.currency ?? '';
    billed.set(currency, (billed.get(currency) ?? 0) + invoice.amount);
  }
  return billed;
}

/** Money per currency, each currency of `currencies` in order ("$1,000.00 + €200.00"); zero where one has none. */
function writeBilled(t: PartingText, billed: Map<string, number>, currencies: readonly string[]): string {
  if (currencies.length === 0) return t.money(0);
  return currencies.map((currency) => t.money(billed.get(currency) ?? 0, currency || undefined)).join(' + ');
}

// ——— Evidence, read in one order whatever order it came in ———

type EvidenceOf<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;

function pick<K extends Evidence['kind']>(evidence: readonly Evidence[], kind: K): EvidenceOf<K>[] {
  return evidence.filter((item): item is EvidenceOf<K> => item.kind === kind);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorted by `key`, then by the whole item, and one item per identity: a total order, so shuffled
 * evidence reads the same. Code-unit order, not a locale's collation, so every machine agrees.
 *
 * @example ordered(pick(evidence, 'ticket'), (e) => [e.created, e.id], (e) => e.id) // oldest first, each ticket once
 */
function ordered<T>(items: readonly T[], key: (item: T) => string[], identity: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: [...key(item), JSON.stringify(item)] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const order = compareText(a.key[i]!, b.key[i] ?? '');
      if (order) return order;
    }
    return 0;
  });
  const seen = new Set<string>();
  const distinct: T[] = [];
  for (const { item } of keyed) {
    const id = identity(item);
    if (seen.has(id)) continue;
    seen.add(id);
    distinct.push(item);
  }
  return distinct;
}

const rowKey = (source: string | undefined, id: string) => `${source ?? ''}\u0000${id}`;

function invoices(evidence: readonly Evidence[]): EvidenceOf<'invoice'>[] {
  return ordered(pick(evidence, 'invoice'), (e) => [e.due ?? '', e.number, e.source ?? ''], (e) => rowKey(e.source, e.number));
}

function tickets(evidence: readonly Evidence[]): EvidenceOf<'ticket'>[] {
  return ordered(pick(evidence, 'ticket'), (e) => [e.created, e.id, e.source ?? ''], (e) => rowKey(e.source, e.id));
}

function noteDates(evidence: readonly Evidence[], kind: EvidenceOf<'note'>['noteKind']): string[] {
  return pick(evidence, 'note')
    .filter((note) => note.noteKind === kind)
    .map((note) => dateOf(note.at))
    .filter((date): date is string => date !== undefined);
}

function ticketDates(items: readonly EvidenceOf<'ticket'>[]): string[] {
  return items.map((ticket) => dateOf(ticket.created)).filter((date): date is string => date !== undefined);
}

/** The history's row behind a ticket of the evidence (the evidence names it by host and id). */
function historyTickets(history: ClientHistory): Map<string, HistoryTicket> {
  return new Map(history.tickets.map((ticket) => [rowKey(ticket.source, ticket.id), ticket]));
}

// ——— One contribution per criterion ———

const CONTRIBUTIONS: Record<CriterionId, (input: Input) => Contribution> = {
  'late-payment': ({ t, evidence }) => {
    const words = invoices(evidence).flatMap((invoice) => lateInvoiceWords(t, invoice));
    const unpaid = words.filter((word) => word.state.kind === 'unpaid').map((word) => word.number);
    return {
      stepFacts: words.length ? t.stepFacts.latePayment(words) : '',
      letterFacts: words.length ? t.letter.facts.latePayment(words) : '',
      proposal: t.letter.proposals.latePayment(unpaid),
      offersParting: true,
    };
  },

  'price-pressure': ({ t, evidence, history, today }) => {
    const window = lastDays(today, WINDOW.halfYear);
    const handledCount = window ? ticketsIn(history, window) : 0;
    const handled = window && handledCount > 0 ? { count: handledCount, period: periodOf(t, window) } : undefined;
    const words = priceWords(t, evidence, history, handled);
    const anyFact = words.discounts.length + words.credits.length + words.lowered.length + words.deferrals.length > 0 || words.requests !== undefined;
    return {
      stepFacts: t.stepFacts.pricePressure(words),
      letterFacts: anyFact ? t.letter.facts.pricePressure(words) : '',
      proposal: t.letter.proposals.pricePressure(handled),
      offersParting: false,
    };
  },

  disrespect: ({ t, evidence, history }) => {
    const rows = historyTickets(history);
    const flagged = tickets(evidence);
    const lowRated = flagged.filter((ticket) => rows.get(rowKey(ticket.source, ticket.id))?.satisfaction === 'bad').length;
    const span = tallyOf(t, ticketDates(flagged));
    const incidentDates = noteDates(evidence, 'incident');
    const words = {
      tickets: span ? { lowRated, complaints: flagged.length - lowRated, period: span.period } : undefined,
      incidents: writeDates(t, incidentDates, incidentDates.length),
    };
    return {
      stepFacts: t.stepFacts.disrespect(words),
      letterFacts: t.letter.facts.disrespect(words),
      proposal: t.letter.proposals.disrespect,
      offersParting: false,
    };
  },

  'ignored-advice': ({ t, evidence }) => {
    const dates = noteDates(evidence, 'advice');
    const advice = writeDates(t, dates, dates.length);
    return {
      stepFacts: advice ? t.stepFacts.ignoredAdvice(advice) : '',
      letterFacts: advice ? t.letter.facts.ignoredAdvice(advice) : '',
      proposal: t.letter.proposals.ignoredAdvice,
      offersParting: false,
    };
  },

  'scope-creep': ({ t, evidence, history, today }) => {
    const words = { windows: workWindows(t, history, today), growth: countGrowth(t, evidence) };
    return {
      stepFacts: t.stepFacts.scopeCreep(words),
      letterFacts: t.letter.facts.scopeCreep(words),
      proposal: t.letter.proposals.scopeCreep,
      offersParting: false,
    };
  },

  'excess-attention': ({ t, evidence, history, today }) => {
    const rows = historyTickets(history);
    const flagged = tickets(evidence);
    const span = tallyOf(t, ticketDates(flagged));
    const urgent = flagged.filter((ticket) => rows.get(rowKey(ticket.source, ticket.id))?.priority === 'urgent').length;
    // Decided by volume alone, the evidence lists no ticket: the contacts of the period say it.
    const window = span ? undefined : lastDays(today, WINDOW.quarter);
    const contactCount = window ? ticketsIn(history, window) : 0;
    const words = {
      flagged: span ? { tally: span, urgent } : undefined,
      contacts: window && contactCount > 0 ? { count: contactCount, period: periodOf(t, window) } : undefined,
    };
    return {
      stepFacts: t.stepFacts.excessAttention(words),
      letterFacts: t.letter.facts.excessAttention(words),
      proposal: t.letter.proposals.excessAttention,
      offersParting: false,
    };
  },

  'out-of-scope': ({ t, evidence }) => {
    const ethicsDates = noteDates(evidence, 'ethics');
    const words = {
      ethics: writeDates(t, ethicsDates, ethicsDates.length),
      outside: tallyOf(t, [...noteDates(evidence, 'out-of-scope'), ...ticketDates(tickets(evidence))]),
    };
    return {
      stepFacts: t.stepFacts.outOfScope(words),
      letterFacts: t.letter.facts.outOfScope(words),
      proposal: t.letter.proposals.outOfScope({ outside: words.outside !== undefined, ethics: words.ethics !== undefined }),
      offersParting: false,
    };
  },

  'low-income': ({ t, history, today }) => {
    const window = lastDays(today, WINDOW.year);
    if (!window) return { stepFacts: '', letterFacts: '', proposal: t.letter.proposals.lowIncome, offersParting: true };
    const billed = billedIn(history, window);
    const work = ticketsIn(history, window);
    const words = {
      period: periodOf(t, window),
      billed: writeBilled(t, billed, [...billed.keys()].sort()),
      work: work > 0 ? { count: work, period: periodOf(t, window) } : undefined,
    };
    return {
      stepFacts: t.stepFacts.lowIncome(words),
      letterFacts: t.letter.facts.lowIncome(words),
      proposal: t.letter.proposals.lowIncome,
      offersParting: true,
    };
  },
};

/** An invoice of the late-payment evidence in words; none for one paid on time or paid on a date never seen. */
function lateInvoiceWords(t: PartingText, invoice: EvidenceOf<'invoice'>): LateInvoiceWords[] {
  const days = typeof invoice.daysLate === 'number' ? invoice.daysLate : undefined;
  if (days === 0) return [];
  const due = dateOf(invoice.due);
  const paid = dateOf(invoice.paid);
  const base = {
    number: plain(invoice.number),
    amount: invoice.amount === undefined ? undefined : t.money(invoice.amount, invoice.currency),
    due: due ? writeDate(t, due) : undefined,
  };
  if (paid && invoice.paidEstimated) {
    // Seen unpaid on `paidAfter`, first seen paid on `paid`: paid some day between the two.
    const after = dateOf(invoice.paidAfter);
    const least = after && due ? Math.max(0, dayNumber(after) - dayNumber(due)) : undefined;
    const period = after ? writePeriod(t, after, paid) : { to: writeDate(t, paid) };
    return [{ ...base, state: { kind: 'estimated', period, least, most: days } }];
  }
  if (paid) return [{ ...base, state: { kind: 'paid', paid: writeDate(t, paid), days } }];
  if (invoice.status === 'paid') return [];
  // Unpaid: its days late run to the day the verdict was judged, which is due + days late.
  const asOf = due && days !== undefined ? writeDate(t, dateOfDay(dayNumber(due) + days)) : undefined;
  return [{ ...base, state: { kind: 'unpaid', partial: invoice.status === 'partial', asOf, days } }];
}

function priceWords(t: PartingText, evidence: readonly Evidence[], history: ClientHistory, handled: Tally | undefined): PriceWords {
  const shown = invoices(evidence);
  const changes = ordered(pick(evidence, 'change'), (e) => [e.at, e.id, e.field], (e) => JSON.stringify([e.of, e.id, e.field, e.at]));
  const words: PriceWords = { discounts: [], credits: [], lowered: [], deferrals: [], handled };
  for (const invoice of shown) {
    const number = plain(invoice.number);
    if (invoice.discount !== undefined && invoice.discount > 0) words.discounts.push({ number, amount: t.money(invoice.discount, invoice.currency) });
    if (invoice.amount !== undefined && invoice.amount < 0) words.credits.push({ number, amount: t.money(invoice.amount, invoice.currency) });
  }
  for (const change of changes) {
    if (change.of !== 'invoice') continue;
    const number = plain(change.id);
    const seen = dateOf(change.at);
    if (change.field === 'amount') {
      const currency = currencyOf(history, change.id);
      const amounts = typeof change.from === 'number' && typeof change.to === 'number' ? { from: t.money(change.from, currency), to: t.money(change.to, currency) } : {};
      words.lowered.push({ number, ...amounts, seen: seen ? writeDate(t, seen) : undefined });
    } else if (change.field === 'due') {
      const from = typeof change.from === 'string' ? dateOf(change.from) : undefined;
      const to = typeof change.to === 'string' ? dateOf(change.to) : undefined;
      if (from && to) words.deferrals.push({ number, from: writeDate(t, from), to: writeDate(t, to) });
    }
  }
  const requests = noteDates(evidence, 'discount-request');
  words.requests = writeDates(t, requests, requests.length);
  return words;
}

/** The currency of an invoice by its number (the first in code order, should hosts disagree). */
function currencyOf(history: ClientHistory, number: string): string | undefined {
  return history.invoices
    .filter((invoice) => invoice.number === number && invoice.currency)
    .map((invoice) => invoice.currency!)
    .sort()[0];
}

/**
 * Requests and billing in the last 90 days against the 90 days before, from the history, when
 * its tickets show the growth; else undefined (the growth was seen in ticket counts).
 */
function workWindows(t: PartingText, history: ClientHistory, today: number) {
  // (today − 90, today] and (today − 180, today − 90], as the criterion counts them.
  const recent = lastDays(today, WINDOW.quarter - 1);
  const before = lastDays(today, WINDOW.quarter - 1, WINDOW.quarter);
  if (!recent || !before) return undefined;
  const [recentCount, beforeCount] = [ticketsIn(history, recent), ticketsIn(history, before)];
  if (recentCount <= beforeCount) return undefined;
  const [billedRecent, billedBefore] = [billedIn(history, recent), billedIn(history, before)];
  const currencies = [...new Set([...billedRecent.keys(), ...billedBefore.keys()])].sort();
  return {
    recent: { count: recentCount, period: periodOf(t, recent) },
    before: { count: beforeCount, period: periodOf(t, before) },
    billedRecent: writeBilled(t, billedRecent, currencies),
    billedBefore: writeBilled(t, billedBefore, currencies),
  };
}

/** Growth of the ticket count between snapshots, as the evidence shows it, oldest first. */
function countGrowth(t: PartingText, evidence: readonly Evidence[]) {
  return ordered(pick(evidence, 'count'), (e) => [e.at], (e) => JSON.stringify([e.at, e.from, e.to]))
    .map((step) => ({ from: step.from, to: step.to, seen: dateOf(step.at) }))
    .filter((step): step is { from: number; to: number; seen: string } => step.seen !== undefined)
    .map((step) => ({ ...step, seen: writeDate(t, step.seen) }));
}
