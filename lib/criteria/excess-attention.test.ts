import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import type { PeerStats } from '../model';
import { businessHours, isAfterHours } from './facts';
import { history, ticket, tickets, verdictOf } from './test-histories';
import { dayNumber, zoneClock } from './windows';

// 2026-11-27 is a Friday: 3 days ago is a Tuesday, 5 a Sunday, 6 a Saturday.
const TUESDAY = 3;
const inHours = (n: number) => tickets(n, TUESDAY);
const peers = (medianContacts90d: number | null): PeerStats => ({ clients: 10, medianContacts90d, medianBilledPerItem365d: null });

describe('excess-attention', () => {
  it.each([
    ['4 contacts: too few to judge', inHours(4), 'unknown'],
    ['5 contacts in business hours', inHours(5), 'clear'],
    ['3 of 10 after hours (30 %)', [...inHours(7), ...tickets(3, TUESDAY, {}, '21:30:00')], 'met'],
    ['2 of 10 after hours (20 %, over half of 30 %)', [...inHours(8), ...tickets(2, TUESDAY, {}, '21:30:00')], 'watch'],
    ['3 of 20 after hours (exactly 15 %)', [...inHours(17), ...tickets(3, TUESDAY, {}, '21:30:00')], 'watch'],
    ['1 of 10 after hours (10 %)', [...inHours(9), ticket(TUESDAY, {}, '21:30:00')], 'clear'],
    ['4 of 10 urgent (40 %)', [...inHours(6), ...tickets(4, TUESDAY, { priority: 'urgent' })], 'met'],
    ['3 of 10 urgent (30 %)', [...inHours(7), ...tickets(3, TUESDAY, { priority: 'urgent' })], 'watch'],
    ['2 of 10 urgent (exactly 20 %)', [...inHours(8), ...tickets(2, TUESDAY, { priority: 'urgent' })], 'watch'],
    ['1 of 10 urgent', [...inHours(9), ticket(TUESDAY, { priority: 'urgent' })], 'clear'],
    ['high priority is not urgent', inHours(5).map((t) => ({ ...t, priority: 'high' as const })), 'clear'],
    ['a contact exactly 90 days ago (a Saturday) counts', [...inHours(4), ticket(90)], 'watch'],
    ['a contact 91 days ago does not', [...inHours(4), ticket(91)], 'unknown'],
  ])('%s', (_name, list, status) => {
    expect(verdictOf('excess-attention', history({ tickets: list })).status).toBe(status);
  });

  // One ticket of five decides: 20 % after hours is watch, 0 % is clear.
  it.each([
    ['08:59 on a Tuesday', TUESDAY, '08:59:00', 'watch'],
    ['09:00 on a Tuesday', TUESDAY, '09:00:00', 'clear'],
    ['17:59 on a Tuesday', TUESDAY, '17:59:00', 'clear'],
    ['18:00 on a Tuesday', TUESDAY, '18:00:00', 'watch'],
    ['10:00 on a Saturday', 6, '10:00:00', 'watch'],
    ['10:00 on a Sunday', 5, '10:00:00', 'watch'],
    ['10:00 on a Friday', 0, '10:00:00', 'clear'],
  ])('business hours: %s', (_name, n, time, status) => {
    expect(verdictOf('excess-attention', history({ tickets: [...inHours(4), ticket(n, {}, time)] })).status).toBe(status);
  });

  it.each([
    ['12 contacts, 3 × the median 4', 12, peers(4), 'met'],
    ['11 contacts, over 1.5 × the median 4', 11, peers(4), 'watch'],
    ['9 contacts, 3 × the median 3 but under 10', 9, peers(3), 'watch'],
    ['12 contacts, under 1.5 × the median 10', 12, peers(10), 'clear'],
    ['6 contacts, 1.5 × the median 4 (watch needs 5)', 6, peers(4), 'watch'],
    ['30 contacts without peers: volume not applied', 30, undefined, 'clear'],
    ['30 contacts, peers without a median', 30, peers(null), 'clear'],
  ])('volume: %s', (_name, n, peerStats, status) => {
    const v = verdictOf('excess-attention', history({ tickets: inHours(n) }), { peers: peerStats });
    expect(v.status).toBe(status);
    if (!peerStats) expect(v.evidence).toContainEqual({ kind: 'stat', text: 'Volume not compared: no data on other clients' });
  });

  it('explains itself in both languages', () => {
    const list = [...inHours(7), ...tickets(3, TUESDAY, {}, '21:30:00')];
    const v = verdictOf('excess-attention', history({ tickets: list }));
    expect(v.summary).toBe('3 of 10 tickets in 90 days came outside business hours (30%)');
    expect(v.evidence.filter((e) => e.kind === 'ticket')).toHaveLength(3);
    const ru = verdictOf('excess-attention', history({ tickets: inHours(3) }), { settings: { language: 'ru' } });
    expect(ru.summary).toBe('Всего 3 обращения за последние 90 дней; нужно не меньше 5');
    expect(verdictOf('excess-attention', history(), { settings: { language: 'ru' } }).summary).toBe('Нет обращений за последние 90 дней');
    expect(verdictOf('excess-attention', history()).summary).toBe('No tickets seen in the last 90 days');
  });
});

