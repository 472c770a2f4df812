import { parseDate, parseRelative, toIso } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { headerKey, priorityOf, TICKET_HEADERS, ticketStatusOf, type TicketField } from '../extract/vocabulary';
import type { TicketObservation, TicketStatus } from '../model';
import type { SiteReader } from './types';

/*
 * Frappe Helpdesk, the agent's ticket list (/helpdesk/tickets; SITE_FACTS §8 "Frappe Helpdesk").
 * A Vue app: each row is a router link around a CSS grid of plain divs with no field attributes,
 * so cells are read by their position under the header's labels. Times are only fromNow() text
 * ("3 days ago"): they are resolved against the read time, to the minute for minutes and hours,
 * to the day for days and longer. 20 rows load at a time ("Load more"); rows seen add up by id.
 */

// Selectors (SITE_FACTS §8, blind frappe-helpdesk-tickets).
/** A row: a link to the ticket, holding the grid of cells. */
const ROW_LINKS = 'a[href*="/helpdesk/tickets/"]';
/** The row's cells sit in one CSS grid; the header row is the same grid shape, outside any link. */
const GRID = 'div.grid';
/** A star of the Rating column; unrated stars are grey (`fill-gray-*` / `text-gray-*`). */
const STAR = 'svg';
const GREY_STAR = /(?:^|\s)(?:fill|text)-gray-/;

