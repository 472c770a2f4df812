import Dexie, { type Table } from 'dexie';
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
/** What the content script last read in a tab: the badge and the popup start from this. */
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
  at: string;
};
export type ClientRow = ClientRecord & { root?: string };
export type MergeRow = MergeRecord & { id?: number };

/**
 * The extension's IndexedDB. Only the background writes it; popup and options read it live.
 * Every schema change is a new `version(n)`, never an edit of a published one.
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
  tabs!: Table<TabRow, number>;

  constructor(name = 'client-signals') {
    super(name);
    this.version(1).stores({
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
    });
  }
}

let shared: SignalsDb | undefined;

/** The one database of this extension origin (opened lazily: nothing runs at import). */
export function getDb(): SignalsDb {
  shared ??= new SignalsDb();
  return shared;
}
