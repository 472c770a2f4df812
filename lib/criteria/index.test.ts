import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHistories, type Entry } from '../history';
import { CRITERION_IDS, type HistoryInvoice, type VerdictStatus } from '../model';
import { evaluateClient, peerStats } from './index';
import { client, daysAgo, history, invoice, NOW, SETTINGS } from './test-histories';

const opts = { now: NOW, settings: SETTINGS };
const SEVERITY: Record<VerdictStatus, number> = { unknown: 0, clear: 0, watch: 1, met: 2 };

/** An invoice due 0–400 days ago, paid 10 days early to 60 days late, or unpaid. */
const arbitraryInvoice = fc
  .record({ due: fc.integer({ min: 0, max: 400 }), late: fc.option(fc.integer({ min: -10, max: 60 }), { nil: undefined }), partial: fc.boolean() })
  .map(({ due, late, partial }): HistoryInvoice =>
    late === undefined
      ? invoice({ due: daysAgo(due), status: partial ? 'partial' : 'open' })
      : invoice({ due: daysAgo(due), paid: daysAgo(Math.max(0, due - late)), status: 'paid' }),
  );

describe('evaluateClient', () => {
  it('gives one verdict per criterion, in the table order, each with a summary', () => {
    const verdicts = evaluateClient(history(), opts);
    expect(verdicts.map((v) => v.id)).toEqual([...CRITERION_IDS]);
    for (const v of verdicts) expect(v.summary.length).toBeGreaterThan(0);
  });

  it('says what is missing for every unknown verdict of an empty history', () => {
    const summaries = Object.fromEntries(evaluateClient(history(), opts).map((v) => [v.id, `${v.status}: ${v.summary}`]));
    expect(summaries).toEqual({
      'late-payment': 'unknown: No invoice due in the last 365 days with a payment date or past its due date',
      'price-pressure': 'unknown: No invoices and no notes in the last 180 days',
      disrespect: 'unknown: No tickets and no notes in the last 90 days',
      'ignored-advice': 'unknown: No advice notes in the last 180 days',
      'scope-creep': 'unknown: No work items in the 90 days before the last 90 days: nothing to compare with',
      'excess-attention': 'unknown: No tickets seen in the last 90 days',
      'out-of-scope': 'clear: No out-of-scope or unethical requests in 180 days',
      'low-income': 'unknown: Not compared: no data on other clients',
    });
  });

  it('follows edited thresholds', () => {
    const h = history({ invoices: [invoice({ due: daysAgo(40), paid: daysAgo(30), status: 'paid' })] });
    expect(evaluateClient(h, opts)[0]!.status).toBe('watch'); // 10 days late: mean over 3
    expect(evaluateClient(h, { ...opts, settings: { ...SETTINGS, latePayment: { windowDays: 365, lateDays: 10, metCount: 1, overdueDays: 30, watchMeanDays: 3 } } })[0]!.status).toBe('met');
  });

  it('recomputes when the same history is evaluated with other settings or another day', () => {
    const h = history({ invoices: [invoice({ issued: daysAgo(100), discount: 10 })] });
    expect(evaluateClient(h, opts)[1]!.status).toBe('watch');
    expect(evaluateClient(h, { ...opts, settings: { ...SETTINGS, pricePressure: { windowDays: 90, metEvents: 3 } } })[1]!.status).toBe('unknown');
    expect(evaluateClient(h, { ...opts, now: new Date('2027-06-01T12:00:00Z') })[1]!.status).toBe('unknown');
    expect(evaluateClient(h, opts)[1]!.status).toBe('watch');
  });

  it('answers unknown for every criterion but out-of-scope when now is invalid', () => {
    const verdicts = evaluateClient(history({ invoices: [invoice({ due: daysAgo(40) })] }), { ...opts, now: new Date(Number.NaN) });
    expect(verdicts.filter((v) => v.status !== 'unknown').map((v) => v.id)).toEqual(['out-of-scope']);
  });

  it('never raises late-payment when an invoice paid on time is added', () => {
    fc.assert(
      fc.property(fc.array(arbitraryInvoice, { maxLength: 12 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 }), (invoices, due, early) => {
        const before = evaluateClient(history({ invoices }), opts)[0]!;
        const onTime = invoice({ due: daysAgo(due), paid: daysAgo(due + early), status: 'paid' });
        const after = evaluateClient(history({ invoices: [...invoices, onTime] }), opts)[0]!;
        expect(SEVERITY[after.status]).toBeLessThanOrEqual(SEVERITY[before.status]);
      }),
    );
  });

  it('is deterministic for a fixed now', () => {
    fc.assert(
      fc.property(fc.array(arbitraryInvoice, { maxLength: 12 }), (invoices) => {
        const h = history({ invoices });
        expect(evaluateClient(structuredClone(h), opts)).toEqual(evaluateClient(h, opts));
        expect(evaluateClient(h, opts)).toEqual(evaluateClient(h, opts));
      }),
    );
  });
});

describe('buildHistories + evaluateClient', () => {
  /** Sightings of a few invoices, tickets and counts over the last year, each at a distinct or equal instant. */
  const arbitraryEntry = fc.oneof(
    fc.record({ n: fc.integer({ min: 1, max: 4 }), seen: fc.integer({ min: 0, max: 300 }), due: fc.integer({ min: 0, max: 300 }), amount: fc.integer({ min: 100, max: 1000 }), status: fc.constantFrom('open' as const, 'paid' as const, 'overdue' as const) }).map(
      ({ n, seen, due, amount, status }): Entry => ({
        at: `${daysAgo(seen)}T10:00:00Z`,
        source: 'books.example',
        observation: { kind: 'invoice', client, number: `I${n}`, issued: daysAgo(due + 30), due: daysAgo(due), amount, status },
      }),
    ),
    fc.record({ n: fc.integer({ min: 1, max: 20 }), seen: fc.integer({ min: 0, max: 200 }), hour: fc.integer({ min: 0, max: 23 }), bad: fc.boolean() }).map(
      ({ n, seen, hour, bad }): Entry => ({
        at: `${daysAgo(seen)}T12:00:00Z`,
        source: 'help.example',
        observation: { kind: 'ticket', client, id: `T${n}`, created: `${daysAgo(seen)}T${String(hour).padStart(2, '0')}:00:00`, satisfaction: bad ? 'bad' : 'good', priority: hour > 20 ? 'urgent' : 'normal' },
      }),
    ),
    fc.record({ seen: fc.integer({ min: 0, max: 200 }), count: fc.integer({ min: 0, max: 50 }) }).map(
      ({ seen, count }): Entry => ({ at: `${daysAgo(seen)}T08:00:00Z`, source: 'crm.example', observation: { kind: 'ticket-count', client, count, scope: 'total' } }),
    ),
  );

  it('gives the same verdicts whatever order the entries arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryEntry, { maxLength: 30 }).chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))),
        ([entries, shuffled]) => {
          const evaluate = (list: Entry[]) => {
            const histories = buildHistories(list);
            const peers = peerStats(histories, opts);
            return histories.map((h) => evaluateClient(h, { ...opts, peers }));
          };
          expect(evaluate(shuffled)).toEqual(evaluate(entries));
        },
      ),
    );
  });
});
