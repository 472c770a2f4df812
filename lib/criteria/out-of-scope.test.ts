import { describe, expect, it } from 'vitest';
import { history, note, ticket, verdictOf } from './test-histories';

describe('out-of-scope', () => {
  it.each([
    ['an ethics note, however old', { notes: [note('ethics', 400)] }, 'met'],
    ['3 out-of-scope items', { notes: [note('out-of-scope', 5)], tickets: [ticket(10, { subject: 'Out of scope: a new website' }), ticket(20, { tags: ['вне договора'] })] }, 'met'],
    ['2 out-of-scope items', { notes: [note('out-of-scope', 5), note('out-of-scope', 6)] }, 'watch'],
    ['subject matched case-insensitively', { tickets: [ticket(10, { subject: 'This is NOT IN CONTRACT' })] }, 'watch'],
    ['Russian subject', { tickets: [ticket(10, { subject: 'Работы не по договору' })] }, 'watch'],
    ['item exactly 180 days ago counts', { notes: [note('out-of-scope', 180), note('out-of-scope', 5), note('out-of-scope', 6)] }, 'met'],
    ['item 181 days ago does not', { notes: [note('out-of-scope', 181), note('out-of-scope', 5), note('out-of-scope', 6)] }, 'watch'],
    ['ordinary tickets', { tickets: [ticket(10, { subject: 'Invoice question', tags: ['billing'] })] }, 'clear'],
    ['nothing at all is clear, never unknown', {}, 'clear'],
  ])('%s', (_name, parts, status) => {
    expect(verdictOf('out-of-scope', history(parts)).status).toBe(status);
  });

  it('uses the keywords from settings', () => {
    const h = history({ tickets: [ticket(10, { subject: 'Extra work please' })] });
    expect(verdictOf('out-of-scope', h).status).toBe('clear');
    expect(verdictOf('out-of-scope', h, { settings: { outOfScope: { windowDays: 180, metItems: 3, keywords: ['EXTRA WORK'] } } }).status).toBe('watch');
  });

  it('explains itself', () => {
    const ethics = note('ethics', 40, { text: 'asked to backdate invoices' });
    const v = verdictOf('out-of-scope', history({ notes: [ethics, note('out-of-scope', 5)] }));
    expect(v.summary).toBe(`Asked for unethical work (noted ${ethics.at.slice(0, 10)}); 1 out-of-scope request in 180 days`);
    expect(v.evidence[0]).toMatchObject({ kind: 'note', noteKind: 'ethics', text: `${ethics.at.slice(0, 10)} · asked to backdate invoices` });
    const ru = verdictOf('out-of-scope', history({ notes: [note('out-of-scope', 5), note('out-of-scope', 6)] }), { settings: { language: 'ru' } });
    expect(ru.summary).toBe('2 запроса вне договора за 180 дней');
  });
});
