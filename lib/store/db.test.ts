import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMAS, SignalsDb } from './db';

let serial = 0;
const names: string[] = [];
function freshName(): string {
  const name = `migration-${++serial}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Version 1 exactly as it shipped (0.1.0). Editing a published version breaks every store that has it. */
const SHIPPED_V1 = {
  clients: 'key, root',
  invoices: '[source+number], clientKey',
  tickets: '[source+id], clientKey',
  counts: '++id, clientKey',
  changes: '++seq, clientKey',
  notes: '++id, clientKey, at',
  merges: '++id, a, b',
  verdicts: '[clientKey+id], clientKey',
  verdictLog: '++id, clientKey, at',
  tabs: 'tabId',
};

/** A version-1 database full of rows, written as 0.1.0 wrote them. */
async function fillVersion1(name: string, clients: number) {
  const old = new Dexie(name);
  old.version(1).stores(SHIPPED_V1);
  await old.open();
  const rows = {
    clients: [] as object[],
    invoices: [] as object[],
    tickets: [] as object[],
    counts: [] as object[],
    changes: [] as object[],
    notes: [] as object[],
    merges: [{ a: 'client 0', b: 'client 1', at: '2026-01-05T10:00:00.000Z' }],
    verdicts: [] as object[],
    verdictLog: [] as object[],
    tabs: [{ tabId: 7, url: 'https://crm.example/clients', host: 'crm.example', clientKeys: ['client 0'], single: true, observations: 3, warnings: [], at: '2026-01-05T10:00:00.000Z' }],
  };
  for (let i = 0; i < clients; i++) {
    const key = `client ${i}`;
    rows.clients.push({ key, name: `Client ${i} Ltd`, firstSeen: '2026-01-01T09:00:00.000Z' });
    rows.invoices.push({ kind: 'invoice', client: { name: `Client ${i} Ltd` }, number: `INV-${i}`, due: '2026-01-31', status: 'open', source: 'books.example', clientKey: key, firstSeen: '2026-01-01T09:00:00.000Z', lastSeen: `2026-01-0${1 + (i % 5)}T09:00:00.000Z` });
    rows.tickets.push({ kind: 'ticket', client: { name: `Client ${i} Ltd` }, id: `T-${i}`, created: '2026-01-02T10:00', source: 'desk.example', clientKey: key, firstSeen: '2026-01-02T09:00:00.000Z', lastSeen: `2026-01-0${2 + (i % 7)}T09:00:00.000Z` });
    rows.counts.push({ kind: 'ticket-count', client: { name: `Client ${i} Ltd` }, count: i, scope: 'open', at: '2026-01-03T09:00:00.000Z', source: 'crm.example', clientKey: key });
    rows.changes.push({ kind: 'invoice', id: `INV-${i}`, field: 'due', from: '2026-01-20', to: '2026-01-31', at: '2026-01-03T09:00:00.000Z', clientKey: key, source: 'books.example' });
    rows.notes.push({ kind: 'advice', client: { name: `Client ${i} Ltd` }, at: '2026-01-04T09:00:00.000Z', text: `note ${i}`, clientKey: key });
    rows.verdicts.push({ clientKey: key, id: 'late-payment', status: 'watch', summary: 's', evidence: [], since: '2026-01-04T09:00:00.000Z', computedAt: '2026-01-04T09:00:00.000Z' });
    rows.verdictLog.push({ clientKey: key, criterion: 'late-payment', from: null, to: 'watch', at: '2026-01-04T09:00:00.000Z' });
  }
  for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  old.close();
  return rows;
}

describe('the store schema', () => {
  it('keeps every published version as it shipped: a change is a new version, never an edit', () => {
    expect(SCHEMAS[0]).toEqual({ version: 1, stores: SHIPPED_V1 });
    expect(SCHEMAS.map((schema) => schema.version)).toEqual(SCHEMAS.map((_, i) => i + 1));
  });

  it('upgrades a version-1 database full of rows to version 2 and loses none of them', async () => {
    const name = freshName();
    const before = await fillVersion1(name, 300);
    const db = new SignalsDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    for (const table of ['clients', 'invoices', 'tickets', 'counts', 'changes', 'notes', 'merges', 'verdicts', 'verdictLog'] as const) {
      expect(await db.table(table).count(), table).toBe(before[table].length);
    }
    // Every row's content is still there, field for field.
    expect(await db.invoices.get(['books.example', 'INV-42'])).toMatchObject(before.invoices[42]!);
    expect((await db.notes.toArray()).map((note) => note.text).sort()).toEqual(before.notes.map((note) => (note as { text: string }).text).sort());
    // Tab rows now live in storage.session: the table is gone.
    expect(db.tables.map((table) => table.name)).not.toContain('tabs');
    // The upgrade learnt when and where each client was last seen (the latest of its rows).
    const client = await db.clients.get('client 12');
    expect(client).toMatchObject({ name: 'Client 12 Ltd', lastSeen: '2026-01-07T09:00:00.000Z', lastSource: 'desk.example' });
    expect(await db.clients.where('lastSeen').above('2026-01-08').count()).toBe(before.clients.filter((_, i) => 2 + (i % 7) >= 8).length);
    db.close();
  });

  it('opens an empty new database at the latest version', async () => {
    const db = new SignalsDb(freshName());
    await db.open();
    expect(db.verno).toBe(SCHEMAS.at(-1)!.version);
    db.close();
  });
});
