import { currencyOf } from './amounts';
import { labelCandidates } from './text';
import {
  IGNORED_HEADERS,
  INVOICE_HEADERS,
  LIST_CONTEXT,
  TICKET_HEADERS,
  headerKey,
  headerStem,
  type InvoiceField,
  type TicketField,
} from './vocabulary';

/** Which column holds which field, for one list; shared by the generic readers and site readers. */
export type ColumnPlan = (
  | { kind: 'invoice'; columns: ReadonlyMap<InvoiceField, number> }
  | { kind: 'ticket'; columns: ReadonlyMap<TicketField, number> }
) & {
  /** Currency named in a header ("Сумма, руб."), by column. */
  headerCurrency: ReadonlyMap<number, string>;
  /**
   * Only a status column says this is a list of invoices or tickets: it counts only if some
   * row's status reads as one (a release history's "Stable" does not).
   */
  needsStatusProof: boolean;
};

type Match<F> = { field: F; rank: number; column: number; exclusive: boolean };

/** Header word → (field, rank) for one vocabulary. */
function indexVocabulary<F extends string>(headers: Readonly<Record<F, readonly string[]>>): Map<string, { field: F; rank: number }> {
  const index = new Map<string, { field: F; rank: number }>();
  for (const field of Object.keys(headers) as F[]) {
    headers[field].forEach((word, rank) => {
      if (!index.has(word)) index.set(word, { field, rank });
    });
  }
  return index;
}

const INVOICE_INDEX = indexVocabulary(INVOICE_HEADERS);
const TICKET_INDEX = indexVocabulary(TICKET_HEADERS);

/** Header words that name an invoice number or ticket id explicitly, not just "#" or "Number". */
const EXPLICIT_NUMBER = /invoice|bill|сч[её]т|документ/;
const EXPLICIT_ID = /ticket|request|conversation|case|обращени|заявк|тикет/;

type HeaderReading = { invoice?: { field: InvoiceField; rank: number }; ticket?: { field: TicketField; rank: number }; key: string };

/** What one header cell names, trying its label, visible text, hidden text and tooltip in turn. */
function readHeader(cell: Element): HeaderReading | undefined {
  for (const candidate of labelCandidates(cell)) {
    const key = headerKey(candidate);
    if (IGNORED_HEADERS.has(key)) return undefined;
    for (const form of [key, headerStem(key)]) {
      if (IGNORED_HEADERS.has(form)) return undefined;
      const invoice = INVOICE_INDEX.get(form);
      const ticket = TICKET_INDEX.get(form);
      if (invoice || ticket) return { invoice, ticket, key: form };
    }
  }
  return undefined;
}

/** Each field's best column for one vocabulary: a better-ranked header word wins a field. */
function bestColumns<F extends string>(
  readings: readonly (HeaderReading | undefined)[],
  pick: (reading: HeaderReading) => { field: F; rank: number } | undefined,
  alsoOther: (reading: HeaderReading) => boolean,
): Map<F, Match<F>> {
  const best = new Map<F, Match<F>>();
  readings.forEach((reading, column) => {
    const found = reading && pick(reading);
    if (!reading || !found) return;
    const held = best.get(found.field);
    if (!held || found.rank < held.rank) best.set(found.field, { ...found, column, exclusive: !alsoOther(reading) });
  });
  return best;
}

type Candidate = { plan: ColumnPlan; exclusive: number; fields: number };

/** A plan from the chosen columns, scored by how many of its headers only this kind of list uses. */
function candidate<F extends string>(
  best: Map<F, Match<F>>,
  build: (columns: Map<F, number>) => ColumnPlan,
): Candidate {
  return {
    plan: build(new Map([...best].map(([field, match]) => [field, match.column] as const))),
    exclusive: [...best.values()].filter((match) => match.exclusive).length,
    fields: best.size,
  };
}

function invoiceCandidate(readings: (HeaderReading | undefined)[], context: string, currency: Map<number, string>): Candidate | undefined {
  const best = bestColumns(readings, (reading) => reading.invoice, (reading) => reading.ticket !== undefined);
  const has = (field: InvoiceField): boolean => best.has(field);
  const number = best.get('number');
  if (!number || !(has('issued') || has('due') || has('paid') || has('amount'))) return undefined;
  // A "# / Date / Amount" table may be payments or orders: it needs invoice evidence.
  const explicit = EXPLICIT_NUMBER.test(readings[number.column]?.key ?? '');
  const strong = explicit || has('due') || has('paid') || (has('client') && LIST_CONTEXT.invoice.test(context));
  if (!strong && !has('status')) return undefined;
  return candidate(best, (columns) => ({ kind: 'invoice', columns, headerCurrency: currency, needsStatusProof: !strong }));
}

function ticketCandidate(readings: (HeaderReading | undefined)[], context: string, currency: Map<number, string>): Candidate | undefined {
  const best = bestColumns(readings, (reading) => reading.ticket, (reading) => reading.invoice !== undefined);
  const has = (field: TicketField): boolean => best.has(field);
  const id = best.get('id');
  if (!id || !has('created')) return undefined;
  const explicit = EXPLICIT_ID.test(readings[id.column]?.key ?? '');
  const named = has('client') || has('requester');
  // "ID / Title / Created / Status" may be job openings: a subject needs someone who wrote in.
  const strong =
    explicit || has('priority') || has('satisfaction') || has('tags') || (named && (has('subject') || LIST_CONTEXT.ticket.test(context)));
  if (!strong && !has('status')) return undefined;
  return candidate(best, (columns) => ({ kind: 'ticket', columns, headerCurrency: currency, needsStatusProof: !strong }));
}

/**
 * Maps a header row to invoice or ticket fields, or says it is neither (pricing tables,
 * calendars, timesheets). `context` is the page's title, headings and address.
 */
export function planColumns(headerCells: readonly (Element | undefined)[], context: string): ColumnPlan | undefined {
  const readings = headerCells.map((cell) => (cell ? readHeader(cell) : undefined));
  const currency = new Map<number, string>();
  headerCells.forEach((cell, column) => {
    const code = cell ? currencyOf(cell.textContent ?? '') : undefined;
    if (code) currency.set(column, code);
  });
  const candidates = [invoiceCandidate(readings, context, currency), ticketCandidate(readings, context, currency)].filter(
    (candidate): candidate is Candidate => candidate !== undefined,
  );
  candidates.sort((a, b) => b.exclusive - a.exclusive || b.fields - a.fields);
  return candidates[0]?.plan;
}

