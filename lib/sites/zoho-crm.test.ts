import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { zohoCrmInvoices } from './zoho-crm';

describe('Zoho CRM invoice list reader', () => {
  // It claims the Invoices module list only.
  const { ownPage } = siteReaderTests(zohoCrmInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/zoho-crm-invoices',
      'sites/zoho-crm-invoices-us',
      'sites/zoho-crm-invoices-ru',
      'sites/zoho-crm-deals',
    ],
    unclaimed: ['sites/zoho-crm-deals'],
  });

  it('claims no record, edit form, or another module under an Invoices address', () => {
    const page = ownPage('blind/sites/zoho-crm-invoices');
    for (const url of [
      'https://crm.zoho.eu/crm/org20081234567/tab/Invoices/148201000000518021',
      'https://crm.zoho.eu/crm/org20081234567/tab/Invoices/create',
      'https://crm.zoho.eu/crm/org20081234567/tab/PurchaseOrders/custom-view/1/list',
    ]) {
      expect(zohoCrmInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
    const url = page.expected.url;
    expect(zohoCrmInvoices.detect(loadPage(page.html.replace('cx-prop-module="Invoices"', 'cx-prop-module="SalesOrders"'), url), url)).toBeUndefined();
  });

  it('recognises the CRM hosts of every data centre', () => {
    expect(['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au'].every((host) => zohoCrmInvoices.hosts?.test(host))).toBe(true);
    expect(['books.zoho.com', 'crm.zoho.com.example.test'].some((host) => zohoCrmInvoices.hosts?.test(host))).toBe(false);
  });

  it('a redraw after sorting reads the same invoices, keyed by record id, none twice', () => {
    const page = ownPage('blind/sites/zoho-crm-invoices');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(zohoCrmInvoices, doc, url, now).observations as InvoiceObservation[];
    const body = doc.querySelector('lyte-yield.lyteExpTableRowGroup')!;
    const rows = Array.from(body.querySelectorAll('lyte-exptable-tr'));
    body.replaceChildren(...rows.reverse(), rows[2]!.cloneNode(true));
    const second = read(zohoCrmInvoices, doc, url, now).observations as InvoiceObservation[];
    expect(second.map((invoice) => invoice.number)).toEqual(['INV-0040', 'INV-0041', 'INV-0042', 'INV-0043', 'INV-0044']);
    for (const invoice of second) expect(invoice).toEqual(first.find((seen) => seen.number === invoice.number));
  });
});
