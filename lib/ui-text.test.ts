import { describe, expect, it } from 'vitest';
import { CRITERION_IDS } from './model';
import { uiText } from './ui-text';

describe('uiText', () => {
  it.each(['en', 'ru'] as const)('has a title, description, article name and rule for every criterion in %s', (lang) => {
    const text = uiText(lang);
    for (const id of CRITERION_IDS) {
      const criterion = text.criteria[id];
      for (const line of [criterion.title, criterion.description, criterion.article, criterion.rule]) {
        expect(line.trim().length, `${lang} ${id}`).toBeGreaterThan(3);
      }
    }
  });

  it('speaks the user’s words for statuses', () => {
    expect(uiText('en').status).toEqual({ met: 'Yes', watch: 'Watch', clear: 'No', unknown: 'Not enough data' });
    expect(uiText('ru').status).toEqual({ met: 'Да', watch: 'Под наблюдением', clear: 'Нет', unknown: 'Мало данных' });
  });

  it.each([
    [0, 3, '0 of 3 listed clients meet at least one criterion'],
    [1, 1, '1 of 1 listed client meets at least one criterion'],
    [1, 12, '1 of 12 listed clients meets at least one criterion'],
    [2, 1200, '2 of 1,200 listed clients meet at least one criterion'],
  ])('English list title %i of %i', (meeting, listed, title) => {
    expect(uiText('en').badge.listTitle(meeting, listed)).toBe(title);
  });

  it.each([
    [1, 1, '1 из 1 клиента на странице соответствует хотя бы одному критерию'],
    [1, 3, '1 из 3 клиентов на странице соответствует хотя бы одному критерию'],
    [2, 21, '2 из 21 клиента на странице соответствуют хотя бы одному критерию'],
    [5, 5, '5 из 5 клиентов на странице соответствуют хотя бы одному критерию'],
    [21, 30, '21 из 30 клиентов на странице соответствует хотя бы одному критерию'],
  ])('Russian list title %i из %i', (meeting, listed, title) => {
    expect(uiText('ru').badge.listTitle(meeting, listed)).toBe(title);
  });

  it('titles a one-client page in both languages', () => {
    expect(uiText('en').badge.clientTitle('Acme Trading LLC', 1, 8)).toBe('Acme Trading LLC: meets 1 of 8 criteria');
    expect(uiText('ru').badge.clientTitle('ООО «Ромашка»', 3, 8)).toBe('ООО «Ромашка»: 3 из 8 критериев');
  });

  it.each([
    ['en', 1, '1 day late'],
    ['en', 22, '22 days late'],
    ['ru', 1, 'опоздание 1 день'],
    ['ru', 3, 'опоздание 3 дня'],
    ['ru', 11, 'опоздание 11 дней'],
    ['ru', 21, 'опоздание 21 день'],
  ] as const)('%s days late: %i', (lang, n, text) => {
    expect(uiText(lang).popup.daysLate(n)).toBe(text);
  });

  it('pluralises the error summary', () => {
    expect(uiText('en').options.errorSummary(1)).toBe('1 value needs fixing; nothing was saved.');
    expect(uiText('en').options.errorSummary(3)).toBe('3 values need fixing; nothing was saved.');
    expect(uiText('ru').options.errorSummary(2)).toBe('Исправьте 2 значения; ничего не сохранено.');
    expect(uiText('ru').options.errorSummary(5)).toBe('Исправьте 5 значений; ничего не сохранено.');
  });
});
