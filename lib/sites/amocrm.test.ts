import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { amocrmInvoices } from './amocrm';

describe('amoCRM / Kommo invoice-fields reader', () => {
  // It claims a list with invoice fields, never a plain deal list.
  const { ownPage } = siteReaderTests(amocrmInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/amocrm-leads',
      'sites/amocrm-leads-invoice-fields-ru',
      'sites/amocrm-kommo-invoices-en',
      'sites/amocrm-leads-empty-ru',
    ],
    unclaimed: ['blind/sites/amocrm-leads'],
  });

  it('claims no deal card, pipeline board, or the same list on another host', () => {
    const page = ownPage('sites/amocrm-leads-invoice-fields-ru');
    for (const url of ['https://acme.amocrm.ru/leads/detail/30115501', 'https://acme.amocrm.ru/leads/pipeline/7351122/', 'https://crm.example.test/leads/list/pipeline/7351122/']) {
      expect(amocrmInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
  });

  it('recognises amoCRM and Kommo hosts', () => {
    expect(['acme.amocrm.ru', 'acme.amocrm.com', 'acme.kommo.com'].every((host) => amocrmInvoices.hosts?.test(host))).toBe(true);
    expect(amocrmInvoices.hosts?.test('amocrm.ru.example.test')).toBe(false);
  });

  it('rows loaded while scrolling add up by number, none twice', () => {
    const page = ownPage('sites/amocrm-kommo-invoices-en');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(amocrmInvoices, doc, url, now).observations as InvoiceObservation[];
    // The next portion arrives below; the list keeps the rows already shown.
    const list = doc.querySelector('.list__table')!;
    const template = list.querySelector('#list_item_881150')!;
    const more = template.cloneNode(true) as Element;
    more.id = 'list_item_881122';
    more.setAttribute('data-id', '881122');
    more.querySelector('[data-field-code="cf_90211"] .content-table__item__inner')!.textContent = '2026-099';
    list.append(more);
    const second = read(amocrmInvoices, doc, url, now).observations as InvoiceObservation[];
    const union = new Map<string, InvoiceObservation>();
    for (const invoice of [...first, ...second]) {
      const before = union.get(invoice.number);
      if (before) expect(invoice).toEqual(before);
      union.set(invoice.number, invoice);
    }
    expect([...union.keys()]).toEqual(['2026-118', '2026-112', '2026-104', '2026-099']);
  });
});
