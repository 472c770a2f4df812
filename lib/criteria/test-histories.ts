import { format, parseISO, subDays } from 'date-fns';
import type { Change, ClientHistory, HistoryInvoice, HistoryTicket, Note, TicketCountObservation } from '../model';
import type { Settings } from '../settings';
import { evaluateClient } from './index';
import type { EvaluateOptions } from './context';

/**
 * Builders for the criteria tests: a fixed `now`, a zone with no DST (Minsk) unless a test says
 * otherwise, and rows dated in days before today.
 */
export const NOW = new Date('2026-11-27T12:00:00Z');
const TODAY = '2026-11-27';
export const client = { name: 'Acme LLC' };
export const SETTINGS: Partial<Settings> = { timeZone: 'Europe/Minsk', language: 'en' };

/** The calendar date `n` days before today ('yyyy-MM-dd'). */
export function daysAgo(n: number, from = TODAY): string {
  return format(subDays(parseISO(from), n), 'yyyy-MM-dd');
}

export function history(parts: Partial<Omit<ClientHistory, 'client'>> = {}): ClientHistory {
  return { client: { ...client, key: 'acme' }, invoices: [], tickets: [], counts: [], notes: [], changes: [], ...parts };
}

let serial = 0;

export function invoice(fields: Partial<HistoryInvoice> = {}): HistoryInvoice {
  return { kind: 'invoice', client, number: `INV-${++serial}`, amount: 1000, status: 'open', ...fields };
}

/** A ticket created `n` days ago at a local wall-clock time (10:00 by default, a weekday's business hour). */
export function ticket(n: number, fields: Partial<HistoryTicket> = {}, time = '10:00:00'): HistoryTicket {
  return { kind: 'ticket', client, id: `T-${++serial}`, created: `${daysAgo(n)}T${time}`, status: 'solved', ...fields };
}

export function tickets(count: number, n: number, fields: Partial<HistoryTicket> = {}, time?: string): HistoryTicket[] {
  return Array.from({ length: count }, () => ticket(n, fields, time));
}

export function note(kind: Note['kind'], n: number, fields: Partial<Note> = {}): Note {
  return { kind, client, at: `${daysAgo(n)}T09:00:00Z`, text: `${kind} note`, ...fields };
}

export function notes(count: number, kind: Note['kind'], n: number, fields: Partial<Note> = {}): Note[] {
  return Array.from({ length: count }, () => note(kind, n, fields));
}

export function change(id: string, field: string, from: unknown, to: unknown, n: number): Change {
  return { kind: 'invoice', id, field, from, to, at: `${daysAgo(n)}T09:00:00Z` };
}

export function countSnapshot(count: number, n: number, scope: TicketCountObservation['scope'] = 'total'): ClientHistory['counts'][number] {
  return { kind: 'ticket-count', client, count, scope, at: `${daysAgo(n)}T09:00:00Z`, source: 'crm.example' };
}

/** The verdict of one criterion, evaluated at NOW with the test settings (plus any given). */
export function verdictOf(id: string, h: ClientHistory, opts: EvaluateOptions = {}) {
  const found = evaluateClient(h, { now: NOW, ...opts, settings: { ...SETTINGS, ...opts.settings } }).find((v) => v.id === id);
  if (!found) throw new Error(`no verdict ${id}`);
  return found;
}
