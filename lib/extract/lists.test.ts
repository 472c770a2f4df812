import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { InvoiceObservation, Observation, TicketObservation } from '../model';
import { extractPage } from './index';

const NOW = new Date(2026, 2, 10, 12);
const URL = 'https://crm.example.test/list';

/** A page holding one table: a header row and body rows, each a list of cell markups. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], lang = 'en-GB'): string {
  const head = headers.map((header) => `<th>${header}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="${lang}"><head><title>Invoices</title></head><body><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></body></html>`;
}

function read(html: string, url = URL) {
  return extractPage(loadPage(html, url), url, { now: NOW });
}

/** The fields of the only observation, less its kind and client. */
function only(html: string): Record<string, unknown> {
  const { observations } = read(html);
  expect(observations).toHaveLength(1);
  const { kind: _kind, client: _client, ...fields } = observations[0] as Observation & Record<string, unknown>;
  return fields;
}

describe('an invoice is unpaid only when the page says so', () => {
  it.each([
    ['no status, no balance: payment unknown', ['Invoice #', 'Client', 'Due date'], ['A-1', 'Acme', '01/03/2026'], {}],
    ['Balance 0', ['Invoice #', 'Client', 'Due date', 'Balance'], ['A-1', 'Acme', '01/03/2026', '0.00'], { status: 'paid' }],
    ['Balance above 0', ['Invoice #', 'Client', 'Due date', 'Balance'], ['A-1', 'Acme', '01/03/2026', '0.01'], { status: 'open' }],
    ['Amount Due 0', ['Invoice #', 'Client', 'Due date', 'Amount Due'], ['A-1', 'Acme', '01/03/2026', '$0.00'], { status: 'paid' }],
    ['Residual above 0', ['Invoice #', 'Client', 'Due date', 'Residual'], ['A-1', 'Acme', '01/03/2026', '€12.00'], { status: 'open' }],
    ['Outstanding 0', ['Invoice #', 'Client', 'Due date', 'Outstanding'], ['A-1', 'Acme', '01/03/2026', '0'], { status: 'paid' }],
    ['Остаток above 0', ['Номер счета', 'Клиент', 'Срок оплаты', 'Остаток'], ['A-1', 'Альфа', '01.03.2026', '1 200,00 ₽'], { status: 'open' }],
    ['К оплате 0', ['Номер счета', 'Клиент', 'Срок оплаты', 'К оплате'], ['A-1', 'Альфа', '01.03.2026', '0,00'], { status: 'paid' }],
    ['a credit note owes nothing and is not paid either', ['Invoice #', 'Client', 'Due date', 'Balance'], ['A-1', 'Acme', '01/03/2026', '(50.00)'], {}],
    ['the status text wins over the balance', ['Invoice #', 'Client', 'Due date', 'Balance', 'Status'], ['A-1', 'Acme', '01/03/2026', '100.00', 'Paid late'], { status: 'paid' }],
    ['an empty status cell leaves the balance to say', ['Invoice #', 'Client', 'Due date', 'Balance', 'Status'], ['A-1', 'Acme', '01/03/2026', '100.00', ''], { status: 'open' }],
  ] as const)('%s', (_what, headers, cells, status) => {
    const { status: read_, ...rest } = only(table(headers, [cells]));
    expect({ ...(read_ ? { status: read_ } : {}) }).toEqual(status);
    expect(rest).not.toHaveProperty('amount');
  });

  it.each([
    ['Disputed', 'en-GB'],
    ['In collections', 'en-GB'],
    ['Спорный', 'ru'],
  ])('an unknown status "%s" records none and says so', (word, lang) => {
    const page = read(table(['Invoice #', 'Client', 'Due date', 'Status'], [['A-1', 'Acme', '01/03/2026', word]], lang));
    expect((page.observations[0] as InvoiceObservation).status).toBeUndefined();
    expect(page.warnings.some((warning) => warning.includes('status'))).toBe(true);
  });
});

