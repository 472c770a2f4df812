import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract';
import type { InvoiceObservation } from '../model';
import { corpusPages } from '../../tests/fixtures/pages/corpus';
import { loadPage } from '../../tests/fixtures/pages/page';
import { dolibarr } from './dolibarr';
import { pickSiteReader } from './index';

const LIST_URL = 'https://erp.example.test/compta/facture/list.php';
const html = readFileSync(new URL('../../tests/fixtures/pages/dolibarr-invoices-en.html', import.meta.url), 'utf8');

function statuses(observations: readonly unknown[]) {
  return (observations as InvoiceObservation[]).map((invoice) => `${invoice.number} ${invoice.status}`);
}

describe('dolibarr site reader', () => {
  it.each(corpusPages().map((page) => [page.name, page] as const))('%s: picked only on Dolibarr pages', (name, page) => {
    const picked = pickSiteReader(loadPage(page.html, page.expected.url), page.expected.url);
    expect(picked?.id).toBe(name.startsWith('dolibarr-') ? 'dolibarr' : undefined);
  });

  it('wins over the generic reader: the late picto makes unpaid invoices overdue', () => {
    const viaSite = extractPage(loadPage(html, LIST_URL), LIST_URL, { now: new Date(2026, 2, 10) });
    // The same table without Dolibarr's markers, elsewhere: the generic reader sees only the status words.
    const plain = html.replace(/class="tagtable[^"]*"/, 'class="grid"').replace(/class="liste_titre"/g, '').replace(/class="oddeven"/g, '');
    const viaGeneric = extractPage(loadPage(plain, 'https://other.example.test/list'), 'https://other.example.test/list', { now: new Date(2026, 2, 10) });
    expect(dolibarr.detect(loadPage(plain, 'https://other.example.test/list'), 'https://other.example.test/list')).toBe(false);
    expect(statuses(viaSite.observations)).toEqual(['FA2601-0031 overdue', 'FA2602-0032 paid', 'FA2602-0033 overdue', 'FA2603-0034 open']);
    expect(statuses(viaGeneric.observations)).toEqual(['FA2601-0031 open', 'FA2602-0032 paid', 'FA2602-0033 partial', 'FA2603-0034 open']);
  });

  it('says so when a Dolibarr page has no invoice list', () => {
    const page = loadPage('<html><body><table class="tagtable liste"><tr class="liste_titre"><th>Label</th></tr></table></body></html>', LIST_URL);
    expect(dolibarr.extract(page, LIST_URL, { now: new Date() })).toEqual({
      observations: [],
      warnings: ['Dolibarr page without an invoice list: nothing read.'],
    });
  });
});
