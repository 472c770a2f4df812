import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import { extractPage } from './index';

const NOW = new Date(2026, 2, 10, 12);

function read(body: string, lang: string, url = 'https://app.example.test/list') {
  return extractPage(loadPage(`<!doctype html><html lang="${lang}"><head><title>List</title></head><body>${body}</body></html>`, url), url, { now: NOW });
}

describe('records read from labelled fields', () => {
  it('invoice cards: a heading with the number, a status badge and a definition list, each card its own client', () => {
    const card = (number: string, badge: string, client: string, issued: string, total: string) =>
      `<article class="inv-card"><header><h3>Invoice ${number}</h3><span class="inv-card__badge">${badge}</span></header>` +
      `<dl><dt>Client</dt><dd>${client}</dd><dt>Issued</dt><dd>${issued}</dd><dt>Due</dt><dd>7 Mar 2026</dd><dt>Total</dt><dd>${total}</dd></dl></article>`;
    const page = read(`<h1>Invoices</h1><section>${card('INV-1', 'Paid', 'Larkspur Gardens', '5 Feb 2026', '£1,200.00')}${card('INV-2', 'Part paid', 'Oxley Marine', '12 Feb 2026', '£3,480.00')}</section>`, 'en-GB');
    expect(page.subject).toBeUndefined();
    expect(page.observations).toEqual([
      { kind: 'invoice', client: { name: 'Larkspur Gardens' }, number: 'INV-1', issued: '2026-02-05', due: '2026-03-07', amount: 1200, currency: 'GBP', status: 'paid' },
      { kind: 'invoice', client: { name: 'Oxley Marine' }, number: 'INV-2', issued: '2026-02-12', due: '2026-03-07', amount: 3480, currency: 'GBP', status: 'partial' },
    ]);
  });

  it('request cards of a customer portal: "№", "Приоритет:", "Создано …" and class-named fields, all of the portal\'s client', () => {
    const card = (number: string, status: string, subject: string, priority: string, created: string) =>
      `<a class="req"><div class="req__top"><span class="req__num">№ ${number}</span><span class="req__status">${status}</span></div>` +
      `<div class="req__subject">${subject}</div><div class="req__meta"><span>Приоритет: ${priority}</span> · <span>Создано ${created}</span></div></a>`;
    const page = read(
      `<header>Смирнова Анна (ООО «Вектор»)</header><h1>ООО «Вектор» — мои обращения</h1><div>${card('10233', 'Открыт', 'Не работает печать', 'Высокий', '5 мин назад')}${card('10218', 'Решён', 'Ошибка оплаты', 'Срочный', 'вчера в 21:40')}</div>`,
      'ru',
      'https://help.example.ru/portal/requests',
    );
    expect(page.subject).toEqual({ name: 'ООО «Вектор»' });
    expect(page.observations).toEqual([
      { kind: 'ticket', client: { name: 'ООО «Вектор»' }, id: '10233', created: '2026-03-10T11:55', priority: 'high', status: 'open', subject: 'Не работает печать' },
      { kind: 'ticket', client: { name: 'ООО «Вектор»' }, id: '10218', created: '2026-03-09T21:40', priority: 'urgent', status: 'solved', subject: 'Ошибка оплаты' },
    ]);
  });

  it('a status chip is a value, even where its word ("Открыт") also heads a column of times', () => {
    const card = (number: string) => `<a class="req"><span class="req__num">№ ${number}</span><span class="req__status">Открыт</span><div class="req__subject">Тема ${number}</div><span>Создано 5 мин назад</span></a>`;
    const page = read(`<h1>ООО «Вектор» — мои обращения</h1><div>${card('1')}${card('2')}</div>`, 'ru');
    expect(page.observations.map((observation) => observation.kind === 'ticket' && [observation.id, observation.status, observation.created, observation.subject])).toEqual([
      ['1', 'open', '2026-03-10T11:55', 'Тема 1'],
      ['2', 'open', '2026-03-10T11:55', 'Тема 2'],
    ]);
  });

  it('one invoice page: "Bill to" names the client, Total is the amount (not Subtotal, not Amount due), the badge the status', () => {
    const page = read(
      '<main><div><a href="/invoices">← Invoices</a> <span class="badge badge--partial">Part paid</span></div>' +
        '<div class="from"><strong>Northlight Studio Ltd</strong><br>VAT reg. GB123000111</div><h1>Invoice INV-0932</h1>' +
        '<div class="to"><div class="label">Bill to</div><div class="client">Oxley Marine Ltd</div><div>VAT no: GB998877665</div></div>' +
        '<table><tr><th>Invoice date</th><td>12 Feb 2026</td></tr><tr><th>Due date</th><td>14 Mar 2026</td></tr></table>' +
        '<table><thead><tr><th>Description</th><th>Qty</th><th>Amount</th></tr></thead><tbody><tr><td>Brand refresh</td><td>1</td><td>£1,800.00</td></tr></tbody></table>' +
        '<table><tr><th>Subtotal</th><td>£3,000.00</td></tr><tr><th>Discount (loyalty)</th><td>−£100.00</td></tr><tr><th>Total</th><td>£3,480.00</td></tr><tr><th>Paid</th><td>£2,000.00</td></tr><tr><th>Amount due</th><td>£1,480.00</td></tr></table></main>',
      'en-GB',
      'https://app.example.test/invoices/INV-0932',
    );
    const client = { name: 'Oxley Marine Ltd', taxId: 'GB998877665' };
    expect(page.subject).toEqual(client);
    expect(page.observations).toEqual([
      { kind: 'invoice', client, number: 'INV-0932', issued: '2026-02-12', due: '2026-03-14', amount: 3480, currency: 'GBP', discount: 100, status: 'partial' },
    ]);
  });

  it.each([
    ['an invoice page that names no client', '<h1>Invoice INV-0042</h1><h2>Payments</h2><table><tr><th>#</th><th>Date</th><th>Amount</th></tr><tr><td>1</td><td>02/14/2026</td><td>$500.00</td></tr></table>'],
    ['a heading that is no invoice number', '<h1>Invoice register</h1><p>Client: Acme</p><p>Total: $5.00</p>'],
    ['cards with a number and nothing else', '<div class="c"><h3>№ 1</h3></div><div class="c"><h3>№ 2</h3></div>'],
  ])('nothing from %s', (_what, body) => {
    expect(read(body, 'en-US').observations).toEqual([]);
  });
});
