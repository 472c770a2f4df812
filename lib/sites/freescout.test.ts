import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import { PageReport } from '../extract/report';
import { loadPage } from '../../tests/fixtures/pages/page';
import { read, siteReaderTests } from '../../tests/fixtures/sites/harness';
import { freeScoutConversations } from './freescout';

describe('FreeScout conversation list reader', () => {
  const { ours } = siteReaderTests(freeScoutConversations, {
    type: 'ticket-list',
    pages: [
      'blind/sites/freescout-conversations',
      'sites/freescout-closed-ru',
      'sites/freescout-search',
      // The blind generic page of a ticket table with "waiting since" only is a FreeScout folder: claimed, nothing recorded.
      'blind/generic/ticket-table-waiting-since-only-no-observations',
    ],
  });

  it('records nothing from "Waiting Since" and says so, naming the column', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freescout-conversations')!;
    const extract = read(freeScoutConversations, loadPage(page.html, page.expected.url), page.expected);
    expect(extract.observations).toEqual([]);
    expect(extract.warnings).toEqual([
      'FreeScout lists 4 conversation(s) (4 with customer and number), but shows only "Waiting Since", not when each was created, so none was recorded.',
    ]);
  });

  it('an empty folder is not claimed and warns of nothing', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freescout-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    doc.querySelector('table.table-conversations tbody')!.replaceChildren();
    expect(freeScoutConversations.detect(doc, page.expected.url)).toBeUndefined();
    expect(read(freeScoutConversations, doc, page.expected).warnings).toEqual([]);
  });

  it('reads a long folder in chunks, yielding between them', () => {
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freescout-conversations')!;
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
    const page = ours.find((candidate) => candidate.name === 'blind/sites/freescout-conversations')!;
    const doc = loadPage(page.html, page.expected.url);
    const extract = extractPage(doc, page.expected.url, { now: new Date(page.expected.now!) });
    expect(extract.observations).toEqual([]);
    expect(extract.warnings.some((warning) => warning.startsWith('FreeScout lists 4 conversation(s)'))).toBe(true);
  });
});
