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
import { osTicketTickets } from './osticket';

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
const ours = sitePages.filter((page) => page.name.startsWith('osticket-'));
// The generic corpus's osTicket look-alike is an osTicket page: it is claimed and scored below.
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page) && page.name !== 'osticket-queue');

const genericLookAlike = corpusPages().find((page) => page.name === 'osticket-queue')!;

function score(page: FixturePage) {
  const doc = loadPage(page.html, page.expected.url);
  expect(osTicketTickets.detect(doc, page.expected.url)).toBe('ticket-list');
  const extract = read(osTicketTickets, doc, page.expected);
  for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  return scorePage(extract, page.expected);
}

describe('osTicket staff queue reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['osticket-queue', 'osticket-queue-ru', 'osticket-queue-day-first']));
  });

  it.each([...ours, genericLookAlike].map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const result = score(page);
    expect(result.notes).toEqual([]);
    expect(result.matched).toBe(result.expected);
    expect(result.falsePositives).toBe(0);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(osTicketTickets.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no tasks queue and no client portal page', () => {
    const page = ours.find((candidate) => candidate.name === 'osticket-queue')!;
    const tasks = page.html.replace('class="list queue tickets"', 'class="list queue tasks"');
    expect(osTicketTickets.detect(loadPage(tasks, page.expected.url), page.expected.url)).toBeUndefined();
    const portal = '<table class="list tickets"><tr><th>Ticket #</th><th>Create Date</th></tr><tr><td>620481</td><td>03/09/2026</td></tr></table>';
    expect(osTicketTickets.detect(loadPage(portal, 'https://help.acme.test/tickets.php'), 'https://help.acme.test/tickets.php')).toBeUndefined();
  });

  it('an empty queue reads nothing and claims no rows from its message row', () => {
    const page = ours.find((candidate) => candidate.name === 'osticket-queue')!;
    const doc = loadPage(page.html, page.expected.url);
    doc.querySelector('tbody')!.innerHTML = '<tr><td colspan="9">There are no tickets matching your criteria.</td></tr>';
    expect(osTicketTickets.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(osTicketTickets, doc, page.expected);
    expect(extract.observations).toEqual([]);
  });

  it('dates that disagree on the order: the ambiguous ones are dropped with a warning, never guessed', () => {
    const page = ours.find((candidate) => candidate.name === 'osticket-queue-day-first')!;
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
    const page = ours.find((candidate) => candidate.name === 'osticket-queue')!;
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
    const page = ours.find((candidate) => candidate.name === 'osticket-queue')!;
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
  it.each(ours.filter((page) => page.expected.observations.length > 0).map((page) => [page.name, page] as const))(
    '%s through extractPage: read by this reader (registered), same result',
    (_name, page) => {
      const doc = loadPage(page.html, page.expected.url);
      const extract = extractPage(doc, page.expected.url, page.expected.now ? { now: new Date(page.expected.now) } : {});
      expect(extract.readBy).toBe(osTicketTickets.id);
      const score = scorePage(extract, page.expected);
      expect(score.notes).toEqual([]);
    },
  );
});
