import { getDb } from '../../lib/store/db';

export type CsvExport = 'invoices' | 'tickets' | 'verdicts';

/**
 * "Export": invoices, tickets or the current verdicts as a CSV file, built here from the store's
 * rows (lib/import/export-csv, loaded on the click: papaparse stays out of the page's first load).
 */
export function useCsvExport() {
  async function download(what: CsvExport) {
    const db = getDb();
    const csv = await import('../../lib/import/export-csv');
    let text: string;
    if (what === 'invoices') text = csv.invoicesCsv(await db.invoices.toArray());
    else if (what === 'tickets') text = csv.ticketsCsv(await db.tickets.toArray());
    else {
      const [verdicts, clients] = await Promise.all([db.verdicts.toArray(), db.clients.toArray()]);
      const names = new Map(clients.map((client) => [client.key, client.name]));
      text = csv.verdictsCsv(verdicts.map(({ clientKey, id, status, summary, since, computedAt }) => ({ clientKey, id, status, summary, since, computedAt, clientName: names.get(clientKey) ?? clientKey })));
    }
    saveFile(`client-signals-${what}-${new Date().toISOString().slice(0, 10)}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }
  return { download: (what: CsvExport) => void download(what) };
}

/** Hands a file to the browser's downloads through a temporary link. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
