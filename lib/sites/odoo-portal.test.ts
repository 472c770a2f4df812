import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { odooPortalInvoices } from './odoo-portal';

describe('Odoo customer portal invoice reader', () => {
  // Every other page is left alone, the Odoo backend's included.
  const { ours } = siteReaderTests(odooPortalInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/odoo-portal-invoices',
      'sites/odoo-portal-invoices-ru',
      'sites/odoo-portal-invoices-empty',
      // The generic corpus's look-alike of the same list.
      'pages/odoo-portal-invoices',
    ],
  });

  it('reads the generic corpus look-alike too, its currency included (as the blind page has it)', () => {
    // Read in full above, as one of its pages; here: what it is read against names the currency.
    const page = ours.find((candidate) => candidate.name === 'pages/odoo-portal-invoices')!;
    expect(page.expected.observations.every((item) => (item as InvoiceObservation).currency === 'USD')).toBe(true);
  });

  const blind = ours.find((page) => page.name === 'blind/sites/odoo-portal-invoices')!;

  it.each([
    ['one invoice', 'https://acme.odoo.com/my/invoices/101?access_token=x'],
    ['the bills filter', 'https://acme.odoo.com/my/invoices?filterby=bills'],
    ['the portal home', 'https://acme.odoo.com/my/home'],
    ['the backend', 'https://acme.odoo.com/web#action=243&model=account.move&view_type=list'],
  ])('does not claim the list markup at %s', (_what, url) => {
    expect(odooPortalInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('claims the second page and a language prefix', () => {
    for (const url of ['https://acme.odoo.com/my/invoices/page/2', 'https://acme.odoo.com/fr_BE/my/invoices?sortby=date']) {
      expect(odooPortalInvoices.detect(loadPage(blind.html, url), url)).toBe('invoice-list');
    }
  });

  it('falls back to the signed-in user, with a warning, when the card names no company', () => {
    const html = blind.html.replace(/<div class="o_my_sidebar[\s\S]*?<\/address>/, '<div><address>');
    const extract = read(odooPortalInvoices, loadPage(html, blind.expected.url), blind.expected);
    expect(extract.subject).toEqual({ name: 'Brandon Freeman' });
    expect(extract.warnings.join(' ')).toContain('signed-in user');
  });

  it('reads a red due date as overdue only when the badge says nothing', () => {
    const html = blind.html.replace(/<td name="invoice_status">[\s\S]*?<\/td>/g, '<td name="invoice_status"></td>');
    const statuses = read(odooPortalInvoices, loadPage(html, blind.expected.url), blind.expected).observations.map(
      (item) => `${(item as InvoiceObservation).number} ${(item as InvoiceObservation).status}`,
    );
    // Amount due > 0 and red: overdue; > 0 in time: open; 0: paid (the cancelled one's 0 reads as paid: no badge, no better word).
    expect(statuses).toEqual(['INV/2026/00052 open', 'INV/2026/00044 overdue', 'INV/2026/00031 overdue', 'INV/2026/00019 paid', 'INV/2025/00311 paid', 'INV/2025/00288 paid']);
  });

  it('reads the same invoices again after the list is re-rendered, without duplicates', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const first = read(odooPortalInvoices, doc, blind.expected).observations;
    const body = doc.querySelector('tbody')!;
    body.innerHTML = body.innerHTML;
    const second = read(odooPortalInvoices, doc, blind.expected).observations;
    expect(second).toEqual(first);
    expect(new Set(second.map((item) => (item as InvoiceObservation).number)).size).toBe(second.length);
  });
});
