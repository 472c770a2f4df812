import { describe, expect, it, vi } from 'vitest';
import { learnProfile, readWithProfile } from './index';
import { expectedOf, invoiceExample, loadTeachPage } from './test-pages';

// A page of 5,000+ rows is slow to build in a test; the cap is the same code at any size.
vi.mock('../limits', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../limits')>();
  return { LIMITS: { ...actual.LIMITS, maxObservations: 4 } };
});

describe('LIMITS.maxObservations', () => {
  it('reads at most the cap of rows and says so', () => {
    const page = expectedOf('invoices-page1');
    const doc = loadTeachPage('invoices-page1');
    const result = learnProfile(doc, page.url, invoiceExample(doc));
    if (!result.ok) throw new Error(result.error);
    const extract = readWithProfile(doc, page.url, JSON.parse(JSON.stringify(result.profile)), { now: page.now });
    expect(extract.observations).toEqual(page.observations.slice(0, 4));
    expect(extract.warnings).toEqual(['The list has 7 rows; only the first 4 were read.']);
  });
});
