import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { amocrmInvoices } from './amocrm';
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

const mine = (page: FixturePage) => /\/amocrm-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('amoCRM / Kommo invoice-fields reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(amocrmInvoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims a list with invoice fields, never a plain deal list', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, amocrmInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toEqual({
      'blind/amocrm-leads': 'none',
      'sites/amocrm-leads-invoice-fields-ru': 'invoice-list',
      'sites/amocrm-kommo-invoices-en': 'invoice-list',
      'sites/amocrm-leads-empty-ru': 'invoice-list',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(amocrmInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no deal card, pipeline board, or the same list on another host', () => {
    const page = ownPage('sites/amocrm-leads-invoice-fields-ru');
    for (const url of ['https://acme.amocrm.ru/leads/detail/30115501', 'https://acme.amocrm.ru/leads/pipeline/7351122/', 'https://crm.example.test/leads/list/pipeline/7351122/']) {
      expect(amocrmInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
  });

  it('recognises amoCRM and Kommo hosts', () => {
    expect(['acme.amocrm.ru', 'acme.amocrm.com', 'acme.kommo.com'].every((host) => amocrmInvoices.hosts?.test(host))).toBe(true);
    expect(amocrmInvoices.hosts?.test('amocrm.ru.example.test')).toBe(false);
  });

  it('rows loaded while scrolling add up by number, none twice', () => {
    const page = ownPage('sites/amocrm-kommo-invoices-en');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(amocrmInvoices, doc, url, now).observations as InvoiceObservation[];
    // The next portion arrives below; the list keeps the rows already shown.
    const list = doc.querySelector('.list__table')!;
    const template = list.querySelector('#list_item_881150')!;
    const more = template.cloneNode(true) as Element;
    more.id = 'list_item_881122';
    more.setAttribute('data-id', '881122');
    more.querySelector('[data-field-code="cf_90211"] .content-table__item__inner')!.textContent = '2026-099';
    list.append(more);
    const second = read(amocrmInvoices, doc, url, now).observations as InvoiceObservation[];
    const union = new Map<string, InvoiceObservation>();
    for (const invoice of [...first, ...second]) {
      const before = union.get(invoice.number);
      if (before) expect(invoice).toEqual(before);
      union.set(invoice.number, invoice);
    }
    expect([...union.keys()]).toEqual(['2026-118', '2026-112', '2026-104', '2026-099']);
  });
});
