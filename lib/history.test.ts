import { describe, expect, it, vi } from 'vitest';
import { buildHistories, sortEntries, type Entry } from './history';
import type { InvoiceObservation, Observation } from './model';

const acme = { name: 'Acme Trading LLC' };
const invoice = (fields: Partial<InvoiceObservation> = {}): InvoiceObservation => ({ kind: 'invoice', client: acme, number: 'INV-1', issued: '2026-01-01', due: '2026-01-31', amount: 1000, currency: 'USD', status: 'open', ...fields });
const seen = (at: string, observation: Observation, source = 'crm.example'): Entry => ({ at, source, observation });

describe('buildHistories', () => {
  it('merges the same invoice seen twice into one, keeping fields the second page did not show', () => {
    const [history] = buildHistories([seen('2026-02-01T10:00:00Z', invoice()), seen('2026-02-02T10:00:00Z', invoice({ amount: undefined, status: 'overdue' }))]);
    expect(history!.invoices).toHaveLength(1);
    expect(history!.invoices[0]).toMatchObject({ number: 'INV-1', amount: 1000, status: 'overdue', firstSeen: '2026-02-01T10:00:00Z', lastSeen: '2026-02-02T10:00:00Z' });
    expect(history!.changes).toEqual([{ kind: 'invoice', id: 'INV-1', field: 'status', from: 'open', to: 'overdue', at: '2026-02-02T10:00:00Z' }]);
  });

  it('keeps invoices with the same number on different hosts apart', () => {
    const [history] = buildHistories([seen('2026-02-01T10:00:00Z', invoice(), 'a.example'), seen('2026-02-01T10:00:00Z', invoice(), 'b.example')]);
    expect(history!.invoices).toHaveLength(2);
  });

  it('logs a deferral and a lowered amount as changes', () => {
    const [history] = buildHistories([seen('2026-01-05T09:00:00Z', invoice()), seen('2026-01-20T09:00:00Z', invoice({ due: '2026-02-28', amount: 900 }))]);
    expect(history!.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['due', '2026-01-31', '2026-02-28'],
      ['amount', 1000, 900],
    ]);
  });

  it('estimates the paid date from the first sighting as paid, with the last unpaid sighting as lower bound', () => {
    const sightings = [
      seen('2026-02-10T12:00:00Z', invoice({ status: 'overdue' })),
      seen('2026-02-20T12:00:00Z', invoice({ status: 'paid' })),
      seen('2026-02-25T12:00:00Z', invoice({ status: 'paid' })),
    ];
    const [history] = buildHistories(sightings, [], { timeZone: 'Europe/Minsk' });
    expect(history!.invoices[0]).toMatchObject({ status: 'paid', paid: '2026-02-20', paidEstimated: true, lastSeenUnpaid: '2026-02-10' });
  });

  it.each([
    ['Pacific/Kiritimati', 'T11:00:00Z', '2026-02-21', '2026-02-11'],
    ['America/Los_Angeles', 'T07:00:00Z', '2026-02-19', '2026-02-09'],
    ['UTC', 'T07:00:00Z', '2026-02-20', '2026-02-10'],
  ])('takes the estimated paid day in the user\'s zone (%s), whatever the machine\'s', (timeZone, time, paid, lastSeenUnpaid) => {
    const [history] = buildHistories(
      [seen(`2026-02-10${time}`, invoice({ status: 'overdue' })), seen(`2026-02-20${time}`, invoice({ status: 'paid' }))],
      [],
      { timeZone },
    );
    expect(history!.invoices[0]).toMatchObject({ paid, lastSeenUnpaid });
  });

  it('leaves the paid date unknown for an invoice only ever seen paid, and prefers a shown date to an estimate', () => {
    const [onlyPaid] = buildHistories([seen('2026-02-20T12:00:00Z', invoice({ status: 'paid' }))]);
    expect(onlyPaid!.invoices[0]!.paid).toBeUndefined();
    const [shown] = buildHistories([
      seen('2026-02-10T12:00:00Z', invoice()),
      seen('2026-02-20T12:00:00Z', invoice({ status: 'paid' })),
      seen('2026-02-21T12:00:00Z', invoice({ status: 'paid', paid: '2026-02-14' })),
    ]);
    expect(shown!.invoices[0]).toMatchObject({ paid: '2026-02-14' });
    expect(shown!.invoices[0]!.paidEstimated).toBeUndefined();
  });

  it('ties differently written names that share a tax id, keeping the first name for display', () => {
    const histories = buildHistories([
      seen('2026-01-01T00:00:00Z', invoice({ client: { name: 'ООО «Ромашка»', taxId: '190123456' } })),
      seen('2026-01-02T00:00:00Z', invoice({ number: 'INV-2', client: { name: 'Romashka Trade', taxId: '190 123 456' } })),
      seen('2026-01-03T00:00:00Z', invoice({ number: 'INV-3', client: { name: 'Someone Else' } })),
    ]);
    expect(histories).toHaveLength(2);
    expect(histories[0]!.client).toMatchObject({ name: 'ООО «Ромашка»', key: 'ромашка', taxId: '190123456' });
    expect(histories[0]!.invoices.map((i) => i.number)).toEqual(['INV-1', 'INV-2']);
  });

  it('keeps only count snapshots that changed, and attaches notes', () => {
    const count = (n: number): Observation => ({ kind: 'ticket-count', client: acme, count: n, scope: 'total' });
    const [history] = buildHistories(
      [seen('2026-01-01T00:00:00Z', count(3)), seen('2026-01-02T00:00:00Z', count(3)), seen('2026-01-09T00:00:00Z', count(7))],
      [{ kind: 'incident', client: { name: 'Acme Trading' }, at: '2026-01-05T00:00:00Z', text: 'Shouted at support' }],
    );
    expect(history!.counts.map((c) => [c.count, c.at])).toEqual([
      [3, '2026-01-01T00:00:00Z'],
      [7, '2026-01-09T00:00:00Z'],
    ]);
    expect(history!.notes).toHaveLength(1);
  });

  it('does not depend on the order entries come in', () => {
    const entries = [
      seen('2026-01-05T09:00:00Z', invoice()),
      seen('2026-01-20T09:00:00Z', invoice({ due: '2026-02-28' })),
      seen('2026-03-01T09:00:00Z', invoice({ status: 'paid' })),
      seen('2026-01-06T09:00:00Z', { kind: 'ticket', client: acme, id: '7', created: '2026-01-06T08:00', priority: 'high' }),
    ];
    expect(buildHistories([...entries].reverse())).toEqual(buildHistories(entries));
  });

  it('treats __proto__ and constructor as ordinary names and numbers', () => {
    const histories = buildHistories([
      seen('2026-01-01T00:00:00Z', invoice({ client: { name: '__proto__' }, number: '__proto__' })),
      seen('2026-01-01T00:00:00Z', invoice({ client: { name: 'constructor' }, number: 'constructor' })),
    ]);
    expect(histories.map((h) => h.client.name).sort()).toEqual(['__proto__', 'constructor']);
  });
});

describe('sortEntries', () => {
  it('serialises each entry once, not once per comparison, and sorts by instant, then site, then content', () => {
    // One instant for all: every comparison falls through to the content.
    const entries = Array.from({ length: 2000 }, (_, i) => seen('2026-02-01T10:00:00Z', invoice({ number: `INV-${(i * 7919) % 2000}` })));
    const stringify = vi.spyOn(JSON, 'stringify');
    const sorted = sortEntries(entries);
    expect(stringify).toHaveBeenCalledTimes(entries.length);
    stringify.mockRestore();
    const contents = sorted.map((entry) => JSON.stringify(entry.observation));
    expect(contents).toEqual([...contents].sort());
    const mixed = [seen('2026-02-02T00:00:00Z', invoice(), 'b.example'), seen('2026-02-01T00:00:00+03:00', invoice(), 'z.example'), seen('2026-02-02T00:00:00Z', invoice(), 'a.example')];
    expect(sortEntries(mixed).map((entry) => entry.source)).toEqual(['z.example', 'a.example', 'b.example']);
  });
});
