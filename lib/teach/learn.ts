import { pathPatternOf } from './address';
import { describeStep, isDescribableTag, isHeaderRow, lookAlikeRows, lookAlikesOfLast, recordChain, tagOf, walkPath } from './locate';
import { checkProfile, FIELDS_OF, ONE_OF, REQUIRED_FIELDS, type FieldLocator, type FieldName, type ListKind, type SiteProfile, type Step } from './profile';
import { readRows } from './read';
import { headingOf, stableAttributes } from './stable';
import { valueHolder } from './values';
import { Warnings } from './warnings';

/** What the user pointed at: one row of the list and, inside it, the elements that hold its fields. */
export type TaughtExample = { kind: ListKind; row: Element; fields: Partial<Record<FieldName, Element>> };

type LearnResult = { ok: true; profile: SiteProfile } | { ok: false; error: string };

/** Field names as the errors say them. */
const SPOKEN: Readonly<Record<FieldName, string>> = {
  client: 'client', number: 'invoice number', issued: 'issue date', due: 'due date', paid: 'paid date',
  amount: 'amount', currency: 'currency', status: 'status', discount: 'discount', id: 'ticket number',
  created: 'created time', priority: 'priority', satisfaction: 'satisfaction rating', tags: 'tags', subject: 'subject',
};

class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

/** The child of the row that holds an element (the element itself when it is one). */
function cellOfElement(row: Element, el: Element): Element | undefined {
  let current: Element | null = el;
  while (current && current.parentElement !== row) current = current.parentElement;
  return current ?? undefined;
}

/** Attributes of `el` that every peer has with the same value: what identifies this place in every row. */
function sharedAttributes(el: Element, peers: readonly Element[]): Record<string, string> | undefined {
  if (!peers.length) return undefined;
  const shared = Object.entries(stableAttributes(el)).filter(([name, value]) => peers.every((peer) => peer.getAttribute(name) === value));
  return shared.length ? Object.fromEntries(shared) : undefined;
}

/**
 * Where one field lives: the cell (by position, and by the attributes that name it in every row),
 * the path of tags and positions from the cell down, the attributes every row shares on that
 * path, and the attribute that holds the exact value.
 */
function locateField(field: FieldName, kind: ListKind, pointed: Element, row: Element, siblings: readonly Element[]): FieldLocator {
  const pointedCell = cellOfElement(row, pointed) ?? row;
  const holder = valueHolder(field, kind, pointed, pointedCell);
  const attr = holder.attr ? { attr: holder.attr } : {};
  if (holder.el === row) return { path: [], ...attr };
  const cell = cellOfElement(row, holder.el);
  if (!cell) refuse(`The ${SPOKEN[field]} you pointed at is not inside the row.`);
  const index = Array.from(row.children).indexOf(cell);
  const peerCells = siblings.flatMap((sibling) => {
    const peer = sibling.children[index];
    return peer ? [peer] : [];
  });
  const locator: FieldLocator = { cell: index, path: [], ...attr };
  const named = Object.entries(sharedAttributes(cell, peerCells) ?? {}).filter(
    // A name shared by two cells of one row names neither.
    ([name, value]) => Array.from(row.children).filter((child) => child.getAttribute(name) === value).length === 1,
  );
  if (named.length) locator.cellAttrs = Object.fromEntries(named);
  const below: Element[] = [];
  for (let el: Element | null = holder.el; el && el !== cell; el = el.parentElement) below.unshift(el);
  if (below.some((el) => !isDescribableTag(el))) refuse(`The ${SPOKEN[field]} sits in an element this profile cannot describe.`);
  const path: Step[] = [];
  for (const el of below) {
    const step = describeStep(el);
    path.push(step);
    const peers = peerCells.flatMap((peerCell) => {
      const peer = walkPath(peerCell, path);
      return peer ? [peer] : [];
    });
    const attrs = sharedAttributes(el, peers);
    if (attrs) step.attrs = attrs;
  }
  locator.path = path;
  if (path.length) {
    const pick = lookAlikesOfLast(cell, locator).indexOf(holder.el);
    if (pick > 0) locator.pick = pick;
  }
  return locator;
}

function originAndPattern(url: string): { origin: string; pathPattern: string } {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    refuse('The page address is not valid.');
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') refuse('Only web pages can be taught.');
  return { origin: page.origin, pathPattern: pathPatternOf(page) };
}

