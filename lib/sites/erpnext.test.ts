import { describe, expect, it } from 'vitest';
import type { InvoiceObservation, Observation, TicketObservation } from '../model';
import type { Expected } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { fixturePage, read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { erpnextIssues, erpnextSalesInvoices } from './erpnext';
import type { SiteReader } from './types';

describe('erpnext-sales-invoices reader', () => {
  siteReaderTests(erpnextSalesInvoices, {
    type: 'invoice-list',
    pages: ['blind/sites/erpnext-sales-invoices', 'blind/sites/erpnext-sales-invoices-ru', 'sites/erpnext-sales-invoices-v14', 'sites/erpnext-sales-invoices-empty'],
  });
});

describe('erpnext-issues reader', () => {
  siteReaderTests(erpnextIssues, {
    type: 'ticket-list',
    pages: ['blind/sites/erpnext-issues', 'sites/erpnext-issues-v14', 'sites/erpnext-issues-ru'],
  });
});

describe('ERPNext readers', () => {
  const invoices = fixturePage('blind/sites/erpnext-sales-invoices');
  const issues = fixturePage('blind/sites/erpnext-issues');

  it.each([
    ['one invoice', 'http://erp.acme.local:8000/app/sales-invoice/ACC-SINV-2026-00037'],
    ['a new invoice', 'http://erp.acme.local:8000/app/sales-invoice/new'],
    ['the report view', 'http://erp.acme.local:8000/app/sales-invoice/view/report'],
    ['the purchase invoices', 'http://erp.acme.local:8000/app/purchase-invoice'],
  ])('the Sales Invoice reader does not claim %s', (_what, url) => {
    expect(erpnextSalesInvoices.detect(loadPage(invoices.html, url), url)).toBeUndefined();
  });

  it('claims the older desk route too', () => {
    const url = 'http://erp.acme.local:8000/desk#List/Sales%20Invoice/List';
    expect(erpnextSalesInvoices.detect(loadPage(invoices.html, url), url)).toBe('invoice-list');
  });

  it('recognises ERPNext Cloud and Frappe Cloud by host', () => {
    expect(erpnextSalesInvoices.hosts?.test('acme.erpnext.com')).toBe(true);
    expect(erpnextIssues.hosts?.test('acme.frappe.cloud')).toBe(true);
    expect(erpnextIssues.hosts?.test('erpnext.com.evil.example')).toBe(false);
  });

  it('reads the raw values, not the formatted text: a customer name with commas survives', () => {
    const html = invoices.html.replaceAll('customer,=,Initech LLC', 'customer,=,Initech, LLC');
    const clients = read(erpnextSalesInvoices, loadPage(html, invoices.expected.url), invoices.expected).observations.map((item) => item.client.name);
    expect(clients).toContain('Initech, LLC');
  });

  function collect(reader: SiteReader, doc: Document, expected: Expected, seen: Map<string, Observation>): number {
    const found = read(reader, doc, expected).observations;
    for (const observation of found) {
      const key = observation.kind === 'invoice' ? observation.number : (observation as TicketObservation).id;
      const before = seen.get(key);
      if (before) expect(observation).toEqual(before);
      seen.set(key, observation);
    }
    return found.length;
  }

  it('keys rows by document name across a real-time refresh: the union has each invoice once', () => {
    const doc = loadPage(invoices.html, invoices.expected.url);
    const seen = new Map<string, Observation>();
    let sightings = collect(erpnextSalesInvoices, doc, invoices.expected, seen);
    // A new invoice is submitted elsewhere: Frappe re-renders the result, the new row on top, the last row paged out.
    const result = doc.querySelector('.result')!;
    const rows = Array.from(result.querySelectorAll('.list-row-container'));
    const fresh = rows[0]!.cloneNode(true) as Element;
    for (const named of Array.from(fresh.querySelectorAll('[data-name]'))) named.setAttribute('data-name', 'ACC-SINV-2026-00038');
    rows[rows.length - 1]!.remove();
    for (const row of rows.slice(0, -1)) row.replaceWith(row.cloneNode(true));
    result.querySelector('header')!.after(fresh);
    sightings += collect(erpnextSalesInvoices, doc, invoices.expected, seen);
    expect(sightings).toBe(2 * invoices.expected.observations.length);
    expect(seen.size).toBe(invoices.expected.observations.length + 1);
    expect((seen.get('ACC-SINV-2026-00038') as InvoiceObservation).client.name).toBe('Soylent Foods');
  });

  it('an Issue list re-read after a status change updates in place, keyed by its id', () => {
    const doc = loadPage(issues.html, issues.expected.url);
    const seen = new Map<string, Observation>();
    collect(erpnextIssues, doc, issues.expected, seen);
    const pill = doc.querySelector('[data-filter="status,=,Open"]')!;
    pill.setAttribute('data-filter', 'status,=,Closed');
    const again = read(erpnextIssues, doc, issues.expected).observations as TicketObservation[];
    expect(new Set(again.map((ticket) => ticket.id)).size).toBe(again.length);
    expect(again.map((ticket) => ticket.id)).toEqual([...seen.keys()]);
  });
});
