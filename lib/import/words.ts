import { fold } from '../extract/text';

/** Words of a status cell tried at most: "Overdue 21 days" is read by its first word. */
const MAX_WORDS = 4;

/**
 * A status (or priority) word by its leading words, longest first (DESIGN.md: "Overdue 21
 * days", "Просрочен на 5 дней" are overdue; "Paid late" is paid): the whole cell, then one word
 * fewer each time, through the page readers' vocabulary.
 *
 * @example statusWord('Overdue 21 days', invoiceStatusOf) // 'overdue'
 */
export function statusWord<T>(raw: string, lookup: (raw: string) => T | undefined): T | undefined {
  const whole = lookup(raw);
  if (whole !== undefined || raw.length > 200) return whole;
  const words = fold(raw).split(/[\s,:;()–—-]+/).filter(Boolean);
  for (let count = Math.min(words.length - 1, MAX_WORDS); count >= 1; count -= 1) {
    const found = lookup(words.slice(0, count).join(' '));
    if (found !== undefined) return found;
  }
  return undefined;
}