function checkExample(doc: Document, example: TaughtExample): void {
  if (example.kind !== 'invoice' && example.kind !== 'ticket') refuse('Say whether the list holds invoices or tickets.');
  const { row, fields } = example;
  if (!row || row.ownerDocument !== doc || !doc.documentElement.contains(row)) refuse('The row you pointed at is not on this page.');
  const allowed = new Set<string>(FIELDS_OF[example.kind]);
  for (const [name, el] of Object.entries(fields) as [FieldName, Element | undefined][]) {
    if (!el) continue;
    if (!allowed.has(name)) refuse(`There is no ${SPOKEN[name] ?? 'such field'} in ${ONE_OF[example.kind]}.`);
    if (!row.contains(el)) refuse(`The ${SPOKEN[name]} you pointed at is not inside the row.`);
  }
  for (const name of REQUIRED_FIELDS[example.kind]) {
    if (!fields[name]) {
      refuse(
        name === 'client'
          ? "Point at the client's name in the row: a row without a client cannot be kept."
          : `Point at the ${SPOKEN[name]} in the row: ${ONE_OF[example.kind]} cannot be kept without it.`,
      );
    }
  }
}

function learn(doc: Document, url: string, example: TaughtExample): SiteProfile {
  const { origin, pathPattern } = originAndPattern(url);
  checkExample(doc, example);
  const { row, kind } = example;
  const container = row.parentElement;
  if (!container || isHeaderRow(row)) refuse('This row looks like the header of the list: point at a row that shows an invoice or a ticket.');
  const siblings = lookAlikeRows(row);
  if (!siblings.length) refuse('This row is not part of a list: nothing beside it looks like it. Point at one whole row of a list with at least two rows.');
  if (!isDescribableTag(row)) refuse('The rows of this list are elements this profile cannot describe.');
  const role = row.getAttribute('role');
  const heading = headingOf(container);
  const rows: SiteProfile['rows'] = {
    chain: recordChain(container),
    ...(heading ? { heading } : {}),
    tag: tagOf(row),
    ...(role && /^[a-z][a-z0-9-]{0,31}$/.test(role) ? { role } : {}),
    cells: Math.min(row.childElementCount, 500),
  };
  const fields: SiteProfile['fields'] = {};
  for (const name of FIELDS_OF[kind]) {
    const pointed = example.fields[name];
    if (pointed) fields[name] = locateField(name, kind, pointed, row, siblings);
  }
  const profile: SiteProfile = { version: 1, kind, origin, pathPattern, rows, fields, learnedAt: new Date().toISOString() };
  // The stored form is JSON: check what will be stored, exactly as the reader will check it.
  const checked = checkProfile(JSON.parse(JSON.stringify(profile)));
  if (!checked.ok) refuse(`This list cannot be described in a profile: ${checked.error}.`);
  const warnings = new Warnings();
  const readings = readRows(doc, checked.profile, new Date(), warnings);
  const own = readings.find((reading) => reading.row === row);
  if (!own) refuse('The list could not be found again from this row: point at a row of the main list.');
  if (!own.observation) refuse(`This row does not read with what you pointed at${warnings.list[0] ? `: ${warnings.list[0]}` : '.'}`);
  return checked.profile;
}

/**
 * Learns where a list's rows and fields are from one row the user pointed at, so that every row
 * of the list, of its other pages, and of the same page after a redeploy can be read
 * (readWithProfile). Structure, ARIA and hand-written attributes are kept; generated class names
 * never. The result is checked by reading the page with it: a profile that does not read the
 * example row back is refused. Never throws.
 *
 * @example
 * const row = doc.querySelector('[data-invoice-row]')!;
 * const result = learnProfile(doc, location.href, {
 *   kind: 'invoice',
 *   row,
 *   fields: { client: row.querySelector('a')!, number: row.children[1]!, due: row.querySelector('time')! },
 * });
 * if (result.ok) save(result.profile); else show(result.error);
 */
export function learnProfile(doc: Document, url: string, example: TaughtExample): LearnResult {
  try {
    return { ok: true, profile: learn(doc, url, example) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    return { ok: false, error: `This row could not be learnt: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}.` };
  }
}
