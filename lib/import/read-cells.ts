import { parseAmount, type Money } from '../extract/amounts';
import { parseRelative, type PageDate } from '../extract/dates';
import { squish } from '../extract/text';
import { cellText, type Cell } from './cells';
import { readFileDate, type FileDateOrder } from './date-order';
import { quote, type ImportReport } from './report';

/** What reading one file's cells needs: its date order, the time relative dates count from, and the report. */
export type CellContext = {
  order: FileDateOrder;
  now: Date;
  report: ImportReport;
  ambiguousDates: number;
  /** Date texts already read (a file repeats a few hundred days over many rows). */
  dates?: Map<string, ReturnType<typeof readFileDate>>;
};

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The calendar date of a Microsoft JSON date, "/Date(1508976000000+0000)/" (Xero, old ASP.NET):
 * milliseconds since the epoch, and the offset the date was written in (the day is the day there).
 *
 * @example msJsonDate('/Date(1508976000000+0000)/') // { date: '2017-10-26' }
 */
export function msJsonDate(raw: string): PageDate | undefined {
  const match = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/.exec(raw.trim());
  if (!match) return undefined;
  const offset = match[2] ? (match[2][0] === '-' ? -1 : 1) * (Number(match[2].slice(1, 3)) * 60 + Number(match[2].slice(3))) : 0;
  const moment = new Date(Number(match[1]) + offset * 60_000);
  if (Number.isNaN(moment.getTime())) return undefined;
  const date = `${moment.getUTCFullYear()}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`;
  const time = `${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())}`;
  if (time === '00:00:00') return { date };
  const zone = offset === 0 ? 'Z' : `${match[2]!.slice(0, 3)}:${match[2]!.slice(3)}`;
  return { date, time, zone };
}

/**
 * A date cell: a real spreadsheet date as it is; text read in the file's date order (ISO,
 * dd.MM.yyyy, a/b/yyyy, month names, "/Date(…)/"), and for ticket times relative text
 * ("3 days ago") against `now`. Invalid and unreadable dates are warned about and left out.
 *
 * @example readDateCell('05.03.2026', context, 'due date') // { date: '2026-03-05' }
 */
export function readDateCell(cell: Cell | undefined, context: CellContext, what: string): PageDate | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'object') return cell;
  const value = squish(cellText(cell));
  if (value === '') return undefined;
  let reading = typeof cell === 'number' ? undefined : context.dates?.get(value);
  if (reading === undefined && typeof cell === 'string') {
    reading = readFileDate(value, context.order);
    context.dates?.set(value, reading);
  }
  if (reading === 'ambiguous') {
    context.ambiguousDates += 1;
    return undefined;
  }
  if (reading === 'invalid') {
    context.report.warn(`Invalid ${what} ${quote(value)} ignored.`);
    return undefined;
  }
  if (reading) return reading;
  const other = msJsonDate(value) ?? parseRelative(value, context.now);
  if (other) return other;
  context.report.warn(`Unreadable ${what} ${quote(value)} ignored.`);
  return undefined;
}

/**
 * A sum of money: a real number as it is; text through the page readers' parseAmount.
 *
 * @example readMoneyCell('1 234,56 ₽', context, 'amount') // { value: 1234.56, currency: 'RUB' }
 */
export function readMoneyCell(cell: Cell | undefined, context: CellContext, what: string): Money | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : undefined;
  const value = squish(cellText(cell));
  if (value === '' || value === '-' || value === '—') return undefined;
  const money = typeof cell === 'string' ? parseAmount(value) : 'invalid';
  if (money === undefined || money === 'invalid') {
    context.report.warn(`Invalid ${what} ${quote(value)} ignored.`);
    return undefined;
  }
  return money;
}

/**
 * "Yes" / "No" in a column such as "Paid": true, false, or neither.
 *
 * @example readYesNo('Да') // true
 */
export function readYesNo(cell: Cell | undefined): boolean | undefined {
  const value = cellText(cell).trim().toLowerCase();
  if (/^(yes|y|true|да)$/.test(value)) return true;
  if (/^(no|n|false|нет)$/.test(value)) return false;
  return undefined;
}

/**
 * Invoice numbers and ticket ids as shown, less a leading "#" or "№".
 *
 * @example cleanId('№ 17') // '17'
 */
export function cleanId(raw: string): string {
  return squish(raw.replace(/^\s*[#№]\s*/, ''));
}

/**
 * A totals row ("Итого", "Total") is no item.
 *
 * @example isSummaryKey('Итого:') // true
 */
export function isSummaryKey(key: string): boolean {
  return /^(total|totals|subtotal|grand total|sum|итого|всего|итог)(?=$|[\s:.,])/i.test(key);
}
