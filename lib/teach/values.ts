import { currencyOf, parseAmount, type Money } from '../extract/amounts';
import { parseDate, parseRelative, parseTimestamp, type DateOrder, type PageDate } from '../extract/dates';
import { LIMITS } from '../limits';
import { ownText, squish, text, visibleText } from '../extract/text';
import { invoiceStatusOf, priorityOf, satisfactionOf, ticketStatusOf } from '../extract/vocabulary';
import type { FieldLocator, FieldName, ListKind } from './profile';
import { isGeneratedName } from './stable';
import type { Warnings } from './warnings';

/*
 * Reading a field's value from the element a profile points at, with the same parsers as the
 * page readers (lib/extract). An exact value in an attribute (a `datetime`, a date in a `title`,
 * a status in an icon's `aria-label`) wins over the visible text; what cannot be read is left
 * out with a warning, never guessed.
 */

type Family = 'date' | 'money' | 'word' | 'text' | 'tags' | 'currency';

const FAMILY: Readonly<Record<FieldName, Family>> = {
  client: 'text', number: 'text', id: 'text', subject: 'text',
  issued: 'date', due: 'date', paid: 'date', created: 'date',
  amount: 'money', discount: 'money',
  status: 'word', priority: 'word', satisfaction: 'word',
  currency: 'currency', tags: 'tags',
};

export const DATE_FIELDS: Readonly<Record<ListKind, readonly FieldName[]>> = { invoice: ['issued', 'due', 'paid'], ticket: ['created'] };

/** A field as found in one row: the element, its text, and the value attribute's content. */
export type RawValue = { el: Element; text: string; attr?: string };

function shownText(el: Element, family: Family): string {
  // Status words are read as a sighted user sees them: without icon titles or screen-reader text.
  return family === 'word' ? visibleText(el) : ownText(el);
}

export function rawValue(el: Element, locator: FieldLocator, field: FieldName): RawValue {
  const attr = locator.attr ? squish(el.getAttribute(locator.attr) ?? '') : '';
  const shown = shownText(el, FAMILY[field]);
  return attr ? { el, text: shown, attr } : { el, text: shown };
}

function quote(value: string): string {
  return `"${squish(value).slice(0, 60)}"`;
}

// ---- dates -------------------------------------------------------------------------------

/** Machine timestamps (ISO, epoch seconds or milliseconds) need no date order. */
function isMachineStamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{10}(\.\d+)?$/.test(value) || /^\d{13}$/.test(value);
}

function isDate(reading: ReturnType<typeof parseDate>): reading is PageDate {
  return typeof reading === 'object';
}

/** The values of a date field that depend on the date order: everything but machine timestamps. */
export function humanDateValues(raw: RawValue | undefined): string[] {
  if (!raw) return [];
  const values = raw.attr && !isMachineStamp(raw.attr) ? [raw.attr] : [];
  return raw.text ? [...values, raw.text] : values;
}

/**
 * The page's language order: en-US, a bare "en" and no `lang` at all read month first; every
 * other language day first. (lib/extract's columnDateOrder reads a bare "en" day first; the
 * design says month first, so teach mode keeps its own rule here.)
 */
function langDateOrder(lang: string): DateOrder {
  const value = lang.trim();
  return value === '' || /^en$/i.test(value) || /^en[-_]us\b/i.test(value) ? 'mdy' : 'dmy';
}

export type DateContext = { order: DateOrder; mixed: boolean; now: Date };

/**
 * Decides once for the whole list how its "a/b/yyyy" dates read: a value valid only day first
 * proves day first, one valid only month first proves month first; with no proof the page's
 * language decides; with proof both ways the list is `mixed` and its ambiguous dates are dropped.
 *
 * @example decideDateOrder(['03/15/2026', '04/05/2026'], 'ru') // { order: 'mdy', mixed: false }
 */
