import { useState } from 'react';
import type { ExportRead, TextEncoding } from '../../lib/import';
import type { ImportKind } from '../../lib/import/fields';
import { clientKey } from '../../lib/identity';
import { formatMoney, type UiText } from '../../lib/i18n';
import type { Lang, Observation } from '../../lib/model';
import type { ColumnChoice, ImportFields, ImportState } from '../../entrypoints/options/useImportHistory';
import { Section } from './Section';

type ImportSectionProps = {
  state: ImportState;
  /** The fields per kind of file, once the reader is loaded. */
  fields: ImportFields | undefined;
  /** Sites invoices and tickets were already seen on. */
  sources: readonly string[];
  /** The user's overrides, shown as chosen. */
  kind: ImportKind | undefined;
  encoding: TextEncoding | undefined;
  text: UiText;
  onChoose: (file: File) => void;
  onColumn: (index: number, choice: ColumnChoice) => void;
  onKind: (kind: ImportKind | undefined) => void;
  onEncoding: (encoding: TextEncoding | undefined) => void;
  onImport: (source: string) => void;
  onCancel: () => void;
};

const PREVIEW_ROWS = 5;
const OTHER = '\u0000other';

/** "Import history": pick or drop an export, check how its columns are read, say where it is from, import. */
export function ImportSection(props: ImportSectionProps) {
  const { state, text, onChoose, onCancel } = props;
  const t = text.importHistory;
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === 'reading' || state.phase === 'importing';

  return (
    <Section id="import" title={t.title} description={t.description}>
      <div
        className={dragging ? 'drop-zone drop-zone--over' : 'drop-zone'}
        data-drop-zone
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file && state.phase !== 'importing') onChoose(file);
        }}
      >
        <label className="file-button">
          {t.choose}
          <input
            type="file"
            name="import-file"
            accept=".csv,.tsv,.txt,.xlsx,.xls,.htm,.html,.json,text/csv,application/json"
            disabled={state.phase === 'importing'}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) onChoose(file);
            }}
          />
        </label>
        <span className="drop-zone__hint">{t.drop}</span>
      </div>

      {state.phase === 'too-large' && (
        <p className="field-error" role="alert" data-import-error="too-large">
          {t.tooLarge(state.name, state.megabytes)}
        </p>
      )}
      {state.phase === 'read-failed' && (
        <p className="field-error" role="alert" data-import-error="read">
          {t.readFailed(state.error)}
        </p>
      )}
      {state.phase === 'cancelled' && (
        <p className="section-description" role="status" data-import-state="cancelled">
          {t.cancelled}
        </p>
      )}
      {busy && (
        <div className="import-progress" role="status" data-import-state={state.phase}>
          <progress />
          <span>{state.phase === 'reading' ? t.reading(state.name) : t.importing(state.read.observations.length)}</span>
          {state.phase === 'reading' && (
            <button type="button" data-action="cancel-import" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
        </div>
      )}
      {(state.phase === 'preview' || state.phase === 'importing' || state.phase === 'done') && <ImportPreview {...props} read={state.read} locked={state.phase !== 'preview'} />}
      {state.phase === 'done' && (
        <p className={state.result.ok ? 'save-status' : 'field-error'} role="status" data-import-result={state.result.ok ? 'ok' : 'error'}>
          {state.result.ok ? t.imported(state.result.imported, state.result.clients) : t.importFailed(state.result.error)}
        </p>
      )}
    </Section>
  );
}

