import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPage, extractPageInChunks } from '../../lib/extract';
import { LIMITS } from '../../lib/limits';
import { loadPage } from '../fixtures/pages/page';

const NOW = new Date(2026, 2, 10, 12);

/** An invoice list of `rows` rows, as a generated page. */
function invoiceList(rows: number): string {
  const body: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const day = String((index % 28) + 1).padStart(2, '0');
    body.push(`<tr><td>INV-${index}</td><td>Client ${index % 50}</td><td>${day}.02.2026</td><td>${day}.03.2026</td><td>${index},00 ₽</td><td>Оплачен</td></tr>`);
  }
  return `<!doctype html><html lang="ru"><body><table><thead><tr><th>Номер счета</th><th>Клиент</th><th>Дата</th><th>Срок оплаты</th><th>Сумма</th><th>Статус</th></tr></thead><tbody>${body.join('')}</tbody></table></body></html>`;
}

describe('extractPage limits', () => {
  // happy-dom needs about a minute just to build 50,000 rows; `npm run bench -- extract` runs the
  // 50,000-row page in real Chromium. Here, one row past the cap proves the cap.
  it('caps a list longer than LIMITS.maxObservations and says so', () => {
    const doc = loadPage(invoiceList(LIMITS.maxObservations + 1));
    const page = extractPage(doc, 'https://erp.example.test/invoices', { now: NOW });
    expect(page.observations).toHaveLength(LIMITS.maxObservations);
    expect(page.warnings).toEqual([`The page lists more than ${LIMITS.maxObservations} items; only the first ${LIMITS.maxObservations} were read.`]);
  }, 120_000);

  it('keeps at most LIMITS.maxWarnings warnings', () => {
    const rows = Array.from({ length: 80 }, (_, index) => `<tr><td>B-${index}</td><td>ООО «Альфа»</td><td>3${index % 10}.02.20${10 + index}</td></tr>`);
    const html = `<html lang="ru"><body><table><tr><th>Номер счета</th><th>Клиент</th><th>Срок оплаты</th></tr>${rows.join('')}</table></body></html>`;
    const page = extractPage(loadPage(html), 'https://x.test/', { now: NOW });
    expect(page.warnings).toHaveLength(LIMITS.maxWarnings);
    expect(page.warnings.at(-1)).toContain('further warnings not shown');
  });

  it('a failing reader becomes a warning and the other readers still run', () => {
    const doc = loadPage('<html><body><h1>Acme Widgets Ltd</h1><p>Client: Acme Widgets Ltd</p><p>Tickets: 23</p><table><tr><th>Invoice #</th><th>Due date</th></tr><tr><td>A-1</td><td>01.03.2026</td></tr></table></body></html>');
    // The page scan finds tables by tag name: make that throw, as a broken page's DOM might.
    const byTag = doc.getElementsByTagName.bind(doc);
    vi.spyOn(doc, 'getElementsByTagName').mockImplementation(((name: string) => {
      if (name === 'table') throw new Error('boom');
      return byTag(name);
    }) as typeof doc.getElementsByTagName);
    const page = extractPage(doc, 'https://crm.example.test/clients/1', { now: NOW });
    expect(page.warnings).toEqual(['The table reader failed: boom']);
    expect(page.observations).toEqual([{ kind: 'ticket-count', client: { name: 'Acme Widgets Ltd' }, count: 23, scope: 'total' }]);
  });

  it('a page listing several clients has no subject', () => {
    const html = '<html><head><title>Acme — Clients</title></head><body><h1>Acme</h1><table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr><tr><td>1</td><td>Acme</td><td>01.03.2026</td></tr><tr><td>2</td><td>Globex</td><td>02.03.2026</td></tr></table><p>Tickets: 4</p></body></html>';
    const page = extractPage(loadPage(html), 'https://crm.example.test/clients/1', { now: NOW });
    expect(page.subject).toBeUndefined();
    expect(page.observations.map((observation) => observation.kind)).toEqual(['invoice', 'invoice']);
  });
});

describe('extractPageInChunks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('works through idle callbacks when the page has them, with the same result', async () => {
    const idle = vi.fn((callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('requestIdleCallback', idle);
    const doc = loadPage(invoiceList(1_000));
    const chunked = await extractPageInChunks(doc, 'https://erp.example.test/invoices', { now: NOW });
    expect(chunked).toEqual(extractPage(doc, 'https://erp.example.test/invoices', { now: NOW }));
    expect(chunked.observations).toHaveLength(1_000);
    expect(idle).toHaveBeenCalled();
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('page changed'));
    await expect(extractPageInChunks(loadPage(invoiceList(10)), 'https://x.test/', { signal: controller.signal })).rejects.toThrow('page changed');
  });
});

describe('extractPage on odd documents', () => {
  it.each([
    ['an empty page', ''],
    ['a frameset', '<html><frameset><frame src="a.html"></frameset></html>'],
    ['only text', 'Invoice #1 due 31.02.2026'],
    ['a header row and nothing else', '<table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr></table>'],
    ['a header with no cells under it', '<table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr><tr></tr><tr><td></td></tr></table>'],
    ['JSON-LD that is not an object', '<script type="application/ld+json">42</script><script type="application/ld+json">[null, "x", {"@type": 7}]</script>'],
    ['an Invoice with nothing in it', '<div itemscope itemtype="https://schema.org/Invoice"></div>'],
  ])('%s: no throw, nothing invented', (_what, html) => {
    const page = extractPage(loadPage(html), 'not a url', { now: NOW });
    expect(page.observations).toEqual([]);
    expect(page.subject).toBeUndefined();
  });

  it('a document without a body', () => {
    const doc = loadPage('<p>x</p>');
    doc.documentElement.removeChild(doc.body);
    expect(extractPage(doc, 'https://x.test/', { now: NOW })).toEqual({ observations: [], warnings: [], readBy: 'generic' });
  });
});
