import { parseDate, type DateOrder, type PageDate } from '../extract/dates';

/** How a file's `a/b/yyyy` dates read: one order, or "conflicting proof" (some only day-first, some only month-first). */
export type FileDateOrder = { order: DateOrder; conflict: boolean };

const valid = (reading: ReturnType<typeof parseDate>): reading is PageDate => reading !== undefined && reading !== 'invalid';

/**
 * Decides the date order once for a whole file, from every date in it: a value valid only
 * day-first ("25/03/2026") proves day-first, one valid only month-first ("03/25/2026") proves
 * month-first; a value valid both ways or neither proves nothing. With no proof, Cyrillic
 * headers mean day-first (1C, Bitrix24, МойСклад), anything else month-first (QuickBooks, Excel
 * en-US, IBM's samples). Proof both ways is a conflict: `readFileDate` then drops ambiguous dates.
 *
 * @example fileDateOrder(['03/25/2026', '04/01/2026'], false) // { order: 'mdy', conflict: false }
 * @example fileDateOrder(['01/02/2026'], true) // { order: 'dmy', conflict: false }
 */
export function fileDateOrder(values: Iterable<string>, cyrillicHeaders: boolean): FileDateOrder {
  let dayFirst = false;
  let monthFirst = false;
  // Exports repeat a few hundred days over many rows: each distinct text is looked at once.
  for (const value of new Set(values)) {
    // Only a/b/yyyy can prove an order: dots read day-first in either, ISO and month names read one way.
    if (!/^\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/.test(value)) continue;
    const asDmy = valid(parseDate(value, 'dmy'));
    const asMdy = valid(parseDate(value, 'mdy'));
    if (asDmy && !asMdy) dayFirst = true;
    if (asMdy && !asDmy) monthFirst = true;
    if (dayFirst && monthFirst) return { order: cyrillicHeaders ? 'dmy' : 'mdy', conflict: true };
  }
  if (dayFirst) return { order: 'dmy', conflict: false };
  if (monthFirst) return { order: 'mdy', conflict: false };
  return { order: cyrillicHeaders ? 'dmy' : 'mdy', conflict: false };
}

/**
 * Reads one date of a file in the file's order. Under conflicting proof, a date that reads as
 * two different days is 'ambiguous' (left out, never guessed); one valid only one way is read so.
 *
 * @example readFileDate('03/04/2026', { order: 'dmy', conflict: true }) // 'ambiguous'
 */
export function readFileDate(value: string, order: FileDateOrder): ReturnType<typeof parseDate> | 'ambiguous' {
  if (!order.conflict) return parseDate(value, order.order);
  const asDmy = parseDate(value, 'dmy');
  const asMdy = parseDate(value, 'mdy');
  if (valid(asDmy) && valid(asMdy)) return asDmy.date === asMdy.date ? asDmy : 'ambiguous';
  if (valid(asDmy)) return asDmy;
  if (valid(asMdy)) return asMdy;
  return asDmy;
}
