import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistories, sortEntries, type Entry } from '../history';
import type { InvoiceObservation, Observation } from '../model';
import { SignalsDb } from './db';
import { restoreBackup, takePendingSettings } from './backup';
import { makeBackup, parseBackup } from '../backup';
import { ingestPage } from './ingest';
import { addNote, deleteNote, mergeClients, unmergeClients } from './notes';
import { loadHistories, loadState } from './queries';
import { recomputeAll, recomputeClients } from './verdicts';
import { DEFAULT_SETTINGS } from '../settings';

let dbs: SignalsDb[] = [];
let serial = 0;
function freshDb(): SignalsDb {
  const db = new SignalsDb(`test-${++serial}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

const invoice = (number: string, fields: Partial<InvoiceObservation> = {}): InvoiceObservation => ({
  kind: 'invoice', client: { name: 'ООО «Ромашка»' }, number, issued: '2026-01-01', due: '2026-01-31', amount: 500, currency: 'BYN', status: 'open', ...fields,
});

/** Ingests entries page by page (entries with the same time and host form one page). */
async function ingestAll(db: SignalsDb, entries: Entry[]): Promise<void> {
  const pages = new Map<string, Entry[]>();
  // Pages in time order; two pages at the same instant go in host order, as the replay orders them.
  for (const entry of sortEntries(entries)) {
    const id = `${entry.at}|${entry.source}`;
    pages.set(id, [...(pages.get(id) ?? []), entry]);
  }
  for (const page of pages.values()) {
    await ingestPage(db, { at: page[0]!.at, source: page[0]!.source ?? '', extract: { observations: page.map((e) => e.observation), warnings: [] } });
  }
}

describe('ingestPage', () => {
  it('stores the same invoice seen twice once, and logs what changed', async () => {
    const db = freshDb();
    const page = { observations: [invoice('A-1')], warnings: [] };
    await ingestPage(db, { at: '2026-02-01T10:00:00Z', source: 'crm.example', extract: page });
    await ingestPage(db, { at: '2026-02-01T11:00:00Z', source: 'crm.example', extract: page });
    expect(await db.invoices.count()).toBe(1);
    expect(await db.changes.count()).toBe(0);
    await ingestPage(db, { at: '2026-02-05T11:00:00Z', source: 'crm.example', extract: { observations: [invoice('A-1', { due: '2026-02-28' })], warnings: [] } });
    expect(await db.invoices.count()).toBe(1);
    expect((await db.changes.toArray()).map((c) => [c.field, c.from, c.to])).toEqual([['due', '2026-01-31', '2026-02-28']]);
  });

  it('gives the same histories as the pure replay (any sequence of sightings)', async () => {
    const clients = [{ name: 'ООО «Ромашка»', taxId: '190123456' }, { name: 'Romashka Trade', taxId: '190123456' }, { name: 'Acme LLC' }, { name: 'Вектор' }];
    const observation = fc.oneof(
      fc.record({
        kind: fc.constant('invoice' as const),
        client: fc.constantFrom(...clients),
        number: fc.constantFrom('1', '2', '3'),
        due: fc.constantFrom('2026-01-31', '2026-02-28'),
        amount: fc.constantFrom(100, 90),
        status: fc.constantFrom('open' as const, 'overdue' as const, 'paid' as const),
      }),
      fc.record({
        kind: fc.constant('ticket' as const),
        client: fc.constantFrom(...clients),
        id: fc.constantFrom('t1', 't2'),
        created: fc.constant('2026-01-10T10:00'),
        priority: fc.constantFrom('normal' as const, 'urgent' as const),
      }),
      fc.record({ kind: fc.constant('ticket-count' as const), client: fc.constantFrom(...clients), count: fc.integer({ min: 0, max: 5 }), scope: fc.constant('total' as const) }),
    );
    const entry = fc.record({
      at: fc.integer({ min: 0, max: 20 }).map((day) => new Date(Date.UTC(2026, 1, 1 + day, 12)).toISOString()),
      source: fc.constantFrom('a.example', 'b.example'),
      observation: observation as fc.Arbitrary<Observation>,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 25 }), async (entries) => {
        const db = freshDb();
        await ingestAll(db, entries);
        expect(await loadHistories(db)).toEqual(buildHistories(entries));
        await db.delete();
      }),
      { numRuns: 60 },
    );
  });
});

describe('notes, merges and verdicts', () => {
  it('stores and deletes a note, and a merge can be undone', async () => {
    const db = freshDb();
    await ingestPage(db, { at: '2026-02-01T10:00:00Z', source: 'x', extract: { observations: [invoice('1'), invoice('2', { client: { name: 'Acme' } })], warnings: [] } });
    const id = await addNote(db, { kind: 'incident', client: { name: 'ООО «Ромашка»' }, text: 'Rude on the phone' }, '2026-02-02T10:00:00Z');
    expect((await loadHistories(db)).find((h) => h.client.key === 'ромашка')!.notes.map((n) => n.text)).toEqual(['Rude on the phone']);
    expect(await deleteNote(db, id)).toBe(true);
    expect(await deleteNote(db, id)).toBe(false);
    const merge = await mergeClients(db, 'ромашка', 'acme', '2026-02-03T00:00:00Z');
    expect(await loadHistories(db)).toHaveLength(1);
    await unmergeClients(db, merge);
    expect(await loadHistories(db)).toHaveLength(2);
  });

  it('stores verdicts per group root, logs status changes and records each key root', async () => {
    const db = freshDb();
    const now = new Date('2026-03-20T12:00:00Z');
    await ingestPage(db, { at: '2026-02-01T10:00:00Z', source: 'x', extract: { observations: [invoice('1', { due: '2026-02-01' })], warnings: [] } });
    await recomputeAll(db, DEFAULT_SETTINGS, now);
    const late = await db.verdicts.get(['ромашка', 'late-payment']);
    expect(late).toMatchObject({ status: 'met', since: now.toISOString() });
    await recomputeAll(db, DEFAULT_SETTINGS, new Date('2026-03-21T12:00:00Z'));
    expect((await db.verdicts.get(['ромашка', 'late-payment']))!.since).toBe(now.toISOString());
    expect(await db.verdictLog.where('clientKey').equals('ромашка').count()).toBe(8);
    expect((await db.clients.get('ромашка'))!.root).toBe('ромашка');
  });
});

describe('backup', () => {
  async function filledDb(): Promise<SignalsDb> {
    const db = freshDb();
    await ingestPage(db, { at: '2026-02-01T10:00:00Z', source: 'x', extract: { observations: [invoice('1'), invoice('2', { client: { name: 'Acme', domain: 'acme.com' } })], warnings: [] } });
    await ingestPage(db, { at: '2026-02-09T10:00:00Z', source: 'x', extract: { observations: [invoice('1', { status: 'paid' }), { kind: 'ticket', client: { name: 'Acme Inc', domain: 'acme.com' }, id: 't-1', created: '2026-02-08T21:30', tags: ['жалоба'] }], warnings: [] } });
    await addNote(db, { kind: 'advice', client: { name: 'Acme' }, text: 'Move to annual billing', outcome: 'ignored' }, '2026-02-10T10:00:00Z');
    await mergeClients(db, 'ромашка', 'acme', '2026-02-11T10:00:00Z');
    return db;
  }

  it('restores exactly the histories that were exported', async () => {
    const source = await filledDb();
    const file = JSON.stringify(makeBackup(await loadState(source), DEFAULT_SETTINGS));
    const parsed = parseBackup(file);
    expect(parsed.ok).toBe(true);
    const target = freshDb();
    await ingestPage(target, { at: '2026-01-01T00:00:00Z', source: 'y', extract: { observations: [invoice('old', { client: { name: 'Gone' } })], warnings: [] } });
    await restoreBackup(target, parsed.ok ? parsed.backup : (undefined as never));
    expect(await loadHistories(target)).toEqual(await loadHistories(source));
  });

  it.each([
    ['not JSON', '{oops', /not a JSON file/],
    ['another file', JSON.stringify({ hello: 'world' }), /not a Client Signals backup/],
    ['a bad row', JSON.stringify({ format: 'client-signals-backup', version: 1, exportedAt: '2026-01-01T00:00:00Z', settings: DEFAULT_SETTINGS, data: { clients: [], invoices: [{ kind: 'invoice' }], tickets: [], counts: [], changes: [], notes: [], merges: [] } }), /data\.invoices\.0/],
  ])('refuses %s and says why', (_label, json, message) => {
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it('changes nothing when a restore fails half way', async () => {
    const db = await filledDb();
    const before = await loadHistories(db);
    const backup = makeBackup(await loadState(db), DEFAULT_SETTINGS);
    // Two invoices with the same natural key: the second bulkAdd fails inside the transaction.
    backup.data.invoices.push({ ...backup.data.invoices[0]! });
    backup.settings = { ...DEFAULT_SETTINGS, language: 'ru' };
    await expect(restoreBackup(db, backup)).rejects.toThrow();
    expect(await loadHistories(db)).toEqual(before);
    // The settings were in the same step: none are waiting to be written.
    const written: unknown[] = [];
    expect(await takePendingSettings(db, async (settings) => void written.push(settings))).toBe(false);
    expect(written).toEqual([]);
  });

  it('writes the settings in the same all-or-nothing step as the rows, and carries them over once', async () => {
    const db = await filledDb();
    const backup = makeBackup(await loadState(db), { ...DEFAULT_SETTINGS, language: 'ru' });
    await restoreBackup(db, backup);
    // The worker may die right here: the settings wait in the store until written, even after a restart.
    const written: unknown[] = [];
    const failing = async () => {
      throw new Error('worker stopped');
    };
    await expect(takePendingSettings(db, failing)).rejects.toThrow();
    expect(await takePendingSettings(db, async (settings) => void written.push(settings))).toBe(true);
    expect(await takePendingSettings(db, async (settings) => void written.push(settings))).toBe(false);
    expect(written).toEqual([{ ...DEFAULT_SETTINGS, language: 'ru' }]);
  });
});

describe('recomputeClients', () => {
  it('re-judges only the clients named, as recomputeAll would with the same peers', async () => {
    const db = freshDb();
    const now = new Date('2026-03-20T12:00:00Z');
    await ingestPage(db, {
      at: '2026-02-01T10:00:00Z',
      source: 'x',
      extract: { observations: [invoice('1', { due: '2026-02-01', client: { name: 'ООО «Ромашка»', taxId: '190123456' } }), invoice('2', { client: { name: 'Acme' } })], warnings: [] },
    });
    const { peers } = await recomputeAll(db, DEFAULT_SETTINGS, now);
    // A later page ties another name to Ромашка by its tax id and shows an unpaid invoice.
    await ingestPage(db, { at: '2026-03-01T10:00:00Z', source: 'y', extract: { observations: [invoice('9', { due: '2026-01-15', client: { name: 'Romashka Trade', taxId: '190 123 456' } })], warnings: [] } });
    const acmeBefore = await db.verdicts.where('clientKey').equals('acme').toArray();
    const partial = await recomputeClients(db, ['romashka trade'], DEFAULT_SETTINGS, peers, new Date('2026-03-21T12:00:00Z'));
    expect([...partial.keys()]).toEqual(['ромашка']);
    expect(partial.get('ромашка')!.find((v) => v.id === 'late-payment')!.evidence.map((e) => e.kind === 'invoice' && e.number)).toContain('9');
    expect(await db.verdicts.where('clientKey').equals('acme').toArray()).toEqual(acmeBefore);
    expect((await db.clients.get('romashka trade'))!.root).toBe('ромашка');
    const full = await recomputeAll(db, DEFAULT_SETTINGS, new Date('2026-03-21T12:00:00Z'));
    expect(full.verdicts.get('ромашка')).toEqual(partial.get('ромашка'));
  });
});

describe('ingestPage on a large page', () => {
  it('reads the rows of a page of 2,000 invoices (where ranges start) in one range and writes back only those', async () => {
    const db = freshDb();
    const old = Array.from({ length: 300 }, (_, i) => invoice(`OLD-${i}`, { client: { name: 'Old Client' } }));
    await ingestPage(db, { at: '2026-01-01T00:00:00Z', source: 'x', extract: { observations: old, warnings: [] } });
    const page = Array.from({ length: 2000 }, (_, i) => invoice(`NEW-${i}`));
    await ingestPage(db, { at: '2026-01-02T00:00:00Z', source: 'x', extract: { observations: page, warnings: [] } });
    // Seen again with a later due date: a change per invoice, found through the range read.
    await ingestPage(db, { at: '2026-01-03T00:00:00Z', source: 'x', extract: { observations: page.map((inv) => ({ ...inv, due: '2026-02-28' })), warnings: [] } });
    expect(await db.invoices.count()).toBe(2300);
    expect(await db.changes.where('clientKey').equals('ромашка').count()).toBe(2000);
    const untouched = await db.invoices.get(['x', 'OLD-7']);
    expect(untouched?.lastSeen).toBe('2026-01-01T00:00:00Z');
  }, 60_000);
});
