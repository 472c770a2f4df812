import { describe, expect, it } from 'vitest';
import type { ClientHistory } from '../model';
import { billingGrowth } from './scope-creep';
import { countSnapshot, daysAgo, history, invoice, ticket, tickets, verdictOf } from './test-histories';

/** `recent` tickets 10 days ago, `before` tickets 100 days ago, and one invoice in each window. */
const work = (recent: number, before: number, billedRecent = 1000, billedBefore = 1000, extra: Partial<ClientHistory> = {}) =>
  history({
    tickets: [...tickets(recent, 10), ...tickets(before, 100), ...(extra.tickets ?? [])],
    invoices: [invoice({ issued: daysAgo(20), amount: billedRecent }), invoice({ issued: daysAgo(110), amount: billedBefore })],
    counts: extra.counts ?? [],
  });

describe('scope-creep', () => {
  it.each([
    ['6 vs 4 items (1.5×, 6 ≥ 5), same billing', work(6, 4), 'met'],
    ['5 vs 4 items (1.25×)', work(5, 4), 'watch'],
    ['4 vs 2 items (2×, but under 5 items)', work(4, 2), 'watch'],
    ['6 vs 5 items (1.2×)', work(6, 5), 'clear'],
    ['6 vs 4, billing grew exactly 10 %', work(6, 4, 1100, 1000), 'clear'],
    ['6 vs 4, billing grew 9.9 %', work(6, 4, 1099, 1000), 'met'],
    ['6 vs 4, billing fell', work(6, 4, 500, 1000), 'met'],
    ['6 vs 4, billing from 0 to anything is growth', work(6, 4, 1000, 0), 'clear'],
    ['6 vs 4, billing 0 in both windows', work(6, 4, 0, 0), 'met'],
    ['no work in the 90 days before', work(6, 0), 'unknown'],
    ['a ticket exactly 90 days ago is in the earlier window', work(5, 4, 1000, 1000, { tickets: [ticket(90)] }), 'clear'],
    ['a ticket 89 days ago is in the last window', work(5, 4, 1000, 1000, { tickets: [ticket(89)] }), 'met'],
    ['a ticket exactly 180 days ago is in neither', work(5, 4, 1000, 1000, { tickets: [ticket(180)] }), 'watch'],
    ['a ticket 179 days ago is in the earlier window', work(5, 4, 1000, 1000, { tickets: [ticket(179)] }), 'clear'],
    ['work from ticket-count growth', work(0, 0, 1000, 1000, { counts: [countSnapshot(10, 170), countSnapshot(14, 100), countSnapshot(20, 10)] }), 'met'],
    ['tickets and counts of the same work are not added', work(6, 4, 1000, 1000, { counts: [countSnapshot(10, 170), countSnapshot(14, 100), countSnapshot(20, 10)] }), 'met'],
    ['counts say more than the listed tickets', work(6, 4, 1000, 1000, { counts: [countSnapshot(10, 170), countSnapshot(20, 100), countSnapshot(26, 10)] }), 'clear'],
  ])('%s', (_name, h, status) => {
    expect(verdictOf('scope-creep', h).status).toBe(status);
  });

  it('is unknown without an invoice in the last 180 days, and says so', () => {
    const h = history({ tickets: [...tickets(6, 10), ...tickets(4, 100)], invoices: [invoice({ issued: daysAgo(180) }), invoice({ issued: daysAgo(5), status: 'draft' })] });
    const v = verdictOf('scope-creep', h);
    expect(v).toMatchObject({ status: 'unknown', summary: 'No invoices in the last 180 days' });
    expect(verdictOf('scope-creep', work(6, 0)).summary).toBe('No work items in the 90 days before the last 90 days: nothing to compare with');
  });

  it('bills an invoice exactly 90 days ago to the earlier window', () => {
    const h = history({ tickets: [...tickets(6, 10), ...tickets(4, 100)], invoices: [invoice({ issued: daysAgo(90), amount: 1000 }), invoice({ issued: daysAgo(10), amount: 1050 })] });
    expect(verdictOf('scope-creep', h).status).toBe('met');
  });

  it('explains the ratio and the billing', () => {
    const v = verdictOf('scope-creep', work(6, 4, 1050, 1000));
    expect(v.summary).toBe('6 work items in the last 90 days vs 4 before (×1.5); billing +5%');
    const ru = verdictOf('scope-creep', work(6, 4, 1050, 1000), { settings: { language: 'ru' } });
    expect(ru.summary).toBe('6 задач за последние 90 дней против 4 до того (×1,5); выставлено +5 %');
  });

  it.each([
    [1000, 1100, 0.1],
    [0, 100, Number.POSITIVE_INFINITY],
    [0, 0, 0],
    [-100, 50, Number.POSITIVE_INFINITY],
    [1000, 500, -0.5],
  ])('billingGrowth(%d → %d) = %d', (before, recent, growth) => {
    expect(billingGrowth(before, recent)).toBeCloseTo(growth);
  });
});
