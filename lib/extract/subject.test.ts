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
    ['a filter sidebar listing clients with counts', '<div class="list-sidebar filter-section"><div class="sidebar-label">Customer</div><ul><li><span>Globex</span><span>2</span></li><li><span>Initech</span><span>1</span></li></ul></div>', 'https://x.test/'],
    ['a Russian search panel', '<div class="o_search_panel"><div>Контрагент</div><div>ООО «Ромашка»</div></div>', 'https://x.test/'],
    ['a div header row: "Customer" beside "Date"', '<div class="row"><span>Customer</span><span>Date</span></div>', 'https://x.test/'],
    ['a Russian div header row: "Клиент" beside "Статус"', '<div class="row"><span>Клиент</span><span>Статус</span></div>', 'https://x.test/'],
    ['a deals list under a portal id that looks like a contact address', '<h1>Deals</h1>', 'https://app.example.test/contacts/1702233/objects/0-3/views/all/list'],
    ['a Russian deals list under the client directory', '<h1>Сделки</h1>', 'https://crm.example.test/clients/deals'],
    ['a Russian ticket list heading', '<h1>Все тикеты</h1>', 'https://help.example.test/contacts/5'],
  ])('none from %s', (_what, html, url) => {
    expect(extractPage(loadPage(html, url), url, { now: NOW }).subject).toBeUndefined();
  });

  // A tax id with or without a colon, in a paragraph, a label or the next element, in both languages.
  it.each([
    ['УНП after a colon', '<h1>ЧУП «Вектор»</h1><p>УНП: 190123456</p>', '190123456'],
    ['УНП with no colon', '<h1>ЧУП «Вектор»</h1><p>УНП 190123456</p>', '190123456'],
    ['ИНН in a requisites line', '<h1>АО «Техноресурс»</h1><div>ИНН 7701234567 · КПП 770101001 · Москва</div>', '7701234567'],
    ['УНП in a <dt>, value in the next <dd>', '<h1>ООО «Белтехсервис»</h1><dl><dt>УНП</dt><dd>190123456</dd></dl>', '190123456'],
    ['ИНН in a label element, value in the next element', '<h1>ООО «Альфа»</h1><div><span class="label">ИНН:</span> <span>7707083893</span></div>', '7707083893'],
    ['VAT inline in a meta line', '<h1>Ashgrove Interiors Ltd</h1><p>VAT GB123456789 · Company no. 08412345</p>', 'GB123456789'],
    ['"Tax ID (VAT)" in a <dt>', '<h1>Lisheen Analytics</h1><dl><dt>Tax ID (VAT)</dt><dd>IE6388047V</dd></dl>', 'IE6388047V'],
    ['VAT no: in the client block', '<h1>Invoice INV-1</h1><div><div>Bill to</div><div>Oxley Marine Ltd</div><div>VAT no: GB998877665</div></div>', 'GB998877665'],
  ])('a tax id: %s', (_what, html, taxId) => {
    expect(extractPage(loadPage(html, 'https://x.test/'), 'https://x.test/', { now: NOW }).subject?.taxId).toBe(taxId);
  });

  it("takes the client's tax id, not the seller's, on an invoice page", () => {
    const html =
      '<header><b>Northlight Studio Ltd</b> VAT reg. GB123000111</header><main><div class="from"><b>Northlight Studio Ltd</b><br>VAT reg. GB123000000</div>' +
      '<h1>Invoice INV-0932</h1><div class="to"><div>Bill to</div><div>Oxley Marine Ltd</div><div>VAT no: GB998877665</div></div></main>';
    expect(extractPage(loadPage(html, 'https://x.test/invoices/1'), 'https://x.test/invoices/1', { now: NOW }).subject).toEqual({
      name: 'Oxley Marine Ltd',
      taxId: 'GB998877665',
    });
  });

  it.each([
    [
      'a customer portal: the logged-in company in its heading',
      '<header><span>Hostwell</span><span>Brightline Studio LLC</span></header><h1>Brightline Studio LLC — My invoices</h1>' +
        '<table><tr><th>Invoice #</th><th>Due Date</th><th>Status</th></tr><tr><td>HW-1</td><td>03/15/2026</td><td>Unpaid</td></tr></table>',
      { name: 'Brightline Studio LLC' },
    ],
    [
      'a Russian portal',
      '<header>Смирнова Анна (ООО «Вектор»)</header><h1>ООО «Вектор» — мои обращения</h1>' +
        '<table><tr><th>№ обращения</th><th>Создано</th><th>Статус</th></tr><tr><td>№ 1</td><td>05.03.2026</td><td>Открыт</td></tr></table>',
      { name: 'ООО «Вектор»' },
    ],
  ])('%s', (_what, html, subject) => {
    expect(extractPage(loadPage(html, 'https://portal.x.test/my'), 'https://portal.x.test/my', { now: NOW }).subject).toEqual(subject);
  });

  it.each([
    [
      'a list page, however its heading reads',
      '<h1>Acme Ltd</h1><table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr><tr><td>1</td><td>Acme Ltd</td><td>01.03.2026</td></tr><tr><td>2</td><td>Globex</td><td>02.03.2026</td></tr></table>',
    ],
    [
      'a filter sidebar naming clients',
      '<aside><h3>Filters</h3><label>Client</label><ul><li><input type="checkbox"> Acme</li><li><input type="checkbox"> Globex</li></ul></aside><h1>Invoices</h1>',
    ],
    ['the seller\'s user menu', '<header>Signed in as Jane Porter — Northlight Studio</header><h1>Invoices</h1>'],
    ['a Russian user menu', '<div class="top">Вы вошли как: Ковалёв П. · ООО «ТрейдСофт»</div><h1>Счета покупателям</h1>'],
    ['a recently viewed box', '<h1>Dashboard</h1><aside><h3>Recently viewed</h3><ul><li>Penhallow Surveyors</li><li>Kestrel Print Co</li></ul></aside>'],
    ['a Russian recent-clients box', '<h1>Главная</h1><aside><div>Недавние клиенты</div><a>ЧУП «Гроднодрев»</a><a>ИП Жук Д. С.</a></aside>'],
    [
      'a div list whose header says "Контрагент"',
      '<h1>Счета</h1><div class="head"><span>Ссылка</span><span>Контрагент</span><span>Сумма</span><span>Дата</span></div>' +
        '<div class="row"><span>1</span><span>Альфа</span><span>5,00</span><span>01.03.2026</span></div><div class="row"><span>2</span><span>Бета</span><span>6,00</span><span>02.03.2026</span></div>',
    ],
    [
      'cards that each name their client',
      '<h1>Invoices</h1><article class="card"><h3>Invoice INV-1</h3><dl><dt>Client</dt><dd>Larkspur Gardens</dd><dt>Total</dt><dd>£5.00</dd></dl></article>' +
        '<article class="card"><h3>Invoice INV-2</h3><dl><dt>Client</dt><dd>Oxley Marine</dd><dt>Total</dt><dd>£6.00</dd></dl></article>',
    ],
  ])('none from %s', (_what, html) => {
    expect(extractPage(loadPage(html, 'https://x.test/'), 'https://x.test/', { now: NOW }).subject).toBeUndefined();
  });
});

