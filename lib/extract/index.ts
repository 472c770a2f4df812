import type { PageExtract } from '../model';
import { SITE_READERS } from '../sites';
import { readPageInChunks, readPageNow } from './read-page';

export { pageFingerprint } from './fingerprint';

export type ExtractOptions = {
  /** The page load time, against which "3 days ago" resolves. Default: now. */
  now?: Date;
};

/**
 * Reads invoices, tickets and ticket counts from a page: a site reader of the registry
 * (lib/sites) that claims it, else the generic reader. Pure and synchronous: no browser APIs,
 * runs the same in the content script and in happy-dom. Never throws; problems become warnings.
 *
 * @example extractPage(document, location.href).observations
 */
export function extractPage(doc: Document, url: string, opts: ExtractOptions = {}): PageExtract {
  return readPageNow(doc, url, { ...opts, siteReaders: SITE_READERS });
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
  return readPageInChunks(doc, url, { ...opts, siteReaders: SITE_READERS });
}