export function decideDateOrder(values: readonly string[], lang: string): { order: DateOrder; mixed: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const [asDmy, asMdy] = [parseDate(value, 'dmy'), parseDate(value, 'mdy')];
    if (isDate(asDmy) && asMdy === 'invalid') dayFirst = true;
    if (isDate(asMdy) && asDmy === 'invalid') monthFirst = true;
  }
  if (dayFirst && monthFirst) return { order: langDateOrder(lang), mixed: true };
  return { order: dayFirst ? 'dmy' : monthFirst ? 'mdy' : langDateOrder(lang), mixed: false };
}

/** A printed date: a date, 'stop' when it was shaped like one but unusable (warned), undefined when it is no date. */
function readPrinted(value: string, dates: DateContext, warnings: Warnings, what: string): PageDate | 'stop' | undefined {
  if (dates.mixed) {
    const [asDmy, asMdy] = [parseDate(value, 'dmy'), parseDate(value, 'mdy')];
    if (isDate(asDmy) && isDate(asMdy) && asDmy.date !== asMdy.date) {
      warnings.add(`Ambiguous ${what} ${quote(value)} dropped: this list writes dates both day first and month first.`);
      return 'stop';
    }
    // Valid one way only: that is how this value reads, whatever the others do.
    if (isDate(asDmy)) return asDmy;
    if (isDate(asMdy)) return asMdy;
  }
  const reading = parseDate(value, dates.order);
  if (reading === 'invalid') {
    warnings.add(`Invalid ${what} ${quote(value)} ignored.`);
    return 'stop';
  }
  return reading;
}

/** A date field: the attribute's exact value first, then the printed text, then relative text ("3 дня назад"). */
export function readDate(raw: RawValue | undefined, dates: DateContext, warnings: Warnings, what: string): PageDate | undefined {
  if (!raw) return undefined;
  if (raw.attr) {
    if (isMachineStamp(raw.attr)) {
      const stamp = parseTimestamp(raw.attr);
      if (isDate(stamp)) return stamp;
    } else {
      const printed = readPrinted(raw.attr, dates, warnings, what);
      if (printed === 'stop') return undefined;
      if (printed) return printed;
    }
  }
  if (!raw.text) return undefined;
  const printed = readPrinted(raw.text, dates, warnings, what);
  if (printed === 'stop') return undefined;
  if (printed) return printed;
  const relative = parseRelative(raw.text, dates.now);
  if (relative) return relative;
  if (/\d/.test(raw.text)) warnings.add(`Unreadable ${what} ${quote(raw.text)} ignored.`);
  return undefined;
}

// ---- money -------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[-−]?\d+(?:\.\d+)?$/;

/** A sum: an attribute's plain number (currency from the text) or the printed amount. */
export function readMoney(raw: RawValue | undefined, warnings: Warnings, what: string): Money | undefined {
  if (!raw) return undefined;
  if (raw.attr && PLAIN_NUMBER.test(raw.attr)) {
    const value = Number(raw.attr.replace('−', '-'));
    const currency = currencyOf(raw.text);
    return currency ? { value, currency } : { value };
  }
  const shown = raw.text || raw.attr || '';
  if (!/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money === 'invalid' || money === undefined) {
    warnings.add(`Invalid ${what} ${quote(shown)} ignored.`);
    return undefined;
  }
  return money;
}

/** A currency named by a code or a mark ("BYN", "₽"). */
export function readCurrency(raw: RawValue | undefined): string | undefined {
  if (!raw) return undefined;
  return currencyOf(raw.attr ?? '') ?? currencyOf(raw.text);
}

// ---- words -------------------------------------------------------------------------------

type Lookup = (raw: string) => string | undefined;

function lookupOf(kind: ListKind, field: FieldName): Lookup | undefined {
  if (field === 'status') return kind === 'invoice' ? invoiceStatusOf : ticketStatusOf;
  if (field === 'priority') return priorityOf;
  if (field === 'satisfaction') return satisfactionOf;
  return undefined;
}

