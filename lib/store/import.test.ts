import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistories } from '../history';
import { readExport } from '../import/index';
import type { InvoiceObservation, Observation } from '../model';
import { SignalsDb } from './db';
import { importObservations } from './import';
import { ingestPage } from './ingest';
import { loadHistories } from './queries';

let dbs: SignalsDb[] = [];
let serial = 0;
function freshDb(): SignalsDb {
  const db = new SignalsDb(`import-test-${++serial}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/exports/', import.meta.url));
const NOW = new Date('2026-03-10T12:00:00Z');
const SOURCE = 'import:crm.example';

async function observationsOf(name: string): Promise<Observation[]> {
  return (await readExport({ name, bytes: new Uint8Array(readFileSync(`${FIXTURES}${name}`)) }, { now: NOW })).observations;
}

type RowCounts = { clients: number; invoices: number; tickets: number; counts: number; changes: number };

async function counts(db: SignalsDb): Promise<RowCounts> {
  return { clients: await db.clients.count(), invoices: await db.invoices.count(), tickets: await db.tickets.count(), counts: await db.counts.count(), changes: await db.changes.count() };
}

const invoice = (number: string, fields: Partial<InvoiceObservation> = {}): InvoiceObservation => ({
  kind: 'invoice', client: { name: 'Acme Widgets Ltd' }, number, issued: '2026-01-01', due: '2026-01-31', amount: 500, status: 'open', ...fields,
});

describe('importObservations', () => {
  it.each(['ru-1251-semicolon.csv', 'invoices-dates.xlsx', 'line-items.csv', 'helpdesk-tickets.csv', 'bitrix24-invoices.xls'])(
    'importing %s twice changes no row count',
    { timeout: 30_000 },
    async (name) => {
      const db = freshDb();
      const observations = await observationsOf(name);
      await importObservations(db, { at: '2026-03-10T09:00:00Z', source: SOURCE, observations });
      const once = await counts(db);
      await importObservations(db, { at: '2026-03-11T09:00:00Z', source: SOURCE, observations });
      expect(await counts(db)).toEqual(once);
      expect(once.invoices + once.tickets).toBe(observations.length);
    },
  );

  it('stores what the pure replay builds from the same sightings (the same merge as page reads)', async () => {
    const db = freshDb();
    const first = await observationsOf('invoices-dates.xlsx');
    // A later export: INV-0102 paid, INV-0104 deferred.
    const later = first.map((observation) =>
      observation.kind !== 'invoice' ? observation
        : observation.number === 'INV-0102' ? { ...observation, status: 'paid' as const }
          : observation.number === 'INV-0104' ? { ...observation, due: '2026-04-30' }
            : observation,
    );
    await importObservations(db, { at: '2026-03-10T09:00:00Z', source: SOURCE, observations: first, timeZone: 'UTC' });
    await importObservations(db, { at: '2026-03-20T09:00:00Z', source: SOURCE, observations: later, timeZone: 'UTC' });
    const replay = buildHistories(
      [
        ...first.map((observation) => ({ at: '2026-03-10T09:00:00Z', source: SOURCE, observation })),
        ...later.map((observation) => ({ at: '2026-03-20T09:00:00Z', source: SOURCE, observation })),
      ],
      [],
      { timeZone: 'UTC' },
    );
    const stored = await loadHistories(db);
    expect(stored).toEqual(replay);
    const globex = stored.find((history) => history.client.name === 'Globex Corporation')!;
    expect(globex.invoices[0]).toMatchObject({ number: 'INV-0102', status: 'paid', paid: '2026-03-20', paidEstimated: true });
    expect(stored.flatMap((history) => history.changes).map((change) => [change.id, change.field, change.from, change.to])).toEqual([
      ['INV-0102', 'status', 'overdue', 'paid'],
      ['INV-0104', 'due', '2026-03-22', '2026-04-30'],
    ]);
  });

  it('merges an import with what page reads saw of the same invoices on the same host', async () => {
    const db = freshDb();
    await ingestPage(db, { at: '2026-03-01T09:00:00Z', source: 'crm.example', extract: { observations: [invoice('A-1')], warnings: [] }, timeZone: 'UTC' });
    await importObservations(db, { at: '2026-03-10T09:00:00Z', source: 'crm.example', observations: [invoice('A-1', { paid: '2026-03-05', status: 'paid' })], timeZone: 'UTC' });
    expect(await db.invoices.count()).toBe(1);
    expect((await db.changes.toArray()).map((change) => [change.field, change.from, change.to])).toEqual([['status', 'open', 'paid']]);
  });

  it('keeps an invoice listed twice once, so a second import logs nothing new', async () => {
    const db = freshDb();
    const observations = [invoice('A-1', { amount: 500 }), invoice('A-1', { amount: 450 })];
    await importObservations(db, { at: '2026-03-10T09:00:00Z', source: SOURCE, observations });
    await importObservations(db, { at: '2026-03-11T09:00:00Z', source: SOURCE, observations });
    expect(await counts(db)).toMatchObject({ invoices: 1, changes: 0 });
    expect((await db.invoices.toArray())[0]!.amount).toBe(500);
  });

  it('writes all or nothing: one transaction', async () => {
    const db = freshDb();
    // A key IndexedDB refuses (null is no key) fails the transaction: nothing of the batch stays.
    const bad = { ...invoice('A-2'), number: null } as unknown as InvoiceObservation;
    await expect(importObservations(db, { at: '2026-03-10T09:00:00Z', source: SOURCE, observations: [invoice('A-1'), bad] })).rejects.toThrow();
    expect(await counts(db)).toEqual({ clients: 0, invoices: 0, tickets: 0, counts: 0, changes: 0 });
  });

  it('returns the client keys the file named', async () => {
    const db = freshDb();
    const keys = await importObservations(db, { at: '2026-03-10T09:00:00Z', source: SOURCE, observations: await observationsOf('line-items.csv') });
    expect(keys.sort()).toEqual(['acme widgets', 'globex', 'initech']);
  });
});
