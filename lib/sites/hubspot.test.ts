import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { hubspotInvoices } from './hubspot';

describe('HubSpot invoice index reader', () => {
  // It claims the invoices index of either generation, never the deals index.
  const { ownPage } = siteReaderTests(hubspotInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/hubspot-invoices',
      'sites/hubspot-invoices-eu',
      'sites/hubspot-invoices-legacy',
      'sites/hubspot-deals',
    ],
    unclaimed: ['sites/hubspot-deals'],
  });

  it('claims no record page or board', () => {
    const page = ownPage('blind/sites/hubspot-invoices');
    for (const url of ['https://app.hubspot.com/contacts/24681357/record/0-53/391204417', 'https://app.hubspot.com/contacts/24681357/objects/0-3/views/all/board']) {
      expect(hubspotInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
  });

  it('recognises the app hosts of every region', () => {
    expect(['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com'].every((host) => hubspotInvoices.hosts?.test(host))).toBe(true);
    expect(['www.hubspot.com', 'app.hubspot.com.example.test'].some((host) => hubspotInvoices.hosts?.test(host))).toBe(false);
  });

  it('says a row still rendering was not read', () => {
    const page = ownPage('blind/sites/hubspot-invoices');
    const extract = read(hubspotInvoices, loadPage(page.html, page.expected.url), page.expected.url, new Date(DEFAULT_NOW));
    expect(extract.warnings.join(' ')).toMatch(/1 row\(s\) were still rendering/);
  });

  it('virtualised scroll: each window reads only its rows, and the windows add up by number with none twice', () => {
    const page = ownPage('blind/sites/hubspot-invoices');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): string[] =>
      (read(hubspotInvoices, doc, url, now).observations as InvoiceObservation[]).map((invoice) => {
        const before = seen.get(invoice.number);
        if (before) expect(invoice).toEqual(before);
        seen.set(invoice.number, invoice);
        return invoice.number;
      });
    expect(collect()).toHaveLength(7);
    // Scrolling down: the virtualiser recycles the top rows as new ones below, and fills the row that was still rendering.
    const body = doc.querySelector('table[data-test-id="framework-data-table"] tbody')!;
    const rows = Array.from(body.querySelectorAll('tr[data-test-id^="row-"]'));
    const template = rows[0]!;
    for (const row of rows.slice(0, 4)) row.remove();
    const rendering = rows[rows.length - 1]!;
    const filled = [391204318, 391204305, 391204297].map((id, step) => {
      // The same cells, with the new object's id and number, as the app writes them.
      const row = template.cloneNode(true) as Element;
      row.setAttribute('data-test-id', `row-${id}`);
      row.setAttribute('aria-rowindex', String(45 + step));
      for (const cell of Array.from(row.querySelectorAll('td'))) {
        cell.setAttribute('data-test-id', (cell.getAttribute('data-test-id') ?? '').replace(/-\d+$/, `-${id}`));
      }
      row.querySelector('[data-test-id$="hs_number-' + id + '"] a')!.textContent = `INV-${1064 - step}`;
      return row;
    });
    rendering.replaceWith(...filled);
    const second = collect();
    expect(second).toEqual(['INV-1067', 'INV-1066', 'INV-1065', 'INV-1064', 'INV-1063', 'INV-1062']);
    expect(seen.size).toBe(10);
  });
});
