import { describe, expect, it } from 'vitest';
import type { Cell } from './cells';
import type { TicketImportField } from './fields';
import type { CellContext } from './read-cells';
import { ImportReport } from './report';
import { buildTickets } from './ticket-rows';

const NOW = new Date(2026, 2, 10, 12, 0);

function tickets(fields: TicketImportField[], rows: Cell[][]) {
  const context: CellContext = { order: { order: 'mdy', conflict: false }, now: NOW, report: new ImportReport(), ambiguousDates: 0 };
  return { tickets: buildTickets(rows, new Map(fields.map((field, column) => [field, column] as const)), context), warnings: context.report.warnings };
}

describe('buildTickets', () => {
  it('reads a Zendesk-like row: the organisation is the client, words through the page vocabulary', () => {
    const { tickets: got } = tickets(
      ['id', 'requester', 'client', 'created', 'priority', 'status', 'satisfaction', 'tags', 'subject'],
      [['#17', 'Ann Lee', 'Acme', '2026-03-05 14:30', 'Urgent', 'On-hold', 'Bad', 'complaint; vip', 'Site down']],
    );
    expect(got).toEqual([{ kind: 'ticket', client: { name: 'Acme' }, id: '17', created: '2026-03-05T14:30', priority: 'urgent', status: 'pending', satisfaction: 'bad', tags: ['complaint', 'vip'], subject: 'Site down' }]);
  });

  it('takes the requester as the client only when no column names one', () => {
    expect(tickets(['id', 'requester', 'created'], [['1', 'Ann Lee', '2026-03-05']]).tickets[0]!.client).toEqual({ name: 'Ann Lee' });
    expect(tickets(['id', 'client', 'requester', 'created'], [['1', '', 'Ann Lee', '2026-03-05']]).warnings).toEqual(['Dropped ticket rows with an empty client cell.']);
  });

  it.each([
    ['a real date cell with a time', { date: '2026-03-05', time: '09:15:00' }, '2026-03-05T09:15:00'],
    ['an instant', '2026-03-05T09:15:00Z', '2026-03-05T09:15:00Z'],
    ['a US date in a month-first file', '03/05/2026 2:30 PM', '2026-03-05T14:30'],
    ['a relative time, from now', 'yesterday at 21:40', '2026-03-09T21:40'],
  ])('reads the created time from %s', (_, cell, created) => {
    expect(tickets(['id', 'client', 'created'], [['1', 'Acme', cell]]).tickets[0]!.created).toBe(created);
  });

  it('reads an id listed twice once, and says so', () => {
    const { tickets: got, warnings } = tickets(['id', 'client', 'created'], [['1', 'Acme', '2026-03-05'], ['1', 'Acme', '2026-03-06']]);
    expect(got.map((ticket) => ticket.created)).toEqual(['2026-03-05']);
    expect(warnings).toEqual(['Ticket "1" is listed more than once: its first row was kept.']);
  });

  it('keeps at most LIMITS.maxTags tags', () => {
    const tags = Array.from({ length: 30 }, (_, i) => `t${i}`).join(',');
    const { tickets: got, warnings } = tickets(['id', 'client', 'created', 'tags'], [['1', 'Acme', '2026-03-05', tags]]);
    expect(got[0]!.tags).toHaveLength(20);
    expect(warnings).toEqual(['A ticket with more than 20 tags: the rest were dropped.']);
  });
});