/** /helpdesk/tickets, not one ticket (/helpdesk/tickets/1188) nor the customer portal (/helpdesk/my-tickets). */
const LIST_PATH = /^\/helpdesk\/tickets\/?$/;
const TICKET_HREF = /\/helpdesk\/tickets\/(\d+)(?:[/?#]|$)/;

/** Helpdesk statuses the shared words lack: Replied and Paused wait on the customer. */
const STATUS_WORDS: Readonly<Record<string, TicketStatus>> = { replied: 'pending', paused: 'pending', 'ответ дан': 'pending', отвечен: 'pending', приостановлен: 'pending' };

/** Header labels of Helpdesk's default columns the shared words lack (TICKET_HEADERS has the rest). */
const EXTRA_HEADERS: Readonly<Record<string, TicketField>> = { 'ticket id': 'id', создан: 'created', создано: 'created', рейтинг: 'satisfaction' };
/** Times that are not when the ticket came in (SLA cells, last change). */
const NOT_CREATED = new Set(['first response', 'resolution', 'resolution by', 'response by', 'modified', 'last modified', 'updated', 'first responded on', 'resolution date']);

/** Russian fromNow() says "день назад", "час назад" with no count: one of the unit. */
const BARE_UNIT = /^(минуту|минута|час|день|месяц|год)\s+назад$/i;
const FEW_SECONDS = /^(?:a few seconds ago|несколько секунд назад)$/i;

const ROWS_PER_CHUNK = 200;

type Columns = Map<TicketField, number>;

function fieldOfLabel(label: string): TicketField | undefined {
  const key = headerKey(label);
  if (!key || NOT_CREATED.has(key)) return undefined;
  const extra = EXTRA_HEADERS[key];
  if (extra) return extra;
  return (Object.keys(TICKET_HEADERS) as TicketField[]).find((field) => TICKET_HEADERS[field].includes(key));
}

function cellsOf(grid: Element): Element[] {
  return Array.from(grid.children);
}

function rowLinks(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(ROW_LINKS)).filter((link) => TICKET_HREF.test(link.getAttribute('href') ?? '') && link.querySelector(GRID));
}

/** The header grid: the first grid outside any link whose labels name a ticket list. */
function headerGrid(doc: Document, rows: Element[]): Element | undefined {
  const scope = rows[0]?.parentElement ?? doc;
  return Array.from(scope.querySelectorAll(GRID)).find((grid) => {
    if (grid.closest('a')) return false;
    const fields = new Set(cellsOf(grid).map((cell) => fieldOfLabel(text(cell))));
    return fields.has('subject') && (fields.has('created') || fields.has('status'));
  });
}

function planColumns(header: Element): Columns {
  const columns: Columns = new Map();
  cellsOf(header).forEach((cell, index) => {
    const field = fieldOfLabel(text(cell));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

/** fromNow() text, honest about precision; a tooltip with an absolute time wins where one exists. */
function readCreated(cell: Element | undefined, now: Date): string | undefined {
  if (!cell) return undefined;
  const tooltip = cell.querySelector('[title]')?.getAttribute('title') ?? cell.getAttribute('title');
  const absolute = tooltip ? parseDate(tooltip, 'dmy') : undefined;
  if (absolute && absolute !== 'invalid') return toIso(absolute);
  const shown = text(cell);
  const relative = parseRelative(FEW_SECONDS.test(shown) ? 'just now' : shown.replace(BARE_UNIT, '1 $1 назад'), now);
  // As precise as the words: "25 minutes ago" to the minute, "3 days ago" to the day.
  return relative ? toIso(relative) : undefined;
}

/** Filled stars out of five: 1–2 is a bad rating, 4–5 a good one; none filled is not rated. */
function readRating(cell: Element | undefined): 'good' | 'bad' | undefined {
  const stars = cell ? Array.from(cell.querySelectorAll(STAR)) : [];
  const filled = stars.filter((star) => !GREY_STAR.test(star.getAttribute('class') ?? '')).length;
  if (stars.length === 0 || filled === 0) return undefined;
  if (filled <= 2) return 'bad';
  return filled >= 4 ? 'good' : undefined;
}

function quote(value: string): string {
  return `"${value.slice(0, 60)}"`;
}

function readRow(link: Element, columns: Columns, now: Date, report: PageReport): TicketObservation | undefined {
  const grid = link.querySelector(GRID);
  if (!grid) return undefined;
  const cells = cellsOf(grid);
  const cellOf = (field: TicketField): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : cells[index];
  };
  const id = TICKET_HREF.exec(link.getAttribute('href') ?? '')?.[1] ?? squish(text(cellOf('id')).replace(/^#/, ''));
  if (!id) return undefined;
  // The customer (an organisation) is the client; a ticket with none is not guessed from its contact.
  const customer = text(cellOf('client'));
  if (!customer) {
    report.warn(columns.has('client') ? 'Frappe Helpdesk: skipped tickets with no customer.' : 'Frappe Helpdesk: the list has no Customer column; add it to read tickets.');
    return undefined;
  }
  const created = readCreated(cellOf('created'), now);
  if (!created) {
    report.warn(columns.has('created') ? 'Frappe Helpdesk: skipped tickets whose Created time could not be read.' : 'Frappe Helpdesk: the list has no Created column; add it to read tickets.');
    return undefined;
  }
  const ticket: TicketObservation = { kind: 'ticket', client: report.client(customer), id: report.cap(id, 'ticket id'), created };
  const statusText = text(cellOf('status'));
  const status = STATUS_WORDS[fold(statusText)] ?? ticketStatusOf(statusText);
  if (status) ticket.status = status;
  else if (statusText) report.warn(`Frappe Helpdesk: unknown status ${quote(statusText)}.`);
  const priorityText = text(cellOf('priority'));
  const priority = priorityOf(priorityText);
  if (priority) ticket.priority = priority;
  else if (priorityText) report.warn(`Frappe Helpdesk: unknown priority ${quote(priorityText)}.`);
  const satisfaction = readRating(cellOf('satisfaction'));
  if (satisfaction) ticket.satisfaction = satisfaction;
  const subject = text(cellOf('subject'));
  if (subject) ticket.subject = report.cap(subject, 'ticket subject');
  return ticket;
}

function* readTickets(doc: Document, now: Date, report: PageReport): Steps<void> {
  const rows = rowLinks(doc);
  const header = headerGrid(doc, rows);
  if (!header) {
    report.warn('Frappe Helpdesk: no ticket list header on this page.');
    return;
  }
  const columns = planColumns(header);
  let read = 0;
  for (const link of rows) {
    if (report.full) {
      report.overflow();
      return;
    }
    const ticket = readRow(link, columns, now, report);
    if (ticket) report.add(ticket);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

export const frappeHelpdeskTickets: SiteReader = {
  id: 'frappe-helpdesk-tickets',
  product: 'Frappe Helpdesk',
  label: { en: 'Frappe Helpdesk ticket list', ru: 'список обращений Frappe Helpdesk' },
  reads: {
    en: 'Agent ticket list: id, customer, created (from "3 days ago"), status, priority, rating, subject',
    ru: 'Список обращений агента: номер, клиент, создано (из «3 дня назад»), статус, приоритет, оценка, тема',
  },
  detect(doc, url) {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    return LIST_PATH.test(path) && headerGrid(doc, rowLinks(doc)) ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { now, report }) {
    yield* readTickets(doc, now, report);
  },
};
