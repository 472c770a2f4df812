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
import { invoiceNinjaInvoices } from './invoice-ninja';
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
const ours = sitePages.filter((page) => page.name.startsWith('invoiceninja-'));
/** Every other page (the client portal's included), but the generic corpus's look-alike of this table. */
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page) && page.name !== 'invoice-ninja-admin');

describe('Invoice Ninja admin invoices reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['invoiceninja-invoices', 'invoiceninja-invoices-reordered', 'invoiceninja-invoices-ru']));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(invoiceNinjaInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    const extract = read(invoiceNinjaInvoices, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(invoiceNinjaInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === 'invoiceninja-invoices')!;
    const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url, opts).readBy).toBe(invoiceNinjaInvoices.id);
  });

  it('reads the generic corpus look-alike of the same table too', () => {
    const page = corpusPages().find((candidate) => candidate.name === 'invoice-ninja-admin')!;
    const doc = loadPage(page.html, page.expected.url);
    expect(invoiceNinjaInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    expect(scorePage(read(invoiceNinjaInvoices, doc, page.expected), page.expected).notes).toEqual([]);
  });

  const blind = ours.find((page) => page.name === 'invoiceninja-invoices')!;

  it.each([
    ['an invoice being edited', 'https://app.invoicing.co/invoices/xYRdG7dDzO/edit'],
    ['recurring invoices', 'https://app.invoicing.co/recurring_invoices'],
    ['the client portal', 'https://acme.invoicing.co/client/invoices'],
    ['the clients list', 'https://app.invoicing.co/clients'],
  ])('does not claim %s', (_what, url) => {
    expect(invoiceNinjaInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('recognises the hosted app by its host', () => {
    expect(invoiceNinjaInvoices.hosts?.test('app.invoicing.co')).toBe(true);
    expect(invoiceNinjaInvoices.hosts?.test('invoicing.co.evil.example')).toBe(false);
  });

  it('takes what the badge cannot say from the balance, and says which status it did not know', () => {
    const html = blind.html.replace('>Sent</span>', '>Envoyée</span>');
    const extract = read(invoiceNinjaInvoices, loadPage(html, blind.expected.url), blind.expected);
    const invoice = extract.observations.find((item) => (item as InvoiceObservation).number === '0091') as InvoiceObservation;
    expect(invoice.status).toBe('open');
    expect(extract.warnings.join(' ')).toContain('"Envoyée"');
  });

  it('keys rows by invoice number across a page change: the union holds each invoice once', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): void => {
      for (const observation of read(invoiceNinjaInvoices, doc, blind.expected).observations as InvoiceObservation[]) {
        const before = seen.get(observation.number);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.number, observation);
      }
    };
    collect();
    // React re-renders the body for page 2 with a smaller page size: one row stays, one is new.
    const body = doc.querySelector('tbody')!;
    const kept = body.querySelector('tr')!.cloneNode(true) as Element;
    const fresh = body.querySelectorAll('tr')[1]!.cloneNode(true) as Element;
    fresh.querySelector('a[href*="/invoices/"]')!.textContent = '0094';
    body.replaceChildren(kept, fresh);
    collect();
    expect([...seen.keys()].sort()).toEqual([...blind.expected.observations.map((item) => (item as InvoiceObservation).number), '0094'].sort());
  });
});
