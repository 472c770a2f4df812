import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { Observation, TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { zammadTickets } from './zammad';

describe('Zammad ticket overview reader', () => {
  const { ours } = siteReaderTests(zammadTickets, {
    type: 'ticket-list',
    pages: [
      'blind/sites/zammad-tickets',
      'sites/zammad-overview-ru',
      'sites/zammad-overview-narrow',
      // The generic corpus's Zammad look-alikes are Zammad pages: claimed and read in full.
      'pages/zammad-tickets',
      'blind/generic/ticket-overview-time-datetime-ms-zone',
    ],
  });

  it('claims only the overview route, not the same table elsewhere in Zammad', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zammad-tickets')!;
    const url = 'https://acme.zammad.com/#manage/users';
    expect(zammadTickets.detect(loadPage(page.html, url), url)).toBeUndefined();
  });

  it('recognises the hosted service by its host', () => {
    expect(zammadTickets.hosts?.test('acme.zammad.com')).toBe(true);
    expect(zammadTickets.hosts?.test('zammad.com.evil.example')).toBe(false);
  });

  it('keys rows by ticket number across a redraw: the union holds each ticket once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zammad-tickets')!;
    const doc = loadPage(page.html, page.expected.url);
    const seen = new Map<string, Observation>();
    const collect = (): void => {
      for (const observation of read(zammadTickets, doc, page.expected).observations) {
        const ticket = observation as TicketObservation;
        const before = seen.get(ticket.id);
        if (before) expect(ticket).toEqual(before);
        seen.set(ticket.id, ticket);
      }
    };
    collect();
    // The app re-renders the overview after a live update: two rows leave, a new one arrives on top,
    // the rest are drawn again as fresh nodes in a new order.
    const tbody = doc.querySelector('tbody')!;
    const rows = Array.from(tbody.querySelectorAll('tr.item'));
    const fresh = rows[0]!.cloneNode(true) as Element;
    fresh.setAttribute('data-id', '4320');
    fresh.querySelector('td:nth-child(2) a')!.textContent = '87110';
    fresh.querySelector('time')!.setAttribute('datetime', '2026-03-10T11:50:00.000Z');
    tbody.replaceChildren(fresh, ...rows.slice(2).reverse().map((row) => row.cloneNode(true)));
    collect();
    expect([...seen.keys()].sort()).toEqual(['87085', '87090', '87093', '87098', '87101', '87110']);
  });

  it('reads a long overview in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zammad-tickets')!;
    const doc = loadPage(page.html, page.expected.url);
    const tbody = doc.querySelector('tbody')!;
    const template = tbody.querySelector('tr.item')!;
    for (let n = 0; n < 400; n += 1) {
      const row = template.cloneNode(true) as Element;
      row.querySelector('td:nth-child(2) a')!.textContent = String(90000 + n);
      tbody.append(row);
    }
    const report = new PageReport();
    const steps = zammadTickets.extract(doc, page.expected.url, { now: new Date(2026, 2, 10, 12), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(report.observations).toHaveLength(405);
  }, 30_000);
});
