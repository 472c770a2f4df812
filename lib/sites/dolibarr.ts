import type { InvoiceObservation } from '../model';
import { tableGrid } from '../extract/grid';
import { planGrid, readList, type ListHooks } from '../extract/lists';
import { PageReport } from '../extract/report';
import { runToEnd } from '../extract/steps';
import { squish } from '../extract/text';
import type { SiteReader } from './index';

// Selectors of Dolibarr's customer invoice list, htdocs/compta/facture/list.php (SITE_FACTS §4).
/** The list table (older versions: `table.liste.listwithfilterbefore`). */
const LIST_TABLE = 'table.tagtable.liste, table.liste';
/** The header row; the filter row after it is `tr.liste_titre_filter`. */
const HEADER_ROW = 'tr.liste_titre';
/** Data rows alternate styles through one class. */
const DATA_ROW_CLASS = 'oddeven';
/** `img_warning('Alert - Late')`: a Font Awesome triangle whose title is the alert, next to the due date. */
const LATE_PICTO = '.fa-exclamation-triangle, .fa-warning, [title*="late" i], img[src*="warning"]';

const LIST_PATH = /\/compta\/facture\/(list|index)\.php/;

function listTable(doc: Document): Element | null {
  return doc.querySelector(LIST_TABLE);
}

/** An unpaid invoice whose due date carries the late picto is overdue; paid, void and draft ones stay as they are. */
const hooks: ListHooks = {
  isDataRow: (row) => row.classList.contains(DATA_ROW_CLASS),
  adjustInvoice(invoice: InvoiceObservation, cellOf) {
    const late = cellOf('due')?.querySelector(LATE_PICTO);
    if (!late || invoice.status === 'paid' || invoice.status === 'void' || invoice.status === 'draft') return invoice;
    return { ...invoice, status: 'overdue' };
  },
};

export const dolibarr: SiteReader = {
  id: 'dolibarr',
  detect(doc, url) {
    const table = listTable(doc);
    if (!table) return false;
    // The address says it outright; elsewhere (a reverse proxy, a module page) the row classes do.
    return LIST_PATH.test(url) || (table.querySelector(HEADER_ROW) !== null && table.querySelector(`tr.${DATA_ROW_CLASS}`) !== null);
  },
  extract(doc, url, { now }) {
    const report = new PageReport();
    const table = listTable(doc);
    const grid = table ? tableGrid(table, table.querySelector(HEADER_ROW) ?? undefined) : undefined;
    const header = grid ? planGrid(grid, `${doc.title} ${url}`) : undefined;
    if (!grid || !header) {
      report.warn('Dolibarr page without an invoice list: nothing read.');
      return { observations: [], warnings: report.warnings };
    }
    const lang = squish(doc.documentElement?.getAttribute('lang') ?? '');
    runToEnd(readList(grid, header, { now, lang, report }, hooks));
    return { observations: report.observations, warnings: report.warnings };
  },
};