describe('business hours across time zones and DST', () => {
  const hours = businessHours(DEFAULT_SETTINGS);
  const afterHours = (iso: string, zone: string) => {
    const clock = zoneClock(zone);
    return isAfterHours(clock.dayOf(iso), clock.minuteOf(iso), hours);
  };
  const machineZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = machineZone;
  });

  it.each([
    // Berlin: CET (+01) until 2026-03-29 02:00, CEST (+02) after; back to CET on 2026-10-25.
    ['21:30 local, Monday after the spring change', '2026-03-30T21:30:00', 'Europe/Berlin', true],
    ['19:30Z = 21:30 CEST', '2026-03-30T19:30:00Z', 'Europe/Berlin', true],
    ['15:30Z = 17:30 CEST', '2026-03-30T15:30:00Z', 'Europe/Berlin', false],
    ['16:30Z = 18:30 CEST', '2026-03-30T16:30:00Z', 'Europe/Berlin', true],
    ['16:30Z = 17:30 CET, Friday before the change', '2026-03-27T16:30:00Z', 'Europe/Berlin', false],
    ['17:00Z = 18:00 CET', '2026-03-27T17:00:00Z', 'Europe/Berlin', true],
    ['Sunday of the spring change, 10:00 local', '2026-03-29T10:00:00', 'Europe/Berlin', true],
    ['07:30Z = 08:30 CET, Monday after the autumn change', '2026-10-26T07:30:00Z', 'Europe/Berlin', true],
    ['08:00Z = 09:00 CET', '2026-10-26T08:00:00Z', 'Europe/Berlin', false],
    ['10:00+02:00 = 09:00 CET: an offset is read as an instant', '2026-10-26T10:00:00+02:00', 'Europe/Berlin', false],
    // Minsk: +03 all year, no DST.
    ['15:30Z = 18:30 in Minsk', '2026-03-30T15:30:00Z', 'Europe/Minsk', true],
    ['14:59Z = 17:59 in Minsk', '2026-03-30T14:59:00Z', 'Europe/Minsk', false],
    ['14:59Z = 17:59 in Minsk, autumn week', '2026-10-26T14:59:00Z', 'Europe/Minsk', false],
    ['05:59Z = 08:59 in Minsk', '2026-10-26T05:59:00Z', 'Europe/Minsk', true],
    ['21:30 local in Minsk', '2026-10-26T21:30:00', 'Europe/Minsk', true],
    ['23:30Z Friday = 02:30 Saturday in Minsk', '2026-10-30T23:30:00Z', 'Europe/Minsk', true],
  ])('%s', (_name, iso, zone, expected) => {
    for (const machine of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin']) {
      process.env.TZ = machine;
      expect(afterHours(iso, zone), `machine zone ${machine}`).toBe(expected);
    }
  });

  it('counts a DST day as one day', () => {
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
    expect(dayNumber('2026-03-29') - dayNumber('2026-03-28')).toBe(1);
    expect(dayNumber('2026-10-26') - dayNumber('2026-10-25')).toBe(1);
    expect(zoneClock('Europe/Berlin').dayOf('2026-03-29T22:30:00Z') - zoneClock('Europe/Berlin').dayOf('2026-03-28T23:30:00Z')).toBe(1);
  });

  it('keeps a 90-day window whole across the spring change (Berlin)', () => {
    // 2026-06-27 minus 90 days is 2026-03-29, the DST day itself.
    const now = new Date('2026-06-27T10:00:00Z');
    const settings = { timeZone: 'Europe/Berlin' };
    const recent = Array.from({ length: 4 }, (_, i) => ticket(0, { created: `2026-06-2${i + 2}T10:00:00` }));
    const onEdge = ticket(0, { created: '2026-03-29T12:00:00' });
    const dayBefore = ticket(0, { created: '2026-03-28T23:30:00' });
    expect(verdictOf('excess-attention', history({ tickets: [...recent, onEdge] }), { now, settings }).status).not.toBe('unknown');
    expect(verdictOf('excess-attention', history({ tickets: [...recent, dayBefore] }), { now, settings }).status).toBe('unknown');
    // The same edge as instants: 2026-03-28 23:30Z is already 2026-03-29 00:30 in Berlin.
    expect(verdictOf('excess-attention', history({ tickets: [...recent, { ...dayBefore, created: '2026-03-28T23:30:00Z' }] }), { now, settings }).status).not.toBe('unknown');
  });
});
