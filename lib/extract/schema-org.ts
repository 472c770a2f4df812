import type { ClientRef, InvoiceObservation, InvoiceStatus } from '../model';
import { parseAmount } from './amounts';
import { parseDateInOrder, type PageDateOrder } from './dates';
import { AMBIGUOUS_DATES } from './lists';
import type { PageReport } from './report';
import { squish, text } from './text';
import { invoiceStatusOf } from './vocabulary';

/** A schema.org item, whatever the encoding: each property's first value, text or a nested item. */
export type Item = { get(property: string): Value | undefined };
type Value = string | Item;

/** schema.org PaymentStatusType → our statuses (PaymentDue stays open: due is not late). */
const PAYMENT_STATUS: ReadonlyMap<string, InvoiceStatus> = new Map([
  ['paymentcomplete', 'paid'],
  ['paymentautomaticallyapplied', 'paid'],
  ['paymentdue', 'open'],
  ['paymentdeclined', 'open'],
  ['paymentpastdue', 'overdue'],
]);

/** "Invoice", "schema:Invoice", "https://schema.org/Invoice". */
const isInvoiceType = (type: string): boolean => /(^|[/#:])Invoice$/.test(type.trim());

// ---- JSON-LD ---------------------------------------------------------------------------------

function jsonItem(node: Record<string, unknown>): Item {
  return {
    get(property) {
      let value = Object.prototype.hasOwnProperty.call(node, property) ? node[property] : undefined;
      if (Array.isArray(value)) value = value[0];
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value && typeof value === 'object') {
        const object = value as Record<string, unknown>;
        // {"@id": "https://schema.org/PaymentDue"} is a reference, read as its address.
        if (typeof object['@id'] === 'string' && Object.keys(object).length === 1) return object['@id'];
        return jsonItem(object);
      }
      return undefined;
    },
  };
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((entry): entry is string => typeof entry === 'string');
}

/** Every object typed Invoice in a JSON-LD document, in @graph and nested values included. */
function jsonInvoices(data: unknown, found: Item[] = [], depth = 0): Item[] {
  if (depth > 20 || !data || typeof data !== 'object') return found;
  if (Array.isArray(data)) {
    for (const entry of data) jsonInvoices(entry, found, depth + 1);
    return found;
  }
  const node = data as Record<string, unknown>;
  if (typesOf(node).some(isInvoiceType)) found.push(jsonItem(node));
  for (const key of Object.keys(node)) if (key !== '@context') jsonInvoices(node[key], found, depth + 1);
  return found;
}

/** Where schema.org items may be: JSON-LD scripts, microdata items, RDFa items (each found by a lookup of its own). */
export const JSON_LD = 'script[type="application/ld+json"]';
export const MICRODATA_ROOTS = '[itemscope][itemtype]';
export const RDFA_ROOTS = '[typeof]';

function jsonLdItems(scripts: readonly Element[], report: PageReport): Item[] {
  const items: Item[] = [];
  for (const script of scripts) {
    try {
      jsonInvoices(JSON.parse(script.textContent ?? ''), items);
    } catch {
      report.warn('A JSON-LD block that is not valid JSON was ignored.');
    }
  }
  return items;
}

// ---- microdata and RDFa ----------------------------------------------------------------------

/** Attribute names of one DOM encoding: microdata (itemscope/itemprop) or RDFa (typeof/property). */
type Encoding = { property: string; isItem(el: Element): boolean };

const MICRODATA: Encoding = { property: 'itemprop', isItem: (el) => el.hasAttribute('itemscope') };
const RDFA: Encoding = { property: 'property', isItem: (el) => el.hasAttribute('typeof') };

/** The value of a property element as the encodings define it (content, href, datetime, text). */
function elementValue(el: Element, encoding: Encoding): Value {
  if (encoding.isItem(el)) return domItem(el, encoding);
  const attribute =
    el.getAttribute('content') ??
    el.getAttribute('resource') ??
    (el.tagName === 'LINK' || el.tagName === 'A' ? el.getAttribute('href') : null) ??
    (el.tagName === 'TIME' ? el.getAttribute('datetime') : null) ??
    (el.tagName === 'DATA' || el.tagName === 'METER' ? el.getAttribute('value') : null);
  return attribute ?? text(el);
}

function domItem(root: Element, encoding: Encoding): Item {
  return {
    get(property) {
      for (const el of Array.from(root.querySelectorAll(`[${encoding.property}], [itemprop]`))) {
        // Only this item's own properties, not those of items nested in it.
        if (el.parentElement?.closest('[itemscope], [typeof]') !== root) continue;
        // The schema.org RDFa example 0375 writes one property as itemprop: read either name.
        const names = `${el.getAttribute(encoding.property) ?? ''} ${el.getAttribute('itemprop') ?? ''}`.split(/\s+/);
        if (names.includes(property)) return elementValue(el, encoding);
      }
      return undefined;
    },
  };
}

function domItems(roots: readonly Element[]): Item[] {
  const microdata = roots
    .filter((el) => el.hasAttribute('itemscope') && (el.getAttribute('itemtype') ?? '').split(/\s+/).some(isInvoiceType))
    .map((el) => domItem(el, MICRODATA));
  const rdfa = roots.filter((el) => (el.getAttribute('typeof') ?? '').split(/\s+/).some(isInvoiceType)).map((el) => domItem(el, RDFA));
  return [...microdata, ...rdfa];
}

// ---- one invoice from any encoding -----------------------------------------------------------

function textOf(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? squish(value) || undefined : undefined;
}

function nameOf(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? textOf(value) : textOf(value?.get('name')) ?? textOf(value?.get('legalName'));
}

/** A schema.org date: ISO as the vocabulary asks, or text as some pages write it, read in the page's date order. */
function dateOf(value: Value | undefined, report: PageReport, order: PageDateOrder, what: string): string | undefined {
  const raw = textOf(value);
  if (!raw) return undefined;
  const date = parseDateInOrder(raw, order);
  if (date && date !== 'invalid' && date !== 'ambiguous') return date.date;
  report.warn(date === 'ambiguous' ? AMBIGUOUS_DATES : `Invalid schema.org ${what} "${raw.slice(0, 60)}" ignored.`);
  return undefined;
}

/** "https://schema.org/PaymentDue", "PaymentDue" (relative href) or "paid" → our status. */
function statusOf(value: Value | undefined): InvoiceStatus | undefined {
  const raw = textOf(value);
  if (!raw) return undefined;
  const name = raw.split(/[/#:]/).pop() ?? raw;
  return PAYMENT_STATUS.get(name.toLowerCase()) ?? invoiceStatusOf(raw);
}

/** totalPaymentDue as a PriceSpecification, a MonetaryAmount or plain text. */
function moneyOf(value: Value | undefined, report: PageReport): { value: number; currency?: string } | undefined {
  if (value === undefined) return undefined;
  const amount = typeof value === 'string' ? value : (textOf(value.get('price')) ?? textOf(value.get('value')));
  if (!amount) return undefined;
  const money = parseAmount(amount);
  if (!money || money === 'invalid') {
    report.warn(`Invalid schema.org amount "${amount.slice(0, 60)}" ignored.`);
    return undefined;
  }
  const currency = typeof value === 'string' ? undefined : (textOf(value.get('priceCurrency')) ?? textOf(value.get('currency')));
  return { value: money.value, ...(currency || money.currency ? { currency: (currency ?? money.currency)!.toUpperCase() } : {}) };
}

function customerOf(item: Item, report: PageReport): ClientRef | undefined {
  const customer = item.get('customer');
  const name = nameOf(customer);
  if (!name) return undefined;
  const client = report.client(name);
  const taxId = typeof customer === 'object' ? (textOf(customer.get('taxID')) ?? textOf(customer.get('vatID'))) : undefined;
  if (taxId) client.taxId = report.cap(taxId, 'tax id');
  return client;
}

/**
 * The invoice number: confirmationNumber or identifier. schema.org's own examples carry neither,
 * so then the provider and due date stand in: stable across encodings of one invoice.
 */
function numberOf(item: Item, due: string | undefined): string | undefined {
  const identifier = item.get('identifier');
  const explicit = textOf(item.get('confirmationNumber')) ?? textOf(identifier) ?? (typeof identifier === 'object' ? textOf(identifier.get('value')) : undefined);
  if (explicit) return explicit.replace(/^[#№]\s*/, '');
  const provider = nameOf(item.get('provider')) ?? nameOf(item.get('broker'));
  return provider && due ? `${provider} ${due}` : undefined;
}

function invoiceOf(item: Item, report: PageReport, order: PageDateOrder): InvoiceObservation | undefined {
  const client = customerOf(item, report);
  const due = dateOf(item.get('paymentDueDate'), report, order, 'due date');
  const number = numberOf(item, due);
  if (!client || !number) {
    report.warn('Dropped a schema.org Invoice without a customer or a number.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client, number: report.cap(number, 'invoice number') };
  const issued = dateOf(item.get('invoiceDate'), report, order, 'invoice date');
  if (issued) invoice.issued = issued;
  if (due) invoice.due = due;
  const money = moneyOf(item.get('totalPaymentDue'), report);
  if (money) {
    invoice.amount = money.value;
    if (money.currency) invoice.currency = money.currency;
  }
  const status = statusOf(item.get('paymentStatus'));
  if (status) invoice.status = status;
  return invoice;
}

/**
 * schema.org Invoice items in JSON-LD, microdata and RDFa, not yet read (their dates wait for the
 * page's date order), from the elements that match JSON_LD, MICRODATA_ROOTS or RDFA_ROOTS.
 */
export function schemaOrgItems(roots: readonly Element[], report: PageReport): Item[] {
  const scripts = roots.filter((el) => el.localName === 'script');
  return [...jsonLdItems(scripts, report), ...domItems(roots.filter((el) => el.localName !== 'script'))];
}

/** The date texts of schema.org items, for deciding the page's date order. */
export function* schemaOrgDateTexts(items: readonly Item[]): Generator<string> {
  for (const item of items) {
    for (const property of ['invoiceDate', 'paymentDueDate']) {
      const raw = textOf(item.get(property));
      if (raw) yield raw;
    }
  }
}

/** The invoices of schema.org items, their dates read in the page's order. */
export function schemaOrgInvoices(items: readonly Item[], report: PageReport, order: PageDateOrder): InvoiceObservation[] {
  return items.map((item) => invoiceOf(item, report, order)).filter((invoice): invoice is InvoiceObservation => invoice !== undefined);
}
