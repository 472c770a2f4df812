import type { SiteReader } from './sites/types';
import type { PageExtract } from './model';

/*
 * The always-on reader is small: the generic reader and a table of hints. The site readers and
 * the taught-profile reader come in a second bundle (entrypoints/extras.content), injected into a
 * tab only when a hint or a taught profile says the page may need them. Both bundles run in the
 * same isolated world of the tab and meet through these slots on its global object, where the
 * page's own scripts (another world) cannot reach them.
 */

/** What the extras bundle leaves for the reader. */
export type ReaderExtras = {
  siteReaders: readonly SiteReader[];
  readWithProfile(doc: Document, url: string, profile: unknown, opts?: { now?: Date }): PageExtract;
};

/** The running reader of this tab, for a second copy or the extras bundle to ask for a fresh read. */
export type RunningReader = { readAgain(): void };

export const RUNNING_READER = Symbol.for('client-signals.reader');
export const READER_EXTRAS = Symbol.for('client-signals.reader-extras');

export type ReaderScope = { [RUNNING_READER]?: RunningReader; [READER_EXTRAS]?: ReaderExtras };

export function readerScope(): ReaderScope {
  return globalThis as unknown as ReaderScope;
}
