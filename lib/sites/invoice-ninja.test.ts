import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { invoiceNinjaInvoices } from './invoice-ninja';

describe('Invoice Ninja admin invoices reader', () => {
  // Every other page is left alone, the client portal's included.
  const { ours } = siteReaderTests(invoiceNinjaInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/invoiceninja-invoices',
      'sites/invoiceninja-invoices-reordered',
      'sites/invoiceninja-invoices-ru',
      // The generic corpus's look-alike of the same table.
      'pages/invoice-ninja-admin',
    ],
  });

  const blind = ours.find((page) => page.name === 'blind/sites/invoiceninja-invoices')!;

  it.each([
    ['an invoice being edited', 'https://app.invoicing.co/invoices/xYRdG7dDzO/edit'],
    ['recurring invoices', 'https://app.invoicing.co/recurring_invoices'],
    ['the client portal', 'https://acme.invoicing.co/client/invoices'],
    ['the clients list', 'https://app.invoicing.co/clients'],
  ])('does not claim %s', (_what, url) => {
    expect(invoiceNinjaInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('recognises the hosted app by its host', () => {
    expect(invoiceNinjaInvoices.hosts?.test('app.invoicing.co')).toBe(true);
    expect(invoiceNinjaInvoices.hosts?.test('invoicing.co.evil.example')).toBe(false);
  });

  it('takes what the badge cannot say from the balance, and says which status it did not know', () => {
    const html = blind.html.replace('>Sent</span>', '>Envoyée</span>');
    const extract = read(invoiceNinjaInvoices, loadPage(html, blind.expected.url), blind.expected);
    const invoice = extract.observations.find((item) => (item as InvoiceObservation).number === '0091') as InvoiceObservation;
    expect(invoice.status).toBe('open');
    expect(extract.warnings.join(' ')).toContain('"Envoyée"');
  });

  it('keys rows by invoice number across a page change: the union holds each invoice once', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): void => {
      for (const observation of read(invoiceNinjaInvoices, doc, blind.expected).observations as InvoiceObservation[]) {
        const before = seen.get(observation.number);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.number, observation);
      }
    };
    collect();
    // React re-renders the body for page 2 with a smaller page size: one row stays, one is new.
    const body = doc.querySelector('tbody')!;
    const kept = body.querySelector('tr')!.cloneNode(true) as Element;
    const fresh = body.querySelectorAll('tr')[1]!.cloneNode(true) as Element;
    fresh.querySelector('a[href*="/invoices/"]')!.textContent = '0094';
    body.replaceChildren(kept, fresh);
    collect();
    expect([...seen.keys()].sort()).toEqual([...blind.expected.observations.map((item) => (item as InvoiceObservation).number), '0094'].sort());
  });
});
