import { describe, expect, it } from 'vitest';
import { CRITERION_IDS } from '../model';
import { en } from './en';
import { count, plural, textOf } from './index';
import { ru } from './ru';

/** Every key path of a dictionary, arrays and functions as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('dictionaries', () => {
  it('give Russian every key of the English one, and no other', () => {
    expect(keyPaths(ru).sort()).toEqual(keyPaths(en).sort());
  });

  it.each(['en', 'ru'] as const)('has a title, short name, description, article name and rule for every criterion in %s', (lang) => {
    const text = textOf(lang);
    for (const id of CRITERION_IDS) {
      const criterion = text.criteria[id];
      for (const line of [criterion.title, criterion.short, criterion.description, criterion.article, criterion.rule]) {
        expect(line.trim().length, `${lang} ${id}`).toBeGreaterThan(3);
      }
    }
  });

  it('gives Russian three word forms and English two for every counted thing', () => {
    for (const forms of Object.values(en.words)) expect(forms).toHaveLength(2);
    for (const forms of Object.values(ru.words)) expect(forms).toHaveLength(3);
  });

  it('speaks the user’s words for statuses', () => {
    expect(textOf('en').status).toEqual({ met: 'Yes', watch: 'Watch', clear: 'No', unknown: 'Not enough data' });
    expect(textOf('ru').status).toEqual({ met: 'Да', watch: 'Под наблюдением', clear: 'Нет', unknown: 'Мало данных' });
  });

  it.each([
    [0, 3, '0 of 3 listed clients meet at least one criterion'],
    [1, 1, '1 of 1 listed client meets at least one criterion'],
    [1, 12, '1 of 12 listed clients meets at least one criterion'],
    [2, 1200, '2 of 1,200 listed clients meet at least one criterion'],
  ])('English list title %i of %i', (meeting, listed, title) => {
    expect(textOf('en').badge.listTitle(meeting, listed)).toBe(title);
  });

  it.each([
    [1, 1, '1 из 1 клиента на странице соответствует хотя бы одному критерию'],
    [1, 3, '1 из 3 клиентов на странице соответствует хотя бы одному критерию'],
    [2, 21, '2 из 21 клиента на странице соответствуют хотя бы одному критерию'],
    [5, 5, '5 из 5 клиентов на странице соответствуют хотя бы одному критерию'],
    [21, 30, '21 из 30 клиентов на странице соответствует хотя бы одному критерию'],
  ])('Russian list title %i из %i', (meeting, listed, title) => {
    expect(textOf('ru').badge.listTitle(meeting, listed)).toBe(title);
  });

  it('titles a one-client page in both languages', () => {
    expect(textOf('en').badge.clientTitle('Acme Trading LLC', 1, 8)).toBe('Acme Trading LLC: meets 1 of 8 criteria');
    expect(textOf('ru').badge.clientTitle('ООО «Ромашка»', 3, 8)).toBe('ООО «Ромашка»: 3 из 8 критериев');
  });

  it('pluralises the error summary', () => {
    expect(textOf('en').options.errorSummary(1)).toBe('1 value needs fixing; nothing was saved.');
    expect(textOf('en').options.errorSummary(3)).toBe('3 values need fixing; nothing was saved.');
    expect(textOf('ru').options.errorSummary(2)).toBe('Исправьте 2 значения; ничего не сохранено.');
    expect(textOf('ru').options.errorSummary(5)).toBe('Исправьте 5 значений; ничего не сохранено.');
  });

  it.each([
    [1, 1, '1 клиент'],
    [3, 3, '3 клиента'],
    [3, 25, '3 из 25 клиентов'],
    [2, 21, '2 из 21 клиента'],
  ])('counts the dashboard’s rows in Russian: %i of %i', (shown, total, text) => {
    expect(textOf('ru').dashboard.shown(shown, total)).toBe(text);
  });

  it('falls back to English for a language outside the type', () => {
    expect(textOf('de' as 'en')).toBe(en);
  });
});

describe('plural and count', () => {
  it.each([
    ['en', 1, 'day'],
    ['en', 0, 'days'],
    ['en', 1.5, 'days'],
    ['ru', 1, 'день'],
    ['ru', 21, 'день'],
    ['ru', 3, 'дня'],
    ['ru', 24, 'дня'],
    ['ru', 11, 'дней'],
    ['ru', 25, 'дней'],
    ['ru', 1.5, 'дня'],
    ['ru', 1001, 'день'],
  ] as const)('%s %d → %s', (lang, n, form) => {
    expect(plural(lang, n, lang === 'en' ? ['day', 'days'] : ['день', 'дня', 'дней'])).toBe(form);
  });

  it('formats the number in the language', () => {
    expect(count('en', 1234, ['day', 'days'])).toBe('1,234 days');
    expect(count('ru', 1234, ['день', 'дня', 'дней'])).toBe('1\u00a0234 дня');
  });
});
