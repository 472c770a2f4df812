import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { InvoiceObservation } from '../model';
import { extractPage } from './index';

/** Every encoding of both official examples, as published (shared/data/SOURCES.md). */
const EXAMPLES = readFileSync(new URL('../../../shared/data/schemaorg-invoice-examples.txt', import.meta.url), 'utf8');

function encodings(): [string, string][] {
  return EXAMPLES.split(/\n(?=TYPES:)/).flatMap((example) => {
    const id = /#(eg-\d+)/.exec(example)?.[1] ?? '?';
    return [...example.matchAll(/(MICRODATA|RDFA|JSON):\n([\s\S]*?)(?=\n(?:MICRODATA|RDFA|JSON):|$)/g)].map(
      (match) => [`${id} ${match[1]}`, match[2] ?? ''] as [string, string],
    );
  });
}

/** The fields the acceptance names: number, customer, due date, status, amount due. */
function essentials(invoice: InvoiceObservation) {
  const { number, client, due, status, amount, currency } = invoice;
  return { number, customer: client.name, due, status, amount, currency };
}

const EXPECTED: Record<string, ReturnType<typeof essentials>> = {
  'eg-0374': { number: 'ACME Bank 2015-01-30', customer: 'Jane Doe', due: '2015-01-30', status: 'open', amount: 200, currency: 'USD' },
  'eg-0375': { number: 'ACME Home Heating 2015-01-30', customer: 'Jane Doe', due: '2015-01-30', status: 'paid', amount: 0, currency: 'USD' },
};

describe('schema.org Invoice examples', () => {
  it('has three encodings of each example', () => {
    expect(encodings().map(([name]) => name)).toEqual([
      'eg-0374 MICRODATA', 'eg-0374 RDFA', 'eg-0374 JSON', 'eg-0375 MICRODATA', 'eg-0375 RDFA', 'eg-0375 JSON',
    ]);
  });

  it.each(encodings())('%s reads to the same invoice', (name, markup) => {
    const page = extractPage(loadPage(`<!doctype html><html><body>${markup}</body></html>`), 'https://bank.example.test/bill');
    expect(page.warnings).toEqual([]);
    expect(page.observations).toHaveLength(1);
    expect(essentials(page.observations[0] as InvoiceObservation)).toEqual(EXPECTED[name.split(' ')[0]!]);
  });
});

describe('schema.org text dates follow the page\'s date order', () => {
  const invoice = (due: string) =>
    `<script type="application/ld+json">{"@type":"Invoice","confirmationNumber":"S-1","customer":{"@type":"Organization","name":"Acme"},"paymentDueDate":"${due}"}</script>`;
  const table =
    '<table><tr><th>Invoice #</th><th>Client</th><th>Due date</th></tr><tr><td>T-1</td><td>Acme</td><td>23/02/2026</td></tr></table>';
  it.each([
    ['en-US', invoice('03/04/2026'), '2026-03-04'],
    ['en', invoice('03/04/2026'), '2026-03-04'],
    ['en-GB', invoice('03/04/2026'), '2026-04-03'],
    ['ru', invoice('03/04/2026'), '2026-04-03'],
    // A date on the page that reads only day first decides for the schema.org one too.
    ['en-US', `${invoice('03/04/2026')}${table}`, '2026-04-03'],
    ['en-US', invoice('2026-03-04'), '2026-03-04'],
  ])('lang %s: %s → due %s', (lang, body, due) => {
    const page = extractPage(loadPage(`<html lang="${lang}"><body>${body}</body></html>`), 'https://bank.example.test/bill');
    expect((page.observations.find((observation) => (observation as InvoiceObservation).number === 'S-1') as InvoiceObservation).due).toBe(due);
  });
});

