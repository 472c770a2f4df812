import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { salesforceInvoices } from './salesforce';

describe('Salesforce invoice list view reader', () => {
  // It claims list views of invoice objects only.
  const { ownPage } = siteReaderTests(salesforceInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/salesforce-invoices',
      'sites/salesforce-billing-invoices-ru',
      'sites/salesforce-invoices-en-gb',
      'sites/salesforce-opportunities',
    ],
    unclaimed: ['sites/salesforce-opportunities'],
  });

  it('claims no record page, supplier invoice or credit note list', () => {
    const page = ownPage('blind/sites/salesforce-invoices');
    for (const url of [
      'https://acme.lightning.force.com/lightning/r/Invoice__c/a0B5g00000ZxQ1aEAF/view',
      'https://acme.lightning.force.com/lightning/o/c2g__codaPurchaseInvoice__c/list?filterName=All',
      'https://acme.lightning.force.com/lightning/o/blng__CreditNote__c/list',
      'https://acme.lightning.force.com/lightning/o/Invoice__c/home',
    ]) {
      expect(salesforceInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
    const url = page.expected.url;
    expect(salesforceInvoices.detect(loadPage('<html><body><table role="grid"></table></body></html>', url), url)).toBeUndefined();
  });

  it('a posting state alone ("Проведен") says nothing about payment: with no payment status the balance decides', () => {
    const page = ownPage('sites/salesforce-billing-invoices-ru');
    const doc = loadPage(page.html, page.expected.url);
    for (const cell of Array.from(doc.querySelectorAll('[aria-label="Статус оплаты"], [data-label="Статус оплаты"]'))) cell.remove();
    const extract = read(salesforceInvoices, doc, page.expected.url, new Date(DEFAULT_NOW));
    const statuses = Object.fromEntries((extract.observations as InvoiceObservation[]).map((invoice) => [invoice.number, invoice.status ?? 'none']));
    expect(statuses).toEqual({ 'INV-0000318': 'open', 'INV-0000317': 'open', 'INV-0000315': 'paid', 'INV-0000314': 'draft', 'INV-0000311': 'void' });
    expect(extract.warnings).toEqual([]);
  });

  it('recognises Lightning and My Domain hosts', () => {
    expect(['acme.lightning.force.com', 'acme--uat.sandbox.lightning.force.com', 'acme.my.salesforce.com'].every((host) => salesforceInvoices.hosts?.test(host))).toBe(true);
    expect(salesforceInvoices.hosts?.test('force.com.example.test')).toBe(false);
  });

  it('reads through native shadow roots as it reads the synthetic-shadow page', () => {
    const page = ownPage('blind/sites/salesforce-invoices');
    const url = page.expected.url;
    const now = new Date(DEFAULT_NOW);
    const expected = read(salesforceInvoices, loadPage(page.html, url), url, now);
    const doc = loadPage(page.html, url);
    // Native shadow: the datatable renders its table inside its shadow root, and each formatted value inside its own.
    for (const value of Array.from(doc.querySelectorAll('lightning-formatted-number, lightning-formatted-date-time, lightning-base-formatted-text'))) {
      const shown = value.textContent ?? '';
      value.textContent = '';
      value.attachShadow({ mode: 'open' }).innerHTML = `<span>${shown}</span>`;
    }
    const host = doc.querySelector('lst-customized-datatable')!;
    const table = host.querySelector('div.dt-outer-container')!;
    host.attachShadow({ mode: 'open' }).append(table);
    expect(doc.querySelector('tr[data-row-key-value]')).toBeNull();
    const viaShadow = read(salesforceInvoices, doc, url, now);
    expect(viaShadow.observations).toEqual(expected.observations);
    expect(viaShadow.observations).toHaveLength(6);
  });

  it('a reload after sort or search reads the same invoices again, keyed by record id, none twice', () => {
    const page = ownPage('blind/sites/salesforce-invoices');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(salesforceInvoices, doc, url, now).observations as InvoiceObservation[];
    const body = doc.querySelector('table[role="grid"] tbody')!;
    const rows = Array.from(body.querySelectorAll('tr[data-row-key-value]'));
    // Sorted the other way, and the datatable briefly holds the old and the new copy of one row.
    body.replaceChildren(...rows.reverse().map((row) => row.cloneNode(true)), rows[0]!.cloneNode(true));
    const second = read(salesforceInvoices, doc, url, now).observations as InvoiceObservation[];
    expect(second).toHaveLength(first.length);
    expect(new Set(second.map((invoice) => invoice.number))).toEqual(new Set(first.map((invoice) => invoice.number)));
    for (const invoice of second) expect(invoice).toEqual(first.find((seen) => seen.number === invoice.number));
  });
});
