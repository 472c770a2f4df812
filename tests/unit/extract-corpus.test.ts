import { describe, expect, it } from 'vitest';
import { extractPage, extractPageInChunks } from '../../lib/extract';
import { corpusPages, scorePage, type FixturePage } from '../fixtures/pages/corpus';
import { loadPage } from '../fixtures/pages/page';

const pages = corpusPages();

function read(page: FixturePage) {
  const doc = loadPage(page.html, page.expected.url);
  const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
  return { doc, opts };
}

describe('reader corpus (tests/fixtures/pages)', () => {
  it('reads every page: 100% of expected fields, 0 false positives', () => {
    let matched = 0;
    let expected = 0;
    let falsePositives = 0;
    const lines: string[] = [];
    for (const page of pages) {
      const { doc, opts } = read(page);
      const score = scorePage(extractPage(doc, page.expected.url, opts), page.expected);
      matched += score.matched;
      expected += score.expected;
      falsePositives += score.falsePositives;
      const flag = score.matched === score.expected && score.falsePositives === 0 ? 'ok ' : 'BAD';
      lines.push(`${flag} ${page.name.padEnd(40)} ${score.matched}/${score.expected} fp ${score.falsePositives}`);
      for (const note of score.notes.slice(0, 8)) lines.push(`      ${note}`);
    }
    const percent = expected ? ((100 * matched) / expected).toFixed(1) : '0';
    lines.push(`corpus: ${pages.length} pages, fields matched ${matched}/${expected} (${percent}%), false positives ${falsePositives}`);
    console.log(lines.join('\n'));
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(falsePositives).toBe(0);
    expect(matched).toBe(expected);
  });

  it.each(pages.map((page) => [page.name, page] as const))('%s reads the same in chunks', async (_name, page) => {
    const { doc, opts } = read(page);
    expect(await extractPageInChunks(doc, page.expected.url, opts)).toEqual(extractPage(doc, page.expected.url, opts));
  });
});
