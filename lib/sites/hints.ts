/*
 * Cheap hints that a page may be one a site reader reads, for the always-on content script: when
 * one matches, the background injects the bundle with every site reader; otherwise the page is
 * left to the generic reader alone. Bundled on its own into that script, so it imports nothing
 * (above all not the readers or their registry) and holds only plain regexes and strings.
 *
 * Each hint is a necessary condition of its reader's `detect`: wherever `detect` can return an
 * item type, the hint matches (lib/sites/hints.test.ts checks this on every fixture page). A hint
 * keys on one thing the reader itself requires: the address where that is the product's own (no
 * DOM work, and it holds before a single-page app has rendered), else the product's markup, where
 * the reader tests no address or one that other apps share (/my/invoices, /agent, /a/tickets). A
 * hint never needs to be sufficient: the reader's own `detect` decides.
 */

export type SiteHint = {
  /** The site reader's id (SiteReader.id), one hint per reader. */
  id: string;
  /** Matched against the page's hostname. */
  hosts?: RegExp;
  /** Matched against the whole (parsed) address; path patterns are left unanchored, a harmless widening. */
  url?: RegExp;
  /** A CSS selector the page's markup must contain; all of them go into one querySelector call. */
  selector?: string;
};

export const SITE_HINTS: readonly SiteHint[] = [
  // Any Dolibarr list table (`table.tagtable.liste` or `table.liste`): detect needs one, wherever the list lives.
  { id: 'dolibarr', selector: 'table.liste' },
  // The backend list's table, required by detect on /web# and on /odoo/<action> alike.
  { id: 'odoo-invoices', selector: 'table.o_list_table' },
  // The portal's named header cell or its layout (`o_portal…` classes): many portals besides Odoo's use /my/invoices.
  { id: 'odoo-portal-invoices', selector: 'th[name=invoice_number],[class*=o_portal]' },
  // The route, /app/sales-invoice[/view/list] or /desk (its hash may come encoded); any Frappe app has `.frappe-list`.
  { id: 'erpnext-sales-invoices', url: /\/(?:app\/sales-invoice(?:\/view\/list)?|desk)\/?(?:[?#]|$)/ },
  // The route: /app/issue[/view/list], or /desk (#List/Issue).
  { id: 'erpnext-issues', url: /\/(?:app\/issue(?:\/view\/list)?|desk)\/?(?:[?#]|$)/ },
  // The agent list's path, /helpdesk/tickets, exactly (a ticket's own page is not read).
  { id: 'frappe-helpdesk-tickets', url: /\/helpdesk\/tickets\/?(?:[?#]|$)/ },
  // The admin app's table hook `data-cy="dataTable"`: its path test (any …/invoices) is too loose to hint on.
  { id: 'invoice-ninja-invoices', selector: '[data-cy="dataTable"]' },
  // The list view's `table.list.view`: the module sits in the query or, encoded, in the Ajax UI's hash.
  { id: 'suitecrm-invoices', selector: 'table.list.view' },
  // The index table (`table#tbl-invoices` or Argon's `table.table-flush`): other invoicing apps use /sales/invoices too.
  { id: 'akaunting-invoices', selector: '#tbl-invoices,.table-flush' },
  // The overview's hash route, #ticket/view.
  { id: 'zammad-tickets', url: /#ticket\/view/ },
  // The agent dashboard's path, /app/accounts/<id>.
  { id: 'chatwoot-conversations', url: /\/app\/accounts\/\d/ },
  // The queue table (`table.list.queue.tickets`): the staff path may be rewritten, the table stays.
  { id: 'osticket-tickets', selector: 'table.queue.tickets' },
  // The conversations table: detect looks at nothing else (no address at all).
  { id: 'freescout-conversations', selector: 'table.table-conversations' },
  // The Garden view table (by garden or test id): detect also wants /agent, which look-alike helpdesks share.
  { id: 'zendesk-tickets', selector: 'table[data-garden-id="tables.table"],table[data-test-id=generic-table],table[data-test-id=ticket-table]' },
  // The ticket id's test hook, in every card detect counts: /a/tickets is shared by look-alike helpdesks.
  { id: 'freshdesk-tickets', selector: '[data-test-ticket-id]' },
  // The CRM grid's paths: /crm/invoice/, /crm/type/31/ (smart invoices), /crm/deal/ (self-hosted boxes too).
  { id: 'bitrix24-invoices', url: /\/crm\/(?:invoice|type\/31|deal)\// },
  // The hosted domains, which detect requires (amocrm.ru, amocrm.com, kommo.com).
  { id: 'amocrm-invoices', hosts: /(?:^|\.)(?:amocrm\.(?:ru|com)|kommo\.com)$/i },
  // A Lightning list view of an object named like an invoice; the markup may sit in shadow roots no selector reaches.
  { id: 'salesforce-invoices', url: /\/lightning\/o\/\w*invoice/i },
  // The invoices object (type 0-53) of the CRM index.
  { id: 'hubspot-invoices', url: /\/objects\/0-53\// },
  // The hosted domain, which detect requires (pipedrive.com).
  { id: 'pipedrive-invoices', hosts: /(?:^|\.)pipedrive\.com$/i },
  // The Invoices module's tab path, /crm/[org/]tab/Invoices.
  { id: 'zoho-crm-invoices', url: /\/tab\/Invoices/ },
];

/** Every hint's selector, joined once, so a page costs one querySelector call. */
const SELECTOR = SITE_HINTS.flatMap((hint) => (hint.selector ? [hint.selector] : [])).join(',');

/**
 * Whether any site reader may read this page: its hostname matches a hint's `hosts`, its address a
 * hint's `url`, or its markup holds a hint's `selector`. The address is looked at first, the markup
 * only when it says nothing. False for an address that does not parse; never throws.
 */
export function mayBeKnownProduct(doc: Document, url: string): boolean {
  try {
    const address = new URL(url);
    if (SITE_HINTS.some((hint) => hint.hosts?.test(address.hostname) || hint.url?.test(address.href))) return true;
    return SELECTOR !== '' && doc.querySelector(SELECTOR) !== null;
  } catch {
    return false;
  }
}
