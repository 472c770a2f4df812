/*
 * One page read, in the order of trust, without the site readers' code: the always-on content
 * script imports this module alone (the site readers come in a bundle of their own and are passed
 * in when it lands), so it stays small; lib/extract/index.ts reads with the whole registry.
 */
import type { ClientRef, PageExtract } from '../model';
import type { ItemType, SiteReader } from '../sites/types';
import { countObservations, findCountLabels } from './counts';
import { dateProofCollector, decideDateOrder } from './dates';
import { isHeaderWord } from './columns';
import { divLists } from './div-lists';
import { ariaGridAround, gridOf, type Grid } from './grid';
import { shortTexts } from './labels';
import { buildList, collectList, namesNobody, planGrid, type ListContext, type ListHeader, type PendingList } from './lists';
import { buildRecord, findRecords, recordDateTexts, type PendingRecord } from './records';
import { PageReport } from './report';
import { JSON_LD, MICRODATA_ROOTS, RDFA_ROOTS, schemaOrgDateTexts, schemaOrgInvoices, schemaOrgItems, type Item } from './schema-org';
import { runInSlices, runToEnd, type Steps } from './steps';
import { findSubject } from './subject';
import { squish, text } from './text';
import { SUPPLIER_CONTEXT } from './vocabulary';

type PlannedList = { grid: Grid; header: ListHeader };

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}

/** Runs one reader; if it throws, says so and lets the others run. */
function attempt<T>(report: PageReport, reader: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    report.warn(`The ${reader} reader failed: ${describe(error)}`);
    return fallback;
  }
}

function* attemptSteps<T>(report: PageReport, reader: string, steps: () => Steps<T>, fallback: T): Steps<T> {
  try {
    return yield* steps();
  } catch (error) {
    report.warn(`The ${reader} reader failed: ${describe(error)}`);
    return fallback;
  }
}

/**
 * The page's first headings of the first two levels, from tag collections: a lookup stops at the
 * first match, where a selector over every element of a long page would walk all of it. Each
 * whole-document lookup is a step of its own, so a chunked read gives the page back between them
 * (a 50,000-row page has half a million elements).
 */
function* headingsOf(doc: Document): Steps<Element[]> {
  const h1 = doc.getElementsByTagName('h1').item(0);
  yield;
  const h2 = doc.getElementsByTagName('h2').item(0);
  return [h1, h2].filter((heading): heading is HTMLHeadingElement => heading !== null);
}

/** Where schema.org items may be: JSON-LD scripts (a tag collection), then microdata and RDFa items, each lookup a step. */
function* schemaOrgRoots(doc: Document): Steps<Element[]> {
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((script) => script.matches(JSON_LD));
  yield;
  const microdata = Array.from(doc.querySelectorAll(MICRODATA_ROOTS));
  yield;
  return [...scripts, ...microdata, ...Array.from(doc.querySelectorAll(RDFA_ROOTS))];
}

/** ARIA grids (div-drawn in React apps) that hold header words among the page's short texts. */
function ariaGrids(texts: readonly Text[]): Element[] {
  const found = new Set<Element>();
  for (const node of texts) {
    const value = node.nodeValue ?? '';
    if (value.length > 60 || !isHeaderWord(value)) continue;
    const grid = node.parentElement ? ariaGridAround(node.parentElement) : null;
    if (grid && grid.localName !== 'table') found.add(grid);
  }
  return [...found];
}

/** Words that say what the page is: its title, address and top headings. */
function pageContext(doc: Document, url: string, headings: readonly Element[]): string {
  return squish([doc.title, url, ...headings.slice(0, 10).map((heading) => text(heading))].join(' ')).slice(0, 2000);
}

/** A list's own caption or label, which may say "Invoices" where the page does not. */
function gridContext(root: Element): string {
  // A caption is a child of its table: a query would walk every cell of a long one.
  let caption = '';
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) if (child.localName === 'caption') caption = child.textContent ?? '';
  return squish([caption, root.getAttribute('aria-label') ?? ''].join(' '));
}

function planLists(grids: readonly Grid[], context: string): PlannedList[] {
  const planned: PlannedList[] = [];
  for (const grid of grids) {
    const header = planGrid(grid, `${context} ${gridContext(grid.root)}`);
    if (header) planned.push({ grid, header });
  }
  return planned;
}

function pageLang(doc: Document): string {
  return squish(doc.documentElement?.getAttribute('lang') ?? doc.body?.getAttribute('lang') ?? '');
}

