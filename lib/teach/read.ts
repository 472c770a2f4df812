import { toIso } from '../extract/dates';
import { capText } from '../extract/text';
import { LIMITS } from '../limits';
import type { InvoiceObservation, InvoiceStatus, PageExtract, TicketObservation, TicketPriority, TicketStatus } from '../model';
import { fieldElement, findListRows } from './locate';
import { checkProfile, type FieldLocator, type FieldName, type SiteProfile } from './profile';
import {
  cleanId,
  DATE_FIELDS,
  decideDateOrder,
  humanDateValues,
  rawValue,
  readCurrency,
  readDate,
  readMoney,
  readTags,
  readText,
  readWord,
  type DateContext,
  type RawValue,
} from './values';
import { Warnings } from './warnings';

type RowValues = Map<FieldName, RawValue>;
/** One row of the taught list and what it reads as (nothing when it was dropped). */
type RowReading = { row: Element; observation?: InvoiceObservation | TicketObservation };

function locatorsOf(profile: SiteProfile): [FieldName, FieldLocator][] {
  const found: [FieldName, FieldLocator][] = [];
  for (const [name, locator] of Object.entries(profile.fields) as [FieldName, FieldLocator | undefined][]) {
    if (locator) found.push([name, locator]);
  }
  return found;
}

function capped(value: string, what: string, warnings: Warnings): string {
  const cut = capText(value);
  if (cut.cut) warnings.add(`Cut text longer than ${LIMITS.maxText} characters (${what}).`);
  return cut.value;
}

/** Whether a row shows anything where the locator points (how the rows of the taught list are told from look-alikes). */
function holdsValue(row: Element, locator: FieldLocator, strict: boolean): boolean {
  const el = fieldElement(row, locator, { strict });
  return !!el && (/\S/.test(el.textContent ?? '') || !!(locator.attr && el.getAttribute(locator.attr)));
}

/** Reasons a row was dropped, counted so that a long list gives one warning per reason. */
type Drops = Map<string, number>;

function drop(drops: Drops, reason: string): undefined {
  drops.set(reason, (drops.get(reason) ?? 0) + 1);
  return undefined;
}

function buildInvoice(values: RowValues, dates: DateContext, warnings: Warnings, drops: Drops): InvoiceObservation | undefined {
  const client = readText(values.get('client'));
  if (!client) return drop(drops, 'no client');
  const number = cleanId(readText(values.get('number')));
  if (!number) return drop(drops, 'no invoice number');
  const invoice: InvoiceObservation = { kind: 'invoice', client: { name: capped(client, 'client name', warnings) }, number: capped(number, 'invoice number', warnings) };
  for (const field of ['issued', 'due', 'paid'] as const) {
    const date = readDate(values.get(field), dates, warnings, `${field} date`);
    if (date) invoice[field] = date.date;
  }
  const amount = readMoney(values.get('amount'), warnings, 'amount');
  if (amount) {
    invoice.amount = amount.value;
    const currency = readCurrency(values.get('currency')) ?? amount.currency;
    if (currency) invoice.currency = currency;
  }
  const discountRaw = values.get('discount');
  // A percentage is not money; the discount is kept only as a sum.
  if (discountRaw && !discountRaw.text.includes('%')) {
    const discount = readMoney(discountRaw, warnings, 'discount');
    if (discount && discount.value !== 0) invoice.discount = Math.abs(discount.value);
  }
  // No status and no paid date: the payment is unknown, and stays unset (never "open").
  const status = readWord(values.get('status'), 'invoice', 'status', warnings);
  if (status) invoice.status = status as InvoiceStatus;
  return invoice;
}

