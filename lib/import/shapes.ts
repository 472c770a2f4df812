import { parseAmount } from '../extract/amounts';
import { parseDate } from '../extract/dates';
import { cellText, type Cell } from './cells';

/** What a column's values look like, whatever its header says. */
type ValueShape = 'date' | 'amount' | 'document-number' | 'yes-no' | 'text' | 'empty';

/** Values looked at per column: enough to see a shape, cheap on a 100,000-row file. */
const SAMPLE = 200;
/** Share of a column's non-empty values that must have one shape for the column to have it. */
const MAJORITY = 0.8;

/** "INV-1", "СЧ-0042", "№ 17", "BILL/2026/003": letters, then digits (a document's number). */
const DOCUMENT_NUMBER = /^(?:[#№]\s*|[#№]?\s*[a-zа-яё]{1,8}[-/_. #№]{0,2})\d[\d\-/.]{0,15}$/i;
const YES_NO = /^(yes|no|y|n|true|false|да|нет)$/i;

/** The shape of one value. Numbers that are plain counts ("3", "391") are text-like, not amounts. */
function shapeOf(cell: Cell): ValueShape {
  if (typeof cell === 'number') return Number.isInteger(cell) ? 'text' : 'amount';
  if (typeof cell !== 'string') return 'date';
  const value = cell.trim();
  if (value === '') return 'empty';
  if (YES_NO.test(value)) return 'yes-no';
  const date = parseDate(value, 'dmy');
  const dateOtherWay = date === 'invalid' ? parseDate(value, 'mdy') : date;
  if (dateOtherWay && dateOtherWay !== 'invalid') return 'date';
  if (DOCUMENT_NUMBER.test(value)) return 'document-number';
  const money = parseAmount(value);
  // An amount has a decimal mark or a currency: "1 234,56", "$12", "12.00"; a bare "17" is a count.
  if (money && money !== 'invalid' && (money.currency || /[.,]\d{1,2}$/.test(value.replace(/[^\d.,]+$/, '')))) return 'amount';
  return 'text';
}

/**
 * The shape most of a column's values share (80 %), looking at up to 200 non-empty values.
 *
 * @example columnShape([['INV-1'], ['INV-2']], 0) // 'document-number'
 */
export function columnShape(rows: readonly (readonly Cell[])[], column: number): ValueShape {
  const counts = new Map<ValueShape, number>();
  let seen = 0;
  for (const row of rows) {
    const cell = row[column];
    if (cell === undefined) continue;
    const shape = shapeOf(cell);
    if (shape === 'empty') continue;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    seen += 1;
    if (seen >= SAMPLE) break;
  }
  if (seen === 0) return 'empty';
  for (const [shape, count] of counts) if (count / seen >= MAJORITY) return shape;
  return 'text';
}

/**
 * Whether a column's values look like amounts even when some are whole numbers ("Paid": 0, 150.50).
 *
 * @example mostlyAmounts([['0'], ['150.50']], 0) // true
 */
export function mostlyAmounts(rows: readonly (readonly Cell[])[], column: number): boolean {
  let amounts = 0;
  let seen = 0;
  for (const row of rows) {
    const cell = row[column];
    const text = cellText(cell).trim();
    if (text === '') continue;
    seen += 1;
    const money = typeof cell === 'number' ? cell : typeof cell === 'string' && !(parseDate(text, 'dmy') || parseDate(text, 'mdy')) ? parseAmount(text) : undefined;
    if (money !== undefined && money !== 'invalid') amounts += 1;
    if (seen >= SAMPLE) break;
  }
  return seen > 0 && amounts / seen >= MAJORITY;
}
