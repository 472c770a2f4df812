import { describe, expect, it } from 'vitest';
import { lateDays } from './late-payment';
import { daysAgo, history, invoice, verdictOf } from './test-histories';
import { dayNumber } from './windows';

const today = dayNumber('2026-11-27');
/** An invoice due `due` days ago and paid `paid` days ago (undefined: unpaid). */
const paidLate = (due: number, paid?: number, status: 'paid' | 'open' | 'partial' | 'draft' | 'void' = paid === undefined ? 'open' : 'paid') =>
  invoice({ issued: daysAgo(due + 30), due: daysAgo(due), paid: paid === undefined ? undefined : daysAgo(paid), status });

describe('lateDays', () => {
  it.each([
    ['paid on the due date', paidLate(40, 40), 0],
    ['paid early', paidLate(40, 45), 0],
    ['paid 14 days late', paidLate(40, 26), 14],
    ['paid 15 days late', paidLate(40, 25), 15],
    ['unpaid, 29 days overdue', paidLate(29), 29],
    ['unpaid, due today (not yet late)', paidLate(0), undefined],
    ['partially paid counts as unpaid', paidLate(30, undefined, 'partial'), 30],
    ['paid with no paid date: unknown', invoice({ due: daysAgo(10), status: 'paid' }), null],
    ['no due date: unknown', invoice({ issued: daysAgo(10) }), null],
    ['no status, no paid date, past due: unknown, never unpaid', invoice({ due: daysAgo(40), status: undefined }), null],
    ['overdue by its status', invoice({ due: daysAgo(40), status: 'overdue' }), 40],
  ])('%s', (_name, inv, expected) => {
    expect(lateDays(inv, today)).toBe(expected);
  });

  it('counts calendar days across a DST change as one day each', () => {
    const inv = invoice({ due: '2026-03-28', paid: '2026-03-30', status: 'paid' });
    expect(lateDays(inv, today)).toBe(2);
  });
});

describe('late-payment', () => {
  it.each([
    ['two invoices 15 days late', [paidLate(100, 85), paidLate(60, 45)], 'met'],
    ['one 15 days late, one 14', [paidLate(100, 85), paidLate(60, 46)], 'watch'],
    ['two 14 days late (mean 14 > 3)', [paidLate(100, 86), paidLate(60, 46)], 'watch'],
    ['one unpaid 30 days overdue', [paidLate(30)], 'met'],
    ['one unpaid 29 days overdue (one ≥ 15 late)', [paidLate(29)], 'watch'],
    ['mean exactly 3 days late', [paidLate(100, 94), paidLate(60, 60)], 'clear'],
    ['mean just over 3 days late', [paidLate(100, 93), paidLate(60, 60)], 'watch'],
    ['paid early and on time', [paidLate(100, 110), paidLate(60, 60)], 'clear'],
    ['due exactly 365 days ago counts', [paidLate(365, 340), paidLate(60, 40)], 'met'],
    ['due 366 days ago is outside the window', [paidLate(366, 340), paidLate(60, 40)], 'watch'],
    ['draft and void count nowhere', [paidLate(100, 50, 'draft'), paidLate(90, 50, 'void'), paidLate(60, 60)], 'clear'],
    ['nothing judged: only a future due date', [paidLate(-10)], 'unknown'],
    ['nothing judged: no invoices', [], 'unknown'],
  ])('%s', (_name, invoices, status) => {
    expect(verdictOf('late-payment', history({ invoices })).status).toBe(status);
  });

  it('explains itself with the invoices that decided it', () => {
    const late = [paidLate(100, 85), paidLate(60, 33)];
    const v = verdictOf('late-payment', history({ invoices: [...late, paidLate(40, 40)] }));
    expect(v.summary).toBe('2 of the last 3 invoices were paid 15+ days late (max 27)');
    expect(v.evidence.map((e) => (e.kind === 'invoice' ? [e.number, e.daysLate] : null))).toEqual([
      [late[1]!.number, 27],
      [late[0]!.number, 15],
    ]);
  });

  it('speaks Russian with the right plural forms', () => {
    const v = verdictOf('late-payment', history({ invoices: [paidLate(31)] }), { settings: { language: 'ru' } });
    expect(v.summary).toMatch(/не оплачен, просрочка 31 день$/);
    const two = verdictOf('late-payment', history({ invoices: [paidLate(32)] }), { settings: { language: 'ru' } });
    expect(two.summary).toMatch(/просрочка 32 дня$/);
  });

  it('says what is missing when unknown', () => {
    expect(verdictOf('late-payment', history()).summary).toMatch(/^No invoice due in the last 365 days/);
  });

  it('shows the bounds of an estimated paid date', () => {
    const inv = invoice({ due: daysAgo(60), paid: daysAgo(40), paidEstimated: true, lastSeenUnpaid: daysAgo(45), status: 'paid' });
    const [evidence] = verdictOf('late-payment', history({ invoices: [inv] })).evidence;
    expect(evidence).toMatchObject({ kind: 'invoice', paidEstimated: true, paidAfter: daysAgo(45), daysLate: 20 });
    expect(evidence?.text).toContain(`paid between ${daysAgo(45)} and ${daysAgo(40)} (estimated)`);
  });

  it('takes today in the user zone: late evening UTC is already tomorrow in Minsk', () => {
    const inv = paidLate(-1); // due tomorrow (2026-11-28)
    const lateEvening = new Date('2026-11-28T22:30:00Z'); // 2026-11-29 01:30 in Minsk
    expect(verdictOf('late-payment', history({ invoices: [inv] }), { now: lateEvening }).evidence[0]).toMatchObject({ daysLate: 1 });
    expect(verdictOf('late-payment', history({ invoices: [inv] }), { now: lateEvening, settings: { timeZone: 'America/New_York' } }).status).toBe('unknown');
  });
});

describe('late-payment never flags on what could not be read', () => {
  it('does not flag a client whose invoices read "Paid late" with no paid date', () => {
    const paidLateNoDate = [invoice({ number: 'A-1', due: daysAgo(120), status: 'paid' }), invoice({ number: 'A-2', due: daysAgo(60), status: 'paid' })];
    expect(verdictOf('late-payment', history({ invoices: paidLateNoDate })).status).toBe('unknown');
  });

  it('does not flag invoices whose payment could not be read, long past their due date', () => {
    const unread = [invoice({ number: 'B-1', due: daysAgo(200), status: undefined }), invoice({ number: 'B-2', due: daysAgo(90), status: undefined })];
    expect(verdictOf('late-payment', history({ invoices: unread })).status).toBe('unknown');
  });

  it('judges the invoices it can read and leaves the unknown ones out', () => {
    const mixed = [invoice({ number: 'C-1', due: daysAgo(200), status: undefined }), paidLate(60, 60)];
    const verdict = verdictOf('late-payment', history({ invoices: mixed }));
    expect(verdict.status).toBe('clear');
    expect(JSON.stringify(verdict.evidence)).not.toContain('C-1');
  });
});
