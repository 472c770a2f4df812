import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { Observation, TicketObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { chatwootConversations } from './chatwoot';

describe('Chatwoot conversation list reader', () => {
  const { ours } = siteReaderTests(chatwootConversations, {
    type: 'ticket-list',
    pages: ['blind/sites/chatwoot-conversations', 'sites/chatwoot-conversations-selfhosted', 'sites/chatwoot-conversations-partial'],
  });

  it('claims the cards only on the agent dashboard', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/chatwoot-conversations')!;
    expect(chatwootConversations.detect(loadPage(page.html, 'https://app.chatwoot.com/hc/acme/en'), 'https://app.chatwoot.com/hc/acme/en')).toBeUndefined();
  });

  it('recognises the cloud service by its host', () => {
    expect(chatwootConversations.hosts?.test('app.chatwoot.com')).toBe(true);
    expect(chatwootConversations.hosts?.test('chat.vector-n.by')).toBe(false);
  });

  it('keeps the precision of the age it was given: minutes and hours to the minute, days and more to the day', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/chatwoot-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const created = read(chatwootConversations, doc, { ...page.expected, now: '2026-03-10T12:37:00' }).observations.map(
      (ticket) => (ticket as TicketObservation).created,
    );
    expect(created).toEqual(['2026-03-10T12:32', '2026-03-10T10:37', '2026-03-09', '2026-03-07', '2026-02-26']);
  });

  it('recycled cards while scrolling add up by conversation number: each once, unchanged', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/chatwoot-conversations')!;
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
    const page = ours.find((candidate) => candidate.name === 'blind/sites/chatwoot-conversations')!;
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
});
