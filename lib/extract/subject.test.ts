import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import { extractPage } from './index';

const NOW = new Date(2026, 2, 10, 12);

describe('the page subject', () => {
  it.each([
    ['a labelled field', '<p><b>Client:</b> Acme Widgets Ltd</p>', 'https://crm.example.test/x', { name: 'Acme Widgets Ltd' }],
    ['a Russian label in a key-value table', '<table><tr><th>Контрагент:</th><td>ООО «Ромашка»</td></tr><tr><th>ИНН</th><td>7707083893</td></tr></table>', 'https://x.test/', { name: 'ООО «Ромашка»', taxId: '7707083893' }],
    ['a heading under the client directory', '<h1>Globex Corporation</h1>', 'https://crm.example.test/clients/7', { name: 'Globex Corporation' }],
    ['a heading with a tax id', '<h1>ЧУП «Вектор»</h1><p>УНП: 190123456</p>', 'https://x.test/', { name: 'ЧУП «Вектор»', taxId: '190123456' }],
    ['a heading with a web site', '<h1>Initech</h1><dl><dt>Website</dt><dd>https://www.initech.example/about</dd></dl>', 'https://x.test/', { name: 'Initech', domain: 'initech.example' }],
    ['the title when there is no heading', '<title>Hooli Inc. | Accounts | CRM</title><p>VAT: GB123456789</p>', 'https://x.test/', { name: 'Hooli Inc.', taxId: 'GB123456789' }],
  ])('from %s', (_what, html, url, subject) => {
    expect(extractPage(loadPage(html, url), url, { now: NOW }).subject).toEqual(subject);
  });

  it.each([
    ['a heading alone', '<h1>Quarterly planning</h1>', 'https://x.test/'],
    ['a list heading under the client directory', '<h1>Customers</h1>', 'https://crm.example.test/customers'],
    ['a filter labelled Client', '<label>Client</label><select><option>Acme</option><option>Globex</option></select>', 'https://x.test/'],
    ['a column header labelled Client', '<table><tr><th>Client</th><th>Plan</th></tr><tr><td>Acme</td><td>Pro</td></tr></table>', 'https://x.test/'],
    ['an invalid tax id', '<h1>Acme</h1><p>УНП: 12345</p>', 'https://x.test/'],
  ])('none from %s', (_what, html, url) => {
    expect(extractPage(loadPage(html, url), url, { now: NOW }).subject).toBeUndefined();
  });
});
