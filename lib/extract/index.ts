import type { ClientRef, PageExtract } from '../model';
import { pickSiteReader } from '../sites';
import { countObservations, findCountLabels } from './counts';
import { listGrids, type Grid } from './grid';
import { shortTexts } from './labels';
import { namesNobody, planGrid, readList, type ListContext, type ListHeader } from './lists';
import { PageReport } from './report';
import { readSchemaOrgInvoices } from './schema-org';
import { runInSlices, runToEnd, type Steps } from './steps';
import { findSubject } from './subject';
import { squish, text } from './text';

export type ExtractOptions = {
  /** The page load time, against which "3 days ago" resolves. Default: now. */
  now?: Date;
};

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

/** Words that say what the page is: its title, address and top headings. */
function pageContext(doc: Document, url: string): string {
  const headings = Array.from(doc.querySelectorAll('h1, h2'))
    .slice(0, 10)
    .map((heading) => text(heading));
  return squish([doc.title, url, ...headings].join(' ')).slice(0, 2000);
}

/** A list's own caption or label, which may say "Invoices" where the page does not. */
function gridContext(root: Element): string {
  return squish([root.querySelector('caption')?.textContent ?? '', root.getAttribute('aria-label') ?? ''].join(' '));
}

function planLists(doc: Document, context: string): PlannedList[] {
  const planned: PlannedList[] = [];
  for (const grid of listGrids(doc)) {
    const header = planGrid(grid, `${context} ${gridContext(grid.root)}`);
    if (header) planned.push({ grid, header });
  }
  return planned;
}

function* readPage(doc: Document, url: string, now: Date): Steps<PageExtract> {
  const report = new PageReport();
  const site = attempt(report, 'site', () => pickSiteReader(doc, url), undefined);
  if (site) {
    const extract = attempt(report, site.id, () => site.extract(doc, url, { now }), undefined);
    if (extract) return extract;
  }
  const context = pageContext(doc, url);
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  // Each whole-document query is a step of its own, so a chunked read can give the page back between them.
  yield;
  const lists = attempt(report, 'table', () => planLists(doc, context), []);
  yield;
  const texts = yield* attemptSteps(report, 'label', () => shortTexts(doc, new Set(lists.map((list) => list.grid.root))), []);
  const counts = attempt(report, 'count', () => findCountLabels(texts), []);
  // A list that names nobody is about the page's client, so it backs up a heading as the subject;
  // a list that only its status words make one, or a count label ("Tickets (230)" on a dashboard), is too weak to.
  const needsSubject = lists.some(({ header }) => namesNobody(header.plan) && !header.plan.needsStatusProof);
  let subject: ClientRef | undefined = attempt(report, 'subject', () => findSubject(doc, url, texts, needsSubject, report), undefined);
  yield;
  const listContext: ListContext = { now, lang, report, ...(subject ? { subject } : {}) };
  for (const { grid, header } of lists) {
    yield* attemptSteps(report, 'table', () => readList(grid, header, listContext), undefined);
  }
  yield;
  const structured = attempt(report, 'schema.org', () => readSchemaOrgInvoices(doc, report), []);
  for (const invoice of structured) report.add(invoice);
  // An invoice page is about its customer when nothing else names the page's client.
  subject ??= structured[0]?.client;
  // A page listing several clients is about none of them.
  if (report.clientCount > 1) subject = undefined;
  if (subject) for (const count of countObservations(counts, subject)) report.add(count);
  return { ...(subject ? { subject } : {}), observations: report.observations, warnings: report.warnings };
}

/**
 * Reads invoices, tickets and ticket counts from a page. Pure and synchronous: no browser APIs,
 * runs the same in the content script and in happy-dom. Never throws; problems become warnings.
 *
 * @example extractPage(document, location.href).observations
 */
export function extractPage(doc: Document, url: string, opts: ExtractOptions = {}): PageExtract {
  return runToEnd(readPage(doc, url, opts.now ?? new Date()));
}

/**
 * The same as extractPage, spread over idle callbacks so that no task blocks the page for long
 * (a 10,000-row table included). Rejects with the signal's reason when aborted.
 */
export function extractPageInChunks(
  doc: Document,
  url: string,
  opts: ExtractOptions & { signal?: AbortSignal } = {},
): Promise<PageExtract> {
  return runInSlices(readPage(doc, url, opts.now ?? new Date()), opts.signal);
}
