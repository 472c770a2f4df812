import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import type { ClientRef, Lang } from '../model';

/*
 * The site-reader seam, in a file of its own so readers, the registry and the generic reader
 * import it without a circle. Like a Zotero translator: `detect` says whether a page is this
 * product's and of which item type; `extract` reads it. Like Refined GitHub's features, every
 * reader runs on its own: one that throws or reads nothing leaves the page to the next reader
 * and then to the generic one.
 */

/** What a product page lists. A reader claims a page only with the item type it reads. */
export type ItemType = 'invoice-list' | 'invoice' | 'ticket-list' | 'ticket' | 'client';

export type SiteReadContext = {
  /** The page load time, for relative times. */
  now: Date;
  /** Where observations and warnings go (capped, without repeats, as the generic reader's). */
  report: PageReport;
};

export type SiteReader = {
  /** Stable id, e.g. 'odoo-invoices'; shown nowhere, stored in the tab row as who read the page. */
  id: string;
  /** The product, as its users call it ("Odoo", "Bitrix24"). */
  product: string;
  /** "Read by: …" in the popup, in both languages ("Odoo invoice list" / "список счетов Odoo"). */
  label: Readonly<Record<Lang, string>>;
  /** What it reads, for the options page's list of supported products. */
  reads: Readonly<Record<Lang, string>>;
  /** Hosted domains of the product (Bitrix24, HubSpot…), so the popup can recognise a page not yet enabled. */
  hosts?: RegExp;
  /** The page's item type when this reader reads it (by address and page markers), else undefined. */
  detect(doc: Document, url: string): ItemType | undefined;
  /**
   * Reads the page into `ctx.report`, yielding between chunks of rows so a long list never
   * blocks the page. Returns the page's subject where the page is about one client (a customer
   * portal's logged-in company, a client card); a list page has none.
   */
  extract(doc: Document, url: string, ctx: SiteReadContext): Steps<{ subject?: ClientRef } | void>;
};
