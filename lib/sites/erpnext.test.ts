import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema, ticketSchema } from '../message-schemas';
import type { InvoiceObservation, Observation, TicketObservation } from '../model';
import { corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { erpnextIssues, erpnextSalesInvoices } from './erpnext';
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
const allPages = [...sitePages, ...corpusPages()];

const readers = [
  { reader: erpnextSalesInvoices, type: 'invoice-list', prefix: 'erpnext-sales-invoices', schema: invoiceSchema, own: ['erpnext-sales-invoices-v14', 'erpnext-sales-invoices-empty'] },
  { reader: erpnextIssues, type: 'ticket-list', prefix: 'erpnext-issues', schema: ticketSchema, own: ['erpnext-issues-v14', 'erpnext-issues-ru'] },
] as const;

describe.each(readers)('$reader.id reader', ({ reader, type, prefix, schema, own }) => {
  const ours = sitePages.filter((page) => page.name.startsWith(prefix));
  const others = allPages.filter((page) => !ours.includes(page));

  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining([prefix, ...own]));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(reader.detect(doc, page.expected.url)).toBe(type);
    const extract = read(reader, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(schema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(reader.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === prefix)!;
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url).readBy).toBe(reader.id);
  });
});

describe('ERPNext readers', () => {
  const invoices = sitePages.find((page) => page.name === 'erpnext-sales-invoices')!;
  const issues = sitePages.find((page) => page.name === 'erpnext-issues')!;

  it.each([
    ['one invoice', 'http://erp.acme.local:8000/app/sales-invoice/ACC-SINV-2026-00037'],
    ['a new invoice', 'http://erp.acme.local:8000/app/sales-invoice/new'],
    ['the report view', 'http://erp.acme.local:8000/app/sales-invoice/view/report'],
    ['the purchase invoices', 'http://erp.acme.local:8000/app/purchase-invoice'],
  ])('the Sales Invoice reader does not claim %s', (_what, url) => {
    expect(erpnextSalesInvoices.detect(loadPage(invoices.html, url), url)).toBeUndefined();
  });

  it('claims the older desk route too', () => {
    const url = 'http://erp.acme.local:8000/desk#List/Sales%20Invoice/List';
    expect(erpnextSalesInvoices.detect(loadPage(invoices.html, url), url)).toBe('invoice-list');
  });

  it('recognises ERPNext Cloud and Frappe Cloud by host', () => {
    expect(erpnextSalesInvoices.hosts?.test('acme.erpnext.com')).toBe(true);
    expect(erpnextIssues.hosts?.test('acme.frappe.cloud')).toBe(true);
    expect(erpnextIssues.hosts?.test('erpnext.com.evil.example')).toBe(false);
  });

  it('reads the raw values, not the formatted text: a customer name with commas survives', () => {
    const html = invoices.html.replaceAll('customer,=,Initech LLC', 'customer,=,Initech, LLC');
    const clients = read(erpnextSalesInvoices, loadPage(html, invoices.expected.url), invoices.expected).observations.map((item) => item.client.name);
    expect(clients).toContain('Initech, LLC');
  });

  function collect(reader: SiteReader, doc: Document, expected: Expected, seen: Map<string, Observation>): number {
    const found = read(reader, doc, expected).observations;
    for (const observation of found) {
      const key = observation.kind === 'invoice' ? observation.number : (observation as TicketObservation).id;
      const before = seen.get(key);
      if (before) expect(observation).toEqual(before);
      seen.set(key, observation);
    }
    return found.length;
  }

  it('keys rows by document name across a real-time refresh: the union has each invoice once', () => {
    const doc = loadPage(invoices.html, invoices.expected.url);
    const seen = new Map<string, Observation>();
    let sightings = collect(erpnextSalesInvoices, doc, invoices.expected, seen);
    // A new invoice is submitted elsewhere: Frappe re-renders the result, the new row on top, the last row paged out.
    const result = doc.querySelector('.result')!;
    const rows = Array.from(result.querySelectorAll('.list-row-container'));
    const fresh = rows[0]!.cloneNode(true) as Element;
    for (const named of Array.from(fresh.querySelectorAll('[data-name]'))) named.setAttribute('data-name', 'ACC-SINV-2026-00038');
    rows[rows.length - 1]!.remove();
    for (const row of rows.slice(0, -1)) row.replaceWith(row.cloneNode(true));
    result.querySelector('header')!.after(fresh);
    sightings += collect(erpnextSalesInvoices, doc, invoices.expected, seen);
    expect(sightings).toBe(2 * invoices.expected.observations.length);
    expect(seen.size).toBe(invoices.expected.observations.length + 1);
    expect((seen.get('ACC-SINV-2026-00038') as InvoiceObservation).client.name).toBe('Soylent Foods');
  });

  it('an Issue list re-read after a status change updates in place, keyed by its id', () => {
    const doc = loadPage(issues.html, issues.expected.url);
    const seen = new Map<string, Observation>();
    collect(erpnextIssues, doc, issues.expected, seen);
    const pill = doc.querySelector('[data-filter="status,=,Open"]')!;
    pill.setAttribute('data-filter', 'status,=,Closed');
    const again = read(erpnextIssues, doc, issues.expected).observations as TicketObservation[];
    expect(new Set(again.map((ticket) => ticket.id)).size).toBe(again.length);
    expect(again.map((ticket) => ticket.id)).toEqual([...seen.keys()]);
  });
});
