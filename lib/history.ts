import { localDate, systemTimeZone } from './criteria/windows';
import { clientKey, clientLinks, ClientGroups } from './identity';
import type {
  Change,
  ClientHistory,
  ClientRef,
  HistoryInvoice,
  HistoryTicket,
  InvoiceObservation,
  Note,
  Observation,
  TicketCountObservation,
  TicketObservation,
} from './model';

/** One sighting: what was observed, when (ISO instant) and on which host. */
export type Entry = { at: string; source?: string; observation: Observation };

/*
 * The merge rules live here, once. `buildHistories` replays entries through them in memory; the
 * background's ingest (lib/store/ingest.ts) applies the very same functions to the rows it reads
 * from IndexedDB, so a replay and the store agree by construction.
 */

/** Stored shapes: a history record plus the client key it was last seen under. */
export type InvoiceRecord = HistoryInvoice & { source: string; clientKey: string };
export type TicketRecord = HistoryTicket & { source: string; clientKey: string };
export type CountRecord = TicketCountObservation & { at: string; source: string; clientKey: string };
export type ChangeRecord = Change & { clientKey: string; source: string };
export type ClientRecord = {
  key: string;
  name: string;
  taxId?: string;
  domain?: string;
  externalId?: string;
  firstSeen: string;
  /** The last sighting of anything about this client, and the host it was on (the dashboard's "last seen"). */
  lastSeen?: string;
  lastSource?: string;
};
/** A hand-made merge of two clients (undone by deleting it). */
export type MergeRecord = { a: string; b: string; at: string };

