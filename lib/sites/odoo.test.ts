import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { odooInvoices } from './odoo';

describe('Odoo backend invoice list reader', () => {
  // Every other page is left alone, the Odoo portal's included.
  const { ours } = siteReaderTests(odooInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/odoo-invoices',
      'blind/sites/odoo-invoices-grouped-ru',
      'sites/odoo-invoices-credit-notes',
      'sites/odoo-invoices-reordered-ru',
      // The generic corpora's look-alikes of the same list.
      'pages/odoo-backend-invoices',
      'blind/generic/invoice-list-payment-and-posting-badges',
    ],
  });

  const blind = ours.find((page) => page.name === 'blind/sites/odoo-invoices')!;

  it.each([
    ['a record form', 'http://erp.acme.local:8069/web#id=31&model=account.move&view_type=form'],
    ['another model', 'http://erp.acme.local:8069/web#action=12&model=sale.order&view_type=list'],
    ['a kanban view', 'http://erp.acme.local:8069/web#action=243&model=account.move&view_type=kanban'],
    ['a 17.2+ record route', 'https://acme.odoo.com/odoo/customer-invoices/31'],
    ['the vendor bills route', 'https://acme.odoo.com/odoo/vendor-bills'],
    ['a page outside the web client', 'https://acme.odoo.com/shop'],
  ])('does not claim the list markup at %s', (_what, url) => {
    expect(odooInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('does not claim a vendor bill list at the same generic address', () => {
    const bills = blind.html.replace('<span class="min-w-0 text-truncate">Invoices</span>', '<span class="min-w-0 text-truncate">Bills</span>').replace('>Customer</span>', '>Vendor</span>');
    expect(odooInvoices.detect(loadPage(bills, blind.expected.url), blind.expected.url)).toBeUndefined();
  });

  it('recognises Odoo Online by its host', () => {
    expect(odooInvoices.hosts?.test('acme.odoo.com')).toBe(true);
    expect(odooInvoices.hosts?.test('odoo.com.evil.example')).toBe(false);
  });

  it('turns a red due date into overdue only where the row shows no payment status', () => {
    const withoutBadges = blind.html.replace(/<td[^>]*name="payment_state"[^>]*>.*?<\/td>/g, '<td class="o_data_cell" name="payment_state"></td>');
    const doc = loadPage(withoutBadges, blind.expected.url);
    const byNumber = new Map(read(odooInvoices, doc, blind.expected).observations.map((item) => [(item as InvoiceObservation).number, item as InvoiceObservation]));
    // Residual > 0 and a red due date: overdue; residual > 0 in time: open; residual 0: paid.
    expect(byNumber.get('INV/2026/00040')?.status).toBe('overdue');
    expect(byNumber.get('INV/2026/00041')?.status).toBe('open');
    expect(byNumber.get('INV/2026/00038')?.status).toBe('paid');
  });

  it('keys rows by invoice number across OWL redraws: paging and regrouping add up without duplicates', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    let sightings = 0;
    const collect = (): void => {
      for (const observation of read(odooInvoices, doc, blind.expected).observations) {
        const invoice = observation as InvoiceObservation;
        const before = seen.get(invoice.number);
        if (before) expect(invoice).toEqual(before);
        seen.set(invoice.number, invoice);
        sightings += 1;
      }
    };
    collect();
    const body = doc.querySelector('tbody')!;
    const rows = Array.from(body.querySelectorAll('tr.o_data_row'));
    // Next page: the renderer drops the rows and draws new ones with fresh datapoint ids, one repeated.
    const repeated = rows[0]!.cloneNode(true) as Element;
    repeated.setAttribute('data-id', 'datapoint_90');
    const fresh = rows[1]!.cloneNode(true) as Element;
    fresh.setAttribute('data-id', 'datapoint_91');
    fresh.querySelector('td[name="name"]')!.textContent = 'INV/2026/00042';
    for (const row of rows) row.remove();
    body.append(repeated, fresh);
    collect();
    // Grouped by customer: a group header above the same rows is not an invoice.
    const group = doc.createElement('tr');
    group.className = 'o_group_header o_group_open';
    group.innerHTML = '<th class="o_group_name" colspan="6">Deco Addict (2)</th><td class="o_group_field_row_summary o_list_number">$ 4,600.00</td>';
    body.prepend(group);
    collect();
    expect(sightings).toBe(blind.expected.observations.length + 2 + 2);
    expect([...seen.keys()].sort()).toEqual([...blind.expected.observations.map((item) => (item as InvoiceObservation).number), 'INV/2026/00042'].sort());
  });

  it('yields between chunks of rows on a long list', () => {
    const rows = Array.from({ length: 450 }, (_, index) =>
      `<tr class="o_data_row"><td class="o_list_record_selector"></td><td name="name">INV/2026/${String(index).padStart(5, '0')}</td><td name="invoice_partner_display_name">Client ${index % 7}</td><td name="invoice_date_due"></td><td name="amount_total_signed">$ 10.00</td></tr>`,
    ).join('');
    const html = `<html lang="en-US"><body class="o_web_client"><div class="o_list_renderer"><table class="o_list_table"><thead><tr><th></th><th data-name="name">Number</th><th data-name="invoice_partner_display_name">Customer</th><th data-name="invoice_date_due">Due Date</th><th data-name="amount_total_signed">Total</th></tr></thead><tbody>${rows}</tbody></table></div></body></html>`;
    const doc = loadPage(html, blind.expected.url);
    const report = new PageReport();
    const steps = odooInvoices.extract(doc, blind.expected.url, { now: new Date(2026, 2, 10), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBe(2);
    expect(report.observations).toHaveLength(450);
  });
});
