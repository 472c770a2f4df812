import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { invoiceSchema } from '../message-schemas';
import type { InvoiceObservation, PageExtract } from '../model';
import { BLIND_DIR, CORPUS_DIR, corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { bitrix24Invoices } from './bitrix24';
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

const mine = (page: FixturePage) => /\/bitrix24-/.test(page.name);
const ownPages = allPages().filter(mine);
const otherPages = allPages().filter((page) => !mine(page));
const ownPage = (name: string) => ownPages.find((page) => page.name === name)!;

describe('Bitrix24 invoice reader', () => {
  it.each(ownPages.map((page) => [page.name, page] as const))('%s: every field, no false positive', (_name, page) => {
    const now = new Date(page.expected.now ?? DEFAULT_NOW);
    const extract = read(bitrix24Invoices, loadPage(page.html, page.expected.url), page.expected.url, now);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    for (const observation of extract.observations) expect(invoiceSchema.safeParse(observation).success).toBe(true);
  });

  it('claims an invoice grid and a deal grid with invoice fields, never a plain deal list', () => {
    const claims = Object.fromEntries(
      ownPages.map((page) => [page.name, bitrix24Invoices.detect(loadPage(page.html, page.expected.url), page.expected.url) ?? 'none']),
    );
    expect(claims).toMatchObject({
      'blind/bitrix24-deals': 'none',
      'blind/bitrix24-invoices-ru': 'invoice-list',
      'pages/bitrix24-invoices-ru': 'invoice-list',
      'sites/bitrix24-smart-invoices-en': 'invoice-list',
      'sites/bitrix24-invoices-empty-ru': 'invoice-list',
      'sites/bitrix24-deals-invoice-fields-ru': 'invoice-list',
    });
  });

  it.each(otherPages.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(bitrix24Invoices.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('claims no record card, and no grid at an unrelated address', () => {
    const grid = ownPage('blind/bitrix24-invoices-ru');
    for (const url of ['https://acme.bitrix24.ru/crm/type/31/details/214/', 'https://acme.bitrix24.ru/crm/company/list/', 'https://acme.bitrix24.ru/company/personal/user/9/tasks/']) {
      expect(bitrix24Invoices.detect(loadPage(grid.html, url), url)).toBeUndefined();
    }
  });

  it('recognises the hosted portals by host name', () => {
    expect(['acme.bitrix24.ru', 'acme.bitrix24.com', 'acme.bitrix24.by', 'acme.bitrix24.com.br'].every((host) => bitrix24Invoices.hosts?.test(host))).toBe(true);
    expect(['bitrix24.example.test', 'acme.notbitrix24.ru.evil.test'].some((host) => bitrix24Invoices.hosts?.test(host))).toBe(false);
  });

  it('AJAX redraw (next page, filter): rows read before and after add up by number, none twice', () => {
    const page = ownPage('blind/bitrix24-invoices-ru');
    const url = page.expected.url;
    const doc = loadPage(page.html, url);
    const now = new Date(DEFAULT_NOW);
    const first = read(bitrix24Invoices, doc, url, now).observations as InvoiceObservation[];
    // The grid swaps its body as the next page arrives: the last row of page 1 is shown again, and two new rows come.
    const body = doc.querySelector('table.main-grid-table tbody')!;
    const rows = Array.from(body.querySelectorAll('tr.main-grid-row-body'));
    const kept = rows[rows.length - 1]!.cloneNode(true) as Element;
    const fresh = [201, 199].map((id) => {
      const row = kept.cloneNode(true) as Element;
      row.setAttribute('data-id', String(id));
      row.querySelector('[data-column-id="ACCOUNT_NUMBER"] .main-grid-cell-content')!.textContent = `2026-0${id - 180}`;
      return row;
    });
    body.replaceChildren(kept, ...fresh);
    const second = read(bitrix24Invoices, doc, url, now).observations as InvoiceObservation[];
    expect(second.map((invoice) => invoice.number)).toEqual(['2026-024', '2026-021', '2026-019']);
    const union = new Map<string, InvoiceObservation>();
    for (const invoice of [...first, ...second]) {
      const before = union.get(invoice.number);
      if (before) expect(invoice).toEqual(before);
      union.set(invoice.number, invoice);
    }
    expect([...union.keys()]).toEqual(['2026-031', '2026-030', '2026-028', '2026-026', '2026-024', '2026-021', '2026-019']);
  });

  it('says which column it misses when the grid hides the invoice number', () => {
    const page = ownPage('blind/bitrix24-invoices-ru');
    const doc = loadPage(page.html, page.expected.url);
    for (const cell of Array.from(doc.querySelectorAll('[data-name="ACCOUNT_NUMBER"], [data-column-id="ACCOUNT_NUMBER"]'))) cell.remove();
    const extract = read(bitrix24Invoices, doc, page.expected.url, new Date(DEFAULT_NOW));
    expect(extract.observations).toEqual([]);
    expect(extract.warnings.join(' ')).toMatch(/no invoice number column/);
  });

  it('a hostile grid (column ids and labels named like object internals, script in a name) reads as text', () => {
    const url = 'https://acme.bitrix24.ru/crm/type/31/list/category/0/';
    const head = [['ACCOUNT_NUMBER', 'Номер'], ['constructor', 'constructor'], ['UF_CRM_1', '__proto__'], ['COMPANY_ID', 'Компания']]
      .map(([id, label]) => `<th class="main-grid-cell-head" data-name="${id}"><span class="main-grid-head-title">${label}</span></th>`)
      .join('');
    const cells = [['ACCOUNT_NUMBER', '№ 77'], ['constructor', 'x'], ['UF_CRM_1', 'y'], ['COMPANY_ID', '&lt;img src=x onerror=alert(1)&gt; ООО «Альфа»']]
      .map(([id, value]) => `<td class="main-grid-cell" data-column-id="${id}"><span class="main-grid-cell-content">${value}</span></td>`)
      .join('');
    const doc = loadPage(`<html lang="ru"><body><table class="main-grid-table"><thead><tr class="main-grid-row-head">${head}</tr></thead><tbody><tr class="main-grid-row main-grid-row-body" data-id="77">${cells}</tr></tbody></table></body></html>`, url);
    const extract = read(bitrix24Invoices, doc, url, new Date(DEFAULT_NOW));
    expect(extract.observations).toEqual([{ kind: 'invoice', client: { name: '<img src=x onerror=alert(1)> ООО «Альфа»' }, number: '77' }]);
  });

  it('yields between chunks of rows on a long grid', { timeout: 30_000 }, () => {
    const url = 'https://acme.bitrix24.com/crm/type/31/list/category/0/';
    const columns = ['ACCOUNT_NUMBER', 'COMPANY_ID', 'OPPORTUNITY_WITH_CURRENCY', 'BEGINDATE'];
    const head = columns.map((id) => `<th class="main-grid-cell-head" data-name="${id}"><span class="main-grid-head-title">${id}</span></th>`).join('');
    const values = (id: number) => [`LONG-${id}`, `Client ${id % 7}`, '$100.00', '03/02/2026'];
    const rows = Array.from({ length: 410 }, (_, index) => 1000 + index).map(
      (id) => `<tr class="main-grid-row main-grid-row-body" data-id="${id}">${values(id).map((value, column) => `<td class="main-grid-cell" data-column-id="${columns[column]}"><span class="main-grid-cell-content">${value}</span></td>`).join('')}</tr>`,
    );
    const doc = loadPage(`<html lang="en"><body><table class="main-grid-table"><thead><tr class="main-grid-row-head">${head}</tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`, url);
    const report = new PageReport();
    const steps = bitrix24Invoices.extract(doc, url, { now: new Date(DEFAULT_NOW), report });
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    // Two passes over 410 rows (texts, then invoices), a pause after every 200 rows of each.
    expect(pauses).toBe(4);
    expect(report.observations).toHaveLength(410);
  });
});
