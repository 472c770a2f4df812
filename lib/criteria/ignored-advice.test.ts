import { describe, expect, it } from 'vitest';
import { history, note, notes, verdictOf } from './test-histories';

const advice = (n: number, outcome: 'followed' | 'ignored' | 'pending', days = 10) => notes(n, 'advice', days, { outcome });

describe('ignored-advice', () => {
  it.each([
    ['2 ignored of 4 decided (50 %)', [...advice(2, 'ignored'), ...advice(2, 'followed')], 'met'],
    ['2 ignored of 5 decided (40 %)', [...advice(2, 'ignored'), ...advice(3, 'followed')], 'watch'],
    ['2 ignored, pending ones are not decided', [...advice(2, 'ignored'), ...advice(5, 'pending'), ...advice(2, 'followed')], 'met'],
    ['1 ignored of 1', advice(1, 'ignored'), 'watch'],
    ['ignored exactly 180 days ago counts', [...advice(1, 'ignored', 180), ...advice(1, 'ignored')], 'met'],
    ['ignored 181 days ago does not', [...advice(1, 'ignored', 181), ...advice(1, 'ignored')], 'watch'],
    ['all followed', advice(3, 'followed'), 'clear'],
    ['only pending', advice(2, 'pending'), 'clear'],
    ['no advice notes in 180 days', [...advice(3, 'ignored', 181), note('incident', 3)], 'unknown'],
  ])('%s', (_name, list, status) => {
    expect(verdictOf('ignored-advice', history({ notes: list })).status).toBe(status);
  });

  it('explains itself with the ignored notes', () => {
    const v = verdictOf('ignored-advice', history({ notes: [...advice(2, 'ignored'), ...advice(1, 'followed')] }));
    expect(v.summary).toBe('2 of 3 decided pieces of advice ignored (67%) in 180 days');
    expect(v.evidence).toHaveLength(2);
    expect(v.evidence.every((e) => e.kind === 'note' && e.noteKind === 'advice')).toBe(true);
    expect(verdictOf('ignored-advice', history(), { settings: { language: 'ru' } }).summary).toBe('Нет заметок о советах за последние 180 дней');
  });
});
