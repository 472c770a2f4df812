import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { Observation, TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { osTicketTickets } from './osticket';

describe('osTicket staff queue reader', () => {
  const { ours } = siteReaderTests(osTicketTickets, {
    type: 'ticket-list',
    pages: [
      'blind/sites/osticket-queue',
      'sites/osticket-queue-ru',
      'sites/osticket-queue-day-first',
      // The generic corpus's osTicket look-alike is an osTicket page: claimed and read in full.
      'pages/osticket-queue',
    ],
  });

  it('claims no tasks queue and no client portal page', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/osticket-queue')!;
    const tasks = page.html.replace('class="list queue tickets"', 'class="list queue tasks"');
    expect(osTicketTickets.detect(loadPage(tasks, page.expected.url), page.expected.url)).toBeUndefined();
    const portal = '<table class="list tickets"><tr><th>Ticket #</th><th>Create Date</th></tr><tr><td>620481</td><td>03/09/2026</td></tr></table>';
    expect(osTicketTickets.detect(loadPage(portal, 'https://help.acme.test/tickets.php'), 'https://help.acme.test/tickets.php')).toBeUndefined();
  });

  it('an empty queue reads nothing and claims no rows from its message row', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/osticket-queue')!;
    const doc = loadPage(page.html, page.expected.url);
    doc.querySelector('tbody')!.innerHTML = '<tr><td colspan="9">There are no tickets matching your criteria.</td></tr>';
    expect(osTicketTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(osTicketTickets, doc, page.expected);
    expect(extract.observations).toEqual([]);
  });

  it('dates that disagree on the order: the ambiguous ones are dropped with a warning, never guessed', () => {
    const page = ours.find((candidate) => candidate.name === 'sites/osticket-queue-day-first')!;
    // 13/05 proves day first, 05/14 proves month first; 04/05 could be either.
    const html = page.html.replace('01/05/2026 8:00 am', '05/14/2026 8:00 am').replace('<span class="truncate"></span>', '<span class="truncate">Initrode</span>');
    const doc = loadPage(html, page.expected.url);
    const extract = read(osTicketTickets, doc, page.expected);
    expect(extract.observations.map((ticket) => [(ticket as TicketObservation).id, (ticket as TicketObservation).created])).toEqual([
      ['ACME-0611', '2026-05-13T09:10'],
      ['ACME-0598', '2026-05-14T08:00'],
    ]);
    expect(extract.warnings.join('\n')).toContain('disagree on day and month order');
    expect(extract.warnings.join('\n')).toContain('ACME-0607');
  });

  it('the next page of a queue adds up with the first by ticket number, nothing twice', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/osticket-queue')!;
    const doc = loadPage(page.html, page.expected.url);
    const seen = new Map<string, Observation>();
    const collect = (): void => {
      for (const observation of read(osTicketTickets, doc, page.expected).observations) {
        const ticket = observation as TicketObservation;
        const before = seen.get(ticket.id);
        if (before) expect(ticket).toEqual(before);
        seen.set(ticket.id, ticket);
      }
    };
    collect();
    // pjax swaps the table for the next page, whose first row repeats the last of the previous one (a new reply moved it).
    const tbody = doc.querySelector('tbody')!;
    const last = tbody.querySelector('tr:last-child')!.cloneNode(true) as Element;
    const next = last.cloneNode(true) as Element;
    next.setAttribute('id', '1450');
    next.querySelector('a.preview')!.textContent = '620450';
    tbody.replaceChildren(last, next);
    collect();
    expect([...seen.keys()].sort()).toEqual(['620450', '620459', '620466', '620470', '620477', '620481']);
  });

  it('reads a long queue in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/osticket-queue')!;
    const doc = loadPage(page.html, page.expected.url);
    const tbody = doc.querySelector('tbody')!;
    const template = tbody.querySelector('tr')!;
    for (let n = 0; n < 400; n += 1) {
      const row = template.cloneNode(true) as Element;
      row.querySelector('a.preview')!.textContent = String(700000 + n);
      tbody.append(row);
    }
    const report = new PageReport();
    const steps = osTicketTickets.extract(doc, page.expected.url, { now: new Date(2026, 2, 10, 12), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(report.observations).toHaveLength(405);
  }, 30_000);
});
