import { LIMITS } from '../limits';
import type { ClientRef, InvoiceObservation, InvoiceStatus, Observation, TicketObservation } from '../model';
import { parseAmount, type Money } from './amounts';
import { isHeaderWord, type InvoiceColumn, type TicketColumn } from './columns';
import { parseDateInOrder, parseRelative, parseTimestamp, toIso, type PageDate, type PageDateOrder } from './dates';
import { AMBIGUOUS_DATES, cleanId, clientInCell, dateSources, type DateSources } from './lists';
import type { PageReport } from './report';
import { cellText, fold, squish, text } from './text';
import {
  CURRENCY_HEADERS,
  IGNORED_HEADERS,
  INVOICE_HEADERS,
  NOT_CREATED_HEADERS,
  OWED_HEADERS,
  TAX_EXCLUDED,
  TICKET_HEADERS,
  headerKey,
  headerStem,
  invoiceStatusOf,
  isPostingState,
  priorityOf,
  satisfactionOf,
  ticketStatusOf,
} from './vocabulary';

/*
 * Records read from labelled fields rather than from a table's columns: invoice cards ("Invoice
 * INV-0931" over a definition list), request cards in a customer portal ("№ 10233", "Приоритет:
 * Высокий", "Создано 5 мин назад"), and the one invoice of an invoice page ("Bill to", "Invoice
 * date", "Total", a status badge).
 */

type Field = InvoiceColumn | TicketColumn;
type Value = { text: string; el: Element | null };

/** One record, its fields collected but not yet read (the page's date order needs every date first). */
export type PendingRecord = {
  kind: 'invoice' | 'ticket';
  root: Element;
  /** One of several cards side by side, not the one record of its page. */
  card: boolean;
  key: string;
  fields: Map<Field, Value>;
  dates: Map<'issued' | 'due' | 'paid' | 'created', DateSources>;
};

