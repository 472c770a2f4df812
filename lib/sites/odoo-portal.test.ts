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
import { odooPortalInvoices } from './odoo-portal';
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
const ours = sitePages.filter((page) => page.name.startsWith('odoo-portal-'));
/** Every other page, the Odoo backend's included, but the generic corpus's look-alike of this list. */
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page) && page.name !== 'odoo-portal-invoices');

describe('Odoo customer portal invoice reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['odoo-portal-invoices', 'odoo-portal-invoices-ru', 'odoo-portal-invoices-empty']));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(odooPortalInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    const extract = read(odooPortalInvoices, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(odooPortalInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === 'odoo-portal-invoices')!;
    const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url, opts).readBy).toBe(odooPortalInvoices.id);
  });

  it('reads the generic corpus look-alike too, its currency included (as the blind page has it)', () => {
    const page = corpusPages().find((candidate) => candidate.name === 'odoo-portal-invoices')!;
    const doc = loadPage(page.html, page.expected.url);
    expect(odooPortalInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    const score = scorePage(read(odooPortalInvoices, doc, page.expected), page.expected);
    expect(score.matched).toBe(score.expected);
    expect(score.notes).toEqual([]);
    expect(page.expected.observations.every((item) => (item as InvoiceObservation).currency === 'USD')).toBe(true);
  });

  const blind = ours.find((page) => page.name === 'odoo-portal-invoices')!;

  it.each([
    ['one invoice', 'https://acme.odoo.com/my/invoices/101?access_token=x'],
    ['the bills filter', 'https://acme.odoo.com/my/invoices?filterby=bills'],
    ['the portal home', 'https://acme.odoo.com/my/home'],
    ['the backend', 'https://acme.odoo.com/web#action=243&model=account.move&view_type=list'],
  ])('does not claim the list markup at %s', (_what, url) => {
    expect(odooPortalInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('claims the second page and a language prefix', () => {
    for (const url of ['https://acme.odoo.com/my/invoices/page/2', 'https://acme.odoo.com/fr_BE/my/invoices?sortby=date']) {
      expect(odooPortalInvoices.detect(loadPage(blind.html, url), url)).toBe('invoice-list');
    }
  });

  it('falls back to the signed-in user, with a warning, when the card names no company', () => {
    const html = blind.html.replace(/<div class="o_my_sidebar[\s\S]*?<\/address>/, '<div><address>');
    const extract = read(odooPortalInvoices, loadPage(html, blind.expected.url), blind.expected);
    expect(extract.subject).toEqual({ name: 'Brandon Freeman' });
    expect(extract.warnings.join(' ')).toContain('signed-in user');
  });

  it('reads a red due date as overdue only when the badge says nothing', () => {
    const html = blind.html.replace(/<td name="invoice_status">[\s\S]*?<\/td>/g, '<td name="invoice_status"></td>');
    const statuses = read(odooPortalInvoices, loadPage(html, blind.expected.url), blind.expected).observations.map(
      (item) => `${(item as InvoiceObservation).number} ${(item as InvoiceObservation).status}`,
    );
    // Amount due > 0 and red: overdue; > 0 in time: open; 0: paid (the cancelled one's 0 reads as paid: no badge, no better word).
    expect(statuses).toEqual(['INV/2026/00052 open', 'INV/2026/00044 overdue', 'INV/2026/00031 overdue', 'INV/2026/00019 paid', 'INV/2025/00311 paid', 'INV/2025/00288 paid']);
  });

  it('reads the same invoices again after the list is re-rendered, without duplicates', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const first = read(odooPortalInvoices, doc, blind.expected).observations;
    const body = doc.querySelector('tbody')!;
    body.innerHTML = body.innerHTML;
    const second = read(odooPortalInvoices, doc, blind.expected).observations;
    expect(second).toEqual(first);
    expect(new Set(second.map((item) => (item as InvoiceObservation).number)).size).toBe(second.length);
  });
});
