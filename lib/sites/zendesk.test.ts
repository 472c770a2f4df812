import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { Observation, TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { zendeskTickets } from './zendesk';

describe('Zendesk Support view reader', () => {
  // The generic corpus's zendesk-like ARIA grid has none of Zendesk's markers, so it stays the generic reader's.
  const { ours } = siteReaderTests(zendeskTickets, {
    type: 'ticket-list',
    pages: [
      'blind/sites/zendesk-view',
      'blind/sites/zendesk-view-empty',
      'sites/zendesk-view-ru',
      'sites/zendesk-view-grouped-no-priority',
      // The blind generic page of a ticket view with requested and updated times is a Zendesk view too.
      'blind/generic/ticket-view-requested-and-updated-time-datetime',
    ],
  });

  it('claims no page outside the agent workspace, and no users list inside it', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zendesk-view')!;
    expect(zendeskTickets.detect(loadPage(page.html, 'https://acme.zendesk.com/hc/en-us/requests'), 'https://acme.zendesk.com/hc/en-us/requests')).toBeUndefined();
    const users =
      '<div class="workspace"><table data-garden-id="tables.table" data-test-id="generic-table"><thead><tr><th><span>Name</span></th><th><span>Email</span></th><th><span>Updated</span></th></tr></thead>' +
      '<tbody><tr data-garden-id="tables.row" data-test-id="generic-table-row"><td>Kim Lee</td><td>kim@acme.test</td><td><time datetime="2026-03-01T10:00:00Z">Mar 01</time></td></tr></tbody></table></div>';
    expect(zendeskTickets.detect(loadPage(users, 'https://acme.zendesk.com/agent/user_filters/1'), 'https://acme.zendesk.com/agent/user_filters/1')).toBeUndefined();
  });

  it('recognises the hosted service by its host', () => {
    expect(zendeskTickets.hosts?.test('acme.zendesk.com')).toBe(true);
    expect(zendeskTickets.hosts?.test('acme.zendesk.com.example.net')).toBe(false);
  });

  it('pages and refreshes add up by ticket id: each ticket once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zendesk-view')!;
    const doc = loadPage(page.html, page.expected.url);
    const seen = new Map<string, Observation>();
    const collect = (): void => {
      for (const observation of read(zendeskTickets, doc, page.expected).observations) {
        const ticket = observation as TicketObservation;
        const before = seen.get(ticket.id);
        if (before) expect(ticket).toEqual(before);
        seen.set(ticket.id, ticket);
      }
    };
    collect();
    // A refresh re-renders the body: group rows go (the agent ungrouped the view), two tickets stay, one is new.
    const tbody = doc.querySelector('tbody')!;
    const rows = Array.from(tbody.querySelectorAll('tr[data-test-id="generic-table-row"]'));
    const fresh = rows[0]!.cloneNode(true) as Element;
    fresh.querySelector('[data-test-id="generic-table-cells-id"]')!.textContent = '#4830';
    tbody.replaceChildren(fresh, rows[3]!.cloneNode(true), rows[6]!.cloneNode(true));
    collect();
    expect([...seen.keys()].sort()).toEqual(['4778', '4790', '4801', '4805', '4817', '4821', '4822', '4830']);
    // Without the group row above it, 4822 keeps the priority its own cell gives.
    expect((seen.get('4822') as TicketObservation).priority).toBe('normal');
  });

  it('reads a long view in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/zendesk-view')!;
    const doc = loadPage(page.html, page.expected.url);
    const tbody = doc.querySelector('tbody')!;
    const template = tbody.querySelector('tr[data-test-id="generic-table-row"]')!;
    for (let n = 0; n < 400; n += 1) {
      const row = template.cloneNode(true) as Element;
      row.querySelector('[data-test-id="generic-table-cells-id"]')!.textContent = `#${10000 + n}`;
      tbody.append(row);
    }
    const report = new PageReport();
    const steps = zendeskTickets.extract(doc, page.expected.url, { now: new Date(2026, 2, 10, 12), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(report.observations).toHaveLength(407);
  }, 30_000);
});
