import { describe, expect, it } from 'vitest';
import { isGeneratedName, stableAttributes, wordsOf } from './stable';
import { loadPage } from '../../tests/fixtures/pages/page';

describe('isGeneratedName', () => {
  it.each([
    'css-9xk2a1', 'css-1x2y3', 'css-k2j4h1-Row', 'sc-abc123', 'sc-bdVaJa', 'jsx-123', 'jsx-2412784151', '_a1b2c3', '_1x2y3',
    'Row_cell__x7Yz1', 'styles_row__a1B2c', 'row--3xYz1', 'bZkfAO', 'kQfzNc', 'svelte-1a2b3c', 'astro-J7PV25F6', 'e1f2g3h4',
    'data-v-7ba5bd90', 'x7y8z9q1',
  ])('%s is generated', (name) => {
    expect(isGeneratedName(name)).toBe(true);
  });

  it.each(['invoice-row', 'row', 'list', 'table-striped', 'mt-4', 'col-2', 'text-right', 'is-paid', 'status-overdue', 'btn-primary', 'h-10', 'rowItem', 'grid-cols-12'])(
    '%s is hand-written',
    (name) => {
      expect(isGeneratedName(name)).toBe(false);
    },
  );
});

describe('stableAttributes', () => {
  it('keeps roles, labels and hand-written data attributes; drops classes, styles, framework and hashed ones', () => {
    const doc = loadPage(
      '<div id="ember482" class="css-9xk2a1" style="color:red" role="row" data-col="org" data-v-7ba5bd90="" data-reactid=".0.1" ' +
        'data-row-key="inv_8f3a9c2d1" aria-label="Invoice" name="client" headers="h-client" onclick="x()"></div>',
    );
    const el = doc.querySelector('div')!;
    expect(stableAttributes(el)).toEqual({ 'aria-label': 'Invoice', 'data-col': 'org', headers: 'h-client', name: 'client' });
    expect(stableAttributes(el, { withId: true })).not.toHaveProperty('id');
    expect(stableAttributes(loadPage('<main id="invoices"></main>').querySelector('main')!, { withId: true })).toEqual({ id: 'invoices' });
  });
});

describe('wordsOf', () => {
  it.each([
    ['Invoices (24)', 'invoices'],
    ['Обращения: 31', 'обращения'],
    ['  Recently   viewed ', 'recently viewed'],
    ['Счёт №5', 'счет'],
  ])('%s → %s', (raw, words) => {
    expect(wordsOf(raw)).toBe(words);
  });
});
