import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { Observation, TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { freshdeskTickets } from './freshdesk';

describe('Freshdesk ticket list reader', () => {
  // The generic corpus's freshdesk-like table has the address but none of the card markers: the generic reader's.
  const { ours } = siteReaderTests(freshdeskTickets, {
    type: 'ticket-list',
    pages: ['blind/sites/freshdesk-tickets', 'sites/freshdesk-tickets-custom-domain', 'sites/freshdesk-tickets-ru'],
  });

  it('claims the list, not a single ticket page that shows a card of it', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freshdesk-tickets')!;
    expect(freshdeskTickets.detect(loadPage(page.html, 'https://acme.freshdesk.com/a/tickets/2291'), 'https://acme.freshdesk.com/a/tickets/2291')).toBeUndefined();
  });

  it('recognises the hosted service by its host', () => {
    expect(freshdeskTickets.hosts?.test('acme.freshdesk.com')).toBe(true);
    expect(freshdeskTickets.hosts?.test('acme.freshdesk.example')).toBe(false);
  });

  it('re-renders of the list add up by ticket id: each once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freshdesk-tickets')!;
    const doc = loadPage(page.html, page.expected.url);
    const seen = new Map<string, Observation>();
    const collect = (): void => {
      for (const observation of read(freshdeskTickets, doc, page.expected).observations) {
        const ticket = observation as TicketObservation;
        const before = seen.get(ticket.id);
        if (before) expect(ticket).toEqual(before);
        seen.set(ticket.id, ticket);
      }
    };
    collect();
    // Ember re-renders the body after a filter change: old cards go, some come back as new nodes, one is new.
    const tbody = doc.querySelector('tbody')!;
    const rows = Array.from(tbody.querySelectorAll('tr.tickets__list'));
    const fresh = rows[0]!.cloneNode(true) as Element;
    fresh.querySelector('[data-test-ticket-id]')!.setAttribute('data-test-ticket-id', '2295');
    fresh.querySelector('[data-test-id="user-name"]')!.textContent = 'Nora Quist';
    tbody.replaceChildren(fresh, rows[2]!.cloneNode(true), rows[4]!.cloneNode(true));
    collect();
    expect([...seen.keys()].sort()).toEqual(['2270', '2276', '2285', '2291', '2295']);
  });

  it('reads a long list in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freshdesk-tickets')!;
    const doc = loadPage(page.html, page.expected.url);
    const tbody = doc.querySelector('tbody')!;
    const template = tbody.querySelector('tr.tickets__list')!;
    for (let n = 0; n < 400; n += 1) {
      const row = template.cloneNode(true) as Element;
      row.querySelector('[data-test-ticket-id]')!.setAttribute('data-test-ticket-id', String(9000 + n));
      tbody.append(row);
    }
    const report = new PageReport();
    const steps = freshdeskTickets.extract(doc, page.expected.url, { now: new Date(2026, 2, 12, 9, 30), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(report.observations).toHaveLength(404);
  }, 30_000);
});
