import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { corpusPages, scorePage, type Expected, type FixturePage } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { SiteReader } from './types';
import { freeScoutConversations } from './freescout';

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
  return { subject: result?.subject, observations: report.observations, warnings: report.warnings };
}

const sitePages = [...pagesIn('blind/sites'), ...pagesIn('sites')];
const ours = sitePages.filter((page) => page.name.startsWith('freescout-'));
const others = [...sitePages, ...corpusPages()].filter((page) => !ours.includes(page));

describe('FreeScout conversation list reader', () => {
  it('has blind and own fixture pages', () => {
    expect(ours.map((page) => page.name)).toEqual(expect.arrayContaining(['freescout-conversations', 'freescout-closed-ru', 'freescout-search']));
  });

  it.each(ours.map((page) => [page.name, page] as const))('%s: detected, all fields read, no false positives', (_name, page) => {
    const doc = loadPage(page.html, page.expected.url);
    expect(freeScoutConversations.detect(doc, page.expected.url)).toBe('ticket-list');
    const extract = read(freeScoutConversations, doc, page.expected);
    const score = scorePage(extract, page.expected);
    expect(score.notes).toEqual([]);
    expect(score.matched).toBe(score.expected);
    expect(score.falsePositives).toBe(0);
  });

  it.each(others.map((page) => [page.name, page] as const))('%s: not claimed', (_name, page) => {
    expect(freeScoutConversations.detect(loadPage(page.html, page.expected.url), page.expected.url)).toBeUndefined();
  });

  it('records nothing from "Waiting Since" and says so, naming the column', () => {
    const page = ours.find((candidate) => candidate.name === 'freescout-conversations')!;
    const extract = read(freeScoutConversations, loadPage(page.html, page.expected.url), page.expected);
    expect(extract.observations).toEqual([]);
    expect(extract.warnings).toEqual([
      'FreeScout lists 4 conversation(s) (4 with customer and number), but shows only "Waiting Since", not when each was created, so none was recorded.',
    ]);
  });

  it('an empty folder is not claimed and warns of nothing', () => {
    const page = ours.find((candidate) => candidate.name === 'freescout-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    doc.querySelector('table.table-conversations tbody')!.replaceChildren();
    expect(freeScoutConversations.detect(doc, page.expected.url)).toBeUndefined();
    expect(read(freeScoutConversations, doc, page.expected).warnings).toEqual([]);
  });

  it('reads a long folder in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'freescout-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const tbody = doc.querySelector('table.table-conversations tbody')!;
    const template = tbody.querySelector('tr.conv-row')!;
    for (let n = 0; n < 400; n += 1) tbody.append(template.cloneNode(true));
    const report = new PageReport();
    const steps = freeScoutConversations.extract(doc, page.expected.url, { now: new Date(2026, 2, 10, 12), report });
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(report.warnings[0]).toContain('404 conversation(s)');
  }, 30_000);
  it('through extractPage: nothing recorded, the generic reader runs after it and the warning reaches the popup', () => {
    const page = ours.find((candidate) => candidate.name === 'freescout-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const extract = extractPage(doc, page.expected.url, { now: new Date(page.expected.now!) });
    expect(extract.observations).toEqual([]);
    expect(extract.warnings.some((warning) => warning.startsWith('FreeScout lists 4 conversation(s)'))).toBe(true);
  });
});
