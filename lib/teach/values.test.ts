import { describe, expect, it } from 'vitest';
import { decideDateOrder } from './values';

describe('decideDateOrder', () => {
  it.each([
    [['03/15/2026', '04/05/2026'], 'ru', 'mdy', false],
    [['15/03/2026', '04/05/2026'], 'en-US', 'dmy', false],
    [['04/05/2026'], 'en-US', 'mdy', false],
    [['04/05/2026'], 'en_US', 'mdy', false],
    [['04/05/2026'], 'en', 'mdy', false],
    [['04/05/2026'], '', 'mdy', false],
    [['04/05/2026'], 'en-GB', 'dmy', false],
    [['04/05/2026'], 'ru', 'dmy', false],
    [['04/05/2026'], 'be', 'dmy', false],
    [['04/05/2026'], 'de', 'dmy', false],
    [['04/05/2026'], 'fr', 'dmy', false],
    // Dots are always day first and ISO is ISO: neither proves anything about slashes.
    [['13.03.2026', '2026-03-13', '5 марта 2026 г.'], 'en-US', 'mdy', false],
    // An invalid value proves nothing.
    [['31/31/2026', '04/05/2026'], 'en-GB', 'dmy', false],
    [['03/15/2026', '15/03/2026'], 'en', 'mdy', true],
    [['03/15/2026', '15/03/2026'], 'ru', 'dmy', true],
  ] as const)('%j on a page in "%s" → %s (mixed: %s)', (values, lang, order, mixed) => {
    expect(decideDateOrder(values, lang)).toEqual({ order, mixed });
  });
});
