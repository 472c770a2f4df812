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
import { zammadTickets } from './zammad';

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
const ours = sitePages.filter((page) => page.name.startsWith('zammad-'));
// The generic corpus's Zammad look-alike is a Zammad page: it is claimed (tested below).
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page) && page.name !== 'zammad-tickets');

describe('Zammad ticket overview reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['zammad-tickets', 'zammad-overview-ru', 'zammad-overview-narrow']));
  });

  it.each(ours.map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(zammadTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(zammadTickets, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(zammadTickets.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims only the overview route, not the same table elsewhere in Zammad', () => {
    const page = ours.find((candidate) => candidate.name === 'zammad-tickets')!;
    const url = 'https://acme.zammad.com/#manage/users';
    expect(zammadTickets.detect(loadPage(page.html, url), url)).toBeUndefined();
  });

  it('recognises the hosted service by its host', () => {
    expect(zammadTickets.hosts?.test('acme.zammad.com')).toBe(true);
    expect(zammadTickets.hosts?.test('zammad.com.evil.example')).toBe(false);
  });

  it('keys rows by ticket number across a redraw: the union holds each ticket once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'zammad-tickets')!;
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
    const page = ours.find((candidate) => candidate.name === 'zammad-tickets')!;
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

  it('the generic corpus\'s Zammad look-alike is claimed and read in full', () => {
    const page = corpusPages().find((candidate) => candidate.name === 'zammad-tickets')!;
    const doc = loadPage(page.html, page.expected.url);
    expect(zammadTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const score = scorePage(read(zammadTickets, doc, page.expected), page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
  });
  it.each(ours.filter((page) => page.expected.observations.length > 0).map((page) => [page.name, page] as const))(
    '%s through extractPage: read by this reader (registered), same result',
    (_name, page) => {
      const doc = loadPage(page.html, page.expected.url);
      const extract = extractPage(doc, page.expected.url, page.expected.now ? { now: new Date(page.expected.now) } : {});
      expect(extract.readBy).toBe(zammadTickets.id);
      const score = scorePage(extract, page.expected);
      expect(score.notes).toEqual([]);
    },
  );
});
