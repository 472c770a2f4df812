import { parseRelative, toIso } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { text } from '../extract/text';
import { priorityOf } from '../extract/vocabulary';
import type { TicketObservation, TicketPriority } from '../model';
import type { SiteReader } from './types';

// Chatwoot agent dashboard, conversation list (SITE_FACTS §8 "Chatwoot, agent conversation list").
const SELECTORS = {
  /** One card per conversation (+ `active`, `unread-chat`); cards, not table rows. */
  card: 'div.conversation',
  /** The contact's name: a person, since the card shows no organisation. */
  contact: '.conversation--user',
  /** "#412" beside the inbox name. */
  conversationId: '.conversation--id',
  /** Fallback for the id: a card that links to its conversation. */
  conversationLink: 'a[href*="/conversations/"]',
  /** "created • last activity" in short units ("3d • 2h"); exact times only in a hover tooltip, never an attribute. */
  time: '.conversation--meta .time-ago, .conversation--meta .timestamp, .conversation--meta time',
  /** The priority is an icon only: an SVG whose class is `priority-<level>`. */
  priorityIcon: '[class*="priority-"]',
} as const;

/** Agent dashboard routes: `/app/accounts/<id>/…` (dashboard, inbox, label, team, mentions, custom views). */
const DASHBOARD_PATH = /^\/app\/accounts\/\d+(\/|$)/;

const ROWS_PER_STEP = 200;

function isDashboardAddress(url: string): boolean {
  try {
    return DASHBOARD_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function cardsOf(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(SELECTORS.card)).filter((card) => card.querySelector(SELECTORS.contact) !== null);
}

/** Resolves the "created" half of the time text against the read time, as precise as its unit ("5m" a minute, "3d" a day). */
function createdOf(raw: string, now: Date): string | undefined {
  const when = parseRelative(raw, now);
  return when ? toIso(when) : undefined;
}

function idOf(card: Element): string {
  const shown = text(card.querySelector(SELECTORS.conversationId)).replace(/^[#№]\s*/, '');
  if (shown) return shown;
  return /\/conversations\/(\d+)/.exec(card.querySelector(SELECTORS.conversationLink)?.getAttribute('href') ?? '')?.[1] ?? '';
}

function priorityOfCard(card: Element, report: PageReport): TicketPriority | undefined {
  const icon = card.querySelector(SELECTORS.priorityIcon);
  const level = /(?:^|\s)priority-([a-z]+)/.exec(icon?.getAttribute('class') ?? '')?.[1];
  if (!level || level === 'none') return undefined;
  const priority = priorityOf(level);
  if (!priority) report.warn(`Unknown Chatwoot priority "${level}": those conversations have no priority.`);
  return priority;
}

function readCard(card: Element, now: Date, report: PageReport): TicketObservation | undefined {
  const id = idOf(card);
  if (!id) {
    report.warn('A Chatwoot conversation card without a conversation number was skipped.');
    return undefined;
  }
  const name = text(card.querySelector(SELECTORS.contact));
  if (!name) {
    report.warn(`Chatwoot conversation ${id}: no contact name; skipped.`);
    return undefined;
  }
  const times = text(card.querySelector(SELECTORS.time)).split('•').map((part) => part.trim());
  // With one time only, it is the last activity, not the start of the conversation.
  const created = times.length === 2 ? createdOf(times[0] ?? '', now) : undefined;
  if (!created) {
    report.warn(`Chatwoot conversation ${id}: no readable start time ("${times.join(' • ')}"); skipped.`);
    return undefined;
  }
  const priority = priorityOfCard(card, report);
  return {
    kind: 'ticket',
    client: report.client(name),
    id: report.cap(id, 'conversation number'),
    created,
    ...(priority ? { priority } : {}),
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
  if (cards.length > 0) {
    report.warn('Chatwoot shows conversation times only as "3d"-style ages: start times are read to the minute, hour or day the card gives.');
  }
}

export const chatwootConversations: SiteReader = {
  id: 'chatwoot-conversations',
  product: 'Chatwoot',
  label: { en: 'Chatwoot conversation list', ru: 'список разговоров Chatwoot' },
  reads: {
    en: 'Conversation cards: number, contact, start time (as precise as the card\'s "3d"-style age), priority (from its icon)',
    ru: 'Карточки разговоров: номер, контакт, время начала (с точностью возраста на карточке, напр. «3d»), приоритет (по значку)',
  },
  // The cloud service; self-hosted installs are enabled by the user and found by address and markup.
  hosts: /^app\.chatwoot\.com$/i,
  detect(doc, url) {
    return isDashboardAddress(url) && cardsOf(doc).length > 0 ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { now, report }) {
    yield* readCards(doc, now, report);
  },
};
