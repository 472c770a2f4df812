import { currencyOf } from './amounts';
import { cellLines, labelCandidates } from './text';
import {
  CURRENCY_HEADERS,
  IGNORED_HEADERS,
  INVOICE_HEADERS,
  LIST_CONTEXT,
  NOT_CREATED_HEADERS,
  OWED_HEADERS,
  TAX_EXCLUDED,
  TAX_ID_HEADERS,
  TAX_INCLUDED,
  TICKET_HEADERS,
  headerKey,
  headerStem,
  type InvoiceField,
  type TicketField,
} from './vocabulary';

/** What an invoice list's column may hold: an observation's field, or what is owed, the currency, the client's tax id. */
export type InvoiceColumn = InvoiceField | 'owed' | 'currency' | 'taxId';
/** What a ticket list's column may hold: an observation's field, or the client's tax id. */
export type TicketColumn = TicketField | 'taxId';

/** Which column holds which field, for one list; shared by the generic readers and site readers. */
export type ColumnPlan = (
  | { kind: 'invoice'; columns: ReadonlyMap<InvoiceColumn, number> }
  | { kind: 'ticket'; columns: ReadonlyMap<TicketColumn, number> }
) & {
  /**
   * The line of a stacked cell each field is on, for headers with two stacked labels
   * ("Number" over "Issued": number on line 0, issued on line 1). Fields not listed fill the cell.
   */
  lines: ReadonlyMap<string, number>;
  /** Currency named in a header ("Сумма, руб."), by column. */
  headerCurrency: ReadonlyMap<number, string>;
  /**
   * Only a status column says this is a list of invoices or tickets: it counts only if some
   * row's status reads as one (a release history's "Stable" does not).
   */
  needsStatusProof: boolean;
};

type Ranked<F> = { field: F; rank: number };
type Match<F> = Ranked<F> & { column: number; line?: number; exclusive: boolean };

