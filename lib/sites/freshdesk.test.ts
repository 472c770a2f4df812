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
import { freshdeskTickets } from './freshdesk';

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
const ours = sitePages.filter((page) => page.name.startsWith('freshdesk-'));
// The generic corpus's freshdesk-like table has the address but none of the card markers: the generic reader's.
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page));

describe('Freshdesk ticket list reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['freshdesk-tickets', 'freshdesk-tickets-custom-domain', 'freshdesk-tickets-ru']));
  });

  it.each(ours.map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(freshdeskTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(freshdeskTickets, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(freshdeskTickets.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims the list, not a single ticket page that shows a card of it', () => {
    const page = ours.find((candidate) => candidate.name === 'freshdesk-tickets')!;
    expect(freshdeskTickets.detect(loadPage(page.html, 'https://acme.freshdesk.com/a/tickets/2291'), 'https://acme.freshdesk.com/a/tickets/2291')).toBeUndefined();
  });

  it('recognises the hosted service by its host', () => {
    expect(freshdeskTickets.hosts?.test('acme.freshdesk.com')).toBe(true);
    expect(freshdeskTickets.hosts?.test('acme.freshdesk.example')).toBe(false);
  });

  it('re-renders of the list add up by ticket id: each once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'freshdesk-tickets')!;
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
    const page = ours.find((candidate) => candidate.name === 'freshdesk-tickets')!;
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
  it.each(ours.filter((page) => page.expected.observations.length > 0).map((page) => [page.name, page] as const))(
    '%s through extractPage: read by this reader (registered), same result',
    (_name, page) => {
      const doc = loadPage(page.html, page.expected.url);
      const extract = extractPage(doc, page.expected.url, page.expected.now ? { now: new Date(page.expected.now) } : {});
      expect(extract.readBy).toBe(freshdeskTickets.id);
      const score = scorePage(extract, page.expected);
      expect(score.notes).toEqual([]);
    },
  );
});
