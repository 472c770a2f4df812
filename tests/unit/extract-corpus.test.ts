import { describe, expect, it } from 'vitest';
import { extractPage, extractPageInChunks } from '../../lib/extract';
import { BLIND_DIR, corpusPages, scorePage, type FixturePage, type Score } from '../fixtures/pages/corpus';
import { loadPage } from '../fixtures/pages/page';

/** The pages written in-house (tests/fixtures/pages) and those written blind (tests/fixtures/blind/generic). */
const corpora = [
  { name: 'in-house', pages: corpusPages() },
  { name: 'blind', pages: corpusPages(BLIND_DIR) },
];
const pages = corpora.flatMap((corpus) => corpus.pages.map((page) => ({ corpus: corpus.name, page })));

function read(page: FixturePage) {
  const doc = loadPage(page.html, page.expected.url);
  const opts = page.expected.now ? { now: new Date(page.expected.now) } : {};
  return { doc, opts };
}

type Total = { pages: number; matched: number; expected: number; falsePositives: number };

function add(total: Total, score: Score): void {
  total.pages += 1;
  total.matched += score.matched;
  total.expected += score.expected;
  total.falsePositives += score.falsePositives;
}

function summary(name: string, total: Total): string {
  const percent = total.expected ? ((100 * total.matched) / total.expected).toFixed(1) : '0';
  return `${name}: ${total.pages} pages, fields matched ${total.matched}/${total.expected} (${percent}%), false positives ${total.falsePositives}`;
}

describe('reader corpus (tests/fixtures/pages and tests/fixtures/blind/generic)', () => {
  it('reads every page: 100% of expected fields, subjects included, 0 false positives, on at least 80 pages', () => {
    const all: Total = { pages: 0, matched: 0, expected: 0, falsePositives: 0 };
    const lines: string[] = [];
    const totals: string[] = [];
    for (const corpus of corpora) {
      const total: Total = { pages: 0, matched: 0, expected: 0, falsePositives: 0 };
      lines.push(`-- ${corpus.name}`);
      for (const page of corpus.pages) {
        const { doc, opts } = read(page);
        const result = extractPage(doc, page.expected.url, opts);
        const score = scorePage(result, page.expected);
        add(total, score);
        add(all, score);
        const flag = score.matched === score.expected && score.falsePositives === 0 ? 'ok ' : 'BAD';
        lines.push(`${flag} ${page.name.padEnd(58)} ${score.matched}/${score.expected} fp ${score.falsePositives} (${result.readBy ?? '?'})`);
        for (const note of score.notes.slice(0, 8)) lines.push(`      ${note}`);
      }
      totals.push(summary(corpus.name, total));
    }
    console.log([...lines, ...totals, summary('corpus', all)].join('\n'));
    expect(all.pages).toBeGreaterThanOrEqual(80);
    expect(all.falsePositives).toBe(0);
    expect(all.matched).toBe(all.expected);
  });

  it.each(pages.map(({ corpus, page }) => [`${corpus}/${page.name}`, page] as const))('%s reads the same in chunks', async (_name, page) => {
    const { doc, opts } = read(page);
    expect(await extractPageInChunks(doc, page.expected.url, opts)).toEqual(extractPage(doc, page.expected.url, opts));
  });
});
