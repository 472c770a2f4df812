import { dateOrderProof, pageDateOrder, parseDate, parseDateInOrder, toIso, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { text, visibleText } from '../extract/text';
import { headerKey, priorityOf, ticketStatusOf } from '../extract/vocabulary';
import type { TicketObservation, TicketPriority, TicketStatus } from '../model';
import type { SiteReader } from './types';

// osTicket 1.11+ staff panel, ticket queue (SITE_FACTS §6 "osTicket 1.11+ staff ticket queue").
const SELECTORS = {
  /** The queue table; tasks queues use `list queue tasks`, so the `tickets` class matters. */
  table: 'table.list.queue.tickets',
  /** Headings are sort links inside `th[data-id]` (the column's QueueColumn id, not a field name). */
  header: 'thead th',
  /** Data rows; `tr[id]` is the internal ticket id, the number users know is the link text. */
  row: 'tbody tr',
  /** The number column's link opens a preview: `a.preview[href*="tickets.php?id="]`. */
  numberLink: 'a.preview',
  /** The agent's select box; its value is the internal id too. */
  checkbox: 'input[name="tids[]"]',
  /** Subject cells put the full subject in the link's `title`, thread-count badges after it. */
  subjectLink: 'a[title], a',
} as const;

/** The staff panel lives under `/scp/` (possibly below a sub-folder of the helpdesk). */
const STAFF_PATH = /\/scp\/(?:tickets\.php|index\.php)?$/;

const ROWS_PER_STEP = 200;

type Field = 'id' | 'created' | 'subject' | 'requester' | 'organization' | 'priority' | 'status';

/**
 * Headings of queue columns (queues are configurable, headings editable), EN/RU. "Date" alone is the
 * default queues' creation date; Last Updated, Due Date and Closed are other times and map to nothing.
 */
const HEADER_WORDS: Readonly<Record<string, Field>> = {
  ticket: 'id', 'ticket #': 'id', 'ticket number': 'id', number: 'id', '#': 'id', 'заявка': 'id', 'номер заявки': 'id', '№ заявки': 'id', 'номер': 'id', '№': 'id',
  'date created': 'created', created: 'created', 'create date': 'created', date: 'created', 'дата создания': 'created', 'создана': 'created', 'создано': 'created', 'дата': 'created',
  subject: 'subject', 'тема': 'subject',
  from: 'requester', user: 'requester', requester: 'requester', 'от': 'requester', 'от кого': 'requester', 'пользователь': 'requester', 'автор': 'requester',
  organization: 'organization', organisation: 'organization', 'организация': 'organization',
  priority: 'priority', 'приоритет': 'priority',
  status: 'status', 'статус': 'status', 'состояние': 'status',
};

/** osTicket states the shared vocabulary does not know: archived tickets are closed ones. */
const LOCAL_STATUSES: readonly [RegExp, TicketStatus][] = [[/^(archived|в архиве|архив)$/, 'closed']];

/** The Russian name of osTicket's top priority, "Emergency", which the shared vocabulary lacks. */
const LOCAL_PRIORITIES: readonly [RegExp, TicketPriority][] = [[/^экстренн(ый|ая)$/, 'urgent']];

function isStaffAddress(url: string): boolean {
  try {
    return STAFF_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function queueTable(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.table);
}

function columnsOf(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(SELECTORS.header)).forEach((th, index) => {
    const field = HEADER_WORDS[headerKey(visibleText(th))];
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

/** A created value in the page's date order; 'ambiguous' when the page's dates disagree and this one reads both ways. */
function createdOf(raw: string, order: PageDateOrder): string | 'ambiguous' | undefined {
  // A value that proves its own order reads that way even on a conflicting page (parseDateInOrder
  // calls "05/14/2026" ambiguous there when the page's fallback order is also month first).
  const proof = dateOrderProof(raw);
  const read = proof ? parseDate(raw, proof) : parseDateInOrder(raw, order);
  if (read === 'ambiguous') return read;
  return read && read !== 'invalid' ? toIso(read) : undefined;
}

type RowContext = { columns: Map<Field, number>; order: PageDateOrder; report: PageReport };

function readRow(row: Element, { columns, order, report }: RowContext): TicketObservation | undefined {
  const tds = Array.from(row.children);
  const cell = (field: Field): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : tds[index];
  };
  const id = (text(cell('id')) || text(row.querySelector(SELECTORS.numberLink))).replace(/^[#№]\s*/, '');
  if (!id) {
    report.warn('An osTicket row without a ticket number was skipped.');
    return undefined;
  }
  const createdText = text(cell('created'));
  const created = createdOf(createdText, order);
  if (created === 'ambiguous') {
    report.warn(`osTicket ticket ${id}: its date "${createdText}" reads either way on a page whose dates disagree on the order; skipped.`);
    return undefined;
  }
  if (!created) {
    report.warn(`osTicket ticket ${id}: no readable creation date ("${createdText}"); skipped.`);
    return undefined;
  }
  const name = text(cell('organization')) || text(cell('requester'));
  if (!name) {
    report.warn(`osTicket ticket ${id}: no organisation or sender; skipped.`);
    return undefined;
  }
  const subjectCell = cell('subject');
  const link = subjectCell?.querySelector(SELECTORS.subjectLink);
  const subject = (link?.getAttribute('title') ?? '').trim() || text(link ?? subjectCell);
  const priorityWords = text(cell('priority'));
  const priority = priorityWords ? (priorityOf(priorityWords) ?? LOCAL_PRIORITIES.find(([pattern]) => pattern.test(headerKey(priorityWords)))?.[1]) : undefined;
  if (priorityWords && !priority) report.warn(`Unknown osTicket priority "${priorityWords}": those tickets have no priority.`);
  const statusWords = text(cell('status'));
  const status = statusWords ? (ticketStatusOf(statusWords) ?? LOCAL_STATUSES.find(([pattern]) => pattern.test(headerKey(statusWords)))?.[1]) : undefined;
  if (statusWords && !status) report.warn(`Unknown osTicket status "${statusWords}": those tickets have no status.`);
  return {
    kind: 'ticket',
    client: report.client(name),
    id: report.cap(id, 'ticket number'),
    created,
    ...(priority ? { priority } : {}),
    ...(status ? { status } : {}),
    ...(subject ? { subject: report.cap(subject, 'ticket subject') } : {}),
  };
}

/** Rows that hold a ticket: the footer's select links and an empty queue's message row have no number. */
function ticketRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll(SELECTORS.row)).filter(
    (row) => row.querySelector(SELECTORS.checkbox) !== null || row.querySelector(SELECTORS.numberLink) !== null,
  );
}

function* readQueue(doc: Document, report: PageReport): Steps<void> {
  const table = queueTable(doc);
  if (!table) {
    report.warn('osTicket page without a ticket queue: nothing read.');
    return;
  }
  const rows = ticketRows(table);
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  if (!columns.has('created')) {
    report.warn('This osTicket queue has no "Date Created" column, so no ticket could be read: add it to the queue\'s columns.');
    return;
  }
  const createdIndex = columns.get('created') ?? -1;
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').trim();
  // Decided once for the page, from every created date on it (DESIGN "Date order").
  const order = pageDateOrder(rows.map((row) => text(row.children[createdIndex])), lang);
  if (order.conflict) report.warn('osTicket dates on this page disagree on day and month order: ambiguous dates were not read.');
  for (const [index, row] of rows.entries()) {
    if (report.full) {
      report.overflow();
      return;
    }
    const ticket = readRow(row, { columns, order, report });
    if (ticket) report.add(ticket);
    if ((index + 1) % ROWS_PER_STEP === 0) yield;
  }
}

export const osTicketTickets: SiteReader = {
  id: 'osticket-tickets',
  product: 'osTicket',
  label: { en: 'osTicket staff queue', ru: 'очередь заявок osTicket' },
  reads: {
    en: 'Staff ticket queues: number, created, organisation or sender, priority, status, subject (columns by heading)',
    ru: 'Очереди заявок для сотрудников: номер, дата создания, организация или отправитель, приоритет, статус, тема (столбцы по заголовкам)',
  },
  detect(doc, url) {
    const table = queueTable(doc);
    if (!table) return undefined;
    // The address says it outright; behind a rewrite, the agents' select boxes still do.
    return isStaffAddress(url) || table.querySelector(SELECTORS.checkbox) !== null ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readQueue(doc, report);
  },
};
