import { describe, expect, it } from 'vitest';
import type { TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { frappeHelpdeskTickets } from './frappe-helpdesk';

describe('Frappe Helpdesk agent ticket list reader', () => {
  const { ours } = siteReaderTests(frappeHelpdeskTickets, {
    type: 'ticket-list',
    pages: [
      'blind/sites/frappe-helpdesk-tickets',
      'sites/frappe-helpdesk-tickets-ru',
      'sites/frappe-helpdesk-tickets-load-more',
      // The blind generic page of a div grid with relative times only is a Frappe Helpdesk list.
      'blind/generic/ticket-div-grid-relative-times-only',
    ],
  });

  const blind = ours.find((page) => page.name === 'blind/sites/frappe-helpdesk-tickets')!;

  it.each([
    ['one ticket', 'http://support.acme.local:8000/helpdesk/tickets/1188'],
    ['the customer portal', 'http://support.acme.local:8000/helpdesk/my-tickets'],
    ['the knowledge base', 'http://support.acme.local:8000/helpdesk/kb'],
  ])('does not claim %s', (_what, url) => {
    expect(frappeHelpdeskTickets.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('keeps relative times honest: minutes and hours to the minute, days to the day', () => {
    const created = read(frappeHelpdeskTickets, loadPage(blind.html, blind.expected.url), blind.expected).observations.map((item) => (item as TicketObservation).created);
    expect(created.filter((value) => value.includes('T'))).toHaveLength(3);
    expect(created.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value))).toHaveLength(3);
  });

  it('a later read of the same rows resolves against the later time, and keeps the ids', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const first = read(frappeHelpdeskTickets, doc, blind.expected).observations as TicketObservation[];
    // Sixty seconds on, the app has re-rendered the list: "25 minutes ago" now says "26 minutes ago".
    const later = new Date(new Date(blind.expected.now!).getTime() + 60_000);
    for (const cell of Array.from(doc.querySelectorAll('.truncate.text-gray-600'))) cell.textContent = cell.textContent!.replace('25 minutes', '26 minutes');
    const second = read(frappeHelpdeskTickets, doc, blind.expected, later).observations as TicketObservation[];
    expect(second.map((ticket) => ticket.id)).toEqual(first.map((ticket) => ticket.id));
    expect(second[0]!.created).toBe(first[0]!.created);
  });

  it('"Load more" adds rows: two reads union by id without duplicates', () => {
    const page = ours.find((candidate) => candidate.name === 'sites/frappe-helpdesk-tickets-load-more')!;
    const doc = loadPage(page.html, page.expected.url);
    const links = Array.from(doc.querySelectorAll('a[href^="/helpdesk/tickets/"]')).slice(5);
    const later = links.map((link) => link.cloneNode(true) as Element);
    for (const link of links) link.remove();
    const seen = new Map<string, TicketObservation>();
    const collect = (): void => {
      for (const observation of read(frappeHelpdeskTickets, doc, page.expected).observations as TicketObservation[]) {
        const before = seen.get(observation.id);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.id, observation);
      }
    };
    collect();
    expect(seen.size).toBe(5);
    doc.querySelector('.flex.w-max')!.append(...later);
    collect();
    expect(seen.size).toBe(page.expected.observations.length);
  });
});
