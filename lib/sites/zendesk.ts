import { pageDateOrder, parseDate, parseRelative, parseTimestamp, toIso, type DateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { text, visibleText } from '../extract/text';
import { LIMITS } from '../limits';
import { headerKey, priorityOf, satisfactionOf, ticketStatusOf } from '../extract/vocabulary';
import type { TicketObservation, TicketPriority, TicketStatus } from '../model';
import type { SiteReader } from './types';

// Zendesk Support agent workspace, views (SITE_FACTS_2 "Zendesk Support agent workspace, views").
const SELECTORS = {
  /** Garden table of a view; one capture shows `ticket-table` instead of `generic-table` as its test id. */
  table: 'table[data-garden-id="tables.table"], table[data-test-id="generic-table"], table[data-test-id="ticket-table"]',
  /** Header cells are Garden cells with nothing but the (translated) heading text. */
  header: 'thead th, [data-garden-id="tables.header_cell"]',
  /** Ticket rows; grouped views put `tables.group_row` rows ("Priority: High") between them. */
  row: 'tr[data-test-id="generic-table-row"], tr[data-garden-id="tables.row"]',
  groupRow: 'tr[data-test-id="generic-table-rows-group-by"], tr[data-garden-id="tables.group_row"]',
  /** Several workspaces stay in the DOM; the inactive ones are hidden with an inline `display: none`. */
  workspace: 'div.workspace',
  /** Every date cell: ISO in `datetime`, an absolute date with clock in `title`, mixed text. */
  time: 'time',
  /** The status badge's test id names the status category (new, open, pending, hold, solved, closed). */
  statusBadge: '[data-test-id^="status-badge-"]',
  /** The subject link goes to `tickets/<id>` and may be cut by an ellipsis. */
  subjectLink: 'a[href*="tickets/"]',
  /** Cells only ticket tables have (`ticket-table-cells-subject`, `-status`, `-requester`…). */
  ticketCell: '[data-test-id^="ticket-table-cells-"]',
} as const;

/** Cell test ids by field; the date cells share one id and are told apart by their header. */
const CELL_IDS = {
  id: 'generic-table-cells-id',
  subject: 'ticket-table-cells-subject',
  status: ['ticket-table-cells-status', 'ticket-table-cells-custom-status'],
  requester: 'ticket-table-cells-requester',
  organization: 'ticket-table-cells-organization',
  priority: 'ticket-table-cells-priority',
  satisfaction: 'ticket-table-cells-satisfaction',
  tags: 'ticket-table-cells-tags',
  date: 'generic-table-cells-date',
} as const;

/** Views, search results and the home page's tables all live under `/agent/`. */
const AGENT_PATH = /^\/agent(\/|$)/;

const ROWS_PER_STEP = 200;

type Field = 'id' | 'subject' | 'status' | 'requester' | 'organization' | 'priority' | 'satisfaction' | 'tags' | 'created';

/** Header words (EN/RU) for columns whose cells carry no field of their own, or a shared one (dates). */
const HEADER_WORDS: Readonly<Record<string, Field>> = {
  id: 'id', '#': 'id', 'идентификатор': 'id',
  subject: 'subject', 'тема': 'subject',
  'ticket status': 'status', status: 'status', 'статус тикета': 'status', 'статус запроса': 'status', 'статус': 'status',
  requester: 'requester', 'запрашивающий': 'requester', 'инициатор запроса': 'requester', 'автор запроса': 'requester',
  organization: 'organization', organisation: 'organization', 'организация': 'organization',
  priority: 'priority', 'приоритет': 'priority',
  satisfaction: 'satisfaction', 'удовлетворенность': 'satisfaction', 'оценка': 'satisfaction',
  tags: 'tags', 'теги': 'tags', 'метки': 'tags',
  // "Requested" is when the ticket was created; Updated, Solved and Due share its cell type but are not.
  requested: 'created', 'date requested': 'created', created: 'created', 'создан': 'created', 'создано': 'created', 'запрошено': 'created', 'дата запроса': 'created', 'дата создания': 'created',
};

/** Status categories in the badge's test id. */
const BADGE_STATUSES: Readonly<Record<string, TicketStatus>> = {
  new: 'open',
  open: 'open',
  pending: 'pending',
  hold: 'pending',
  solved: 'solved',
  closed: 'closed',
};

/** Satisfaction cells that say no rating was given (EN/RU). */
const NOT_RATED = /^(offered|unoffered|not offered|предложено|не предложено|—|-)?$/;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Numeric dates in a `title` follow the agent's language (DESIGN "Date order"); the ones seen use month names. */
function dateOrderOf(doc: Document): DateOrder {
  return pageDateOrder([], doc.documentElement?.getAttribute('lang') ?? '').order;
}

function isAgentAddress(url: string): boolean {
  try {
    return AGENT_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    if (/display\s*:\s*none/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** View tables of the workspace on screen, not the copies kept hidden for other tabs. */
function visibleTables(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(SELECTORS.table)).filter((table) => !isHidden(table) && isTicketTable(table));
}

/** Users and organisations lists use the same Garden table; a ticket table has ticket cells or ticket headers. */
function isTicketTable(table: Element): boolean {
  if (table.querySelector(SELECTORS.ticketCell)) return true;
  const columns = columnsOf(table);
  return columns.has('subject') || columns.has('created');
}

function columnsOf(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(SELECTORS.header)).forEach((th, index) => {
    const field = HEADER_WORDS[headerKey(visibleText(th))];
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

/** The creation time: `datetime` first; else the absolute `title`; else the text, relative or not. */
function createdIn(cell: Element, now: Date, order: DateOrder): string | undefined {
  const time = cell.querySelector(SELECTORS.time);
  const exact = exactTime(time?.getAttribute('datetime') ?? '');
  if (exact) return exact;
  for (const raw of [time?.getAttribute('title') ?? '', visibleText(cell)]) {
    const absolute = parseDate(raw, order);
    if (absolute && absolute !== 'invalid' && absolute.time) return toIso(absolute);
    const relative = parseRelative(raw, now);
    if (relative) return toIso(relative);
  }
  return undefined;
}

/** Reads "Priority: High" (or "Приоритет: Высокий") from a group row, the only priority a grouped view may show. */
function groupPriority(row: Element): TicketPriority | undefined {
  const label = text(row.querySelector('span') ?? row);
  const match = /^([^:]+):\s*(.+)$/.exec(label);
  if (!match || HEADER_WORDS[headerKey(match[1] ?? '')] !== 'priority') return undefined;
  return priorityOf(match[2] ?? '');
}

type TableContext = { now: Date; order: DateOrder; report: PageReport };
type RowContext = TableContext & { columns: Map<Field, number>; groupPriority?: TicketPriority };

function cellsOf(row: Element, columns: Map<Field, number>) {
  const tds = Array.from(row.children);
  const byTestId = (ids: string | readonly string[]): Element | undefined =>
    tds.find((td) => (typeof ids === 'string' ? [ids] : ids).includes(td.getAttribute('data-test-id') ?? ''));
  const byHeader = (field: Field): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : tds[index];
  };
  return {
    id: byTestId(CELL_IDS.id) ?? byHeader('id'),
    subject: byTestId(CELL_IDS.subject) ?? byHeader('subject'),
    status: byTestId(CELL_IDS.status) ?? byHeader('status'),
    requester: byTestId(CELL_IDS.requester) ?? byHeader('requester'),
    organization: byTestId(CELL_IDS.organization) ?? byHeader('organization'),
    priority: byTestId(CELL_IDS.priority) ?? byHeader('priority'),
    satisfaction: byTestId(CELL_IDS.satisfaction) ?? byHeader('satisfaction'),
    tags: byTestId(CELL_IDS.tags) ?? byHeader('tags'),
    created: byHeader('created'),
  };
}

/** A cell's own name for its value: Zendesk repeats it in `aria-label` on requester, priority and dropdown cells. */
function valueOf(cell: Element | undefined): string {
  if (!cell) return '';
  return (cell.getAttribute('aria-label') ?? '').trim() || visibleText(cell);
}

function statusOf(cell: Element | undefined, report: PageReport): TicketStatus | undefined {
  if (!cell) return undefined;
  const badge = cell.querySelector(SELECTORS.statusBadge);
  const category = badge?.getAttribute('data-test-id')?.replace('status-badge-', '') ?? '';
  const words = (badge?.getAttribute('aria-label') ?? '').trim() || visibleText(cell);
  const status = BADGE_STATUSES[category] ?? ticketStatusOf(words);
  if (!status && words) report.warn(`Unknown Zendesk ticket status "${words}": those tickets have no status.`);
  return status;
}

function readRow(row: Element, { columns, now, order, report, groupPriority: grouped }: RowContext): TicketObservation | undefined {
  const cells = cellsOf(row, columns);
  const link = cells.subject?.querySelector(SELECTORS.subjectLink) ?? row.querySelector(SELECTORS.subjectLink);
  const id = text(cells.id).replace(/^[#№]\s*/, '') || (/tickets\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '');
  if (!id) {
    report.warn('A Zendesk row without a ticket id was skipped.');
    return undefined;
  }
  const created = cells.created ? createdIn(cells.created, now, order) : undefined;
  if (!created) {
    report.warn(`Zendesk ticket ${id}: no time in its "Requested" cell; skipped.`);
    return undefined;
  }
  const name = valueOf(cells.organization) || valueOf(cells.requester);
  if (!name) {
    report.warn(`Zendesk ticket ${id}: no requester or organisation; skipped.`);
    return undefined;
  }
  const subject = (link?.getAttribute('title') ?? '').trim() || (cells.subject ? visibleText(cells.subject) : '');
  const priorityWords = valueOf(cells.priority);
  const priority = priorityWords ? priorityOf(priorityWords) : grouped;
  if (priorityWords && !priority && priorityWords !== '-') report.warn(`Unknown Zendesk priority "${priorityWords}": those tickets have no priority.`);
  const status = statusOf(cells.status, report);
  const rating = valueOf(cells.satisfaction);
  const satisfaction = NOT_RATED.test(headerKey(rating)) ? undefined : (satisfactionOf(rating) ?? satisfactionOf(rating.split(/[\s,]/)[0] ?? ''));
  if (rating && !NOT_RATED.test(headerKey(rating)) && !satisfaction) report.warn(`Unknown Zendesk satisfaction "${rating}": not recorded.`);
  // Tags are chips in their own cell (one element each), else comma-separated text.
  const chips = cells.tags ? [...cells.tags.children].map((chip) => text(chip)).filter(Boolean) : [];
  const tags = (chips.length ? chips : visibleText(cells.tags ?? row.ownerDocument.createElement('td')).split(',').map((tag) => tag.trim()).filter(Boolean))
    .slice(0, LIMITS.maxTags)
    .map((tag) => report.cap(tag, 'tag'));
  return {
    kind: 'ticket',
    client: report.client(name),
    id: report.cap(id, 'ticket id'),
    created,
    ...(priority ? { priority } : {}),
    ...(status ? { status } : {}),
    ...(satisfaction ? { satisfaction } : {}),
    ...(tags.length ? { tags } : {}),
    ...(subject ? { subject: report.cap(subject, 'ticket subject') } : {}),
  };
}

function* readTable(table: Element, { now, order, report }: TableContext): Steps<void> {
  const columns = columnsOf(table);
  const rows = Array.from(table.querySelectorAll(`${SELECTORS.row}, ${SELECTORS.groupRow}`));
  const tickets = rows.filter((row) => !row.matches(SELECTORS.groupRow));
  if (tickets.length === 0) return;
  if (!columns.has('created')) {
    report.warn('This Zendesk view has no "Requested" column, so no ticket could be read: add it to the view.');
    return;
  }
  let grouped: TicketPriority | undefined;
  let read = 0;
  for (const row of rows) {
    if (row.matches(SELECTORS.groupRow)) {
      grouped = groupPriority(row);
      continue;
    }
    if (report.full) {
      report.overflow();
      return;
    }
    const ticket = readRow(row, { columns, now, order, report, ...(grouped ? { groupPriority: grouped } : {}) });
    if (ticket) report.add(ticket);
    read += 1;
    if (read % ROWS_PER_STEP === 0) yield;
  }
}

export const zendeskTickets: SiteReader = {
  id: 'zendesk-tickets',
  product: 'Zendesk',
  label: { en: 'Zendesk Support view', ru: 'представление Zendesk Support' },
  reads: {
    en: 'Views and ticket tables: id, requester or organisation, requested, status, priority, satisfaction, subject',
    ru: 'Представления и таблицы тикетов: номер, автор или организация, дата запроса, статус, приоритет, оценка, тема',
  },
  hosts: /^[a-z0-9-]+\.zendesk\.com$/i,
  detect(doc, url) {
    if (!isAgentAddress(url)) return undefined;
    return visibleTables(doc).length > 0 ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { now, report }) {
    const order = dateOrderOf(doc);
    const tables = visibleTables(doc);
    if (tables.length === 0) report.warn('Zendesk page without a visible ticket table: nothing read.');
    for (const table of tables) yield* readTable(table, { now, order, report });
  },
};