/**
 * Site readers first, each on its own: the first that claims the page (with its item type) and
 * reads something wins. One that reads nothing or throws leaves the page to the next reader and
 * then to the generic one; what it said is kept among the warnings.
 */
function* readBySite(doc: Document, url: string, now: Date, readers: readonly SiteReader[], said: string[], claims: Claim[]): Steps<PageExtract | undefined> {
  for (const reader of readers) {
    const report = new PageReport();
    const type = attempt(report, reader.id, () => reader.detect(doc, url), undefined);
    if (!type) {
      said.push(...report.warnings);
      continue;
    }
    let result: { subject?: ClientRef } | void;
    try {
      result = yield* reader.extract(doc, url, { now, report });
    } catch (error) {
      // Half a read is not trusted: what it had read is dropped, what it said is kept.
      said.push(...report.warnings, `The ${reader.id} reader failed: ${describe(error)}`);
      continue;
    }
    const subject = result ? result.subject : undefined;
    if (report.observations.length > 0) {
      return { ...(subject ? { subject } : {}), observations: report.observations, warnings: report.warnings, readBy: reader.id };
    }
    claims.push({ readBy: reader.id, type, ...(subject ? { subject } : {}) });
    said.push(...report.warnings);
  }
  return undefined;
}

/**
 * A site reader that knew the page (its product, its item type) but read no rows from it: an
 * empty list, or one it could not read. The generic reader still runs, and keeps what the site
 * reader knew: a list page has no subject (its title, "Deals", is no client), a customer portal's
 * logged-in company is the subject even with no invoices listed.
 */
type Claim = { readBy: string; type: ItemType; subject?: ClientRef };

const LIST_TYPES: ReadonlySet<ItemType> = new Set(['invoice-list', 'ticket-list']);

/** The texts that are in none of the elements: one walk up from each (a div list has thousands of rows). */
function outsideOf(texts: readonly Text[], elements: readonly Element[]): Text[] {
  const set = new Set(elements);
  return texts.filter((node) => {
    for (let el = node.parentElement; el; el = el.parentElement) if (set.has(el)) return false;
    return true;
  });
}

/** Whether the page's own words (or, with no `lang`, the absence of Cyrillic) make it English. */
function isEnglish(context: string, lists: readonly PlannedList[]): boolean {
  return !/[а-яё]/i.test(context) && !lists.some((list) => /[а-яё]/i.test(text(list.header.row)));
}