/** "Invoice INV-0931", "Invoice #1042", "Счёт № 145": an invoice's own heading. */
const INVOICE_CUE = /^(?:invoice|bill|сч[её]т|сч[её]т-фактура|инвойс)(?:\s*(?:№|#|no\.?|number))?\s*:?\s*([#№]?\s*[\p{L}\d][\p{L}\d/._-]*)$/iu;
/** "№ 10233", "#4471", "Ticket #12": a request's own number. */
const TICKET_CUE = /^(?:(?:ticket|request|case|conversation|обращение|заявка|тикет)\s*)?[#№]\s*(\d[\p{L}\d_-]*)$/iu;

/** Class names that say which field an element holds (BEM `req__status`, `inv-card__client`). */
const CLASS_HINTS: ReadonlyMap<string, Field> = new Map([
  ['status', 'status'], ['state', 'status'], ['subject', 'subject'], ['title', 'subject'], ['prio', 'priority'], ['priority', 'priority'],
  ['created', 'created'], ['client', 'client'], ['customer', 'client'], ['company', 'client'], ['org', 'client'], ['organization', 'client'],
  ['amount', 'amount'], ['total', 'amount'], ['due', 'due'], ['tags', 'tags'], ['rating', 'satisfaction'],
]);
/** Classes of a status chip whose words say the state ("inv-card__badge", "badge badge--partial"). */
const BADGE_CLASS = /badge|pill|chip|status|state|label|tag/i;

/** Words a record's labels use beyond a list's headers. */
const RECORD_LABELS: ReadonlyMap<string, Field> = new Map([['priority', 'priority'], ['приоритет', 'priority'], ['создано', 'created'], ['создан', 'created'], ['создана', 'created']]);

const INVOICE_WORDS = new Map<string, Field>();
for (const [field, words] of Object.entries(INVOICE_HEADERS)) for (const word of words) if (!INVOICE_WORDS.has(word)) INVOICE_WORDS.set(word, field as Field);
const TICKET_WORDS = new Map<string, Field>();
for (const [field, words] of Object.entries(TICKET_HEADERS)) for (const word of words) if (!TICKET_WORDS.has(word)) TICKET_WORDS.set(word, field as Field);

/** The field a label names in a record of this kind, if any. */
function labelField(raw: string, kind: 'invoice' | 'ticket'): Field | undefined {
  const key = headerKey(raw);
  const stem = headerStem(key);
  for (const form of [key, stem]) {
    if (NOT_CREATED_HEADERS.has(form)) return undefined;
    if (kind === 'invoice' && OWED_HEADERS.has(form)) return 'owed';
    if (kind === 'invoice' && CURRENCY_HEADERS.has(form)) return 'currency';
  }
  if (TAX_EXCLUDED.test(key) || IGNORED_HEADERS.has(key) || IGNORED_HEADERS.has(stem)) return undefined;
  const words = kind === 'invoice' ? INVOICE_WORDS : TICKET_WORDS;
  return RECORD_LABELS.get(key) ?? words.get(key) ?? words.get(stem);
}

/** The value beside a label: the next <dd>, the other cell of a two-cell row, or the label element's next sibling. */
function valueBeside(label: Element, root: Element): Value | undefined {
  if (label.localName === 'dt') {
    const dd = label.nextElementSibling;
    return dd?.localName === 'dd' ? { text: cellText(dd), el: dd } : undefined;
  }
  if (label.localName === 'th' || label.localName === 'td') {
    const row = label.parentElement;
    if (!row || row.childElementCount !== 2) return undefined;
    const other = label.nextElementSibling;
    return other ? { text: cellText(other), el: other } : undefined;
  }
  for (let el: Element | null = label; el && el !== root; el = el.parentElement) {
    const next = el.nextElementSibling;
    if (next) {
      const value = cellText(next);
      return value ? { text: value, el: next } : undefined;
    }
    if (el.parentElement?.childElementCount !== 1) return undefined;
  }
  return undefined;
}

/**
 * Whether a text may be a label at all: a <dt>, <th> or <label> is one; a status chip is a value
 * (a request card's "Открыт" is its state, though "Открыт" also heads a column of opening times).
 */
function isLabelElement(el: Element, own: string, kind: 'invoice' | 'ticket'): boolean {
  if (el.localName === 'dt' || el.localName === 'th' || el.localName === 'label') return true;
  if (classField(el) === 'status' || BADGE_CLASS.test(el.getAttribute('class') ?? '')) return false;
  return !(kind === 'ticket' && ticketStatusOf(own));
}

/** Fields whose label may lead the value with no colon between. */
const LEADING_FIELDS: ReadonlySet<Field> = new Set(['created', 'issued', 'due', 'priority']);

/** "Создано 5 мин назад", "Issued 5 Feb 2026": a label of one or two words leading its value. */
function leadingLabel(own: string, kind: 'invoice' | 'ticket'): { field: Field; value: string } | undefined {
  const words = own.split(' ');
  for (const count of [2, 1]) {
    if (words.length <= count) continue;
    const field = labelField(words.slice(0, count).join(' '), kind);
    if (field && LEADING_FIELDS.has(field)) return { field, value: words.slice(count).join(' ') };
  }
  return undefined;
}

function classField(el: Element): Field | undefined {
  for (const token of (el.getAttribute('class') ?? '').toLowerCase().split(/__|--|[\s_-]+/)) {
    const field = CLASS_HINTS.get(token);
    if (field) return field;
  }
  return undefined;
}

/** Fields of one record from the text nodes inside it: labels with their values, class hints, status badges. */
function recordFields(nodes: readonly Text[], root: Element, kind: 'invoice' | 'ticket'): Map<Field, Value> {
  const fields = new Map<Field, Value>();
  const put = (field: Field | undefined, value: Value | undefined): void => {
    if (field && value && value.text && !fields.has(field)) fields.set(field, value);
  };
  for (const node of nodes) {
    const own = squish(node.nodeValue ?? '');
    const parent = node.parentElement;
    if (!own || !parent) continue;
    // "Приоритет: Высокий"; a label ends with a letter, so "вчера в 21:40" is no label.
    const inline = /^([^:]{1,40}[\p{L})])\s*:\s*(\S.*)$/u.exec(own);
    const inlineField = inline ? labelField(inline[1]!, kind) : undefined;
    if (inline && inlineField) {
      put(inlineField, { text: inline[2]!, el: null });
      continue;
    }
    const whole = isLabelElement(parent, own, kind) ? labelField(own.replace(/[:\s]+$/, ''), kind) : undefined;
    const beside = whole && text(parent) === own ? valueBeside(parent, root) : undefined;
    if (beside) {
      put(whole, beside);
      continue;
    }
    // "Создано 5 мин назад", "Issued 5 Feb 2026": a label word leading its value.
    const leading = leadingLabel(own, kind);
    if (leading) {
      put(leading.field, { text: leading.value, el: null });
      continue;
    }
    const hinted = classField(parent);
    if (hinted && text(parent) === own) put(hinted, { text: own, el: parent });
    else if (BADGE_CLASS.test(parent.getAttribute('class') ?? '')) {
      if (kind === 'invoice' ? invoiceStatusOf(own) : ticketStatusOf(own)) put('status', { text: own, el: parent });
      else if (kind === 'ticket' && priorityOf(own)) put('priority', { text: own, el: parent });
    }
  }
  return fields;
}

function cueOf(node: Text): { kind: 'invoice' | 'ticket'; key: string } | undefined {
  const own = squish(node.nodeValue ?? '');
  if (own.length > 60) return undefined;
  const invoice = INVOICE_CUE.exec(own);
  if (invoice && /\d/.test(invoice[1] ?? '')) return { kind: 'invoice', key: cleanId(invoice[1]!) };
  const ticket = TICKET_CUE.exec(own);
  return ticket ? { kind: 'ticket', key: cleanId(ticket[1]!) } : undefined;
}

function signature(el: Element): string {
  return `${el.localName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? ''}`;
}

/** The card a cue sits in: the nearest ancestor repeated beside at least one sibling of the same shape. */
function cardOf(cueElement: Element): Element | undefined {
  let el: Element | null = cueElement;
  for (let depth = 0; el && depth < 6; depth += 1, el = el.parentElement) {
    const parent: Element | null = el.parentElement;
    if (!parent || el.localName === 'body') return undefined;
    const shape = signature(el);
    let same = 0;
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) if (signature(sibling) === shape) same += 1;
    if (same >= 2) return el;
  }
  return undefined;
}

/** Fields a record must show beyond its number to be an observation at all. */
const INVOICE_FACTS: readonly Field[] = ['issued', 'due', 'paid', 'amount', 'owed', 'status'];
/** Fields only an invoice has: a "№ 145" card showing them is an invoice, not a request. */
const INVOICE_ONLY: readonly Field[] = ['issued', 'due', 'paid', 'amount', 'owed'];

function pending(kind: 'invoice' | 'ticket', root: Element, card: boolean, key: string, fields: Map<Field, Value>): PendingRecord | undefined {
  const dated = kind === 'invoice' ? (['issued', 'due', 'paid'] as const) : (['created'] as const);
  if (kind === 'invoice' && !INVOICE_FACTS.some((field) => fields.has(field))) return undefined;
  if (kind === 'ticket' && !fields.has('created')) return undefined;
  const dates = new Map<'issued' | 'due' | 'paid' | 'created', DateSources>();
  for (const field of dated) {
    const value = fields.get(field);
    if (value) dates.set(field, value.el ? dateSources(value.el) : { texts: [value.text], shown: value.text });
  }
  return { kind, root, card, key, fields, dates };
}

/**
 * Records on the page: cards repeated side by side, each with its own number, and the one invoice
 * of a page whose first heading is that invoice's ("Invoice INV-0932"). `texts` are the page's
 * short text nodes in document order.
 */
export function findRecords(doc: Document, texts: readonly Text[]): PendingRecord[] {
  // Pass 1: each cue's record, the first cue inside a record being its number.
  const found = new Map<Element, { cue: NonNullable<ReturnType<typeof cueOf>>; node: Text; card: boolean }>();
  const heading = doc.getElementsByTagName('h1')[0];
  for (const node of texts) {
    if (found.size >= LIMITS.maxObservations) break;
    const cue = cueOf(node);
    const cueElement = node.parentElement;
    if (!cue || !cueElement || rootAbove(cueElement, found)) continue;
    const card = cardOf(cueElement);
    const root = card ?? (heading && heading.contains(cueElement) ? (heading.closest('main, article, [role=main]') ?? doc.body) : undefined);
    if (root && !found.has(root)) found.set(root, { cue, node, card: card !== undefined });
  }
  if (!found.size) return [];
  // Pass 2: every text to the record it sits in, one walk up from each (a portal lists dozens of cards).
  const inside = new Map<Element, Text[]>();
  for (const node of texts) {
    const root = node.parentElement ? rootAbove(node.parentElement, found) : undefined;
    if (root && found.get(root)!.node !== node) (inside.get(root) ?? inside.set(root, []).get(root)!).push(node);
  }
  const records: PendingRecord[] = [];
  for (const [root, { cue, card }] of found) {
    const fields = recordFields(inside.get(root) ?? [], root, cue.kind);
    const kind = cue.kind === 'ticket' && !fields.has('created') && INVOICE_ONLY.some((field) => fields.has(field)) ? 'invoice' : cue.kind;
    const record = pending(kind, root, card, cue.key, fields);
    if (record) records.push(record);
  }
  return records;
}

/** The record an element is in, if any: the nearest of its ancestors (or itself) that is a record's root. */
function rootAbove(el: Element, roots: ReadonlyMap<Element, unknown>): Element | undefined {
  for (let at: Element | null = el; at; at = at.parentElement) if (roots.has(at)) return at;
  return undefined;
}

/** Every date text of a record, for deciding the page's date order. */
export function* recordDateTexts(record: PendingRecord): Generator<string> {
  for (const sources of record.dates.values()) yield* sources.texts;
}

type RecordContext = { now: Date; report: PageReport; dateOrder: PageDateOrder; subject?: ClientRef };

/** A record's date; a labelled value that is no date ("Paid £2,000.00") is simply not one. */
function recordDate(sources: DateSources | undefined, ctx: RecordContext): PageDate | undefined {
  if (!sources) return undefined;
  if (sources.machine) {
    const machine = parseTimestamp(sources.machine);
    if (machine && machine !== 'invalid') return machine;
  }
  for (const value of sources.texts) {
    const reading = parseDateInOrder(value, ctx.dateOrder);
    if (reading === 'ambiguous') {
      ctx.report.warn(AMBIGUOUS_DATES);
      return undefined;
    }
    if (reading && reading !== 'invalid') return reading;
  }
  return parseRelative(sources.shown, ctx.now);
}

function money(value: Value | undefined): Money | undefined {
  if (!value) return undefined;
  const reading = parseAmount(value.text);
  return reading && reading !== 'invalid' ? reading : undefined;
}

function recordClient(record: PendingRecord, ctx: RecordContext): ClientRef | undefined {
  const value = record.fields.get('client');
  const found = value?.el ? clientInCell(value.el) : value ? { name: value.text } : undefined;
  if (!found) return ctx.subject;
  // The page's subject is this client, with the tax id the page shows for it.
  if (ctx.subject && fold(ctx.subject.name) === fold(found.name)) return ctx.subject;
  const client = ctx.report.client(found.name);
  if (found.taxId) client.taxId = found.taxId;
  return client;
}

function word<T>(value: Value | undefined, lookup: (raw: string) => T | undefined): T | undefined {
  return value ? lookup(value.text) : undefined;
}

function buildInvoice(record: PendingRecord, client: ClientRef, ctx: RecordContext): InvoiceObservation {
  const invoice: InvoiceObservation = { kind: 'invoice', client, number: ctx.report.cap(record.key, 'invoice number') };
  for (const field of ['issued', 'due', 'paid'] as const) {
    const date = recordDate(record.dates.get(field), ctx);
    if (date) invoice[field] = date.date;
  }
  const amount = money(record.fields.get('amount'));
  if (amount) {
    invoice.amount = amount.value;
    if (amount.currency) invoice.currency = amount.currency;
  }
  const discount = money(record.fields.get('discount'));
  if (discount && discount.value !== 0 && !record.fields.get('discount')!.text.includes('%')) invoice.discount = Math.abs(discount.value);
  const status: InvoiceStatus | undefined = word(record.fields.get('status'), invoiceStatusOf);
  const owed = money(record.fields.get('owed'));
  const shown = record.fields.get('status')?.text;
  if (status) invoice.status = status;
  else if (owed && owed.value >= 0) invoice.status = owed.value === 0 ? 'paid' : 'open';
  if (!status && shown && !isPostingState(shown)) ctx.report.warn(`Unknown invoice status "${shown.slice(0, 60)}": no status recorded.`);
  return invoice;
}

function buildTicket(record: PendingRecord, client: ClientRef, created: PageDate, ctx: RecordContext): TicketObservation {
  const ticket: TicketObservation = { kind: 'ticket', client, id: ctx.report.cap(record.key, 'ticket id'), created: toIso(created) };
  const priority = word(record.fields.get('priority'), priorityOf);
  if (priority) ticket.priority = priority;
  const status = word(record.fields.get('status'), ticketStatusOf);
  if (status) ticket.status = status;
  const satisfaction = word(record.fields.get('satisfaction'), satisfactionOf);
  if (satisfaction) ticket.satisfaction = satisfaction;
  const subject = record.fields.get('subject')?.text;
  if (subject && !isHeaderWord(subject)) ticket.subject = ctx.report.cap(subject, 'ticket subject');
  return ticket;
}

/** A record as an observation, in the page's date order; one that names no client (nor the page) is none. */
export function buildRecord(record: PendingRecord, ctx: RecordContext): Observation | undefined {
  const client = recordClient(record, ctx);
  if (!client) {
    ctx.report.warn(`Dropped ${record.kind} ${record.key}: neither it nor the page names a client.`);
    return undefined;
  }
  if (record.kind === 'invoice') return buildInvoice(record, client, ctx);
  const created = recordDate(record.dates.get('created'), ctx);
  if (!created) {
    ctx.report.warn('Dropped ticket rows with no readable created time.');
    return undefined;
  }
  return buildTicket(record, client, created, ctx);
}
