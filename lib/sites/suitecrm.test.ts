import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { scorePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { suitecrmInvoices } from './suitecrm';

describe('SuiteCRM invoices (AOS_Invoices) reader', () => {
  const { ours } = siteReaderTests(suitecrmInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/suitecrm-invoices',
      'sites/suitecrm-invoices-ru',
      'sites/suitecrm-invoices-ajaxui',
      // The generic corpus's look-alike of the same list.
      'pages/suitecrm-invoices',
    ],
  });

  const blind = ours.find((page) => page.name === 'blind/sites/suitecrm-invoices')!;

  it.each([
    ['an invoice', 'https://crm.acme.local/index.php?module=AOS_Invoices&action=DetailView&record=6b1e0f2a'],
    ['the edit form', 'https://crm.acme.local/index.php?module=AOS_Invoices&action=EditView'],
    ['an account with an invoices subpanel', 'https://crm.acme.local/index.php?module=Accounts&action=DetailView&record=a1c9'],
    ['quotes', 'https://crm.acme.local/index.php?module=AOS_Quotes&action=index'],
  ])('does not claim %s', (_what, url) => {
    expect(suitecrmInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('reads cells by their field names, whatever the column order', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    // Swap two columns in every row, header included, as the column chooser would.
    for (const row of Array.from(doc.querySelectorAll('tr'))) {
      const cells = Array.from(row.children);
      if (cells.length > 10) cells[9]!.before(cells[10]!);
    }
    expect(scorePage(read(suitecrmInvoices, doc, blind.expected), blind.expected).notes).toEqual([]);
  });

  it('dates that prove both orders on one page: the ambiguous ones are dropped with a warning, never guessed', () => {
    // 02/17/2026 proves month first; 25/03/2026 proves day first; 03/02/2026 could be either.
    const html = blind.html.replace('>04/01/2026<', '>25/03/2026<');
    const extract = read(suitecrmInvoices, loadPage(html, blind.expected.url), blind.expected);
    const first = extract.observations.find((item) => (item as InvoiceObservation).number === '1042') as InvoiceObservation;
    expect(first.issued).toBeUndefined();
    expect(first.due).toBe('2026-03-25');
    expect((extract.observations.find((item) => (item as InvoiceObservation).number === '1041') as InvoiceObservation).issued).toBe('2026-02-17');
    expect(extract.warnings.join(' ')).toContain('"03/02/2026"');
  });

  it('a list re-rendered by the next page button adds up, keyed by invoice number', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): void => {
      for (const observation of read(suitecrmInvoices, doc, blind.expected).observations as InvoiceObservation[]) {
        const before = seen.get(observation.number);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.number, observation);
      }
    };
    collect();
    const body = doc.querySelector('table.list.view > tbody')!;
    const next = body.querySelector('tr')!.cloneNode(true) as Element;
    next.querySelector('td[field="number"]')!.textContent = '1037';
    body.replaceChildren(body.querySelector('tr')!.cloneNode(true), next);
    collect();
    expect(seen.size).toBe(blind.expected.observations.length + 1);
  });
});
