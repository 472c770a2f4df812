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
import { chatwootConversations } from './chatwoot';

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
const ours = sitePages.filter((page) => page.name.startsWith('chatwoot-'));
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page));

describe('Chatwoot conversation list reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(
      expect.arrayContaining(['chatwoot-conversations', 'chatwoot-conversations-selfhosted', 'chatwoot-conversations-partial']),
    );
  });

  it.each(ours.map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(chatwootConversations.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(chatwootConversations, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(ticketSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(chatwootConversations.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims the cards only on the agent dashboard', () => {
    const page = ours.find((candidate) => candidate.name === 'chatwoot-conversations')!;
    expect(chatwootConversations.detect(loadPage(page.html, 'https://app.chatwoot.com/hc/acme/en'), 'https://app.chatwoot.com/hc/acme/en')).toBeUndefined();
  });

  it('recognises the cloud service by its host', () => {
    expect(chatwootConversations.hosts?.test('app.chatwoot.com')).toBe(true);
    expect(chatwootConversations.hosts?.test('chat.vector-n.by')).toBe(false);
  });

  it('keeps the precision of the age it was given: minutes and hours to the minute, days and more to the day', () => {
    const page = ours.find((candidate) => candidate.name === 'chatwoot-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const created = read(chatwootConversations, doc, { ...page.expected, now: '2026-03-10T12:37:00' }).observations.map(
      (ticket) => (ticket as TicketObservation).created,
    );
    expect(created).toEqual(['2026-03-10T12:32', '2026-03-10T10:37', '2026-03-09', '2026-03-07', '2026-02-26']);
  });

  it('recycled cards while scrolling add up by conversation number: each once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'chatwoot-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const seen = new Map<string, Observation>();
    const collect = (): void => {
      for (const observation of read(chatwootConversations, doc, page.expected).observations) {
        const ticket = observation as TicketObservation;
        const before = seen.get(ticket.id);
        if (before) expect(ticket).toEqual(before);
        seen.set(ticket.id, ticket);
      }
    };
    collect();
    // Scrolling down: the first two card nodes are reused for conversations further down the list.
    const cards = Array.from(doc.querySelectorAll('div.conversation'));
    const reuse = (card: Element, id: string, name: string, age: string): void => {
      card.querySelector('.conversation--id')!.textContent = `#${id}`;
      card.querySelector('.conversation--user')!.textContent = name;
      card.querySelector('.time-ago')!.textContent = age;
    };
    reuse(cards[0]!, '370', 'Ethan Hunt', '15d • 15d');
    reuse(cards[1]!, '366', 'Ilsa Faust', '20d • 9d');
    collect();
    expect([...seen.keys()].sort()).toEqual(['366', '370', '377', '398', '405', '409', '412']);
    expect(seen.get('370')).toMatchObject({ client: { name: 'Ethan Hunt' }, created: '2026-02-23', priority: 'urgent' });
  });

  it('reads a long list in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'chatwoot-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const list = doc.querySelector('.conversations-list')!;
    const template = list.querySelector('div.conversation')!;
    for (let n = 0; n < 400; n += 1) {
      const card = template.cloneNode(true) as Element;
      card.querySelector('.conversation--id')!.textContent = `#${5000 + n}`;
      list.append(card);
    }
    const report = new PageReport();
    const steps = chatwootConversations.extract(doc, page.expected.url, { now: new Date(2026, 2, 10, 12), report });
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
      expect(extract.readBy).toBe(chatwootConversations.id);
      const score = scorePage(extract, page.expected);
      expect(score.notes).toEqual([]);
    },
  );
});
