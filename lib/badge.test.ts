import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from './badge';
import type { VerdictStatus } from './model';

const statuses = (met: number): VerdictStatus[] => [...Array(met).fill('met'), ...Array(8 - met).fill('clear')];

describe('badgeFor', () => {
  it('is empty when no client is recognised', () => {
    expect(badgeFor({ single: false, clients: [] }, 'en')).toMatchObject({ text: '', color: BADGE_COLORS.neutral });
  });

  it.each([
    [0, '0', BADGE_COLORS.neutral],
    [1, '1', BADGE_COLORS.amber],
    [2, '2', BADGE_COLORS.amber],
    [3, '3', BADGE_COLORS.red],
    [8, '8', BADGE_COLORS.red],
  ])('one client meeting %i criteria → %s', (met, text, color) => {
    const badge = badgeFor({ single: true, clients: [{ name: 'Acme', statuses: statuses(met) }] }, 'en');
    expect(badge).toMatchObject({ text, color });
    expect(badge.title).toContain('Acme');
  });

  it('counts listed clients that meet at least one criterion', () => {
    const clients = [
      { name: 'A', statuses: statuses(2) },
      { name: 'B', statuses: statuses(0) },
      { name: 'C', statuses: statuses(1) },
    ];
    expect(badgeFor({ single: false, clients }, 'en')).toMatchObject({ text: '2', color: BADGE_COLORS.amber });
    expect(badgeFor({ single: false, clients }, 'ru').title).toMatch(/2 из 3/);
  });
});