const UNPAID = new Set(['open', 'partial', 'overdue']);
const INVOICE_FIELDS = ['issued', 'due', 'paid', 'amount', 'currency', 'discount', 'status'] as const;
const TICKET_FIELDS = ['created', 'priority', 'status', 'satisfaction', 'tags', 'subject'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPaidStatus(invoice: { status?: string; paid?: string }): boolean {
  return invoice.status === 'paid';
}

/**
 * Merges a sighting of an invoice into what was known of it. Fields the page did not show keep
 * their earlier values; fields that changed are returned as changes (a later due date is a
 * deferral, a lower amount a discount given after issue). When an invoice seen unpaid is later
 * seen paid with no paid date, its paid date is the day of that first paid sighting,
 * marked `paidEstimated`, with the last unpaid sighting as the lower bound.
 */
function mergeInvoice(
  prev: InvoiceRecord | undefined,
  obs: InvoiceObservation,
  at: string,
  source: string,
  timeZone: string,
): { next: InvoiceRecord; changes: ChangeRecord[] } {
  const key = clientKey(obs.client);
  const { client: _client, ...fields } = obs;
  if (!prev) {
    const next: InvoiceRecord = { ...fields, client: obs.client, source, clientKey: key, firstSeen: at, lastSeen: at };
    return { next, changes: [] };
  }
  const next: InvoiceRecord = { ...prev, client: obs.client, clientKey: key, lastSeen: at };
  const changes: ChangeRecord[] = [];
  for (const field of INVOICE_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    const before = field === 'paid' && prev.paidEstimated ? undefined : prev[field];
    if (before !== undefined && !sameValue(before, value)) {
      changes.push({ kind: 'invoice', id: obs.number, field, from: before, to: value, at, clientKey: key, source });
    }
    (next as Record<string, unknown>)[field] = value;
  }
  if (fields.paid !== undefined) {
    // A date the page shows beats an estimate.
    delete next.paidEstimated;
    delete next.lastSeenUnpaid;
  } else if (isPaidStatus(next) && !next.paid && prev.status && UNPAID.has(prev.status) && prev.lastSeen) {
    // The user's calendar day of the sighting, whatever the machine's zone.
    next.paid = localDate(at, timeZone);
    next.paidEstimated = true;
    next.lastSeenUnpaid = localDate(prev.lastSeen, timeZone);
  } else if (next.paidEstimated && next.status && UNPAID.has(next.status)) {
    // Seen unpaid again (a reversed payment): the estimate no longer holds.
    delete next.paid;
    delete next.paidEstimated;
    delete next.lastSeenUnpaid;
  }
  return { next, changes };
}

/** Merges a sighting of a ticket; changed fields are returned as changes. */
function mergeTicket(
  prev: TicketRecord | undefined,
  obs: TicketObservation,
  at: string,
  source: string,
): { next: TicketRecord; changes: ChangeRecord[] } {
  const key = clientKey(obs.client);
  const { client: _client, ...fields } = obs;
  if (!prev) {
    return { next: { ...fields, client: obs.client, source, clientKey: key, firstSeen: at, lastSeen: at }, changes: [] };
  }
  const next: TicketRecord = { ...prev, client: obs.client, clientKey: key, lastSeen: at };
  const changes: ChangeRecord[] = [];
  for (const field of TICKET_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    // A relative time ("3 days ago") re-read later drifts by minutes: the first created time stands.
    if (field === 'created') continue;
    if (prev[field] !== undefined && !sameValue(prev[field], value)) {
      changes.push({ kind: 'ticket', id: obs.id, field, from: prev[field], to: value, at, clientKey: key, source });
    }
    (next as Record<string, unknown>)[field] = value;
  }
  return { next, changes };
}

/**
 * A count snapshot is kept only when it differs from the last one of the same client, host and
 * scope: repeats carry no news, and the growth between kept snapshots is the work done.
 */
function shouldKeepCount(last: CountRecord | undefined, obs: TicketCountObservation): boolean {
  return !last || last.count !== obs.count;
}

/** Client rows: the first name seen under a key is kept for display; ids fill in as seen. */
export function mergeClient(prev: ClientRecord | undefined, ref: ClientRef, at: string, source?: string): ClientRecord {
  const key = clientKey(ref);
  const seen = source !== undefined && (!prev?.lastSeen || compareAt(at, prev.lastSeen) >= 0) ? { lastSeen: at, lastSource: source } : {};
  if (!prev) {
    const record: ClientRecord = { key, name: ref.name, firstSeen: at, ...seen };
    if (ref.taxId) record.taxId = ref.taxId;
    if (ref.domain) record.domain = ref.domain;
    if (ref.externalId) record.externalId = ref.externalId;
    return record;
  }
  return {
    ...prev,
    taxId: prev.taxId ?? ref.taxId,
    domain: prev.domain ?? ref.domain,
    externalId: prev.externalId ?? ref.externalId,
    ...seen,
  };
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Everything the store holds about clients, in the shapes both the store and the replay use. */
export type HistoryState = {
  clients: ClientRecord[];
  invoices: InvoiceRecord[];
  tickets: TicketRecord[];
  counts: CountRecord[];
  changes: ChangeRecord[];
  notes: Note[];
  merges: MergeRecord[];
};

/** Groups client keys: shared tax id or domain, or a hand-made merge. Earlier-seen keys lead. */
export function groupClients(clients: ClientRecord[], merges: MergeRecord[] = []): ClientGroups {
  const groups = new ClientGroups();
  const ordered = [...clients].sort((a, b) => compareAt(a.firstSeen, b.firstSeen) || a.key.localeCompare(b.key));
  for (const client of ordered) groups.add(client.key, clientLinks(client as ClientRef));
  for (const merge of merges) groups.union(merge.a, merge.b);
  return groups;
}

function compareAt(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Turns stored (or replayed) state into one history per client group. */
export function assembleHistories(state: HistoryState): ClientHistory[] {
  const groups = groupClients(state.clients, state.merges);
  const byRoot = new Map<string, ClientHistory>();
  const clientsByKey = new Map(state.clients.map((client) => [client.key, client]));
  const ordered = [...state.clients].sort((a, b) => compareAt(a.firstSeen, b.firstSeen) || a.key.localeCompare(b.key));
  const historyOf = (key: string): ClientHistory => {
    const root = groups.find(key);
    let history = byRoot.get(root);
    if (!history) {
      const record = clientsByKey.get(root);
      history = {
        client: stripUndefined({ name: record?.name ?? root, taxId: record?.taxId, domain: record?.domain, externalId: record?.externalId, key: root }),
        invoices: [],
        tickets: [],
        counts: [],
        notes: [],
        changes: [],
      };
      byRoot.set(root, history);
    }
    return history;
  };
  for (const client of ordered) {
    const history = historyOf(client.key);
    // Ids seen under any name of the group fill in the display client.
    history.client.taxId ??= client.taxId;
    history.client.domain ??= client.domain;
    stripUndefined(history.client);
  }
  for (const { clientKey: key, ...invoice } of state.invoices) historyOf(key).invoices.push(invoice);
  for (const { clientKey: key, ...ticket } of state.tickets) historyOf(key).tickets.push(ticket);
  for (const { clientKey: key, ...count } of state.counts) historyOf(key).counts.push(count);
  for (const { clientKey: key, source: _source, ...change } of state.changes) historyOf(key).changes.push(change);
  for (const note of state.notes) historyOf(clientKey(note.client)).notes.push(note);
  const histories = [...byRoot.values()];
  for (const history of histories) {
    // Total orders, so the store and the replay list the same rows the same way.
    history.invoices.sort(
      (a, b) => (a.issued ?? a.due ?? '').localeCompare(b.issued ?? b.due ?? '') || a.number.localeCompare(b.number) || (a.source ?? '').localeCompare(b.source ?? ''),
    );
    history.tickets.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id) || (a.source ?? '').localeCompare(b.source ?? ''));
    history.counts.sort((a, b) => compareAt(a.at, b.at) || (a.source ?? '').localeCompare(b.source ?? ''));
    history.changes.sort((a, b) => compareAt(a.at, b.at));
    history.notes.sort((a, b) => compareAt(a.at, b.at) || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text));
  }
  return histories;
}

