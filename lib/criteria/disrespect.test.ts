import { describe, expect, it } from 'vitest';
import { history, note, ticket, tickets, verdictOf } from './test-histories';

describe('disrespect', () => {
  it.each([
    ['3 bad ratings', { tickets: tickets(3, 5, { satisfaction: 'bad' }) }, 'met'],
    ['2 bad ratings of 10 rated (20 %)', { tickets: [...tickets(2, 5, { satisfaction: 'bad' }), ...tickets(8, 5, { satisfaction: 'good' })] }, 'watch'],
    ['2 bad ratings of 6 rated (33 %)', { tickets: [...tickets(2, 5, { satisfaction: 'bad' }), ...tickets(4, 5, { satisfaction: 'good' })] }, 'met'],
    ['2 bad ratings of 7 rated (28.6 %)', { tickets: [...tickets(2, 5, { satisfaction: 'bad' }), ...tickets(5, 5, { satisfaction: 'good' })] }, 'watch'],
    ['1 bad rating of 1 rated (100 %, under 2)', { tickets: [ticket(5, { satisfaction: 'bad' })] }, 'watch'],
    ['complaint, escalation and incident', { tickets: [ticket(5, { tags: ['Complaint'] }), ticket(6, { tags: ['escalated'] })], notes: [note('incident', 7)] }, 'met'],
    ['Russian complaint tags', { tickets: [ticket(5, { tags: ['Жалоба'] }), ticket(6, { tags: ['претензия'] })] }, 'watch'],
    ['a bad-rated complaint is one event', { tickets: [ticket(5, { satisfaction: 'bad', tags: ['complaint'] }), ticket(6, { tags: ['complaint'] })] }, 'watch'],
    ['event exactly 90 days ago counts', { tickets: [ticket(90, { tags: ['complaint'] }), ...tickets(2, 5, { tags: ['complaint'] })] }, 'met'],
    ['event 91 days ago does not', { tickets: [ticket(91, { tags: ['complaint'] }), ...tickets(2, 5, { tags: ['complaint'] })] }, 'watch'],
    ['tickets without events', { tickets: tickets(4, 5, { satisfaction: 'good' }) }, 'clear'],
    ['only a note', { notes: [note('advice', 5)] }, 'clear'],
    ['no tickets and no notes in 90 days', { tickets: [ticket(91, { satisfaction: 'bad' })], notes: [note('incident', 91)] }, 'unknown'],
  ])('%s', (_name, parts, status) => {
    expect(verdictOf('disrespect', history(parts)).status).toBe(status);
  });

  it('quotes the bad-rating share and lists the tickets', () => {
    const bad = tickets(2, 5, { satisfaction: 'bad' });
    const v = verdictOf('disrespect', history({ tickets: [...bad, ...tickets(3, 5, { satisfaction: 'good' })] }));
    expect(v.summary).toBe('2 of 5 rated tickets rated bad (40%) in 90 days');
    expect(v.evidence.map((e) => (e.kind === 'ticket' ? e.id : null)).sort()).toEqual(bad.map((t) => t.id).sort());
  });

  it('says what is missing, in both languages', () => {
    expect(verdictOf('disrespect', history()).summary).toBe('No tickets and no notes in the last 90 days');
    expect(verdictOf('disrespect', history(), { settings: { language: 'ru' } }).summary).toBe('Нет обращений и заметок за последние 90 дней');
  });

  it('uses the complaint tags from settings', () => {
    const h = history({ tickets: tickets(3, 5, { tags: ['rude'] }) });
    expect(verdictOf('disrespect', h).status).toBe('clear');
    expect(verdictOf('disrespect', h, { settings: { complaintTags: ['rude'] } }).status).toBe('met');
  });
});