function* generic(doc: Document, url: string, now: Date, said: readonly string[], claim?: Claim): Steps<PageExtract> {
  const report = new PageReport();
  for (const warning of said) report.warn(warning);
  const headings = yield* attemptSteps(report, 'page', () => headingsOf(doc), []);
  const context = pageContext(doc, url, headings);
  const lang = pageLang(doc);
  yield;
  const tableElements = attempt(report, 'table', () => Array.from(doc.getElementsByTagName('table')), []);
  yield;
  const tables = attempt(report, 'table', () => planLists(tableElements.map(gridOf), context), []);
  yield;
  const allTexts = yield* attemptSteps(report, 'label', () => shortTexts(doc, new Set(tables.map((list) => list.grid.root))), []);
  const aria = attempt(report, 'table', () => planLists(ariaGrids(allTexts).map(gridOf), context), []);
  const found = attempt(report, 'list', () => divLists(allTexts), []);
  const divs = attempt(report, 'list', () => planLists(found.map((list) => list.grid), context), []);
  // The words of a list's header and rows are the list's, never a label or the page's subject.
  const parts = [
    ...aria.map((list) => list.grid.root),
    ...found.filter((list) => divs.some((planned) => planned.grid === list.grid)).flatMap((list) => list.parts),
  ];
  const outside = parts.length ? outsideOf(allTexts, parts) : allTexts;
  let records: PendingRecord[] = attempt(report, 'record', () => findRecords(doc, outside), []);
  // A card's own labels ("Client: …") are that card's, never the page's subject.
  const cards = records.filter((record) => record.card);
  const texts = cards.length ? outsideOf(outside, cards.map((card) => card.root)) : outside;
  let lists = [...tables, ...aria, ...divs];
  if (SUPPLIER_CONTEXT.test(context) && (lists.length || records.length)) {
    report.warn('A list of supplier bills, not of invoices to clients: not read.');
    lists = [];
    records = [];
  }
  const counts = attempt(report, 'count', () => findCountLabels(texts), []);
  // A list that names nobody is about the page's client, so it backs up a heading as the subject;
  // a list that only its status words make one, or a count label ("Tickets (230)" on a dashboard), is too weak to.
  const needsSubject =
    lists.some(({ header }) => namesNobody(header.plan) && !header.plan.needsStatusProof) || records.some((record) => !record.fields.has('client'));
  let subject: ClientRef | undefined = attempt(report, 'subject', () => findSubject(doc, url, texts, needsSubject, report), undefined);
  yield;
  const partial: ListContext = { now, lang, report, ...(subject ? { subject } : {}) };
  const pending: PendingList[] = [];
  for (const { grid, header } of lists) {
    const collected = yield* attemptSteps(report, 'table', () => collectList(grid, header, partial), undefined);
    if (collected) pending.push(collected);
  }
  yield;
  const markup = yield* attemptSteps(report, 'schema.org', () => schemaOrgRoots(doc), []);
  const items: Item[] = attempt(report, 'schema.org', () => schemaOrgItems(markup, report), []);
  // The date order is decided once, from every date on the page.
  const others = dateProofCollector();
  for (const record of records) for (const value of recordDateTexts(record)) others.note(value);
  for (const value of schemaOrgDateTexts(items)) others.note(value);
  const dateOrder = decideDateOrder([...pending.map((collected) => collected.proof), others.proof], lang, { english: isEnglish(context, lists) });
  const list = { ...partial, dateOrder };
  for (const collected of pending) yield* attemptSteps(report, 'table', () => buildList(collected, list), undefined);
  const structured = attempt(report, 'schema.org', () => schemaOrgInvoices(items, report, dateOrder), []);
  for (const record of records) {
    // An invoice page that describes its invoice in schema.org is read from that, not twice.
    if (structured.length && !cards.includes(record)) continue;
    const observation = attempt(report, 'record', () => buildRecord(record, list), undefined);
    if (observation) report.add(observation);
  }
  for (const invoice of structured) report.add(invoice);
  // An invoice page is about its customer when nothing else names the page's client.
  subject ??= structured[0]?.client;
  // A page listing several clients is about none of them.
  if (report.clientCount > 1) subject = undefined;
  if (claim) subject = claim.subject ?? (LIST_TYPES.has(claim.type) ? undefined : subject);
  if (subject) for (const count of countObservations(counts, subject)) report.add(count);
  // An empty list a site reader knew is that reader's read, not the generic reader's.
  const readBy = claim && report.observations.length === 0 ? claim.readBy : 'generic';
  return { ...(subject ? { subject } : {}), observations: report.observations, warnings: report.warnings, readBy };
}

/**
 * The order of trust (DESIGN.md, "Reading pages"): a site reader that claims the page, then a
 * profile the user taught, then the page's own structure (the generic reader).
 */
function* readPage(doc: Document, url: string, now: Date, opts: ReadOptions): Steps<PageExtract> {
  const said: string[] = [];
  const claims: Claim[] = [];
  const bySite = yield* readBySite(doc, url, now, opts.siteReaders ?? [], said, claims);
  if (bySite) return bySite;
  const { taught } = opts;
  if (taught) {
    const report = new PageReport();
    const read = attempt(report, 'taught profile', () => taught(doc, url, now), undefined);
    if (read && read.observations.length > 0) return { ...read, readBy: read.readBy ?? 'profile' };
    said.push(...report.warnings, ...(read?.warnings ?? []));
  }
  return yield* generic(doc, url, now, said, claims[0]);
}

/** What a page read may use beyond the generic reader; this module never imports the site readers itself. */
type ReadOptions = {
  /** The page load time, against which "3 days ago" resolves. Default: now. */
  now?: Date;
  /** Site readers to try first, in order (the registry, lib/sites, where the bundle carries it). */
  siteReaders?: readonly SiteReader[];
  /** The reader of a profile the user taught for this page, tried after the site readers. */
  taught?: (doc: Document, url: string, now: Date) => PageExtract | undefined;
};

/**
 * Reads a page in one go: the site readers given, a taught profile, then the generic reader.
 * Pure and synchronous; never throws, problems become warnings.
 */
export function readPageNow(doc: Document, url: string, opts: ReadOptions = {}): PageExtract {
  return runToEnd(readPage(doc, url, opts.now ?? new Date(), opts));
}

/**
 * The same read spread over idle callbacks so that no task blocks the page for long (a
 * 10,000-row table included). Rejects with the signal's reason when aborted. The always-on
 * content script calls this, with the site readers once their bundle has landed.
 */
export function readPageInChunks(doc: Document, url: string, opts: ReadOptions & { signal?: AbortSignal } = {}): Promise<PageExtract> {
  return runInSlices(readPage(doc, url, opts.now ?? new Date(), opts), opts.signal);
}

