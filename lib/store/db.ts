import Dexie, { type Table, type Transaction } from 'dexie';
import type { ChangeRecord, ClientRecord, CountRecord, InvoiceRecord, MergeRecord, TicketRecord } from '../history';
import type { CriterionId, Evidence, Note, VerdictStatus } from '../model';

/** A note as stored: the client's key is kept beside it for the index. */
export type NoteRow = Note & { id?: number; clientKey: string };
/** The latest verdict of one criterion for one client (key = the group's canonical key). */
export type VerdictRow = {
  clientKey: string;
  id: CriterionId;
  status: VerdictStatus;
  summary: string;
  evidence: Evidence[];
  /** When the status last changed. */
  since: string;
  computedAt: string;
};
/** One status change, kept so the popup can say when a status last changed. */
export type VerdictLogRow = { id?: number; clientKey: string; criterion: CriterionId; from: VerdictStatus | null; to: VerdictStatus; at: string };
/**
 * What the content script last read in a tab: the badge and the popup start from this. Kept in
 * `storage.session` (lib/tab-state.ts), not here: tab ids mean nothing after a browser restart.
 */
export type TabRow = {
  tabId: number;
  url: string;
  host: string;
  /** Canonical client keys on the page, in page order; one with `single` for a page about one client. */
  clientKeys: string[];
  single: boolean;
  /** Name of the page's subject as shown, for a client page with nothing on it yet. */
  subjectName?: string;
  observations: number;
  warnings: string[];
  /** Who read the page: a site reader's id, 'profile' (taught), or 'generic'. */
  readBy?: string;
  at: string;
};
/** Small durable facts: a restore's settings until they are written (see lib/store/backup.ts). */
export type MetaRow = { key: string; value: unknown };
export type ClientRow = ClientRecord & { root?: string };
export type MergeRow = MergeRecord & { id?: number };

/**
 * Every published schema, oldest first. A schema change is a new entry, never an edit of a
 * published one (lib/store/db.test.ts pins each entry as it shipped).
 */
export const SCHEMAS = [
  {
    version: 1,
    stores: {
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
    },
  },
  {
    // Tab rows move to storage.session; clients learn when and where they were last seen (the
    // dashboard lists them by it); a meta table holds a restore's settings until written.
    version: 2,
    stores: { tabs: null, clients: 'key, root, lastSeen', meta: 'key' },
  },
] as const;

/** Version 2's upgrade: each client's last sighting, from the invoices, tickets and counts it has. */
async function fillLastSeen(tx: Transaction): Promise<void> {
  const last = new Map<string, { at: string; source: string }>();
  const see = (row: { clientKey: string; source: string }, at: string | undefined) => {
    if (!at) return;
    const known = last.get(row.clientKey);
    if (!known || Date.parse(at) > Date.parse(known.at)) last.set(row.clientKey, { at, source: row.source });
  };
  await tx.table<InvoiceRecord>('invoices').each((row) => see(row, row.lastSeen));
  await tx.table<TicketRecord>('tickets').each((row) => see(row, row.lastSeen));
  await tx.table<CountRecord>('counts').each((row) => see(row, row.at));
  await tx.table<ClientRow>('clients').toCollection().modify((client) => {
    const seen = last.get(client.key);
    if (seen) {
      client.lastSeen = seen.at;
      client.lastSource = seen.source;
    }
  });
}

/**
 * The extension's IndexedDB. Only the background writes it; popup and options read it live.
 */
export class SignalsDb extends Dexie {
  clients!: Table<ClientRow, string>;
  invoices!: Table<InvoiceRecord, [string, string]>;
  tickets!: Table<TicketRecord, [string, string]>;
  counts!: Table<CountRecord & { id?: number }, number>;
  /** Auto-numbered by `seq`: a change's own `id` is the invoice number or ticket id it is about. */
  changes!: Table<ChangeRecord & { seq?: number }, number>;
  notes!: Table<NoteRow, number>;
  merges!: Table<MergeRow, number>;
  verdicts!: Table<VerdictRow, [string, CriterionId]>;
  verdictLog!: Table<VerdictLogRow, number>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'client-signals') {
    super(name);
    const [v1, v2] = SCHEMAS;
    this.version(v1.version).stores(v1.stores);
    this.version(v2.version).stores(v2.stores).upgrade(fillLastSeen);
  }
}

let shared: SignalsDb | undefined;

/** The one database of this extension origin (opened lazily: nothing runs at import). */
export function getDb(): SignalsDb {
  shared ??= new SignalsDb();
  return shared;
}
