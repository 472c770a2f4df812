import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation } from '../model';
import { corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { akauntingInvoices } from './akaunting';
import type { SiteReader } from './types';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');

function pagesIn(dir: string): FixturePage[] {
  return readdirSync(resolve(FIXTURES, dir))
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const expected = JSON.parse(readFileSync(resolve(FIXTURES, dir, `${name}.expected.json`), 'utf8')) as Expected;
      return { name, html: readFileSync(resolve(FIXTURES, dir, file), 'utf8'), expected };
    });
}

function read(reader: SiteReader, doc: Document, expected: Expected) {
  const report = new PageReport();
  const now = expected.now ? new Date(expected.now) : new Date();
  const result = runToEnd(reader.extract(doc, expected.url, { now, report }));
  return { ...(result?.subject ? { subject: result.subject } : {}), observations: report.observations, warnings: report.warnings };
}

const sitePages = [...pagesIn('blind/sites'), ...pagesIn('sites')];
const ours = sitePages.filter((page) => page.name.startsWith('akaunting-'));
/** Every other page, but the generic corpus's look-alike of this list (read below). */
const others = [...sitePages, ...corpusPages().filter((page) => page.name !== 'akaunting-invoices')].filter((page) => !ours.includes(page));

describe('Akaunting sales invoices reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['akaunting-invoices', 'akaunting-invoices-ru', 'akaunting-invoices-v1']));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(akauntingInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    const extract = read(akauntingInvoices, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(akauntingInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === 'akaunting-invoices')!;
    const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url, opts).readBy).toBe(akauntingInvoices.id);
  });

  it('reads the generic corpus look-alike of the same list too', () => {
    const page = corpusPages().find((candidate) => candidate.name === 'akaunting-invoices')!;
    const doc = loadPage(page.html, page.expected.url);
    expect(akauntingInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    expect(scorePage(read(akauntingInvoices, doc, page.expected), page.expected).notes).toEqual([]);
  });

  const blind = ours.find((page) => page.name === 'akaunting-invoices')!;

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
