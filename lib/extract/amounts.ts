import { fold } from './text';

export type Money = { value: number; currency?: string };

/** `undefined`: no number here at all; 'invalid': digits, but not a sum of money. */
type AmountReading = Money | 'invalid' | undefined;

/** Currency marks as pages print them, longest first, → ISO 4217. */
const CURRENCY_MARKS: readonly [string, string][] = [
  ['бел. руб.', 'BYN'], ['бел. руб', 'BYN'], ['бел.руб.', 'BYN'], ['бел.руб', 'BYN'], ['белорусских рублей', 'BYN'],
  ['us$', 'USD'], ['c$', 'CAD'], ['a$', 'AUD'], ['руб.', 'RUB'], ['руб', 'RUB'], ['р.', 'RUB'],
  ['br', 'BYN'], ['zł', 'PLN'], ['kč', 'CZK'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['₽', 'RUB'],
  ['₴', 'UAH'], ['₸', 'KZT'], ['₹', 'INR'], ['₺', 'TRY'], ['¥', 'JPY'], ['₾', 'GEL'], ['֏', 'AMD'],
];

/** ISO codes we accept when a page writes the code itself ("BYN 1 234,56", "1 200 EUR"). */
const ISO_CODES = new Set([
  'USD', 'EUR', 'GBP', 'RUB', 'BYN', 'UAH', 'KZT', 'PLN', 'CZK', 'CHF', 'CAD', 'AUD', 'JPY', 'CNY',
  'INR', 'TRY', 'GEL', 'AMD', 'SEK', 'NOK', 'DKK', 'HUF', 'RON', 'BGN', 'AED', 'ILS', 'NZD', 'SGD',
  'HKD', 'MXN', 'BRL', 'ZAR', 'UZS', 'KGS', 'AZN', 'MDL', 'RSD',
]);
const CODE_ALIASES: ReadonlyMap<string, string> = new Map([['RUR', 'RUB'], ['BYR', 'BYN']]);

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each mark with its matcher, compiled once: a word mark ("br", "руб") must not sit inside a word. */
const MARK_MATCHERS: readonly [RegExp, string][] = CURRENCY_MARKS.map(([mark, code]) => [
  new RegExp(/^[a-zа-я]/.test(mark) ? `(^|[^a-zа-я])${escape(mark)}` : escape(mark)),
  code,
]);
/** Every mark at once, longest first, for stripping. */
const ANY_MARK = new RegExp(CURRENCY_MARKS.map(([mark]) => escape(mark)).join('|'), 'g');
const THREE_LETTERS = /\b[A-Za-z]{3}\b/g;

function isCode(word: string): boolean {
  const upper = word.toUpperCase();
  return ISO_CODES.has(upper) || CODE_ALIASES.has(upper);
}

/** Finds the currency a piece of text names, if any. */
export function currencyOf(raw: string): string | undefined {
  for (const word of raw.match(THREE_LETTERS) ?? []) {
    const upper = word.toUpperCase();
    if (ISO_CODES.has(upper)) return upper;
    const alias = CODE_ALIASES.get(upper);
    if (alias) return alias;
  }
  const folded = fold(raw);
  // Most amounts name no mark at all, or "$": test every mark at once first.
  ANY_MARK.lastIndex = 0;
  if (!ANY_MARK.test(folded)) return undefined;
  return MARK_MATCHERS.find(([matcher]) => matcher.test(folded))?.[1];
}

/** Removes every currency mark and code, leaving the number and its signs. */
function stripCurrency(raw: string): string {
  return fold(raw)
    .replace(THREE_LETTERS, (word) => (isCode(word) ? ' ' : word))
    .replace(ANY_MARK, ' ');
}

const NUMBER_SHAPE = /^[-+−]?\d[\d\s'’.,]*$/;

/**
 * Reads a sum of money: "$1,234.56", "1 234,56 ₽", "1.234,56 €", "BYN 1 234,56", "(123.00)" (negative).
 *
 * @example parseAmount('1.234,56 €') // { value: 1234.56, currency: 'EUR' }
 * @example parseAmount('(123.00)') // { value: -123 }
 */
export function parseAmount(raw: string): AmountReading {
  if (!/\d/.test(raw)) return undefined;
  const currency = currencyOf(raw);
  let body = stripCurrency(raw).replace(/\s+/g, ' ').trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    negative = true;
    body = (bracketed[1] ?? '').trim();
  }
  if (/^[-−]/.test(body)) {
    negative = !negative;
    body = body.slice(1).trim();
  }
  body = body.replace(/^\+/, '');
  if (!NUMBER_SHAPE.test(body)) return 'invalid';
  const value = readNumber(body.replace(/[\s'’]/g, ''));
  if (value === undefined) return 'invalid';
  const signed = negative ? -value : value;
  return currency ? { value: signed, currency } : { value: signed };
}

/** Whole numbers grouped in thousands by one mark: "1,234,567", "1.234". */
const GROUPED: Readonly<Record<string, RegExp>> = { ',': /^\d{1,3}(,\d{3})*$/, '.': /^\d{1,3}(\.\d{3})*$/ };

/** Tells the decimal mark from thousands marks: the last mark is decimal unless it heads a group of three. */
function readNumber(digits: string): number | undefined {
  const marks = digits.replace(/\d/g, '');
  if (marks === '') return Number(digits);
  const last = digits.search(/[.,][^.,]*$/);
  const lastMark = digits[last] === '.' ? '.' : ',';
  const tail = digits.slice(last + 1);
  const oneKind = !marks.includes(lastMark === '.' ? ',' : '.');
  if (oneKind && marks.length > 1) {
    // "1,234,567" or "1.234.567": thousands only.
    return GROUPED[lastMark]!.test(digits) ? Number(digits.replace(/[.,]/g, '')) : undefined;
  }
  if (oneKind) {
    // One mark: "1,234" is a thousand, "1,23" and "0,123" are fractions.
    const thousands = tail.length === 3 && !/^0[.,]/.test(digits) && /^\d{1,3}[.,]/.test(digits);
    return thousands ? Number(digits.replace(/[.,]/g, '')) : Number(digits.replace(',', '.'));
  }
  // Both marks: the last one is decimal; the other must group thousands.
  const whole = digits.slice(0, last);
  const groupMark = lastMark === '.' ? ',' : '.';
  if (whole.includes(lastMark) || !GROUPED[groupMark]!.test(whole)) return undefined;
  return Number(`${whole.split(groupMark).join('')}.${tail}`);
}

/** How one column prints its sums, learnt from its first value: the text around the digits and the decimal mark. */
type ColumnFormat = { prefix: string; suffix: string; decimal: '.' | ','; currency?: string };

/** Digits grouped by commas (or not) with a decimal point: "1,234.56", "1234.5". */
const DOT_DECIMAL = /^(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;
/** Digits grouped by spaces or dots (or not) with a decimal comma: "1 234,56", "1.234,5". */
const COMMA_DECIMAL = /^(?:[1-9]\d{0,2}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,\d{1,2})?$/;

function fastValue(middle: string, decimal: '.' | ','): number | undefined {
  if (decimal === '.') return DOT_DECIMAL.test(middle) ? Number(middle.replace(/,/g, '')) : undefined;
  return COMMA_DECIMAL.test(middle) ? Number(middle.replace(/[ .\u00a0\u202f]/g, '').replace(',', '.')) : undefined;
}

/** The column's format from a value whose decimal mark shows ("$1,234.56", "1 234,56 ₽"), if it does. */
function learnFormat(raw: string, money: Money): ColumnFormat | undefined {
  const first = raw.search(/\d/);
  const last = raw.search(/\d[^\d]*$/);
  const middle = raw.slice(first, last + 1);
  const decimal = /\.\d{1,2}$/.test(middle) ? '.' : /,\d{1,2}$/.test(middle) ? ',' : undefined;
  const prefix = raw.slice(0, first);
  // A sign or bracket belongs to one value, not to the column.
  if (!decimal || /[-−(+]/.test(prefix)) return undefined;
  const format: ColumnFormat = { prefix, suffix: raw.slice(last + 1), decimal, ...(money.currency ? { currency: money.currency } : {}) };
  return fastValue(middle, decimal) === money.value ? format : undefined;
}

/**
 * A reader for one column of sums: the column's format is decided once, from its first value
 * whose decimal mark shows, and later values of that format are read without the full parse;
 * repeated values are read once. Reads exactly as parseAmount does.
 *
 * @example const read = columnAmountReader(); read('$1,200.00'); read('$95.50') // { value: 95.5, currency: 'USD' }
 */
export function columnAmountReader(): (raw: string) => AmountReading {
  const seen = new Map<string, AmountReading>();
  let format: ColumnFormat | undefined;
  let learnt = 0;
  return (raw) => {
    if (format && raw.startsWith(format.prefix) && raw.endsWith(format.suffix) && raw.length > format.prefix.length + format.suffix.length) {
      const value = fastValue(raw.slice(format.prefix.length, raw.length - format.suffix.length), format.decimal);
      if (value !== undefined) return format.currency ? { value, currency: format.currency } : { value };
    }
    const known = seen.get(raw);
    if (known !== undefined || seen.has(raw)) return known;
    const reading = parseAmount(raw);
    if (seen.size < 10_000) seen.set(raw, reading);
    // A few tries to learn the format: a column whose first values show no decimal mark may show it later.
    if (!format && learnt < 8 && reading && reading !== 'invalid') {
      learnt += 1;
      format = learnFormat(raw, reading);
    }
    return reading;
  };
}
