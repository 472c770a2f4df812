import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import type { InvoiceObservation } from '../model';
import type { FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { siteReaderTests } from '../../tests/fixtures/sites/harness';
import { dolibarr } from './dolibarr';

const NOW = new Date(2026, 2, 10, 12);
const LIST_URL = 'https://erp.example.test/compta/facture/list.php';
const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/pages/dolibarr-invoices-en.html'), 'utf8');

function read(page: FixturePage) {
  const report = new PageReport();
  const now = page.expected.now ? new Date(page.expected.now) : NOW;
  runToEnd(dolibarr.extract(loadPage(page.html, page.expected.url), page.expected.url, { now, report }));
  return { observations: report.observations, warnings: report.warnings };
}

function statuses(observations: readonly unknown[]) {
  return (observations as InvoiceObservation[]).map((invoice) => `${invoice.number} ${invoice.status ?? '-'}`);
}

describe('Dolibarr site reader', () => {
  // It claims customer invoice lists only: its supplier bills are not one.
  siteReaderTests(dolibarr, {
    type: 'invoice-list',
    pages: [
      'blind/sites/dolibarr-invoices-ru',
      'blind/sites/dolibarr-supplier-invoices',
      'pages/dolibarr-invoices-en',
      'pages/dolibarr-invoices-ru',
      'blind/generic/ru-dolibarr-like-customer-invoices',
    ],
    unclaimed: ['blind/sites/dolibarr-supplier-invoices'],
  });

  it.each([
    ['supplier bills', 'https://erp.example.test/fourn/facture/list.php'],
    ['a third-party card', 'https://erp.example.test/societe/card.php?socid=4'],
    ['a customer card', 'https://erp.example.test/comm/card.php?socid=4'],
  ])('never claims %s, however Dolibarr-like the table', (_what, url) => {
    expect(dolibarr.detect(loadPage(html, url), url)).toBeUndefined();
  });

  it('claims a list behind a reverse proxy by its rows and their invoice links', () => {
    const url = 'https://books.example.test/erp/module.php';
    expect(dolibarr.detect(loadPage(html, url), url)).toBe('invoice-list');
    const plain = html.replace(/class="tagtable[^"]*"/, 'class="grid"').replace(/class="liste_titre"/g, '').replace(/class="oddeven"/g, '');
    expect(dolibarr.detect(loadPage(plain, url), url)).toBeUndefined();
  });

  it('the status text wins over the late picto; the picto marks overdue only where no status is shown', () => {
    expect(statuses(read({ name: 'en', html, expected: { url: LIST_URL, observations: [] } }).observations)).toEqual([
      'FA2601-0031 open',
      'FA2602-0032 paid',
      'FA2602-0033 partial',
      'FA2603-0034 open',
    ]);
    // The same list with the status column hidden (Dolibarr's columns are the user's choice).
    const noStatus = html.replace(/<th[^>]*><a[^>]*>Status<\/a><\/th>/, '').replace(/<td class="nowraponall right"><span class="badge[^]*?<\/td>/g, '');
    expect(statuses(read({ name: 'en', html: noStatus, expected: { url: LIST_URL, observations: [] } }).observations)).toEqual([
      'FA2601-0031 overdue',
      'FA2602-0032 paid',
      'FA2602-0033 overdue',
      'FA2603-0034 open',
    ]);
  });

  it('says so when a Dolibarr page has no invoice list; the generic reader runs after it and, finding nothing either, the read is Dolibarr’s', () => {
    const page = '<html><body><h1>Customer invoices</h1><table class="tagtable liste"><tr class="liste_titre"><th>Label</th></tr></table></body></html>';
    const report = new PageReport();
    runToEnd(dolibarr.extract(loadPage(page, LIST_URL), LIST_URL, { now: NOW, report }));
    expect(report.warnings).toEqual(['Dolibarr page without an invoice list: nothing read.']);
    const extract = extractPage(loadPage(page, LIST_URL), LIST_URL, { now: NOW });
    expect(extract.readBy).toBe('dolibarr');
    expect(extract.observations).toEqual([]);
    expect(extract.subject).toBeUndefined();
    expect(extract.warnings).toContain('Dolibarr page without an invoice list: nothing read.');
  });

  it('reads a Dolibarr list through extractPage, and says so', () => {
    expect(extractPage(loadPage(html, LIST_URL), LIST_URL, { now: NOW }).readBy).toBe('dolibarr');
  });
});
