import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { scorePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { akauntingInvoices } from './akaunting';

describe('Akaunting sales invoices reader', () => {
  const { ours } = siteReaderTests(akauntingInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/akaunting-invoices',
      'sites/akaunting-invoices-ru',
      'sites/akaunting-invoices-v1',
      // The generic corpus's look-alike of the same list.
      'pages/akaunting-invoices',
    ],
  });

  const blind = ours.find((page) => page.name === 'blind/sites/akaunting-invoices')!;

  it.each([
    ['one invoice', 'https://books.acme-bakeware.co.uk/1/sales/invoices/59'],
    ['the create form', 'https://books.acme-bakeware.co.uk/1/sales/invoices/create'],
    ['the bills', 'https://books.acme-bakeware.co.uk/1/purchases/bills'],
    ['the customers', 'https://books.acme-bakeware.co.uk/1/sales/customers'],
  ])('does not claim %s', (_what, url) => {
    expect(akauntingInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('reads columns by their sort keys, whatever the header says', () => {
    const html = blind.html.replace('>Customer</a>', '>Kunde</a>').replace('>Amount</a>', '>Betrag</a>');
    expect(scorePage(read(akauntingInvoices, loadPage(html, blind.expected.url), blind.expected), blind.expected).notes).toEqual([]);
  });

  it('a list re-rendered by paging adds up, keyed by invoice number', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): void => {
      for (const observation of read(akauntingInvoices, doc, blind.expected).observations as InvoiceObservation[]) {
        const before = seen.get(observation.number);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.number, observation);
      }
    };
    collect();
    const body = doc.querySelector('#tbl-invoices > tbody')!;
    const next = body.querySelector('tr')!.cloneNode(true) as Element;
    next.querySelector('a.col-aka')!.textContent = 'INV-00052';
    body.replaceChildren(body.querySelector('tr')!.cloneNode(true), next);
    collect();
    expect(seen.size).toBe(blind.expected.observations.length + 1);
  });

  it('reads nothing, and claims the page, when the list is empty', () => {
    const doc = loadPage(blind.html.replace(/<tbody>[\s\S]*<\/tbody>/, '<tbody><tr><td colspan="8">No records.</td></tr></tbody>'), blind.expected.url);
    expect(akauntingInvoices.detect(doc, blind.expected.url)).toBe('invoice-list');
    expect(read(akauntingInvoices, doc, blind.expected).observations).toEqual([]);
  });
});
