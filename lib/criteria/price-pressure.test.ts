import { describe, expect, it } from 'vitest';
import { buildHistories } from '../history';
import type { InvoiceObservation } from '../model';
import { change, client, daysAgo, history, invoice, NOW, note, notes, SETTINGS, verdictOf } from './test-histories';
import { evaluateClient } from './index';

const discounted = (n: number) => invoice({ issued: daysAgo(n), due: daysAgo(n - 30), discount: 50 });
const credit = (n: number) => invoice({ issued: daysAgo(n), amount: -200 });
const plain = (n: number) => invoice({ issued: daysAgo(n) });

describe('price-pressure', () => {
  it.each([
    ['3 discounts', { invoices: [discounted(10), discounted(40), discounted(70)] }, 'met'],
    ['2 discounts', { invoices: [discounted(10), discounted(40)] }, 'watch'],
    ['1 discount request', { notes: [note('discount-request', 5)] }, 'watch'],
    ['discount, credit note and request', { invoices: [discounted(10), credit(20)], notes: [note('discount-request', 5)] }, 'met'],
    ['event exactly 180 days ago counts', { invoices: [discounted(180), discounted(40), discounted(70)] }, 'met'],
    ['event 181 days ago does not', { invoices: [discounted(181), discounted(40), discounted(70)] }, 'watch'],
    ['issue date decides, not due date', { invoices: [invoice({ issued: daysAgo(200), due: daysAgo(170), discount: 5 })] }, 'unknown'],
    ['due date when there is no issue date', { invoices: [invoice({ due: daysAgo(170), discount: 5 })] }, 'watch'],
    ['zero discount is no event', { invoices: [invoice({ issued: daysAgo(5), discount: 0 })] }, 'clear'],
    ['draft and void are no events', { invoices: [{ ...discounted(10), status: 'draft' as const }, { ...credit(20), status: 'void' as const }] }, 'unknown'],
    ['invoices without pressure', { invoices: [plain(10), plain(40)] }, 'clear'],
    ['only other notes', { notes: [note('incident', 10)] }, 'clear'],
    ['no invoices and no notes in 180 days', { invoices: [discounted(181)], notes: [note('discount-request', 181)] }, 'unknown'],
  ])('%s', (_name, parts, status) => {
    expect(verdictOf('price-pressure', history(parts)).status).toBe(status);
  });

  it.each([
    ['due date moved later (deferral)', change('A', 'due', daysAgo(30), daysAgo(10), 5), 1],
    ['due date moved earlier', change('A', 'due', daysAgo(10), daysAgo(30), 5), 0],
    ['amount lowered', change('A', 'amount', 1000, 900, 5), 1],
    ['amount raised', change('A', 'amount', 900, 1000, 5), 0],
    ['deferral seen 181 days ago', change('A', 'due', daysAgo(300), daysAgo(250), 181), 0],
    ['deferral seen exactly 180 days ago', change('A', 'due', daysAgo(300), daysAgo(250), 180), 1],
  ])('%s', (_name, ch, events) => {
    const v = verdictOf('price-pressure', history({ invoices: [invoice({ number: 'A', issued: daysAgo(40) })], changes: [ch] }));
    expect(v.status).toBe(events ? 'watch' : 'clear');
    expect(v.evidence.filter((e) => e.kind === 'change')).toHaveLength(events);
  });

  it('ignores changes to an invoice that is now void', () => {
    const invoices = [invoice({ number: 'A', issued: daysAgo(40), status: 'void' }), invoice({ issued: daysAgo(30) })];
    const v = verdictOf('price-pressure', history({ invoices, changes: [change('A', 'amount', 1000, 1, 5)] }));
    expect(v.status).toBe('clear');
  });

  it('finds deferrals and discounts after issue through the replay', () => {
    const seen = (at: number, fields: Partial<InvoiceObservation>) => ({
      at: `${daysAgo(at)}T10:00:00Z`,
      source: 'books.example',
      observation: { kind: 'invoice' as const, client, number: '77', issued: daysAgo(60), due: daysAgo(30), amount: 1000, status: 'open' as const, ...fields },
    });
    const [h] = buildHistories([seen(50, {}), seen(40, { due: daysAgo(10) }), seen(20, { amount: 800 }), seen(10, { due: daysAgo(0) })]);
    const v = evaluateClient(h!, { now: NOW, settings: SETTINGS })[1]!;
    expect(v).toMatchObject({ id: 'price-pressure', status: 'met', summary: '3 pressure events in 180 days: 1 amount lowered, 2 deferrals' });
  });

  it('explains in Russian with plural forms', () => {
    const v = verdictOf('price-pressure', history({ invoices: [discounted(10), discounted(20)], notes: notes(5, 'discount-request', 3) }), { settings: { language: 'ru' } });
    expect(v.summary).toBe('7 попыток давления за 180 дней: 2 скидки, 5 просьб о скидке');
    expect(verdictOf('price-pressure', history(), { settings: { language: 'ru' } }).summary).toBe('Нет счетов и заметок за последние 180 дней');
  });
});
