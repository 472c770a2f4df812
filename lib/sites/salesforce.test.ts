import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { salesforceInvoices } from './salesforce';
import type { SiteReader } from './types';

/** Site fixture folders by the label a test name shows: blind look-alikes and our own (the generic corpora are added below). */
const SITE_DIRS = { blind: resolve(CORPUS_DIR, '../blind/sites'), sites: resolve(CORPUS_DIR, '../sites') };
/** The page load time of pages that give none (their dates are absolute). */
const DEFAULT_NOW = '2026-03-10T12:00:00';

function allPages(): FixturePage[] {
  const sites = Object.entries(SITE_DIRS)
    .filter(([, dir]) => existsSync(dir))
    .flatMap(([label, dir]) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.html'))
        .sort()
        .map((file) => {
          const name = file.replace(/\.html$/, '');
          const expected = JSON.parse(readFileSync(resolve(dir, `${name}.expected.json`), 'utf8')) as Expected;
          return { name: `${label}/${name}`, html: readFileSync(resolve(dir, file), 'utf8'), expected };
        }),
    );
  const generic = [
    ...corpusPages().map((page) => ({ ...page, name: `pages/${page.name}` })),
    ...corpusPages(BLIND_DIR).map((page) => ({ ...page, name: `blind-generic/${page.name}` })),
  ];
  return [...sites, ...generic];
}

function read(reader: SiteReader, doc: Document, url: string, now: Date): PageExtract {
  const report = new PageReport();
  if (!reader.detect(doc, url)) return { observations: [], warnings: [] };
  const result = runToEnd(reader.extract(doc, url, { now, report }));
  return { ...(result?.subject ? { subject: result.subject } : {}), observations: report.observations, warnings: report.warnings };
}

const mine = (page: FixturePage) => /\/salesforce-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('Salesforce invoice list view reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(salesforceInvoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims list views of invoice objects only', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, salesforceInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toEqual({
      'blind/salesforce-invoices': 'invoice-list',
      'sites/salesforce-billing-invoices-ru': 'invoice-list',
      'sites/salesforce-invoices-en-gb': 'invoice-list',
      'sites/salesforce-opportunities': 'none',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(salesforceInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no record page, supplier invoice or credit note list', () => {
    const page = ownPage('blind/salesforce-invoices');
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
    const page = ownPage('blind/salesforce-invoices');
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
    const page = ownPage('blind/salesforce-invoices');
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
