import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { bitrix24Invoices } from './bitrix24';

describe('Bitrix24 invoice reader', () => {
  // It claims an invoice grid and a deal grid with invoice fields, never a plain deal list.
  const { ownPage } = siteReaderTests(bitrix24Invoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/bitrix24-deals',
      'blind/sites/bitrix24-invoices-ru',
      'pages/bitrix24-invoices-ru',
      'sites/bitrix24-smart-invoices-en',
      'sites/bitrix24-invoices-empty-ru',
      'sites/bitrix24-deals-invoice-fields-ru',
    ],
    unclaimed: ['blind/sites/bitrix24-deals'],
  });

  it('claims no record card, and no grid at an unrelated address', () => {
    const grid = ownPage('blind/sites/bitrix24-invoices-ru');
    for (const url of ['https://acme.bitrix24.ru/crm/type/31/details/214/', 'https://acme.bitrix24.ru/crm/company/list/', 'https://acme.bitrix24.ru/company/personal/user/9/tasks/']) {
      expect(bitrix24Invoices.detect(loadPage(grid.html, url), url)).toBeUndefined();
    }
  });

  it('recognises the hosted portals by host name', () => {
    expect(['acme.bitrix24.ru', 'acme.bitrix24.com', 'acme.bitrix24.by', 'acme.bitrix24.com.br'].every((host) => bitrix24Invoices.hosts?.test(host))).toBe(true);
    expect(['bitrix24.example.test', 'acme.notbitrix24.ru.evil.test'].some((host) => bitrix24Invoices.hosts?.test(host))).toBe(false);
  });

  it('AJAX redraw (next page, filter): rows read before and after add up by number, none twice', () => {
    const page = ownPage('blind/sites/bitrix24-invoices-ru');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(bitrix24Invoices, doc, url, now).observations as InvoiceObservation[];
    // The grid swaps its body as the next page arrives: the last row of page 1 is shown again, and two new rows come.
    const body = doc.querySelector('table.main-grid-table tbody')!;
    const rows = Array.from(body.querySelectorAll('tr.main-grid-row-body'));
    const kept = rows[rows.length - 1]!.cloneNode(true) as Element;
    const fresh = [201, 199].map((id) => {
      const row = kept.cloneNode(true) as Element;
      row.setAttribute('data-id', String(id));
      row.querySelector('[data-column-id="ACCOUNT_NUMBER"] .main-grid-cell-content')!.textContent = `2026-0${id - 180}`;
      return row;
    });
    body.replaceChildren(kept, ...fresh);
    const second = read(bitrix24Invoices, doc, url, now).observations as InvoiceObservation[];
    expect(second.map((invoice) => invoice.number)).toEqual(['2026-024', '2026-021', '2026-019']);
    const union = new Map<string, InvoiceObservation>();
    for (const invoice of [...first, ...second]) {
      const before = union.get(invoice.number);
      if (before) expect(invoice).toEqual(before);
      union.set(invoice.number, invoice);
    }
    expect([...union.keys()]).toEqual(['2026-031', '2026-030', '2026-028', '2026-026', '2026-024', '2026-021', '2026-019']);
  });

  it('says which column it misses when the grid hides the invoice number', () => {
    const page = ownPage('blind/sites/bitrix24-invoices-ru');
    const doc = loadPage(page.html, page.expected.url);
    for (const cell of Array.from(doc.querySelectorAll('[data-name="ACCOUNT_NUMBER"], [data-column-id="ACCOUNT_NUMBER"]'))) cell.remove();
    const extract = read(bitrix24Invoices, doc, page.expected.url, new Date(DEFAULT_NOW));
    expect(extract.observations).toEqual([]);
    expect(extract.warnings.join(' ')).toMatch(/no invoice number column/);
  });

  it('a hostile grid (column ids and labels named like object internals, script in a name) reads as text', () => {
    const url = 'https://acme.bitrix24.ru/crm/type/31/list/category/0/';
    const head = [['ACCOUNT_NUMBER', 'Номер'], ['constructor', 'constructor'], ['UF_CRM_1', '__proto__'], ['COMPANY_ID', 'Компания']]
      .map(([id, label]) => `<th class="main-grid-cell-head" data-name="${id}"><span class="main-grid-head-title">${label}</span></th>`)
      .join('');
    const cells = [['ACCOUNT_NUMBER', '№ 77'], ['constructor', 'x'], ['UF_CRM_1', 'y'], ['COMPANY_ID', '&lt;img src=x onerror=alert(1)&gt; ООО «Альфа»']]
      .map(([id, value]) => `<td class="main-grid-cell" data-column-id="${id}"><span class="main-grid-cell-content">${value}</span></td>`)
      .join('');
    const doc = loadPage(`<html lang="ru"><body><table class="main-grid-table"><thead><tr class="main-grid-row-head">${head}</tr></thead><tbody><tr class="main-grid-row main-grid-row-body" data-id="77">${cells}</tr></tbody></table></body></html>`, url);
    const extract = read(bitrix24Invoices, doc, url, new Date(DEFAULT_NOW));
    expect(extract.observations).toEqual([{ kind: 'invoice', client: { name: '<img src=x onerror=alert(1)> ООО «Альфа»' }, number: '77' }]);
  });

  it('yields between chunks of rows on a long grid', { timeout: 30_000 }, () => {
    const url = 'https://acme.bitrix24.com/crm/type/31/list/category/0/';
    const columns = ['ACCOUNT_NUMBER', 'COMPANY_ID', 'OPPORTUNITY_WITH_CURRENCY', 'BEGINDATE'];
    const head = columns.map((id) => `<th class="main-grid-cell-head" data-name="${id}"><span class="main-grid-head-title">${id}</span></th>`).join('');
    const values = (id: number) => [`LONG-${id}`, `Client ${id % 7}`, '$100.00', '03/02/2026'];
    const rows = Array.from({ length: 410 }, (_, index) => 1000 + index).map(
      (id) => `<tr class="main-grid-row main-grid-row-body" data-id="${id}">${values(id).map((value, column) => `<td class="main-grid-cell" data-column-id="${columns[column]}"><span class="main-grid-cell-content">${value}</span></td>`).join('')}</tr>`,
    );
    const doc = loadPage(`<html lang="en"><body><table class="main-grid-table"><thead><tr class="main-grid-row-head">${head}</tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`, url);
    const report = new PageReport();
    const steps = bitrix24Invoices.extract(doc, url, { now: new Date(DEFAULT_NOW), report });
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    // Two passes over 410 rows (texts, then invoices), a pause after every 200 rows of each.
    expect(pauses).toBe(4);
    expect(report.observations).toHaveLength(410);
  });
});
