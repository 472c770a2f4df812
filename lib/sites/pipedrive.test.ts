import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { pipedriveInvoices } from './pipedrive';
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

const mine = (page: FixturePage) => /\/pipedrive-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('Pipedrive invoice-fields reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(pipedriveInvoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims a deal list with invoice fields, never a plain deal list', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, pipedriveInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toEqual({
      'blind/pipedrive-deals': 'none',
      'sites/pipedrive-deals-invoice-fields': 'invoice-list',
      'sites/pipedrive-deals-window-de': 'invoice-list',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(pipedriveInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
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