function ImportPreview({ read, locked, fields, sources, kind, encoding, text, state, onColumn, onKind, onEncoding, onImport, onCancel }: ImportSectionProps & { read: ExportRead; locked: boolean }) {
  const t = text.importHistory;
  // The seen sites arrive after the first paint: until the user picks, the first of them is the choice.
  const [picked, setPicked] = useState<string>();
  const [typed, setTyped] = useState('');
  const choice = picked !== undefined && (picked === OTHER || sources.includes(picked)) ? picked : (sources[0] ?? OTHER);
  const source = (choice === OTHER ? typed : choice).trim();

  const tally = tallyOf(read.observations);
  // A file read as neither (a column choice can do that) still offers fields: those of the kind picked, else of both.
  const fieldKind = read.kind === 'unknown' ? kind : read.kind;
  const fieldsOfKind = fields ? (fieldKind ? fields[fieldKind] : [...new Set([...fields.invoices, ...fields.tickets])]) : [];
  const guessedEncoding = encoding !== undefined || read.warnings.some((warning) => warning.includes('windows-1251'));
  const name = (field: string) => t.fieldNames[field] ?? field;

  return (
    <div className="import-preview" data-import-kind={read.kind}>
      <div className="import-options">
        <label>
          {t.kind}{' '}
          <select name="import-kind" value={kind ?? ''} disabled={locked} onChange={(event) => onKind((event.target.value || undefined) as ImportKind | undefined)}>
            <option value="">
              {t.kindAuto} ({t.kinds[read.kind]})
            </option>
            <option value="invoices">{t.kinds.invoices}</option>
            <option value="tickets">{t.kinds.tickets}</option>
          </select>
        </label>
        {guessedEncoding && (
          <label>
            {t.encoding}{' '}
            <select name="import-encoding" value={encoding ?? ''} disabled={locked} onChange={(event) => onEncoding((event.target.value || undefined) as TextEncoding | undefined)}>
              <option value="">{t.encodingAuto}</option>
              <option value="utf-8">UTF-8</option>
              <option value="windows-1251">windows-1251</option>
            </select>
          </label>
        )}
      </div>

      {read.columns.length > 0 && (
        <table className="import-columns">
          <caption>{t.columns}</caption>
          <thead>
            <tr>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.field}</th>
            </tr>
          </thead>
          <tbody>
            {read.columns.map((column, index) => (
              <tr key={index}>
                <td className="import-columns__header">{column.header || `#${index + 1}`}</td>
                <td>
                  <select
                    data-import-column={index}
                    aria-label={`${t.field}: ${column.header || `#${index + 1}`}`}
                    value={column.field ?? 'ignore'}
                    disabled={locked || fieldsOfKind.length === 0}
                    onChange={(event) => onColumn(index, event.target.value as ColumnChoice)}
                  >
                    <option value="ignore">{t.ignore}</option>
                    {column.field && !fieldsOfKind.includes(column.field) && <option value={column.field}>{name(column.field)}</option>}
                    {fieldsOfKind.map((field) => (
                      <option key={field} value={field}>
                        {name(field)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {read.observations.length > 0 && <ObservationPreview observations={read.observations} rows={read.rows} text={text} />}

      <p className="import-counts">
        {t.counts}: <span data-import-count="invoices">{t.invoices(tally.invoices)}</span>, <span data-import-count="tickets">{t.tickets(tally.tickets)}</span>,{' '}
        <span data-import-count="clients">{t.clients(tally.clients)}</span>
      </p>

      {read.warnings.length > 0 && (
        <div className="import-warnings" data-import-warnings>
          <h3>{t.warnings}</h3>
          <ul>
            {read.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="import-source" disabled={locked}>
        <legend>{t.source}</legend>
        <p className="field-hint">{t.sourceHint}</p>
        {sources.length > 0 && (
          <select name="import-source-seen" value={choice} onChange={(event) => setPicked(event.target.value)}>
            {sources.map((seen) => (
              <option key={seen} value={seen}>
                {seen}
              </option>
            ))}
            <option value={OTHER}>{t.sourceOther}</option>
          </select>
        )}
        {choice === OTHER && (
          <input
            type="text"
            name="import-source"
            aria-label={t.sourceOther}
            placeholder={t.sourcePlaceholder}
            maxLength={300}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </fieldset>

      {state.phase === 'preview' && (
        <div className="import-actions">
          <button type="button" className="primary" data-action="import" disabled={!source || read.observations.length === 0} onClick={() => onImport(source)}>
            {t.import}
          </button>
          <button type="button" data-action="cancel-import" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      )}
    </div>
  );
}

/** The first observations as they will be stored: what the column choices make of the file. */
function ObservationPreview({ observations, rows, text }: { observations: readonly Observation[]; rows: number; text: UiText }) {
  const t = text.importHistory;
  const shown = observations.slice(0, PREVIEW_ROWS);
  const invoices = shown.some((observation) => observation.kind === 'invoice');
  const columns = invoices ? (['number', 'client', 'issued', 'due', 'paid', 'amount', 'status'] as const) : (['id', 'client', 'created', 'priority', 'status', 'subject'] as const);
  return (
    <table className="import-rows" data-import-preview>
      <caption>{t.preview(shown.length, rows)}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t.fieldNames[column] ?? column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((observation, i) => (
          <tr key={i}>
            {columns.map((column) => (
              <td key={column}>{cellOf(observation, column, text)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellOf(observation: Observation, column: string, text: UiText): string {
  if (column === 'client') return observation.client.name;
  if (column === 'amount' && observation.kind === 'invoice') return observation.amount === undefined ? '' : formatMoney(text.lang as Lang, observation.amount, observation.currency);
  const value = (observation as Record<string, unknown>)[column];
  if (value === undefined || value === null) return '';
  if (column === 'status' || column === 'priority') return text.importHistory.values[String(value)] ?? String(value);
  return String(value).replace('T', ' ');
}

function tallyOf(observations: readonly Observation[]): { invoices: number; tickets: number; clients: number } {
  let invoices = 0;
  let tickets = 0;
  const clients = new Set<string>();
  for (const observation of observations) {
    if (observation.kind === 'invoice') invoices += 1;
    else if (observation.kind === 'ticket') tickets += 1;
    clients.add(clientKey(observation.client));
  }
  return { invoices, tickets, clients: clients.size };
}