/** Header word → (field, rank) for one vocabulary. */
function indexVocabulary<F extends string>(headers: Readonly<Record<F, readonly string[]>>): Map<string, Ranked<F>> {
  const index = new Map<string, Ranked<F>>();
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
const EXPLICIT_NUMBER = /invoice|bill|document|сч[её]т|документ/;
const EXPLICIT_ID = /ticket|request|conversation|case|обращени|заявк|тикет/;

/** What one header (or one of its stacked labels) names. */
type HeaderPart = { invoice?: Ranked<InvoiceColumn>; ticket?: Ranked<TicketColumn>; key: string; line?: number };

/** A column of ours that is not an observation field: what is owed, the currency, the client's tax id; or one to ignore. */
function specialColumn(form: string): HeaderPart | 'ignored' | undefined {
  if (TAX_ID_HEADERS.has(form)) return { invoice: { field: 'taxId', rank: 0 }, ticket: { field: 'taxId', rank: 0 }, key: form };
  if (NOT_CREATED_HEADERS.has(form)) return 'ignored';
  if (OWED_HEADERS.has(form)) return { invoice: { field: 'owed', rank: 0 }, key: form };
  if (CURRENCY_HEADERS.has(form)) return { invoice: { field: 'currency', rank: 0 }, key: form };
  return undefined;
}

/** Reads one header text: our special columns, then what is ignored, then the vocabularies (whole, then without a unit). */
function readKey(key: string): HeaderPart | 'ignored' | undefined {
  const stem = headerStem(key);
  for (const form of [key, stem]) {
    const special = specialColumn(form);
    if (special) return special;
  }
  if (TAX_EXCLUDED.test(key) || IGNORED_HEADERS.has(key) || IGNORED_HEADERS.has(stem)) return 'ignored';
  for (const form of [key, stem]) {
    const invoice = INVOICE_INDEX.get(form);
    const ticket = TICKET_INDEX.get(form);
    if (!invoice && !ticket) continue;
    // "Сумма (с НДС)" beats a bare "Сумма" beside it.
    const total = invoice?.field === 'amount' && TAX_INCLUDED.test(key) ? { field: invoice.field, rank: -1 } : invoice;
    return { ...(total ? { invoice: total } : {}), ...(ticket ? { ticket } : {}), key: form };
  }
  return undefined;
}

/** "Customer / Client", "Сумма/Валюта": each part read alone. */
function slashParts(key: string): HeaderPart[] {
  if (!key.includes('/')) return [];
  const parts: HeaderPart[] = [];
  for (const piece of key.split(/\s*\/\s*/)) {
    const part = piece.length > 1 ? readKey(piece) : undefined;
    if (part && part !== 'ignored') parts.push(part);
  }
  return parts;
}

/**
 * What one header cell names, trying its label, visible text, hidden text and tooltip in turn,
 * then each of two stacked labels on its own line.
 */
function readHeader(cell: Element): HeaderPart[] {
  for (const candidate of labelCandidates(cell)) {
    const key = headerKey(candidate);
    const whole = readKey(key);
    if (whole === 'ignored') return [];
    if (whole) return [whole];
    const parts = slashParts(key);
    if (parts.length) return parts;
  }
  const lines = cellLines(cell);
  if (lines.length < 2) return [];
  const parts: HeaderPart[] = [];
  lines.forEach((line, index) => {
    const part = readKey(headerKey(line.text));
    if (part && part !== 'ignored') parts.push({ ...part, line: index });
  });
  return parts;
}

/** Each field's best column for one vocabulary: a better-ranked header word wins a field. */
function bestColumns<F extends string>(
  readings: readonly HeaderPart[][],
  pick: (part: HeaderPart) => Ranked<F> | undefined,
  alsoOther: (part: HeaderPart) => boolean,
): Map<F, Match<F>> {
  const best = new Map<F, Match<F>>();
  readings.forEach((parts, column) => {
    for (const part of parts) {
      const found = pick(part);
      if (!found) continue;
      const held = best.get(found.field);
      if (!held || found.rank < held.rank) {
        best.set(found.field, { ...found, column, ...(part.line === undefined ? {} : { line: part.line }), exclusive: !alsoOther(part) });
      }
    }
  });
  return best;
}

type Candidate = { plan: ColumnPlan; exclusive: number; fields: number };

/** A plan from the chosen columns, scored by how many of its headers only this kind of list uses. */
function candidate<F extends string>(best: Map<F, Match<F>>, build: (columns: Map<F, number>, lines: Map<string, number>) => ColumnPlan): Candidate {
  const lines = new Map<string, number>();
  for (const [field, match] of best) if (match.line !== undefined) lines.set(field, match.line);
  return {
    plan: build(new Map([...best].map(([field, match]) => [field, match.column] as const)), lines),
    exclusive: [...best.values()].filter((match) => match.exclusive).length,
    fields: best.size,
  };
}

function keyOf(readings: readonly HeaderPart[][], match: Match<string>): string {
  return readings[match.column]?.find((part) => (part.invoice ?? part.ticket) && (part.line ?? -1) === (match.line ?? -1))?.key ?? '';
}

function invoiceCandidate(readings: HeaderPart[][], context: string, currency: Map<number, string>): Candidate | undefined {
  const best = bestColumns<InvoiceColumn>(readings, (part) => part.invoice, (part) => part.ticket !== undefined);
  const has = (field: InvoiceColumn): boolean => best.has(field);
  const number = best.get('number');
  // A balance alone is no invoice evidence: "Number / Balance" may list bank accounts.
  if (!number || !(has('issued') || has('due') || has('paid') || has('amount'))) return undefined;
  // A "# / Date / Amount" table may be payments or orders: it needs invoice evidence.
  const explicit = EXPLICIT_NUMBER.test(keyOf(readings, number));
  const strong = explicit || has('due') || has('paid') || (has('client') && LIST_CONTEXT.invoice.test(context));
  if (!strong && !has('status')) return undefined;
  return candidate(best, (columns, lines) => ({ kind: 'invoice', columns, lines, headerCurrency: currency, needsStatusProof: !strong }));
}

function ticketCandidate(readings: HeaderPart[][], context: string, currency: Map<number, string>): Candidate | undefined {
  const best = bestColumns<TicketColumn>(readings, (part) => part.ticket, (part) => part.invoice !== undefined);
  const has = (field: TicketColumn): boolean => best.has(field);
  const id = best.get('id');
  if (!id || !has('created')) return undefined;
  const explicit = EXPLICIT_ID.test(keyOf(readings, id));
  const named = has('client') || has('requester');
  // "ID / Title / Created / Status" may be job openings: a subject needs someone who wrote in.
  const strong =
    explicit || has('priority') || has('satisfaction') || has('tags') || (named && (has('subject') || LIST_CONTEXT.ticket.test(context)));
  if (!strong && !has('status')) return undefined;
  return candidate(best, (columns, lines) => ({ kind: 'ticket', columns, lines, headerCurrency: currency, needsStatusProof: !strong }));
}

/** True when a header cell's text is one of our header words (a div list's header row is found by them). */
export function isHeaderWord(raw: string): boolean {
  const key = headerKey(raw);
  if (key.length === 0 || key.length > 40) return false;
  const part = readKey(key);
  return part !== undefined && part !== 'ignored';
}

/**
 * Maps a header row to invoice or ticket fields, or says it is neither (pricing tables,
 * calendars, timesheets). `context` is the page's title, headings and address.
 */
export function planColumns(headerCells: readonly (Element | undefined)[], context: string): ColumnPlan | undefined {
  const readings = headerCells.map((cell) => (cell ? readHeader(cell) : []));
  const currency = new Map<number, string>();
  headerCells.forEach((cell, column) => {
    const code = cell ? currencyOf(cell.textContent ?? '') : undefined;
    if (code) currency.set(column, code);
  });
  const candidates = [invoiceCandidate(readings, context, currency), ticketCandidate(readings, context, currency)].filter(
    (found): found is Candidate => found !== undefined,
  );
  candidates.sort((a, b) => b.exclusive - a.exclusive || b.fields - a.fields);
  return candidates[0]?.plan;
}
