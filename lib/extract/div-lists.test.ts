import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import { extractPage } from './index';

const NOW = new Date(2026, 2, 10, 12);

function read(html: string, lang = 'en') {
  const url = 'https://app.example.test/list';
  return extractPage(loadPage(`<!doctype html><html lang="${lang}"><head><title>List</title></head><body>${html}</body></html>`, url), url, { now: NOW });
}

/** Rows of div cells under a header row, the shapes different products draw. */
const PAGES: [string, string, string][] = [
  [
    'amoCRM-like: header row and rows as siblings, cells by position',
    'ru',
    '<div class="list__table"><div class="list-row-head"><div><input type="checkbox"></div><div><span>Ссылка</span></div><div><span>Контрагент</span></div><div><span>Сумма</span></div><div><span>Стадия</span></div></div>' +
      '<div class="list-row"><div><input type="checkbox"></div><div><a>№ 118</a></div><div><span>ООО «Вита-Бел»</span></div><div>12 000,00 BYN</div><div><span>Оплачен</span></div></div>' +
      '<div class="list-row"><div><input type="checkbox"></div><div><a>№ 119</a></div><div><span>ОАО «Гомель»</span></div><div>4 500,00 USD</div><div><span>Не оплачен</span></div></div>' +
      '<div class="list-row list-row_plug"><div></div><div></div><div></div><div></div><div></div></div></div>',
  ],
  [
    'ERPNext-like: the header in its own <header>, each row a container holding its cells deeper down',
    'en',
    '<div class="result"><header class="list-row-head"><div class="level-left"><div class="col"><input type="checkbox"><span>Customer</span></div><div class="col"><span>Status</span></div><div class="col"><span>ID</span></div><div class="col"><span>Grand Total</span></div></div><div class="level-right"><span>2 of 2</span></div></header>' +
      '<div class="list-row-container"><div class="list-row"><div class="level-left"><div class="col"><input type="checkbox"><span title="Gulfstream Tiles">Gulfstream Tiles</span></div><div class="col"><span data-filter="status,=,Paid">Paid</span></div><div class="col"><a data-filter="name,=,ACC-41">ACC-41</a></div><div class="col">$ 1,200.00</div></div><div class="level-right"><span>6 d</span></div></div></div>' +
      '<div class="list-row-container"><div class="list-row"><div class="level-left"><div class="col"><input type="checkbox"><span title="Meridian Agro">Meridian Agro</span></div><div class="col"><span data-filter="status,=,Unpaid">Unpaid</span></div><div class="col"><a data-filter="name,=,ACC-42">ACC-42</a></div><div class="col">$ 4,860.00</div></div><div class="level-right"><span>18 h</span></div></div></div></div>',
  ],
  [
    '1C-like: a header box, then a body box holding the rows',
    'ru',
    '<div class="grid"><div class="gridHead"><div class="box"></div><div class="box"><div>Номер</div></div><div class="box"><div>Контрагент</div></div><div class="box"><div>Сумма</div></div><div class="box"><div>Состояние</div></div></div>' +
      '<div class="gridBody"><div class="gridLine"><div class="box"><div title="Проведён"></div></div><div class="box"><div>00БП-45</div></div><div class="box"><div>ООО «Гамма»</div></div><div class="box"><div>154 000,00 руб.</div></div><div class="box"><div>Ожидает оплаты</div></div></div>' +
      '<div class="gridLine"><div class="box"><div title="Проведён"></div></div><div class="box"><div>00БП-44</div></div><div class="box"><div>ПАО «Волга»</div></div><div class="box"><div>1 250,00 руб.</div></div><div class="box"><div>Оплачен</div></div></div></div></div>',
  ],
];

describe('div-based lists, read by column position against the header text', () => {
  it.each(PAGES)('%s', (_what, lang, html) => {
    const { observations } = read(`<h1>${lang === 'ru' ? 'Счета' : 'Sales Invoice'}</h1>${html}`, lang);
    expect(observations.map((observation) => observation.kind)).toEqual(['invoice', 'invoice']);
    expect(observations.every((observation) => observation.client.name.length > 0)).toBe(true);
  });

  it('reads the amoCRM-like row fields', () => {
    expect(read(`<h1>Счета</h1>${PAGES[0]![2]}`, 'ru').observations[1]).toEqual({
      kind: 'invoice', client: { name: 'ОАО «Гомель»' }, number: '119', amount: 4500, currency: 'USD', status: 'open',
    });
  });

  it('a Frappe Helpdesk-like grid of tickets, the row a link around its cells', () => {
    const html =
      '<div class="grid"><div><input type="checkbox"></div><div>ID</div><div>Subject</div><div>Status</div><div>Priority</div><div>Customer</div><div>Created</div></div>' +
      '<a href="/t/2210"><div class="grid"><div><input type="checkbox"></div><div>2210</div><div>Cannot attach files</div><div><span>Open</span></div><div>High</div><div>Sunflower Kitchens</div><div>45 minutes ago</div></div></a>' +
      '<a href="/t/2198"><div class="grid"><div><input type="checkbox"></div><div>2198</div><div>Calendar sync</div><div><span>Open</span></div><div>Medium</div><div>Kiteline Surf School</div><div>yesterday at 21:40</div></div></a>' +
      '<div><button>Load more</button></div>';
    expect(read(`<h1>Tickets</h1>${html}`, 'en-US').observations).toEqual([
      { kind: 'ticket', client: { name: 'Sunflower Kitchens' }, id: '2210', created: '2026-03-10T11:15', priority: 'high', status: 'open', subject: 'Cannot attach files' },
      { kind: 'ticket', client: { name: 'Kiteline Surf School' }, id: '2198', created: '2026-03-09T21:40', priority: 'normal', status: 'open', subject: 'Calendar sync' },
    ]);
  });

  it('a list of a client card: header spans over a <ul> of rows', () => {
    const html =
      '<h1>АО «Техноресурс»</h1><div>ИНН 7701234567</div><div class="tl-head"><span>Номер</span><span>Тема</span><span>Создано</span><span>Статус</span></div>' +
      '<ul><li><span>№8812</span><span>Не приходят счета</span><span>05.03.2026 10:42</span><span>Открыт</span></li><li><span>№8790</span><span>Доступ</span><span>03.03.2026 16:05</span><span>Ожидает</span></li></ul>';
    const page = extractPage(loadPage(`<html lang="ru"><body>${html}</body></html>`, 'https://desk.x.test/clients/7'), 'https://desk.x.test/clients/7', { now: NOW });
    expect(page.subject).toEqual({ name: 'АО «Техноресурс»', taxId: '7701234567' });
    expect(page.observations.map((observation) => [(observation as { id?: string }).id, observation.client.name])).toEqual([
      ['8812', 'АО «Техноресурс»'],
      ['8790', 'АО «Техноресурс»'],
    ]);
  });

  it.each([
    ['a navigation bar of header words', '<nav><a>Invoices</a><a>Clients</a><a>Date</a><a>Status</a></nav><p>Nothing else.</p>'],
    ['a form with labels', '<form><div><label>Client</label><input></div><div><label>Due date</label><input></div><div><label>Amount</label><input></div></form>'],
    ['a header row with no rows under it', '<div class="head"><span>Invoice #</span><span>Client</span><span>Due date</span></div><p>No invoices yet.</p>'],
  ])('nothing from %s', (_what, html) => {
    expect(read(html).observations).toEqual([]);
  });
});
