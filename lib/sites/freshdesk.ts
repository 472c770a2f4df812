import { parseRelative, toIso } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { squish, text } from '../extract/text';
import { headerKey, priorityOf, ticketStatusOf } from '../extract/vocabulary';
import { LIMITS } from '../limits';
import type { TicketObservation, TicketPriority, TicketStatus } from '../model';
import type { SiteReader } from './types';

// Freshdesk agent ticket list, "Mint" UI card view (SITE_FACTS_2 "Freshdesk agent ticket list").
const SELECTORS = {
  /** A card per ticket; the content node is `[data-test-ticket-content]`. */
  card: '.tickets__list, [data-test-ticket-content]',
  /** The ticket id, exact, in a test attribute (its text is "#2291"). */
  ticketId: '[data-test-ticket-id]',
  /** The subject link in the title row. */
  subject: '.ticket-title-row a, .ticket-title-row .wordbreak-fix',
  /** The requester: a person (the card shows no company). */
  requester: '[data-test-id="user-name"]',
  /** The line under the title: requester, then "Created 3 hours ago" or "Customer responded …", then SLA times. */
  info: '.ticket-info',
  /** Tags; the "New" and "Overdue" markers in `.ticket-tag-toprow` are `span.tag--…`, not tags. */
  tag: 'span.tag',
  /** Status and priority are inline dropdowns; the trigger shows the chosen option. */
  status: '.list-filter__status .ember-power-select-selected-item',
  priority: '.list-filter__priority .ember-power-select-selected-item',
  /** The priority dot's class repeats the level (`priority--high`) where the label is missing. */
  priorityDot: '[class*="priority--"]',
} as const;

/** Ticket lists: `/a/tickets/filters/<filter>` or `/a/tickets`; a single ticket is `/a/tickets/<id>`. */
const LIST_PATH = /^\/a\/tickets(\/filters\/[^/]+)?\/?$/;

const ROWS_PER_STEP = 200;

/** The info line's creation time ("Created 25 minutes ago", RU "Создан 3 часа назад"); responses are other times. */
const CREATED = /(?:^|\s)(?:created|создан[оа]?)\s+(.+?\s(?:ago|назад)|yesterday|вчера|today|сегодня|just now|только что)(?=\s|$|•)/i;
/** moment's fuzzy prefixes, which parseRelative does not take. */
const FUZZY = /^(about|almost|over|около|почти|более)\s+/i;

/** Freshdesk statuses the shared vocabulary does not know (the defaults' custom siblings). */
const LOCAL_STATUSES: readonly [RegExp, TicketStatus][] = [[/^(waiting on third party|ожидание третьей стороны|ожидает третью сторону)$/, 'pending']];

function isListAddress(url: string): boolean {
  try {
    return LIST_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The cards, each once: the row and its content node both match, so keep the outermost. */
function cardsOf(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(SELECTORS.card)).filter(
    (card) => card.parentElement?.closest(SELECTORS.card) == null && card.querySelector(SELECTORS.ticketId) !== null,
  );
}

function createdOf(info: string, now: Date): string | undefined {
  const match = CREATED.exec(info);
  if (!match) return undefined;
  const age = (match[1] ?? '').replace(FUZZY, '');
  // As precise as the words: "25 minutes ago" a minute, "2 days ago" a day.
  const when = parseRelative(age, now);
  return when ? toIso(when) : undefined;
}

function statusOf(card: Element, report: PageReport): TicketStatus | undefined {
  const words = text(card.querySelector(SELECTORS.status));
  if (!words) return undefined;
  const status = ticketStatusOf(words) ?? LOCAL_STATUSES.find(([pattern]) => pattern.test(headerKey(words)))?.[1];
  if (!status) report.warn(`Unknown Freshdesk status "${words}": those tickets have no status.`);
  return status;
}

function priorityOfCard(card: Element, report: PageReport): TicketPriority | undefined {
  const words = text(card.querySelector(SELECTORS.priority));
  const dot = /(?:^|\s)priority--([a-z]+)/.exec(card.querySelector(SELECTORS.priorityDot)?.getAttribute('class') ?? '')?.[1] ?? '';
  const priority = (words ? priorityOf(words) : undefined) ?? (dot ? priorityOf(dot) : undefined);
  if (!priority && (words || dot)) report.warn(`Unknown Freshdesk priority "${words || dot}": those tickets have no priority.`);
  return priority;
}

function tagsOf(card: Element, report: PageReport): string[] {
  const tags = Array.from(card.querySelectorAll(SELECTORS.tag))
    .map((tag) => text(tag))
    .filter((tag) => tag.length > 0);
  if (tags.length > LIMITS.maxTags) report.warn(`A Freshdesk ticket has more than ${LIMITS.maxTags} tags; only the first ${LIMITS.maxTags} were kept.`);
  return tags.slice(0, LIMITS.maxTags).map((tag) => report.cap(tag, 'tag'));
}

function readCard(card: Element, now: Date, report: PageReport): TicketObservation | undefined {
  const idElement = card.querySelector(SELECTORS.ticketId);
  const id = ((idElement?.getAttribute('data-test-ticket-id') ?? '').trim() || text(idElement)).replace(/^[#№]\s*/, '');
  if (!id) {
    report.warn('A Freshdesk ticket card without a ticket id was skipped.');
    return undefined;
  }
  const created = createdOf(squish(card.querySelector(SELECTORS.info)?.textContent ?? ''), now);
  if (!created) {
    report.warn(`Freshdesk ticket ${id}: the card shows when it was last answered, not when it was created; skipped.`);
    return undefined;
  }
  const name = text(card.querySelector(SELECTORS.requester));
  if (!name) {
    report.warn(`Freshdesk ticket ${id}: no requester; skipped.`);
    return undefined;
  }
  const subject = text(card.querySelector(SELECTORS.subject));
  const priority = priorityOfCard(card, report);
  const status = statusOf(card, report);
  const tags = tagsOf(card, report);
  return {
    kind: 'ticket',
    client: report.client(name),
    id: report.cap(id, 'ticket id'),
    created,
    ...(priority ? { priority } : {}),
    ...(status ? { status } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(subject ? { subject: report.cap(subject, 'ticket subject') } : {}),
  };
}

function* readCards(doc: Document, now: Date, report: PageReport): Steps<void> {
  const cards = cardsOf(doc);
  for (const [index, card] of cards.entries()) {
    if (report.full) {
      report.overflow();
      return;
    }
    const ticket = readCard(card, now, report);
    if (ticket) report.add(ticket);
    if ((index + 1) % ROWS_PER_STEP === 0) yield;
  }
}

export const freshdeskTickets: SiteReader = {
  id: 'freshdesk-tickets',
  product: 'Freshdesk',
  label: { en: 'Freshdesk ticket list', ru: 'список тикетов Freshdesk' },
  reads: {
    en: 'Ticket cards: id, requester, created (from "Created … ago", to the unit given), status, priority, tags, subject',
    ru: 'Карточки тикетов: номер, автор, дата создания (по «Created … ago», с точностью до указанной единицы), статус, приоритет, теги, тема',
  },
  hosts: /^[a-z0-9-]+\.freshdesk\.com$/i,
  detect(doc, url) {
    return isListAddress(url) && cardsOf(doc).length > 0 ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { now, report }) {
    yield* readCards(doc, now, report);
  },
};
