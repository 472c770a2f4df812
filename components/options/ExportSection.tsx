import type { UiText } from '../../lib/i18n';
import type { CsvExport } from '../../entrypoints/options/useCsvExport';
import { Section } from './Section';

/** "Export": the stored invoices, tickets and current verdicts as CSV files. */
export function ExportSection({ text, onExport }: { text: UiText; onExport: (what: CsvExport) => void }) {
  const t = text.importHistory;
  const buttons: [CsvExport, string][] = [
    ['invoices', t.exportInvoices],
    ['tickets', t.exportTickets],
    ['verdicts', t.exportVerdicts],
  ];
  return (
    <Section id="export" title={t.exportTitle} description={t.exportDescription}>
      <div className="backup-actions">
        {buttons.map(([what, label]) => (
          <button key={what} type="button" data-export={what} onClick={() => onExport(what)}>
            {label}
          </button>
        ))}
      </div>
    </Section>
  );
}
