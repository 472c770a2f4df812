import { parseTimestamp, toIso } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { text, visibleText } from '../extract/text';
import { headerKey, priorityOf, ticketStatusOf } from '../extract/vocabulary';
import type { TicketObservation, TicketPriority, TicketStatus } from '../model';
import type { SiteReader } from './types';

// Zammad desktop app, ticket overview (SITE_FACTS §8 "Zammad, ticket overview").
const SELECTORS = {
  /** The overview is a plain Bootstrap table; only its keyed headers make it Zammad's. */
  table: 'table.table',
  /** Headers carry the ticket attribute they show: `th[data-column-key=created_at]`. */
  keyedHeader: 'th[data-column-key]',
  /** Header cells, the bulk checkbox one included, so header and cell positions line up. */
  header: 'thead th',
  /** The visible heading sits in `div.table-column-title`, beside sort and resize handles. */
  headerTitle: '.table-column-title',
  /** One row per ticket; `data-id` is Zammad's internal id, not the ticket number users see. */
  row: 'tbody tr.item[data-id]',
  /** State is drawn, not written, in the title cell: the icon's class is open, pending, closed or escalating. */
  stateIcon: '.icon-task-state',
  /** Every datetime: ISO in `datetime`, relative words or a local date as text. */
  time: 'time[datetime]',
  /** The customer cell wraps the name in a popover trigger (plain text in older overviews). */
  customer: '.user-popover',
  /** The subject link repeats the full title in `title` (the text may be cut by CSS). */
  titleLink: 'a[title]',
} as const;

/** Overviews live under hash routes: `#ticket/view/<overview>`. */
const OVERVIEW_ROUTE = /^#ticket\/view(\/|$)/;

/** Chunk of rows read between two yields. */
const ROWS_PER_STEP = 200;

type Field = 'id' | 'subject' | 'customer' | 'organization' | 'state' | 'priority' | 'created';

/** `data-column-key` values: the ticket attributes, the same in every UI language. */
const COLUMN_KEYS: Readonly<Record<string, Field>> = {
  number: 'id',
  title: 'subject',
  customer: 'customer',
  customer_id: 'customer',
  organization: 'organization',
  organization_id: 'organization',
  state: 'state',
  state_id: 'state',
  priority: 'priority',
  priority_id: 'priority',
  created_at: 'created',
};

/** Header words, English and Russian, for a header that lost its key. */
const HEADER_WORDS: Readonly<Record<string, Field>> = {
  '#': 'id', number: 'id', 'номер': 'id', '№': 'id',
  title: 'subject', 'заголовок': 'subject', 'тема': 'subject',
  customer: 'customer', 'клиент': 'customer', 'заказчик': 'customer',
  organization: 'organization', organisation: 'organization', 'организация': 'organization',
  state: 'state', 'состояние': 'state', 'статус': 'state',
  priority: 'priority', 'приоритет': 'priority',
  'created at': 'created', created: 'created', 'создан': 'created', 'создано': 'created', 'создана': 'created', 'дата создания': 'created',
};

/** State names the shared vocabulary does not know (Zammad's own, EN/RU). */
const LOCAL_STATES: readonly [RegExp, TicketStatus][] = [
  [/^(merged|объединен[аоы]?)$/, 'closed'],
  [/^ожидание( напоминания| закрытия)?$/, 'pending'],
];

/** The icon's class: escalated tickets are open ones past their SLA. */
const STATE_ICON_CLASSES: readonly [string, TicketStatus][] = [
  ['escalating', 'open'],
  ['pending', 'pending'],
  ['closed', 'closed'],
  ['open', 'open'],
];

/** Row classes that give the priority where no Priority column is shown (normal has none). */
const PRIORITY_ROW_CLASSES: readonly [string, TicketPriority][] = [
  ['item--high-priority', 'high'],
  ['item--low-priority', 'low'],
];

/** ISO 8601 as `datetime` holds it, kept as written (milliseconds and zone included). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isOverviewAddress(url: string): boolean {
  try {
    return OVERVIEW_ROUTE.test(new URL(url).hash);
  } catch {
    return false;
  }
}

/** The overview table: the first whose headers carry Zammad's column keys and whose rows are items. */
function overviewTable(doc: Document): Element | undefined {
  return Array.from(doc.querySelectorAll(SELECTORS.table)).find((table) => table.querySelector(SELECTORS.keyedHeader) !== null);
}

function fieldOfHeader(th: Element): Field | undefined {
  const key = th.getAttribute('data-column-key');
  if (key) return COLUMN_KEYS[key];
  const title = th.querySelector(SELECTORS.headerTitle) ?? th;
  return HEADER_WORDS[headerKey(text(title))];
}

