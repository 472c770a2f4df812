/**
 * The domain types of Client Signals (see ../shared/DESIGN.md, "Contracts").
 * Every other module takes its types from here.
 */

/** A client as a page names it. */
export type ClientRef = { name: string; taxId?: string; domain?: string; externalId?: string };

export const INVOICE_STATUSES = ['draft', 'open', 'partial', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type InvoiceObservation = {
  kind: 'invoice';
  client: ClientRef;
  number: string;
  /** Dates are calendar dates, 'yyyy-MM-dd'. */
  issued?: string;
  due?: string;
  paid?: string;
  amount?: number;
  /** ISO 4217 where known. */
  currency?: string;
  /** Money, not percent. */
  discount?: number;
  status?: InvoiceStatus;
};

export type TicketObservation = {
  kind: 'ticket';
  client: ClientRef;
  id: string;
  /** ISO 8601; local time (no offset) when the page gives no zone. */
  created: string;
  priority?: TicketPriority;
  status?: TicketStatus;
  satisfaction?: 'good' | 'bad';
  tags?: string[];
  subject?: string;
};

export type TicketCountObservation = {
  kind: 'ticket-count';
  client: ClientRef;
  count: number;
  scope?: 'open' | 'total';
};

export type Observation = InvoiceObservation | TicketObservation | TicketCountObservation;

export type PageExtract = {
  subject?: ClientRef;
  observations: Observation[];
  warnings: string[];
  /** Who read the page: a site reader's id, 'generic', or 'profile' for a profile the user taught. */
  readBy?: string;
};

export const NOTE_KINDS = ['advice', 'incident', 'out-of-scope', 'ethics', 'discount-request'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type NoteOutcome = 'followed' | 'ignored' | 'pending';

export type Note = {
  kind: NoteKind;
  client: ClientRef;
  /** ISO 8601 instant. */
  at: string;
  text: string;
  outcome?: NoteOutcome;
  /** Store id, present on notes read back from IndexedDB (used to edit or delete them). */
  id?: number;
};

/** An invoice as the history knows it: the merge of every sighting. */
export type HistoryInvoice = InvoiceObservation & {
  /** True when `paid` is the first sighting as paid, not a date the page showed. */
  paidEstimated?: boolean;
  /** With `paidEstimated`: the last day it was seen unpaid (the lower bound of the paid date). */
  lastSeenUnpaid?: string;
  /** Host the invoice was seen on (its natural key is source + number). */
  source?: string;
  firstSeen?: string;
  lastSeen?: string;
};

export type HistoryTicket = TicketObservation & { source?: string; firstSeen?: string; lastSeen?: string };

export type Change = {
  kind: 'invoice' | 'ticket';
  id: string;
  field: string;
  from: unknown;
  to: unknown;
  at: string;
};

export type ClientHistory = {
  /** Name as first seen, for display; `key` is the canonical clientKey of the group. */
  client: ClientRef & { key: string };
  invoices: HistoryInvoice[];
  tickets: HistoryTicket[];
  counts: (TicketCountObservation & { at: string; source?: string })[];
  notes: Note[];
  changes: Change[];
};

export const CRITERION_IDS = [
  'late-payment',
  'price-pressure',
  'disrespect',
  'ignored-advice',
  'scope-creep',
  'excess-attention',
  'out-of-scope',
  'low-income',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export type VerdictStatus = 'met' | 'watch' | 'clear' | 'unknown';

/** What decided a verdict. `text` is a ready one-line label in the UI language. */
export type Evidence =
  | {
      kind: 'invoice';
      number: string;
      source?: string;
      issued?: string;
      due?: string;
      paid?: string;
      /** With an estimated paid date: seen unpaid on `paidAfter`, first seen paid on `paid`. */
      paidEstimated?: boolean;
      paidAfter?: string;
      /** null: not known (paid, but no paid date seen). */
      daysLate?: number | null;
      amount?: number;
      currency?: string;
      discount?: number;
      status?: InvoiceStatus;
      text: string;
    }
  | { kind: 'ticket'; id: string; source?: string; created: string; text: string }
  | { kind: 'note'; noteId?: number; noteKind: NoteKind; at: string; text: string }
  | { kind: 'change'; of: 'invoice' | 'ticket'; id: string; field: string; from: unknown; to: unknown; at: string; text: string }
  | { kind: 'count'; at: string; from: number; to: number; text: string }
  | { kind: 'stat'; text: string };

export type Verdict = {
  id: CriterionId;
  status: VerdictStatus;
  /** One line, in the UI language. */
  summary: string;
  evidence: Evidence[];
};

export type PeerStats = {
  clients: number;
  medianContacts90d: number | null;
  medianBilledPerItem365d: number | null;
};

export type Lang = 'en' | 'ru';