describe('billed vs owed', () => {
  it.each([
    [['Invoice #', 'Client', 'Due date', 'Total', 'Amount Due'], ['1', 'Acme', '01/03/2026', '$300.00', '$100.00'], 300],
    [['Invoice #', 'Client', 'Due date', 'Grand Total', 'Balance'], ['1', 'Acme', '01/03/2026', '$300.00', '$100.00'], 300],
    [['Invoice #', 'Client', 'Due date', 'Amount', 'Residual'], ['1', 'Acme', '01/03/2026', '$300.00', '$100.00'], 300],
    [['Invoice #', 'Client', 'Due date', 'Outstanding', 'Total (inc. VAT)'], ['1', 'Acme', '01/03/2026', '$100.00', '$300.00'], 300],
    [['Номер счета', 'Клиент', 'Срок оплаты', 'Итого', 'Остаток'], ['1', 'Альфа', '01.03.2026', '300,00', '100,00'], 300],
    [['Номер счета', 'Клиент', 'Срок оплаты', 'Сумма', 'К оплате'], ['1', 'Альфа', '01.03.2026', '300,00', '100,00'], 300],
    [['Номер', 'Клиент', 'Срок оплаты', 'Сумма (без НДС)', 'Сумма НДС', 'Сумма (с НДС)'], ['1', 'Альфа', '01.03.2026', '250,00', '50,00', '300,00'], 300],
    [['Ref.', 'Third party', 'Due date', 'Amount (excl. tax)', 'Amount (inc. tax)'], ['1', 'Acme', '01/03/2026', '250.00', '300.00'], 300],
    // What is owed is never the amount, even when nothing else is.
    [['Invoice #', 'Client', 'Due date', 'Balance due'], ['1', 'Acme', '01/03/2026', '$100.00'], undefined],
    [['Номер счета', 'Клиент', 'Срок оплаты', 'Долг'], ['1', 'Альфа', '01.03.2026', '100,00'], undefined],
  ] as const)('%j → amount %s', (headers, cells, amount) => {
    expect(only(table(headers, [cells])).amount).toBe(amount);
  });
});

describe('two badges in one status cell: the payment state wins over the posting state', () => {
  it.each([
    ['<span class="badge">Posted</span><span class="badge">Paid</span>', 'paid'],
    ['<span class="badge">Not Paid</span><span class="badge">Posted</span>', 'open'],
    ['<span class="badge">Posted</span> <span class="badge">Partially Paid</span>', 'partial'],
    ['<span>Проведён</span><span>Оплачен частично</span>', 'partial'],
    ['<span>Не оплачен</span><span>Проведён</span>', 'open'],
    // A posting state alone says nothing about payment, and is no unknown status either.
    ['<span class="badge">Posted</span>', undefined],
  ] as const)('%s → %s', (cell, status) => {
    const page = read(table(['Number', 'Customer', 'Due Date', 'Total', 'Status'], [['INV/1', 'Acme', '03/04/2026', '$5.00', cell]], 'en'));
    expect((page.observations[0] as InvoiceObservation).status).toBe(status);
    expect(page.warnings.filter((warning) => warning.includes('status'))).toEqual([]);
  });
});

