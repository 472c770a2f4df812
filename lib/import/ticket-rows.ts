import { LIMITS } from '../limits';
import { squish } from '../extract/text';
import { toIso } from '../extract/dates';
import { priorityOf, satisfactionOf, ticketStatusOf } from '../extract/vocabulary';
import type { TicketObservation } from '../model';
import { cellText, type Cell } from './cells';
import type { TicketImportField } from './fields';
import { cleanId, isSummaryKey, readDateCell, type CellContext } from './read-cells';
import { quote } from './report';
import { statusWord } from './words';

/** Tags as helpdesk exports write them: "billing, complaint" (Freshdesk) or "billing;complaint". */
function readTags(raw: string, context: CellContext): string[] | undefined {
  const tags = raw.split(/[,;|]/).map(squish).filter(Boolean);
  if (!tags.length) return undefined;
  if (tags.length > LIMITS.maxTags) context.report.warn(`A ticket with more than ${LIMITS.maxTags} tags: the rest were dropped.`);
  return tags.slice(0, LIMITS.maxTags).map((tag) => context.report.cap(tag, 'tag'));
}

/**
 * Turns the data rows of a helpdesk export (Zendesk, Freshdesk and the like) into tickets: the
 * organisation is the client, else the requester; a row with no readable created time or no
 * client is dropped with a warning; an id listed twice is read once (its first row).
 *
 * @example buildTickets([['T-1', 'Acme', '2026-03-05 10:00']], new Map([['id', 0], ['client', 1], ['created', 2]]), context)[0]!.created // '2026-03-05T10:00'
 */
export function buildTickets(data: readonly (readonly Cell[])[], fields: ReadonlyMap<TicketImportField, number>, context: CellContext): TicketObservation[] {
  const { report } = context;
  const idColumn = fields.get('id')!;
  const cell = (row: readonly Cell[], field: TicketImportField): Cell | undefined => {
    const column = fields.get(field);
    return column === undefined ? undefined : row[column];
  };
  const text = (row: readonly Cell[], field: TicketImportField): string => squish(cellText(cell(row, field)));
  const clientField: TicketImportField | undefined = fields.has('client') ? 'client' : fields.has('requester') ? 'requester' : undefined;
  if (!clientField) {
    report.warn('No column names the client or the requester: no ticket was read (map a column to "client").');
    return [];
  }
  const seen = new Set<string>();
  const tickets: TicketObservation[] = [];
  for (const row of data) {
    const id = cleanId(cellText(row[idColumn]));
    if (!id || isSummaryKey(id)) continue;
    if (seen.has(id)) {
      report.warn(`Ticket ${quote(id)} is listed more than once: its first row was kept.`);
      continue;
    }
    seen.add(id);
    const name = text(row, clientField);
    if (!name) {
      report.warn('Dropped ticket rows with an empty client cell.');
      continue;
    }
    const created = readDateCell(cell(row, 'created'), context, 'created time');
    if (!created) {
      report.warn('Dropped ticket rows with no readable created time.');
      continue;
    }
    const ticket: TicketObservation = { kind: 'ticket', client: { name: report.cap(name, 'client name') }, id: report.cap(id, 'ticket id'), created: toIso(created) };
    const priority = statusWord(text(row, 'priority'), priorityOf);
    if (priority) ticket.priority = priority;
    const statusText = text(row, 'status');
    const status = statusText ? statusWord(statusText, ticketStatusOf) : undefined;
    if (statusText && !status) report.warn(`Unknown ticket status ${quote(statusText)} left out.`);
    if (status) ticket.status = status;
    const satisfaction = statusWord(text(row, 'satisfaction'), satisfactionOf);
    if (satisfaction) ticket.satisfaction = satisfaction;
    const tags = readTags(text(row, 'tags'), context);
    if (tags) ticket.tags = tags;
    const subject = text(row, 'subject');
    if (subject) ticket.subject = report.cap(subject, 'ticket subject');
    tickets.push(ticket);
  }
  return tickets;
}
