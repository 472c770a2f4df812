import { describe, expect, it } from 'vitest';
import type { InvoiceObservation } from '../model';
import { loadPage } from '../../tests/fixtures/pages/page';
import { DEFAULT_NOW, readIfClaimed as read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { pipedriveInvoices } from './pipedrive';

describe('Pipedrive invoice-fields reader', () => {
  // It claims a deal list with invoice fields, never a plain deal list.
  const { ownPage } = siteReaderTests(pipedriveInvoices, {
    type: 'invoice-list',
    pages: [
      'blind/sites/pipedrive-deals',
      'sites/pipedrive-deals-invoice-fields',
      'sites/pipedrive-deals-window-de',
    ],
    unclaimed: ['blind/sites/pipedrive-deals'],
  });

  it('claims no deal page, pipeline, or the same list on another host', () => {
    const page = ownPage('sites/pipedrive-deals-invoice-fields');
    for (const url of ['https://acme.pipedrive.com/deal/6120', 'https://acme.pipedrive.com/pipeline/1/user/everyone', 'https://crm.example.test/deals/list/filter/38']) {
      expect(pipedriveInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
  });

  it('recognises company subdomains', () => {
    expect(pipedriveInvoices.hosts?.test('acme.pipedrive.com')).toBe(true);
    expect(pipedriveInvoices.hosts?.test('pipedrive.com.example.test')).toBe(false);
  });

  it('virtualised scroll: recycled rows add up by number, none twice', () => {
    const page = ownPage('sites/pipedrive-deals-window-de');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(pipedriveInvoices, doc, url, now).observations as InvoiceObservation[];
    // Scrolling one row down: the top row of both grids is recycled as the next row below (top 4120px).
    const [data, checks] = ['.gridContent--scrollable', '.gridContent--fixed'].map((grid) => doc.querySelector(`${grid} tbody`)!);
    const topData = Array.from(data!.querySelectorAll('tr.gridRow')).find((row) => row.getAttribute('style')?.includes('top: 4000px'))!;
    const topCheck = Array.from(checks!.querySelectorAll('tr.gridRow')).find((row) => row.getAttribute('style')?.includes('top: 4000px'))!;
    for (const row of [topData, topCheck]) row.setAttribute('style', 'position: absolute; top: 4120px; height: 40px;');
    topCheck.querySelector('input')!.setAttribute('data-id', '7284');
    topData.querySelector('[data-field="9f2c1e77a0b4d35c8e61f2a9b07d4c3e5a18f6b2"] .value')!.textContent = 'RE-2026-0126';
    const second = read(pipedriveInvoices, doc, url, now).observations as InvoiceObservation[];
    expect(second.map((invoice) => invoice.number)).toEqual(['RE-2026-0126', 'RE-2026-0137', 'RE-2026-0130']);
    const union = new Map<string, InvoiceObservation>();
    for (const invoice of [...first, ...second]) {
      const before = union.get(invoice.number);
      if (before) expect(invoice).toEqual(before);
      union.set(invoice.number, invoice);
    }
    expect(union.size).toBe(4);
  });
});