describe('headers as people write them', () => {
  it.each([
    [['Ref.', 'Customer / Client', 'Date', 'Due', 'Total'], 'en-GB'],
    [['Num', 'Bill to', 'Invoice date', 'Due date', 'Total'], 'en-GB'],
    [['Document', 'Customer', 'Invoice date', 'Due date', 'Amount'], 'en-GB'],
    [['ID', 'Account', 'Posting Date', 'Due Date', 'Grand Total'], 'en-GB'],
    [['Ссылка', 'Контрагент', 'Дата счёта', 'Срок оплаты', 'Сумма'], 'ru'],
    [['№ счёта', 'Покупатель', 'Дата', 'Оплатить до', 'Итого'], 'ru'],
    [['Номер документа', 'Наименование контрагента', 'Дата документа', 'Срок платежа', 'Сумма с НДС'], 'ru'],
  ] as const)('%j', (headers, lang) => {
    expect(only(table(headers, [['F-7', 'Acme', '02/03/2026', '04/03/2026', '120,00']], lang))).toEqual({
      number: 'F-7',
      issued: '2026-03-02',
      due: '2026-03-04',
      amount: 120,
    });
  });

  it.each([
    [['Номер', 'Контрагент', 'Дата', 'Сумма', 'Валюта', 'Стадия'], ['7', 'Альфа', '02.03.2026', '120,00', 'руб.', 'Оплачен'], { amount: 120, currency: 'RUB', status: 'paid' }],
    [['Number', 'Client', 'Date', 'Amount', 'Currency', 'Stage'], ['7', 'Acme', '02.03.2026', '120.00', 'USD', 'Sent'], { amount: 120, currency: 'USD', status: 'open' }],
  ] as const)('a currency column and a stage column: %j', (headers, cells, fields) => {
    expect(only(table(headers, [cells], 'ru'))).toMatchObject(fields);
  });

  it('a header cell with two stacked labels, and cells with two stacked values', () => {
    const html = table(
      ['<div><span>Number</span><span>Issued</span></div>', '<div><span>Customer</span><span>Contact</span></div>', 'Due', 'Total'],
      [['<div><a>INV-1</a><span>02/03/2026</span></div>', '<div><span>Kingsley Orthodontics</span><span>Dr. Amy Kingsley</span></div>', '03/05/2026', '$2,450.00']],
      'en-US',
    );
    expect(read(html).observations).toEqual([
      { kind: 'invoice', client: { name: 'Kingsley Orthodontics' }, number: 'INV-1', issued: '2026-02-03', due: '2026-03-05', amount: 2450, currency: 'USD' },
    ]);
  });

  it('"Сумма / Валюта" stacked in one header over stacked cells', () => {
    const html = table(
      ['Ссылка', 'Контрагент', '<span>Сумма</span><span>Валюта</span>', 'Дата счёта'],
      [['№ 118', 'ООО «Вита-Бел»', '<div>12 000,00</div><div>BYN</div>', '02.03.2026']],
      'ru',
    );
    expect(only(html)).toEqual({ number: '118', amount: 12000, currency: 'BYN', issued: '2026-03-02' });
  });

  it.each([
    ['<div class="name">ООО «Белтехсервис»</div><div class="meta">УНП 190123456</div>', { name: 'ООО «Белтехсервис»', taxId: '190123456' }],
    ['<div>АО «Вектор»</div><div>ИНН: 7701234567</div>', { name: 'АО «Вектор»', taxId: '7701234567' }],
    ['<span class="avatar" aria-hidden="true">HS</span><a>Harlan Supplies</a><span class="badge">3</span>', { name: 'Harlan Supplies' }],
    ['<span>QO</span><a>Quayside Opticians</a><span>(12)</span>', { name: 'Quayside Opticians' }],
    ['<a>Acme Widgets Ltd</a> <span class="counter">5</span>', { name: 'Acme Widgets Ltd' }],
  ] as const)('a client cell %s names %j', (cell, client) => {
    const page = read(table(['Invoice #', 'Client', 'Due date', 'Total'], [['1', cell, '01.03.2026', '5,00']], 'ru'));
    expect(page.observations[0]?.client).toEqual(client);
  });
});

describe('ticket times', () => {
  function tickets(headers: readonly string[], cells: readonly string[]) {
    return read(table(headers, [cells], 'en-US')).observations as TicketObservation[];
  }

  it.each(['Waiting since', 'Last updated', 'Updated', 'Modified', 'Last reply', 'Обновлено'])('"%s" is not when a ticket was created', (header) => {
    expect(tickets(['Ticket #', 'Customer', header, 'Status'], ['#1', 'Acme', '2026-03-09 10:00', 'Open'])).toEqual([]);
  });

  it('of two date columns, the creation time is the one that says so', () => {
    const [ticket] = tickets(['Ticket #', 'Customer', 'Updated', 'Requested'], ['#1', 'Acme', '2026-03-09 10:00', '2026-03-01 09:30']);
    expect(ticket?.created).toBe('2026-03-01T09:30');
  });

  it.each([
    ['<time datetime="2026-03-07T11:05:09.250Z">3 days ago</time>', '2026-03-07T11:05:09.250Z'],
    ['<time datetime="2026-03-07T14:05:00+03:00" title="Mar 7">Mar 07</time>', '2026-03-07T14:05:00+03:00'],
    ['<span title="2026-03-07 14:05">3 days ago</span>', '2026-03-07T14:05'],
    ['<span data-timestamp="1767225600">Jan 1</span>', '2026-01-01T00:00:00Z'],
    ['<a data-filter="creation,=,2026-03-04 10:12:40">6 d</a>', '2026-03-04T10:12:40'],
    ['<span title="Created: 03/04/2026 10:00">6 days ago</span>', '2026-03-04T10:00'],
    ['3 days ago', '2026-03-07'],
    ['yesterday at 21:40', '2026-03-09T21:40'],
    ['2 hours ago', '2026-03-10T10:00'],
  ])('a created cell %s reads %s: the exact value in an attribute wins', (cell, created) => {
    expect(tickets(['Ticket #', 'Customer', 'Created'], ['#1', 'Acme', cell])[0]?.created).toBe(created);
  });
});

