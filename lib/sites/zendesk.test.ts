import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { ticketSchema } from '../message-schemas';
import type { Observation, TicketObservation } from '../model';
import { corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { SiteReader } from './types';
import { zendeskTickets } from './zendesk';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');

function pagesIn(dir: string): FixturePage[] {
  return readdirSync(resolve(FIXTURES, dir))
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const expected = JSON.parse(readFileSync(resolve(FIXTURES, dir, `${name}.expected.json`), 'utf8')) as Expected;
      return { name, html: readFileSync(resolve(FIXTURES, dir, file), 'utf8'), expected };
    });
}

function read(reader: SiteReader, doc: Document, expected: Expected) {
  const report = new PageReport();
  const now = expected.now ? new Date(expected.now) : new Date();
  const result = runToEnd(reader.extract(doc, expected.url, { now, report }));
  return { subject: result?.subject, observations: report.observations, warnings: report.warnings };
}

const sitePages = [...pagesIn('blind/sites'), ...pagesIn('sites')];
const ours = sitePages.filter((page) => page.name.startsWith('zendesk-'));
// The generic corpus's zendesk-like ARIA grid has none of Zendesk's markers, so it stays the generic reader's.
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page));

describe('Zendesk Support view reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(
      expect.arrayContaining(['zendesk-view', 'zendesk-view-empty', 'zendesk-view-ru', 'zendesk-view-grouped-no-priority']),
    );
  });

  it.each(ours.map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(zendeskTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(zendeskTickets, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(zendeskTickets.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no page outside the agent workspace, and no users list inside it', () => {
    const page = ours.find((candidate) => candidate.name === 'zendesk-view')!;
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
    const page = ours.find((candidate) => candidate.name === 'zendesk-view')!;
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
    const page = ours.find((candidate) => candidate.name === 'zendesk-view')!;
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
  it.each(ours.filter((page) => page.expected.observations.length > 0).map((page) => [page.name, page] as const))(
    '%s through extractPage: read by this reader (registered), same result',
    (_name, page) => {
      const doc = loadPage(page.html, page.expected.url);
      const extract = extractPage(doc, page.expected.url, page.expected.now ? { now: new Date(page.expected.now) } : {});
      expect(extract.readBy).toBe(zendeskTickets.id);
      const score = scorePage(extract, page.expected);
      expect(score.notes).toEqual([]);
    },
  );
});
