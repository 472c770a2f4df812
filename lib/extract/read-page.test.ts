import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { InvoiceObservation, PageExtract } from '../model';
import type { ItemType, SiteReader } from '../sites/types';
import { readPageInChunks, readPageNow } from './read-page';

const NOW = new Date(2026, 2, 10, 12);
const URL = 'https://erp.example.test/invoices';
/** A page the generic reader reads: one invoice of Acme. */
const PAGE = '<html lang="en-GB"><body><table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr><tr><td>G-1</td><td>Acme</td><td>01/03/2026</td></tr></table></body></html>';

function invoice(number: string): InvoiceObservation {
  return { kind: 'invoice', client: { name: 'Site Client' }, number };
}

/** A site reader for tests: claims with `type`, then reads `numbers` in chunks (a yield between each), or throws. */
function reader(id: string, type: ItemType | undefined, numbers: string[], opts: { throwIn?: 'detect' | 'extract'; warn?: string } = {}): SiteReader & { runs: number } {
  const fake = {
    id,
    product: id,
    label: { en: id, ru: id },
    reads: { en: id, ru: id },
    runs: 0,
    detect: () => {
      if (opts.throwIn === 'detect') throw new Error('detect broke');
      return type;
    },
    *extract(_doc: Document, _url: string, { report }: Parameters<SiteReader['extract']>[2]) {
      fake.runs += 1;
      if (opts.warn) report.warn(opts.warn);
      for (const number of numbers) {
        yield;
        // After a first invoice read: what a failing reader read before it broke must not count.
        if (opts.throwIn === 'extract' && report.observations.length > 0) throw new Error('extract broke');
        report.add(invoice(number));
      }
      return numbers.length ? { subject: { name: 'Site Client' } } : undefined;
    },
  };
  return fake;
}

function read(siteReaders: readonly SiteReader[], extra: { taught?: () => PageExtract | undefined } = {}) {
  return readPageNow(loadPage(PAGE, URL), URL, { now: NOW, siteReaders, ...extra });
}

const numbers = (page: PageExtract) => page.observations.map((observation) => (observation as InvoiceObservation).number);

describe('the site-reader seam', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a reader that claims the page with its item type reads it, and says who read it', () => {
    const page = read([reader('demo', 'invoice-list', ['S-1', 'S-2'])]);
    expect(numbers(page)).toEqual(['S-1', 'S-2']);
    expect(page.readBy).toBe('demo');
    expect(page.subject).toEqual({ name: 'Site Client' });
  });

  it('a reader that claims no item type never runs', () => {
    const idle = reader('idle', undefined, ['S-1']);
    const page = read([idle]);
    expect(idle.runs).toBe(0);
    expect(page.readBy).toBe('generic');
    expect(numbers(page)).toEqual(['G-1']);
  });

  it('a reader that reads nothing leaves the page to the next reader, then to the generic reader, its words kept', () => {
    const empty = reader('empty', 'invoice-list', [], { warn: 'Empty: no list here.' });
    const page = read([empty]);
    expect(empty.runs).toBe(1);
    expect(page.readBy).toBe('generic');
    expect(numbers(page)).toEqual(['G-1']);
    expect(page.warnings).toContain('Empty: no list here.');
    expect(read([empty, reader('second', 'ticket-list', ['S-9'])]).readBy).toBe('second');
  });

  it.each(['detect', 'extract'] as const)('a reader that throws in %s becomes a warning; what it read is dropped; the generic reader runs', (where) => {
    const page = read([reader('broken', 'invoice-list', ['S-1', 'S-2'], { throwIn: where })]);
    expect(page.readBy).toBe('generic');
    expect(numbers(page)).toEqual(['G-1']);
    expect(page.warnings).toContain(`The broken reader failed: ${where} broke`);
  });

  it('the first reader that reads wins; the rest are not run', () => {
    const later = reader('later', 'invoice-list', ['L-1']);
    expect(read([reader('first', 'invoice-list', ['F-1']), later]).readBy).toBe('first');
    expect(later.runs).toBe(0);
  });

  it('a taught profile reads after the site readers and before the generic reader', () => {
    const taught = (): PageExtract => ({ observations: [invoice('T-1')], warnings: [] });
    expect(read([reader('empty', 'invoice-list', [])], { taught })).toMatchObject({ readBy: 'profile', observations: [invoice('T-1')] });
    expect(read([reader('demo', 'invoice-list', ['S-1'])], { taught }).readBy).toBe('demo');
    expect(read([], { taught: () => ({ observations: [], warnings: ['Taught: nothing matched.'] }) })).toMatchObject({ readBy: 'generic', warnings: ['Taught: nothing matched.'] });
  });

  it("site readers read in the same idle-time chunks as the generic reader", async () => {
    const idle = vi.fn((callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('requestIdleCallback', idle);
    const slow: SiteReader = {
      ...reader('slow', 'invoice-list', []),
      *extract(_doc, _url, { report }) {
        for (let index = 0; index < 5; index += 1) {
          // Each chunk takes longer than a slice: the read must give the page back between them.
          const until = performance.now() + 15;
          while (performance.now() < until);
          report.add(invoice(`C-${index}`));
          yield;
        }
      },
    };
    const page = await readPageInChunks(loadPage(PAGE, URL), URL, { now: NOW, siteReaders: [slow] });
    expect(numbers(page)).toEqual(['C-0', 'C-1', 'C-2', 'C-3', 'C-4']);
    expect(idle.mock.calls.length).toBeGreaterThanOrEqual(5);
  });

  it('with no site readers at all, the generic reader reads', () => {
    expect(readPageNow(loadPage(PAGE, URL), URL, { now: NOW })).toMatchObject({ readBy: 'generic', observations: [{ number: 'G-1' }] });
  });
});