describe('raw values in attributes win over formatted text', () => {
  it('ERPNext keeps the raw status, name and date in data-filter', () => {
    const html = table(
      ['ID', 'Customer', 'Status', 'Due Date'],
      [['<a data-filter="name,=,ACC-1">ACC-1</a>', 'Meridian Agro', '<span data-filter="status,=,Overdue">Overdue (3 d)</span>', '<a data-filter="due_date,=,2026-02-16">16-02-2026</a>']],
      'en',
    );
    expect(only(html)).toEqual({ number: 'ACC-1', status: 'overdue', due: '2026-02-16' });
  });

  it('tags as chips, or as a comma-separated line', () => {
    const html = table(
      ['Ticket #', 'Customer', 'Created', 'Tags'],
      [
        ['1', 'Acme', '2026-03-01', '<span class="cv-tag">shipping</span><span class="cv-tag">damage</span>'],
        ['2', 'Acme', '2026-03-01', 'склад, интеграция'],
        ['3', 'Acme', '2026-03-01', '<ul><li>billing</li><li>vat</li></ul>'],
      ],
    );
    expect((read(html).observations as TicketObservation[]).map((ticket) => ticket.tags)).toEqual([['shipping', 'damage'], ['склад', 'интеграция'], ['billing', 'vat']]);
  });
});

describe('the date order is the page\'s, decided once', () => {
  it.each([
    ['en-US', ['02/03/2026', '04/05/2026'], ['2026-02-03', '2026-04-05']],
    ['en-GB', ['02/03/2026', '04/05/2026'], ['2026-03-02', '2026-05-04']],
    ['ru', ['02/03/2026', '04/05/2026'], ['2026-03-02', '2026-05-04']],
    // One date only day first, in another column, decides for the whole page.
    ['en-US', ['02/03/2026', '25/05/2026'], ['2026-03-02', '2026-05-25']],
    // Junk proves nothing.
    ['en-US', ['02/03/2026', '31/02/2026'], ['2026-02-03', undefined]],
  ] as const)('lang %s, dates %j → %j', (lang, [issued, due], expected) => {
    const fields = only(table(['Invoice #', 'Client', 'Issued', 'Due'], [['1', 'Acme', issued, due]], lang));
    expect([fields.issued, fields.due]).toEqual(expected);
  });

  it('conflicting proof drops the ambiguous dates, keeps the rest, and says so with a warning about dates', () => {
    const page = read(table(['Invoice #', 'Client', 'Issued', 'Due'], [['1', 'Acme', '13/02/2026', '02/03/2026'], ['2', 'Acme', '02/14/2026', '05/05/2026']], 'en'));
    expect((page.observations as InvoiceObservation[]).map((invoice) => [invoice.issued, invoice.due])).toEqual([
      ['2026-02-13', undefined],
      ['2026-02-14', '2026-05-05'],
    ]);
    expect(page.warnings.some((warning) => warning.includes('date'))).toBe(true);
  });

  it.each([
    ['en-US', '2026-03-04T10:00'],
    ['en-GB', '2026-04-03T10:00'],
  ])('a datetime attribute that is not ISO reads in the page order too (%s)', (lang, created) => {
    const page = read(table(['Ticket #', 'Customer', 'Created'], [['1', 'Acme', '<time datetime="03/04/2026 10:00">last month</time>']], lang));
    expect((page.observations[0] as TicketObservation).created).toBe(created);
  });
});