/**
 * A status word by its leading words ("Overdue 21 days", "Paid late", "Просрочен на 5 дней"),
 * or after a label ("Status: Paid"). The vocabulary matches whole values only, so the prefixes
 * are tried here.
 */
function byLeadingWords(lookup: Lookup, raw: string): string | undefined {
  const value = squish(raw);
  if (!value || value.length > 120) return undefined;
  const whole = lookup(value);
  if (whole !== undefined) return whole;
  const colon = value.lastIndexOf(':');
  if (colon >= 0) {
    const labelled = lookup(value.slice(colon + 1).trim());
    if (labelled !== undefined) return labelled;
  }
  const words = value.split(' ');
  for (let count = Math.min(3, words.length - 1); count >= 1; count -= 1) {
    const leading = lookup(words.slice(0, count).join(' '));
    if (leading !== undefined) return leading;
  }
  return undefined;
}

/** Icon labels and tooltips inside a field's element (Odoo-like badges, icon-only status cells). */
function labelsWithin(el: Element): string[] {
  return [el, ...Array.from(el.querySelectorAll('[aria-label], [title], [alt]')).slice(0, 10)].flatMap((node) =>
    ['aria-label', 'title', 'alt'].map((name) => node.getAttribute(name) ?? '').filter(Boolean),
  );
}

/** A status, priority or satisfaction word; text that names none gives a warning. */
export function readWord(raw: RawValue | undefined, kind: ListKind, field: FieldName, warnings: Warnings): string | undefined {
  const lookup = lookupOf(kind, field);
  if (!raw || !lookup) return undefined;
  for (const candidate of [raw.attr ?? '', raw.text, ...labelsWithin(raw.el)]) {
    const word = byLeadingWords(lookup, candidate);
    if (word !== undefined) return word;
  }
  const shown = raw.attr || raw.text;
  if (shown) warnings.add(`Unknown ${field} ${quote(shown)} ignored.`);
  return undefined;
}

// ---- text --------------------------------------------------------------------------------

const ELLIPSIS = /(?:…|\.\.\.)$/;

/** A name cut short on screen ("Globex Corporation Intern…") and its full form in a tooltip. */
function untruncated(el: Element, shown: string): string {
  if (!ELLIPSIS.test(shown)) return shown;
  const stem = shown.replace(ELLIPSIS, '').trim();
  const near = [el, ...Array.from(el.querySelectorAll('[title], [aria-label]')).slice(0, 5)];
  for (let parent = el.parentElement, level = 0; parent && level < 2; parent = parent.parentElement, level += 1) near.push(parent);
  for (const node of near) {
    for (const name of ['title', 'aria-label']) {
      const full = squish(node.getAttribute(name) ?? '');
      if (full.length > stem.length && full.startsWith(stem)) return full;
    }
  }
  return shown;
}

/** A text field: the attribute when it holds the whole text (the screen cut it, or shows none), else the text. */
export function readText(raw: RawValue | undefined): string {
  if (!raw) return '';
  const { attr, text: shown } = raw;
  if (attr && (shown === '' || attr.startsWith(shown.replace(ELLIPSIS, '').trim()))) return attr;
  return untruncated(raw.el, shown);
}

