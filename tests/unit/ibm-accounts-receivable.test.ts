import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { evaluateClient } from '../../lib/criteria/index';
import { lateDays } from '../../lib/criteria/late-payment';
import { dayNumber } from '../../lib/criteria/windows';
import { buildHistories, type Entry } from '../../lib/history';
import type { VerdictStatus } from '../../lib/model';

/**
 * Ground truth: IBM's accounts-receivable sample (2,466 invoices of 100 customers, with the
 * days late IBM computed). CI clones the repository with shared/ beside it.
 */
const CSV = fileURLToPath(new URL('../../../shared/data/ibm-accounts-receivable.csv', import.meta.url));

type Row = { customerID: string; invoiceNumber: string; InvoiceDate: string; DueDate: string; SettledDate: string; InvoiceAmount: string; DaysLate: string };

const rows = Papa.parse<Row>(readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** 'M/D/YYYY' → 'yyyy-MM-dd'. */
function isoDate(usDate: string): string {
  const [month, day, year] = usDate.split('/');
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const entries: Entry[] = rows.map((row) => ({
  at: '2014-01-10T09:00:00Z',
  source: 'ibm.example',
  observation: {
    kind: 'invoice',
    client: { name: row.customerID },
    number: row.invoiceNumber,
    issued: isoDate(row.InvoiceDate),
    due: isoDate(row.DueDate),
    paid: isoDate(row.SettledDate),
    amount: Number(row.InvoiceAmount),
    status: 'paid',
  },
}));

const NOW = new Date('2014-01-10T12:00:00Z');
const histories = buildHistories(entries);

describe('IBM accounts receivable', () => {
  it('reads all 2,466 invoices of 100 customers', () => {
    expect(rows).toHaveLength(2466);
    expect(histories).toHaveLength(100);
    expect(histories.reduce((sum, h) => sum + h.invoices.length, 0)).toBe(2466);
  });

  it('computes the file\'s DaysLate on every invoice', () => {
    const expected = new Map(rows.map((row) => [row.invoiceNumber, Number(row.DaysLate)]));
    const today = dayNumber('2014-01-10');
    const mismatches = histories
      .flatMap((h) => h.invoices)
      .filter((invoice) => lateDays(invoice, today) !== expected.get(invoice.number))
      .map((invoice) => invoice.number);
    expect(mismatches).toEqual([]);
  });

  it('gives every customer the late-payment status the DESIGN.md rule gives, derived here independently', () => {
    // Plain day arithmetic over the CSV columns: UTC days since the epoch, no production code.
    const utcDay = (usDate: string) => {
      const [month, day, year] = usDate.split('/').map(Number);
      return Date.UTC(year!, month! - 1, day!) / 86_400_000;
    };
    const today = Date.UTC(2014, 0, 10) / 86_400_000;
    const byCustomer = new Map<string, number[]>();
    for (const row of rows) {
      const due = utcDay(row.DueDate);
      if (due > today || due < today - 365) continue; // window: due in the last 365 days, both ends included
      const late = Math.max(0, utcDay(row.SettledDate) - due); // every invoice here is settled
      byCustomer.set(row.customerID, [...(byCustomer.get(row.customerID) ?? []), late]);
    }
    const expectedStatus = (customer: string): VerdictStatus => {
      const late = byCustomer.get(customer);
      if (!late?.length) return 'unknown';
      const lateOnes = late.filter((days) => days >= 15).length;
      if (lateOnes >= 2) return 'met';
      const mean = late.reduce((a, b) => a + b, 0) / late.length;
      return lateOnes === 1 || mean > 3 ? 'watch' : 'clear';
    };

    const tally: Record<VerdictStatus, number> = { met: 0, watch: 0, clear: 0, unknown: 0 };
    for (const h of histories) {
      const status = evaluateClient(h, { now: NOW, settings: { timeZone: 'UTC', language: 'en' } })[0]!.status;
      expect(status, h.client.name).toBe(expectedStatus(h.client.name));
      tally[status]++;
    }
    console.log(`IBM late-payment at 2014-01-10: met ${tally.met}, watch ${tally.watch}, clear ${tally.clear}, unknown ${tally.unknown}`);
    expect(tally.met + tally.watch + tally.clear + tally.unknown).toBe(100);
  });
});
