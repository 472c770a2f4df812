import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { BLIND_DIR, corpusPages, scorePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { SITE_READERS } from './index';

/*
 * Every site reader's fixture page (own and blind) read the way the content script reads it:
 * extractPage with the whole registry in front of the generic reader. A reader's own test reads
 * its pages with that reader alone; this one shows the seam: the right reader claims each page,
 * and where one claims a page and reads no rows (an empty list), the generic reader that runs
 * after it keeps what the site reader knew (a list has no subject; a portal's company is one).
 */
const PAGES = [resolve(BLIND_DIR, '../sites'), resolve(BLIND_DIR, '../../sites')].flatMap((dir) => corpusPages(dir));
const read = (page: (typeof PAGES)[number]) =>
  extractPage(loadPage(page.html, page.expected.url), page.expected.url, page.expected.now ? { now: new Date(page.expected.now) } : {});

describe('site pages through the whole registry', () => {
  it('has every site fixture page', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(70);
  });

  it.each(PAGES.map((page) => ({ name: page.name, page })))('$name: every field, subject included, and no false positive', ({ page }) => {
    const score = scorePage(read(page), page.expected);
    expect(score.notes).toEqual([]);
    expect([score.matched, score.falsePositives]).toEqual([score.expected, 0]);
  });

  it('pages with rows are read by a site reader, never the generic one', () => {
    const withRows = PAGES.filter((page) => page.expected.observations.length > 0);
    const ids = new Set(SITE_READERS.map((reader) => reader.id));
    const readers = withRows.map((page) => [page.name, read(page).readBy] as const);
    expect(readers.filter(([, readBy]) => !readBy || !ids.has(readBy))).toEqual([]);
  });

  it.each([
    ['amocrm-leads-empty-ru', undefined],
    ['erpnext-sales-invoices-empty', undefined],
    ['odoo-portal-invoices-empty', { name: 'Ibarra Garden Design', taxId: 'ESB12345678' }],
  ])('%s: an empty list its reader knew is that reader’s read, with its subject (%o)', (name, subject) => {
    const page = PAGES.find((p) => p.name === name)!;
    const result = read(page);
    expect(result.observations).toEqual([]);
    expect(result.subject).toEqual(subject);
    expect(SITE_READERS.some((reader) => reader.id === result.readBy)).toBe(true);
  });
});