function buildTicket(values: RowValues, dates: DateContext, warnings: Warnings, drops: Drops): TicketObservation | undefined {
  const client = readText(values.get('client'));
  if (!client) return drop(drops, 'no client');
  const id = cleanId(readText(values.get('id')));
  if (!id) return drop(drops, 'no ticket number');
  const created = readDate(values.get('created'), dates, warnings, 'created time');
  if (!created) return drop(drops, 'no readable created time');
  const ticket: TicketObservation = { kind: 'ticket', client: { name: capped(client, 'client name', warnings) }, id: capped(id, 'ticket id', warnings), created: toIso(created) };
  const priority = readWord(values.get('priority'), 'ticket', 'priority', warnings);
  if (priority) ticket.priority = priority as TicketPriority;
  const status = readWord(values.get('status'), 'ticket', 'status', warnings);
  if (status) ticket.status = status as TicketStatus;
  const satisfaction = readWord(values.get('satisfaction'), 'ticket', 'satisfaction', warnings);
  if (satisfaction === 'good' || satisfaction === 'bad') ticket.satisfaction = satisfaction;
  const tags = readTags(values.get('tags'), warnings);
  if (tags) ticket.tags = tags;
  const subject = readText(values.get('subject'));
  if (subject) ticket.subject = capped(subject, 'ticket subject', warnings);
  return ticket;
}

/**
 * Reads every row of the taught list with a checked profile. Two passes: the first finds each
 * field's element and raw values, so that the date order can be decided from all of them; the
 * second builds the observations.
 */
export function readRows(doc: Document, profile: SiteProfile, now: Date, warnings: Warnings): RowReading[] {
  const key = profile.fields[profile.kind === 'invoice' ? 'number' : 'id'];
  const listed = key ? findListRows(doc, profile.rows, (row, strict) => holdsValue(row, key, strict)) : [];
  if (listed.length > LIMITS.maxObservations) {
    warnings.add(`The list has ${listed.length} rows; only the first ${LIMITS.maxObservations} were read.`);
  }
  const rows = listed.slice(0, LIMITS.maxObservations);
  const locators = locatorsOf(profile);
  const values = rows.map((row) => {
    const found: RowValues = new Map();
    for (const [name, locator] of locators) {
      const el = fieldElement(row, locator);
      if (el) found.set(name, rawValue(el, locator, name));
    }
    return found;
  });
  const printed = values.flatMap((row) => DATE_FIELDS[profile.kind].flatMap((field) => humanDateValues(row.get(field))));
  const dates: DateContext = { ...decideDateOrder(printed, doc.documentElement?.getAttribute('lang') ?? ''), now };
  const drops: Drops = new Map();
  const readings = rows.map((row, index): RowReading => {
    const rowValues = values[index]!;
    const observation =
      profile.kind === 'invoice' ? buildInvoice(rowValues, dates, warnings, drops) : buildTicket(rowValues, dates, warnings, drops);
    return observation ? { row, observation } : { row };
  });
  for (const [reason, count] of drops) warnings.add(`Dropped ${count} ${profile.kind} ${count === 1 ? 'row' : 'rows'} with ${reason}.`);
  return readings;
}

/**
 * Reads a page with a profile the user taught (see learnProfile). The profile is untrusted: it is
 * checked first (shape, size, keys), and one that fails, or one taught on another site, gives a
 * warning and reads nothing. Never throws.
 *
 * @example
 * const extract = readWithProfile(document, location.href, storedProfile, { now: new Date() });
 * // { observations: [{ kind: 'invoice', client: { name: 'Northwind Traders' }, number: 'INV-1042', … }], warnings: [] }
 */
export function readWithProfile(doc: Document, url: string, profile: unknown, opts: { now?: Date } = {}): PageExtract {
  const checked = checkProfile(profile);
  if (!checked.ok) return { observations: [], warnings: [`The taught profile was not used: ${checked.error}.`] };
  try {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return { observations: [], warnings: ['The taught profile was not used: the page address is not valid.'] };
    }
    if (origin !== checked.profile.origin) {
      return { observations: [], warnings: [`The taught profile was not used: it was taught on ${checked.profile.origin}, not on ${origin}.`] };
    }
    const warnings = new Warnings();
    const readings = readRows(doc, checked.profile, opts.now ?? new Date(), warnings);
    const observations = readings.flatMap((reading) => (reading.observation ? [reading.observation] : []));
    if (readings.length === 0) warnings.add('The list this profile was taught on is not on this page.');
    return { observations, warnings: warnings.list };
  } catch (error) {
    // A page that breaks the reader must not break the content script: say so, read nothing.
    return { observations: [], warnings: [`The taught profile could not read this page: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}.`] };
  }
}
