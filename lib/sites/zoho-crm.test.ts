import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { zohoCrmInvoices } from './zoho-crm';
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

const mine = (page: FixturePage) => /\/zoho-crm-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('Zoho CRM invoice list reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(zohoCrmInvoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims the Invoices module list only', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, zohoCrmInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toEqual({
      'blind/zoho-crm-invoices': 'invoice-list',
      'sites/zoho-crm-invoices-us': 'invoice-list',
      'sites/zoho-crm-invoices-ru': 'invoice-list',
      'sites/zoho-crm-deals': 'none',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(zohoCrmInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no record, edit form, or another module under an Invoices address', () => {
    const page = ownPage('blind/zoho-crm-invoices');
    for (const url of [
      'https://crm.zoho.eu/crm/org20081234567/tab/Invoices/148201000000518021',
      'https://crm.zoho.eu/crm/org20081234567/tab/Invoices/create',
      'https://crm.zoho.eu/crm/org20081234567/tab/PurchaseOrders/custom-view/1/list',
    ]) {
      expect(zohoCrmInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
    const url = page.expected.url;
    expect(zohoCrmInvoices.detect(loadPage(page.html.replace('cx-prop-module="Invoices"', 'cx-prop-module="SalesOrders"'), url), url)).toBeUndefined();
  });

  it('recognises the CRM hosts of every data centre', () => {
    expect(['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au'].every((host) => zohoCrmInvoices.hosts?.test(host))).toBe(true);
    expect(['books.zoho.com', 'crm.zoho.com.example.test'].some((host) => zohoCrmInvoices.hosts?.test(host))).toBe(false);
  });

  it('a redraw after sorting reads the same invoices, keyed by record id, none twice', () => {
    const page = ownPage('blind/zoho-crm-invoices');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(zohoCrmInvoices, doc, url, now).observations as InvoiceObservation[];
    const body = doc.querySelector('lyte-yield.lyteExpTableRowGroup')!;
    const rows = Array.from(body.querySelectorAll('lyte-exptable-tr'));
    body.replaceChildren(...rows.reverse(), rows[2]!.cloneNode(true));
    const second = read(zohoCrmInvoices, doc, url, now).observations as InvoiceObservation[];
    expect(second.map((invoice) => invoice.number)).toEqual(['INV-0040', 'INV-0041', 'INV-0042', 'INV-0043', 'INV-0044']);
    for (const invoice of second) expect(invoice).toEqual(first.find((seen) => seen.number === invoice.number));
  });
});