/** Deterministic order for entries: by time, then host, then content (so input order never matters). */
/**
 * Entries in replay order: by time, then host, then content, so any arrival order replays the
 * same. Each entry's sort key (its instant and its serialised observation) is made once, not
 * once per comparison: a page of 5,000 rows is sorted with 5,000 serialisations, not 120,000.
 */
export function sortEntries(entries: readonly Entry[]): Entry[] {
  const keyed = entries.map((entry) => ({ entry, at: Date.parse(entry.at), source: entry.source ?? '', content: JSON.stringify(entry.observation) }));
  keyed.sort((a, b) => a.at - b.at || compare(a.source, b.source) || compare(a.content, b.content));
  return keyed.map(({ entry }) => entry);
}

/** Code-unit order: the same on every machine, unlike a locale's collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function naturalKey(source: string, id: string): string {
  return `${source}\u0000${id}`;
}

/** Identifies a series of count snapshots: one client, one host, one scope. */
export function countId(key: string, source: string, scope: string | undefined): string {
  return `${key}\u0000${source}\u0000${scope ?? 'total'}`;
}

/**
 * The rows a replay builds up. The background's ingest preloads the rows a page touches from
 * IndexedDB into one of these, applies the page's entries, and writes back what changed.
 */
export class MemoryState {
  /** @param timeZone the user's zone, in which a sighting's instant becomes a calendar day */
  constructor(readonly timeZone: string = systemTimeZone()) {}

  clients = new Map<string, ClientRecord>();
  invoices = new Map<string, InvoiceRecord>();
  tickets = new Map<string, TicketRecord>();
  lastCounts = new Map<string, CountRecord>();
  counts: CountRecord[] = [];
  changes: ChangeRecord[] = [];

  apply(entry: Entry): void {
    const { observation: obs, at } = entry;
    const source = entry.source ?? '';
    const key = clientKey(obs.client);
    this.clients.set(key, mergeClient(this.clients.get(key), obs.client, at, source));
    if (obs.kind === 'invoice') {
      const id = naturalKey(source, obs.number);
      const { next, changes } = mergeInvoice(this.invoices.get(id), obs, at, source, this.timeZone);
      this.invoices.set(id, next);
      this.changes.push(...changes);
    } else if (obs.kind === 'ticket') {
      const id = naturalKey(source, obs.id);
      const { next, changes } = mergeTicket(this.tickets.get(id), obs, at, source);
      this.tickets.set(id, next);
      this.changes.push(...changes);
    } else {
      const id = countId(key, source, obs.scope);
      const last = this.lastCounts.get(id);
      if (shouldKeepCount(last, obs)) {
        const record: CountRecord = { ...obs, at, source, clientKey: key };
        this.counts.push(record);
        this.lastCounts.set(id, record);
      }
    }
  }

  toState(notes: Note[]): HistoryState {
    return {
      clients: [...this.clients.values()],
      invoices: [...this.invoices.values()],
      tickets: [...this.tickets.values()],
      counts: this.counts,
      changes: this.changes,
      notes,
      merges: [],
    };
  }
}

/**
 * The pure replay of what was observed: one history per client, repeat sightings of an invoice
 * or ticket merged into one (natural key: host + number), what changed kept as `changes`.
 * Entries may come in any order; they are replayed by `at`.
 *
 * `timeZone` is the user's (default: this browser's): an estimated paid date is the day of the
 * sighting there.
 *
 * @example buildHistories([{ at: '2026-03-01T10:00:00Z', source: 'crm.example', observation: invoice }])
 */
export function buildHistories(entries: Entry[], notes: Note[] = [], opts: { timeZone?: string } = {}): ClientHistory[] {
  const state = new MemoryState(opts.timeZone);
  for (const entry of sortEntries(entries)) state.apply(entry);
  // A client known only from notes still gets a history.
  for (const note of [...notes].sort((a, b) => compareAt(a.at, b.at))) {
    const key = clientKey(note.client);
    if (!state.clients.has(key)) state.clients.set(key, mergeClient(undefined, note.client, note.at));
  }
  return assembleHistories(state.toState(notes));
}
