import type { PageDate } from '../extract/dates';

/**
 * One cell of an export's table. CSV and HTML give text; XLSX also gives real numbers and
 * real dates (a date-formatted serial, already turned into a calendar date), which need no
 * guessing about separators or day order.
 */
export type Cell = string | number | PageDate;

/** A table as read from a file: its rows (blank rows already left out) and where it came from. */
export type Table = { name?: string; rows: Cell[][] };

/**
 * The text a cell shows, for header matching and warnings.
 *
 * @example cellText({ date: '2026-03-05', time: '10:00' }) // '2026-03-05 10:00'
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell.time ? `${cell.date} ${cell.time}` : cell.date;
}

/**
 * Whether a row holds nothing but empty text.
 *
 * @example isBlankRow(['', ' ']) // true
 */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => typeof cell === 'string' && cell.trim() === '');
}
