import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { ticketSchema } from '../message-schemas';
import type { TicketObservation } from '../model';
import { corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { frappeHelpdeskTickets } from './frappe-helpdesk';
import type { SiteReader } from './types';

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

function read(reader: SiteReader, doc: Document, expected: Expected, now = expected.now ? new Date(expected.now) : new Date()) {
  const report = new PageReport();
  const result = runToEnd(reader.extract(doc, expected.url, { now, report }));
  return { ...(result?.subject ? { subject: result.subject } : {}), observations: report.observations, warnings: report.warnings };
}

const sitePages = [...pagesIn('blind/sites'), ...pagesIn('sites')];
const ours = sitePages.filter((page) => page.name.startsWith('frappe-helpdesk-'));
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page));

describe('Frappe Helpdesk agent ticket list reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['frappe-helpdesk-tickets', 'frappe-helpdesk-tickets-ru', 'frappe-helpdesk-tickets-load-more']));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(frappeHelpdeskTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(frappeHelpdeskTickets, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(frappeHelpdeskTickets.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === 'frappe-helpdesk-tickets')!;
    const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url, opts).readBy).toBe(frappeHelpdeskTickets.id);
  });

  const blind = ours.find((page) => page.name === 'frappe-helpdesk-tickets')!;

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
    const page = ours.find((candidate) => candidate.name === 'frappe-helpdesk-tickets-load-more')!;
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
