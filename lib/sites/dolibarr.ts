import type { InvoiceObservation } from '../model';
import { tableGrid } from '../extract/grid';
import { readGrid, type ListHooks } from '../extract/lists';
import { text } from '../extract/text';
import type { SiteReader } from './types';

// Selectors of Dolibarr's customer invoice list, htdocs/compta/facture/list.php (SITE_FACTS §4).
/** The list table (older versions: `table.liste.listwithfilterbefore`). */
const LIST_TABLE = 'table.tagtable.liste, table.liste';
/** The header row; the filter row before or after it is `tr.liste_titre_filter`. */
const HEADER_ROW = 'tr.liste_titre';
/** Data rows alternate styles through one class; the totals row is `tr.liste_total`. */
const DATA_ROW_CLASS = 'oddeven';
/** `img_warning('Alert - Late')`: a Font Awesome triangle whose title is the alert, next to the due date. */
const LATE_PICTO = '.fa-exclamation-triangle, .fa-warning, .pictowarning, [title*="late" i], [title*="просроч" i], img[src*="warning"]';
/** A link to a customer invoice card, in each row's Ref. cell. */
const INVOICE_LINK = 'a[href*="compta/facture/card.php"]';

const LIST_PATH = /\/compta\/facture\/(list|index)\.php/;
/** Supplier bills (fourn/facture) and third-party cards (societe, comm) are not lists of invoices to clients. */
const NOT_OURS = /\/fourn\/|\/societe\/|\/comm\/card\.php|\/supplier/i;

function listTable(doc: Document): Element | null {
  return doc.querySelector(LIST_TABLE);
}

/** Statuses the late picto never changes: Dolibarr shows it only on unpaid invoices. */
const SETTLED = new Set(['paid', 'void', 'draft']);

/**
 * An invoice whose due date carries the late picto is overdue, but only where no status text says
 * otherwise (the status column is the user's choice; without it "Rest to pay" says only unpaid).
 */
const hooks: ListHooks = {
  isDataRow: (row) => row.classList.contains(DATA_ROW_CLASS),
  adjustInvoice(invoice: InvoiceObservation, cellOf) {
    if (text(cellOf('status')) || (invoice.status && SETTLED.has(invoice.status)) || !cellOf('due')?.querySelector(LATE_PICTO)) return invoice;
    return { ...invoice, status: 'overdue' };
  },
};

export const dolibarr: SiteReader = {
  id: 'dolibarr',
  product: 'Dolibarr',
  label: { en: 'Dolibarr invoice list', ru: 'список счетов Dolibarr' },
  reads: { en: 'Customer invoice lists: numbers, dates, clients, amounts, statuses', ru: 'Списки счетов клиентам: номера, даты, клиенты, суммы, статусы' },
  detect(doc, url) {
    if (NOT_OURS.test(url)) return undefined;
    const table = listTable(doc);
    if (!table) return undefined;
    // The address says it outright; elsewhere (a reverse proxy, a module page) the rows and their invoice links do.
    const marked = table.querySelector(HEADER_ROW) !== null && table.querySelector(`tr.${DATA_ROW_CLASS} ${INVOICE_LINK}`) !== null;
    return LIST_PATH.test(url) || marked ? 'invoice-list' : undefined;
  },
  *extract(doc, url, { now, report }) {
    const table = listTable(doc);
    const found = table ? yield* readGrid(doc, tableGrid(table, table.querySelector(HEADER_ROW) ?? undefined), { now, report, context: `${doc.title} ${url}` }, hooks) : false;
    if (!found) report.warn('Dolibarr page without an invoice list: nothing read.');
  },
};
