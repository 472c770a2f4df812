import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import { pageFingerprint } from './fingerprint';

const PAGE = '<html lang="ru"><head><title>Счета</title></head><body><table><tr><td>A-1</td><td>Оплачен</td></tr></table></body></html>';
const URL = 'https://crm.example.test/invoices';

describe('pageFingerprint', () => {
  it('is the same for the same page, loaded twice', () => {
    expect(pageFingerprint(loadPage(PAGE, URL), URL)).toBe(pageFingerprint(loadPage(PAGE, URL), URL));
  });

  it.each([
    ['a status that changed', PAGE.replace('Оплачен', 'Просрочен')],
    ['a status of the same length', PAGE.replace('A-1', 'A-2')],
    ['a new row', PAGE.replace('</table>', '<tr><td>A-2</td><td>Оплачен</td></tr></table>')],
    ['another title', PAGE.replace('Счета', 'Счета клиентов')],
    ['another language', PAGE.replace('lang="ru"', 'lang="be"')],
  ])('changes with %s', (_what, changed) => {
    expect(pageFingerprint(loadPage(changed, URL), URL)).not.toBe(pageFingerprint(loadPage(PAGE, URL), URL));
  });

  it('changes with the address (a single-page app on another record)', () => {
    expect(pageFingerprint(loadPage(PAGE, URL), `${URL}?page=2`)).not.toBe(pageFingerprint(loadPage(PAGE, URL), URL));
  });

  it('ignores what no one sees change: markup around the same text', () => {
    expect(pageFingerprint(loadPage(PAGE.replace('<td>A-1</td>', '<td><b>A-1</b></td>'), URL), URL)).toBe(pageFingerprint(loadPage(PAGE, URL), URL));
  });
});