function columnsOf(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(SELECTORS.header)).forEach((th, index) => {
    const field = fieldOfHeader(th);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function exactTime(raw: string): string | undefined {
  const value = raw.trim();
  const read = parseTimestamp(value);
  if (!read || read === 'invalid') return undefined;
  return ISO_DATE_TIME.test(value) ? value : toIso(read);
}

function stateOf(cells: { state?: Element; subject?: Element }, row: Element, report: PageReport): TicketStatus | undefined {
  const words = cells.state ? visibleText(cells.state) : '';
  if (words) {
    const key = headerKey(words);
    const status = ticketStatusOf(words) ?? LOCAL_STATES.find(([pattern]) => pattern.test(key))?.[1];
    if (status) return status;
  }
  const icon = (cells.state ?? cells.subject)?.querySelector(SELECTORS.stateIcon) ?? row.querySelector(SELECTORS.stateIcon);
  const fromIcon = icon ? STATE_ICON_CLASSES.find(([name]) => icon.classList.contains(name))?.[1] : undefined;
  if (fromIcon) return fromIcon;
  if (words || icon) report.warn(`Unknown Zammad ticket state "${words || icon?.getAttribute('class') || ''}": those tickets have no status.`);
  return undefined;
}

function priorityOfRow(cell: Element | undefined, row: Element, report: PageReport): TicketPriority | undefined {
  const words = cell ? visibleText(cell) : '';
  if (words) {
    const priority = priorityOf(words);
    if (!priority) report.warn(`Unknown Zammad priority "${words}": those tickets have no priority.`);
    return priority;
  }
  return PRIORITY_ROW_CLASSES.find(([name]) => row.classList.contains(name))?.[1];
}

function nameIn(cell: Element | undefined): string {
  if (!cell) return '';
  return visibleText(cell.querySelector(SELECTORS.customer) ?? cell);
}

function readRow(row: Element, columns: Map<Field, number>, report: PageReport): TicketObservation | undefined {
  const tds = Array.from(row.children);
  const cell = (field: Field): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : tds[index];
  };
  const number = text(cell('id')).replace(/^[#№]\s*/, '');
  const id = number || (row.getAttribute('data-id') ?? '');
  const created = exactTime(cell('created')?.querySelector(SELECTORS.time)?.getAttribute('datetime') ?? '');
  if (!created) {
    report.warn(`Zammad ticket ${id}: no creation time in its "Created at" cell; skipped.`);
    return undefined;
  }
  const name = nameIn(cell('organization')) || nameIn(cell('customer'));
  if (!name) {
    report.warn(`Zammad ticket ${id}: no customer or organisation; skipped.`);
    return undefined;
  }
  const subjectCell = cell('subject');
  const subject = subjectCell ? (subjectCell.querySelector(SELECTORS.titleLink)?.getAttribute('title') ?? '').trim() || visibleText(subjectCell) : '';
  const status = stateOf({ state: cell('state'), subject: subjectCell }, row, report);
  const priority = priorityOfRow(cell('priority'), row, report);
  return {
    kind: 'ticket',
    client: report.client(name),
    id: report.cap(id, 'ticket number'),
    created,
    ...(priority ? { priority } : {}),
    ...(status ? { status } : {}),
    ...(subject ? { subject: report.cap(subject, 'ticket title') } : {}),
  };
}

function* readOverview(doc: Document, report: PageReport): Steps<void> {
  const table = overviewTable(doc);
  if (!table) {
    report.warn('Zammad overview without a ticket table: nothing read.');
    return;
  }
  const columns = columnsOf(table);
  const rows = Array.from(table.querySelectorAll(SELECTORS.row));
  if (rows.length === 0) return;
  if (!columns.has('created')) {
    report.warn('This Zammad overview has no "Created at" column, so no ticket could be read: add it in the overview\'s options.');
    return;
  }
  if (!columns.has('id')) {
    report.warn('This Zammad overview has no "#" (number) column: tickets are keyed by Zammad\'s internal id instead of their number.');
  }
  for (const [index, row] of rows.entries()) {
    if (report.full) {
      report.overflow();
      return;
    }
    const ticket = readRow(row, columns, report);
    if (ticket) report.add(ticket);
    if ((index + 1) % ROWS_PER_STEP === 0) yield;
  }
}

export const zammadTickets: SiteReader = {
  id: 'zammad-tickets',
  product: 'Zammad',
  label: { en: 'Zammad ticket overview', ru: 'обзор заявок Zammad' },
  reads: {
    en: 'Ticket overviews: number, customer or organisation, created, state (from its icon), priority, title',
    ru: 'Обзоры заявок: номер, клиент или организация, дата создания, состояние (по значку), приоритет, заголовок',
  },
  // Zammad's hosted service gives each customer a subdomain.
  hosts: /^[a-z0-9-]+\.zammad\.com$/i,
  detect(doc, url) {
    if (!isOverviewAddress(url)) return undefined;
    const table = overviewTable(doc);
    return table && table.querySelector(SELECTORS.row) !== null ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readOverview(doc, report);
  },
};
