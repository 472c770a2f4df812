import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { hubspotInvoices } from './hubspot';
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

const mine = (page: FixturePage) => /\/hubspot-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('HubSpot invoice index reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(hubspotInvoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims the invoices index of either generation, never the deals index', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, hubspotInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toEqual({
      'blind/hubspot-invoices': 'invoice-list',
      'sites/hubspot-invoices-eu': 'invoice-list',
      'sites/hubspot-invoices-legacy': 'invoice-list',
      'sites/hubspot-deals': 'none',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(hubspotInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no record page or board', () => {
    const page = ownPage('blind/hubspot-invoices');
    for (const url of ['https://app.hubspot.com/contacts/24681357/record/0-53/391204417', 'https://app.hubspot.com/contacts/24681357/objects/0-3/views/all/board']) {
      expect(hubspotInvoices.detect(loadPage(page.html, url), url)).toBeUndefined();
    }
  });

  it('recognises the app hosts of every region', () => {
    expect(['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com'].every((host) => hubspotInvoices.hosts?.test(host))).toBe(true);
    expect(['www.hubspot.com', 'app.hubspot.com.example.test'].some((host) => hubspotInvoices.hosts?.test(host))).toBe(false);
  });

  it('says a row still rendering was not read', () => {
    const page = ownPage('blind/hubspot-invoices');
    const extract = read(hubspotInvoices, loadPage(page.html, page.expected.url), page.expected.url, new Date(DEFAULT_NOW));
    expect(extract.warnings.join(' ')).toMatch(/1 row\(s\) were still rendering/);
  });

  it('virtualised scroll: each window reads only its rows, and the windows add up by number with none twice', () => {
    const page = ownPage('blind/hubspot-invoices');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): string[] =>
      (read(hubspotInvoices, doc, url, now).observations as InvoiceObservation[]).map((invoice) => {
        const before = seen.get(invoice.number);
        if (before) expect(invoice).toEqual(before);
        seen.set(invoice.number, invoice);
        return invoice.number;
      });
    expect(collect()).toHaveLength(7);
    // Scrolling down: the virtualiser recycles the top rows as new ones below, and fills the row that was still rendering.
    const body = doc.querySelector('table[data-test-id="framework-data-table"] tbody')!;
    const rows = Array.from(body.querySelectorAll('tr[data-test-id^="row-"]'));
    const template = rows[0]!;
    for (const row of rows.slice(0, 4)) row.remove();
    const rendering = rows[rows.length - 1]!;
    const filled = [391204318, 391204305, 391204297].map((id, step) => {
      // The same cells, with the new object's id and number, as the app writes them.
      const row = template.cloneNode(true) as Element;
      row.setAttribute('data-test-id', `row-${id}`);
      row.setAttribute('aria-rowindex', String(45 + step));
      for (const cell of Array.from(row.querySelectorAll('td'))) {
        cell.setAttribute('data-test-id', (cell.getAttribute('data-test-id') ?? '').replace(/-\d+$/, `-${id}`));
      }
      row.querySelector('[data-test-id$="hs_number-' + id + '"] a')!.textContent = `INV-${1064 - step}`;
      return row;
    });
    rendering.replaceWith(...filled);
    const second = collect();
    expect(second).toEqual(['INV-1067', 'INV-1066', 'INV-1065', 'INV-1064', 'INV-1063', 'INV-1062']);
    expect(seen.size).toBe(10);
  });
});
