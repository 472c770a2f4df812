import type { PageExtract } from '../model';
import { dolibarr } from './dolibarr';

/** A reader for one product's pages; when it detects its page it wins over the generic reader. */
export type SiteReader = {
  id: string;
  /** True on this product's pages (by address and page markers). */
  detect(doc: Document, url: string): boolean;
  extract(doc: Document, url: string, opts: { now: Date }): PageExtract;
};

/** Every site reader, tried in order. */
const SITE_READERS: readonly SiteReader[] = [dolibarr];

/** The reader for this page's product, if one knows it. */
export function pickSiteReader(doc: Document, url: string): SiteReader | undefined {
  return SITE_READERS.find((reader) => reader.detect(doc, url));
}