/** Invoice numbers and ticket ids as shown, less a leading "#" or "№". */
export function cleanId(raw: string): string {
  return squish(raw.replace(/^\s*[#№]\s*/, ''));
}

/** Tags as chips (one element each) or as a comma-separated line. */
export function readTags(raw: RawValue | undefined, warnings: Warnings): string[] | undefined {
  if (!raw) return undefined;
  const chips = Array.from(raw.el.children).map((chip) => text(chip));
  const tags = (chips.length > 0 && chips.every(Boolean) ? chips : raw.text.split(/[,;]/)).map(squish).filter(Boolean);
  if (!tags.length) return undefined;
  if (tags.length > LIMITS.maxTags) warnings.add(`A ticket with more than ${LIMITS.maxTags} tags: the rest were dropped.`);
  return tags.slice(0, LIMITS.maxTags).map((tag) => tag.slice(0, LIMITS.maxText));
}

// ---- choosing where a value lives (teaching) ----------------------------------------------

/** Attributes that may hold a field's exact value, as the profile schema allows them. */
function isValueAttribute(name: string): boolean {
  if (['title', 'datetime', 'aria-label', 'alt', 'content', 'value'].includes(name)) return true;
  return /^data-[a-z0-9_-]{1,40}$/.test(name) && !isGeneratedName(name.slice(5));
}

/** How exact an attribute's value is for a field: 0 when it holds nothing of the field. */
function attributeRank(field: FieldName, kind: ListKind, name: string, value: string, holder: Element): number {
  if (!value) return 0;
  const family = FAMILY[field];
  if (family === 'date') {
    if (isMachineStamp(value)) return isDate(parseTimestamp(value)) ? (name === 'datetime' ? 4 : 3) : 0;
    return isDate(parseDate(value, 'dmy')) || isDate(parseDate(value, 'mdy')) ? 2 : 0;
  }
  if (family === 'word') {
    const lookup = lookupOf(kind, field);
    return lookup && byLeadingWords(lookup, value) !== undefined ? 3 : 0;
  }
  if (family === 'money') return PLAIN_NUMBER.test(value) && (name.startsWith('data-') || name === 'value' || name === 'content') ? 3 : 0;
  if (family === 'currency') return /^[A-Z]{3}$/.test(value) && currencyOf(value) ? 3 : 0;
  if (family === 'text') {
    const shown = text(holder);
    if (shown === '') return 2;
    const stem = shown.replace(ELLIPSIS, '').trim();
    return ELLIPSIS.test(shown) && value.length > stem.length && value.startsWith(stem) ? 3 : 0;
  }
  return 0;
}

/** How well the visible text alone gives the field. */
function textRank(field: FieldName, kind: ListKind, el: Element): number {
  const family = FAMILY[field];
  const shown = shownText(el, family);
  if (!shown) return 0;
  if (family === 'date') {
    if (isDate(parseDate(shown, 'dmy')) || isDate(parseDate(shown, 'mdy'))) return 1.5;
    return parseRelative(shown, new Date()) ? 1 : 0;
  }
  if (family === 'word') {
    const lookup = lookupOf(kind, field);
    return lookup && byLeadingWords(lookup, shown) !== undefined ? 2.5 : 0;
  }
  if (family === 'money') return typeof parseAmount(shown) === 'object' ? 2 : 0;
  if (family === 'currency') return currencyOf(shown) ? 2 : 0;
  return 1;
}

/**
 * Where a field's value lives, from the element the user pointed at: that element's text, or an
 * attribute on it, inside it (an icon's aria-label) or around it within the cell (a `<time>`
 * around the clicked text) that holds the value more exactly.
 */
export function valueHolder(field: FieldName, kind: ListKind, pointed: Element, cell: Element): { el: Element; attr?: string } {
  const near: Element[] = [pointed, ...Array.from(pointed.querySelectorAll('*')).slice(0, 30)];
  if (pointed !== cell) {
    for (let parent = pointed.parentElement; parent; parent = parent.parentElement) {
      near.push(parent);
      if (parent === cell) break;
    }
  }
  let best: { el: Element; attr: string; rank: number } | undefined;
  for (const el of near) {
    for (const attribute of Array.from(el.attributes)) {
      const name = attribute.name.toLowerCase();
      if (!isValueAttribute(name)) continue;
      const rank = attributeRank(field, kind, name, squish(attribute.value), el);
      if (rank > 0 && (!best || rank > best.rank)) best = { el, attr: name, rank };
    }
  }
  if (best && best.rank > textRank(field, kind, pointed)) return { el: best.el, attr: best.attr };
  return { el: pointed };
}
