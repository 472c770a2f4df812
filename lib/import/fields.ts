/**
 * The fields an export's columns can be mapped to, per kind of file. Beyond an observation's
 * own fields, an invoice export has columns that only help: a balance or an amount paid (they
 * tell paid from unpaid when there is no status), a line total (summed when rows are line
 * items), a currency column.
 */
export const IMPORT_FIELDS = {
  invoices: ['number', 'client', 'issued', 'due', 'paid', 'amount', 'line-total', 'balance', 'paid-amount', 'currency', 'discount', 'status'],
  tickets: ['id', 'client', 'requester', 'created', 'priority', 'status', 'satisfaction', 'tags', 'subject'],
} as const;

export type InvoiceImportField = (typeof IMPORT_FIELDS.invoices)[number];
export type TicketImportField = (typeof IMPORT_FIELDS.tickets)[number];
export type ImportKind = keyof typeof IMPORT_FIELDS;

/**
 * How the user corrects a reading (the options page shows `ExportRead.columns` and lets them
 * pick): each entry maps a column (0-based, as in `columns`) to a field of the chosen kind,
 * or to 'ignore'. Columns not listed keep the mapping read from their header and values.
 * `kind` forces invoices or tickets; `headerRow` (0-based, counting non-blank rows only, as
 * in the table the file gives) says where the header is when the search picks another row.
 *
 * @example { kind: 'invoices', columns: new Map([[0, 'number'], [3, 'ignore']]) }
 */
export type ColumnMapping = {
  kind?: ImportKind;
  headerRow?: number;
  columns?: ReadonlyMap<number, InvoiceImportField | TicketImportField | 'ignore'>;
};

/**
 * Whether a field name belongs to a kind of file (a mapping may name a ticket field for an invoice file).
 *
 * @example isFieldOf('invoices', 'due') // true
 */
export function isFieldOf<K extends ImportKind>(kind: K, field: string): field is (typeof IMPORT_FIELDS)[K][number] {
  return (IMPORT_FIELDS[kind] as readonly string[]).includes(field);
}
