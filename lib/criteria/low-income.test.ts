import { describe, expect, it } from 'vitest';
import type { ClientHistory, PeerStats } from '../model';
import { peerStats } from './index';
import { daysAgo, history, invoice, NOW, SETTINGS, ticket, tickets, verdictOf } from './test-histories';

const peers = (median: number | null): PeerStats => ({ clients: 5, medianContacts90d: 10, medianBilledPerItem365d: median });
/** A client billed `billed` over `items` tickets in the last year. */
const earning = (billed: number, items: number, issuedDaysAgo = 30): ClientHistory =>
  history({ invoices: [invoice({ issued: daysAgo(issuedDaysAgo), amount: billed })], tickets: tickets(items, 40) });

describe('low-income', () => {
  it.each([
    ['99 per item, under 1/3 of 300', earning(990, 10), peers(300), 'met'],
    ['exactly 1/3 of the median', earning(1000, 10), peers(300), 'watch'],
    ['199 per item, under 2/3 of 300', earning(1990, 10), peers(300), 'watch'],
    ['exactly 2/3 of the median', earning(2000, 10), peers(300), 'clear'],
    ['above the median', earning(5000, 10), peers(300), 'clear'],
    ['invoice exactly 365 days ago counts', earning(990, 10, 365), peers(300), 'met'],
    ['invoice 366 days ago does not', earning(990, 10, 366), peers(300), 'unknown'],
    ['no peers given', earning(990, 10), undefined, 'unknown'],
    ['fewer than 3 peers with both', earning(990, 10), peers(null), 'unknown'],
    ['no work items', earning(990, 0), peers(300), 'unknown'],
    ['draft invoices are not billed', history({ invoices: [invoice({ issued: daysAgo(10), status: 'draft' })], tickets: [ticket(5)] }), peers(300), 'unknown'],
  ])('%s', (_name, h, peerStatsGiven, status) => {
    expect(verdictOf('low-income', h, { peers: peerStatsGiven }).status).toBe(status);
  });

  it('says what is missing', () => {
    expect(verdictOf('low-income', earning(990, 10)).summary).toBe('Not compared: no data on other clients');
    expect(verdictOf('low-income', earning(990, 10), { peers: peers(null) }).summary).toBe('Fewer than 3 clients with both invoices and work items in 365 days to compare with');
    expect(verdictOf('low-income', earning(990, 0), { peers: peers(300), settings: { language: 'ru' } }).summary).toBe('Нет задач (обращений) за последние 365 дней');
  });

  it('explains the comparison', () => {
    expect(verdictOf('low-income', earning(990, 10), { peers: peers(300) }).summary).toBe('Billed 99 per work item in 365 days, 33% of the median client\'s 300');
  });
});

describe('peerStats', () => {
  it('takes medians over the clients that have the data', () => {
    const clients = [earning(1000, 10), earning(3000, 10), earning(6000, 10), history({ invoices: [invoice({ issued: daysAgo(10) })] }), history({ tickets: tickets(3, 5) })];
    expect(peerStats(clients, { now: NOW, settings: SETTINGS })).toEqual({ clients: 5, medianContacts90d: 10, medianBilledPerItem365d: 300 });
  });

  it('gives no billed median with fewer than 3 such clients, and no contact median without tickets', () => {
    expect(peerStats([earning(1000, 10), earning(3000, 10)], { now: NOW, settings: SETTINGS })).toEqual({ clients: 2, medianContacts90d: 10, medianBilledPerItem365d: null });
    expect(peerStats([], { now: NOW })).toEqual({ clients: 0, medianContacts90d: null, medianBilledPerItem365d: null });
  });

  it('feeds low-income end to end', () => {
    const low = earning(500, 10);
    const all = [low, earning(3000, 10), earning(4000, 10), earning(6000, 10)];
    expect(verdictOf('low-income', low, { peers: peerStats(all, { now: NOW, settings: SETTINGS }) }).status).toBe('met');
  });
});
