import Papa from 'papaparse';
import { isBlankRow } from './cells';

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Lines looked at to choose the delimiter: past any preamble, into the data. */
const PREVIEW_LINES = 60;

/**
 * The delimiter that splits most lines into the same number of fields (more than one), the
 * larger number winning a tie: a `;` file with "1 234,56" amounts splits on commas too, but
 * into fewer fields. Preamble lines (a title, a date) split into one field and do not count.
 */
function guessDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; rows: number; fields: number } = { delimiter: ',', rows: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: PREVIEW_LINES, skipEmptyLines: 'greedy' }).data;
    const byWidth = new Map<number, number>();
    for (const row of rows) if (row.length > 1) byWidth.set(row.length, (byWidth.get(row.length) ?? 0) + 1);
    for (const [fields, count] of byWidth) {
      if (count > best.rows || (count === best.rows && fields > best.fields)) best = { delimiter, rows: count, fields };
    }
  }
  return best.delimiter;
}

/** Our own CSV export puts `'` before a cell that would start a formula: reading it back drops it. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * Splits CSV text into rows of text cells: the delimiter (`,` `;` or tab) guessed from the
 * lines themselves, quoted fields (with delimiters and line breaks inside) kept whole, blank
 * lines left out. Nothing is evaluated: "=SUM(A1)" is the text it shows.
 *
 * @example readCsv('Invoice;Amount\nINV-1;"1 234,56"').rows // [['Invoice', 'Amount'], ['INV-1', '1 234,56']]
 */
export function readCsv(text: string): { rows: string[][]; delimiter: Delimiter } {
  const delimiter = guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((row) => !isBlankRow(row));
  for (const row of rows) {
    for (let index = 0; index < row.length; index += 1) {
      const cell = row[index]!;
      if (cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell)) row[index] = cell.slice(1);
    }
  }
  return { rows, delimiter };
}
