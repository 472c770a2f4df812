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
import { suitecrmInvoices } from './suitecrm';
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
const ours = sitePages.filter((page) => page.name.startsWith('suitecrm-'));
/** Every other page, but the generic corpus's look-alike of this list (read below). */
const others = [...sitePages, ...corpusPages().filter((page) => page.name !== 'suitecrm-invoices')].filter((page) => !ours.includes(page));

describe('SuiteCRM invoices (AOS_Invoices) reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['suitecrm-invoices', 'suitecrm-invoices-ru', 'suitecrm-invoices-ajaxui']));
  });

  it.each(ours.map((page) => ({ name: page.name, page })))('$name: detected, every field read, 0 false positives', ({ page }) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(suitecrmInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    const extract = read(suitecrmInvoices, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it.each(others.map((page) => ({ name: page.name, page })))('$name: not claimed', ({ page }) => {
    expect(suitecrmInvoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('is registered: the page reader picks it for its own page', () => {
    const page = ours.find((candidate) => candidate.name === 'suitecrm-invoices')!;
    const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
    expect(extractPage(loadPage(page.html, page.expected.url), page.expected.url, opts).readBy).toBe(suitecrmInvoices.id);
  });

  it('reads the generic corpus look-alike of the same list too', () => {
    const page = corpusPages().find((candidate) => candidate.name === 'suitecrm-invoices')!;
    const doc = loadPage(page.html, page.expected.url);
    expect(suitecrmInvoices.detect(doc, page.expected.url)).toBe('invoice-list');
    expect(scorePage(read(suitecrmInvoices, doc, page.expected), page.expected).notes).toEqual([]);
  });

  const blind = ours.find((page) => page.name === 'suitecrm-invoices')!;

  it.each([
    ['an invoice', 'https://crm.acme.local/index.php?module=AOS_Invoices&action=DetailView&record=6b1e0f2a'],
    ['the edit form', 'https://crm.acme.local/index.php?module=AOS_Invoices&action=EditView'],
    ['an account with an invoices subpanel', 'https://crm.acme.local/index.php?module=Accounts&action=DetailView&record=a1c9'],
    ['quotes', 'https://crm.acme.local/index.php?module=AOS_Quotes&action=index'],
  ])('does not claim %s', (_what, url) => {
    expect(suitecrmInvoices.detect(loadPage(blind.html, url), url)).toBeUndefined();
  });

  it('reads cells by their field names, whatever the column order', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    // Swap two columns in every row, header included, as the column chooser would.
    for (const row of Array.from(doc.querySelectorAll('tr'))) {
      const cells = Array.from(row.children);
      if (cells.length > 10) cells[9]!.before(cells[10]!);
    }
    expect(scorePage(read(suitecrmInvoices, doc, blind.expected), blind.expected).notes).toEqual([]);
  });

  it('dates that prove both orders on one page: the ambiguous ones are dropped with a warning, never guessed', () => {
    // 02/17/2026 proves month first; 25/03/2026 proves day first; 03/02/2026 could be either.
    const html = blind.html.replace('>04/01/2026<', '>25/03/2026<');
    const extract = read(suitecrmInvoices, loadPage(html, blind.expected.url), blind.expected);
    const first = extract.observations.find((item) => (item as InvoiceObservation).number === '1042') as InvoiceObservation;
    expect(first.issued).toBeUndefined();
    expect(first.due).toBe('2026-03-25');
    expect((extract.observations.find((item) => (item as InvoiceObservation).number === '1041') as InvoiceObservation).issued).toBe('2026-02-17');
    expect(extract.warnings.join(' ')).toContain('"03/02/2026"');
  });

  it('a list re-rendered by the next page button adds up, keyed by invoice number', () => {
    const doc = loadPage(blind.html, blind.expected.url);
    const seen = new Map<string, InvoiceObservation>();
    const collect = (): void => {
      for (const observation of read(suitecrmInvoices, doc, blind.expected).observations as InvoiceObservation[]) {
        const before = seen.get(observation.number);
        if (before) expect(observation).toEqual(before);
        seen.set(observation.number, observation);
      }
    };
    collect();
    const body = doc.querySelector('table.list.view > tbody')!;
    const next = body.querySelector('tr')!.cloneNode(true) as Element;
    next.querySelector('td[field="number"]')!.textContent = '1037';
    body.replaceChildren(body.querySelector('tr')!.cloneNode(true), next);
    collect();
    expect(seen.size).toBe(blind.expected.observations.length + 1);
  });
});
