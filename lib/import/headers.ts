import { IGNORED_HEADERS, INVOICE_HEADERS, TICKET_HEADERS, headerKey, headerStem } from '../extract/vocabulary';
import type { InvoiceImportField, TicketImportField } from './fields';

/*
 * Header words of export files: the page readers' EN/RU vocabulary first (lib/extract/vocabulary.ts),
 * then words only exports use (API field names, helpdesk CSV columns, accounting reports),
 * then the columns that help an import but that a page reader ignores (balance, amount paid).
 */

const INVOICE_EXTRAS: Readonly<Record<InvoiceImportField, readonly string[]>> = {
  number: ['doc number', 'document number', 'invoice ref', 'id'],
  client: ['customer id', 'client id', 'customer number', 'customer ref', 'company name', 'contact', 'contact name', 'наименование контрагента', 'наименование покупателя'],
  issued: ['txn date', 'date of issue', 'invoice issue date', 'дата выставления счета'],
  due: ['due by', 'payment due date', 'due date string'],
  paid: ['settled date', 'fully paid on', 'fully paid on date', 'date of payment', 'paid at', 'дата поступления оплаты'],
  amount: ['invoice amount', 'total amount', 'amount total', 'total amt', 'сумма документа'],
  'line-total': ['line total', 'line amount', 'item total', 'item amount', 'line subtotal', 'сумма по строке', 'стоимость позиции'],
  balance: [
    'amount due', 'balance', 'balance due', 'open balance', 'rest to pay', 'remain to pay', 'remaining', 'left to pay', 'outstanding',
    'остаток', 'остаток к оплате', 'к оплате', 'долг', 'задолженность',
  ],
  'paid-amount': ['amount paid', 'paid amount', 'received', 'paid to date', 'payments', 'оплачено', 'сумма оплаты'],
  currency: ['currency', 'currency code', 'валюта'],
  discount: [],
  status: ['invoice status'],
};

const TICKET_EXTRAS: Readonly<Record<TicketImportField, readonly string[]>> = {
  id: [],
  client: ['company name', 'organization name', 'название компании'],
  requester: ['requester name', 'full name', 'contact name'],
  created: ['created time', 'created date', 'creation time', 'время создания'],
  priority: [],
  status: ['ticket status'],
  satisfaction: ['satisfaction score', 'customer satisfaction', 'survey result', 'survey results'],
  tags: ['tag'],
  subject: ['topic', 'тема обращения'],
};

type Ranked<F> = { field: F; rank: number };

function indexWords<F extends string>(lists: readonly Readonly<Partial<Record<F, readonly string[]>>>[]): Map<string, Ranked<F>> {
  const index = new Map<string, Ranked<F>>();
  let offset = 0;
  for (const list of lists) {
    let longest = 0;
    for (const field of Object.keys(list) as F[]) {
      const words = list[field] ?? [];
      longest = Math.max(longest, words.length);
      words.forEach((word, rank) => {
        if (!index.has(word)) index.set(word, { field, rank: offset + rank });
      });
    }
    offset += longest;
  }
  return index;
}

const INVOICE_INDEX = indexWords<InvoiceImportField>([INVOICE_HEADERS, INVOICE_EXTRAS]);
const TICKET_INDEX = indexWords<TicketImportField>([TICKET_HEADERS, TICKET_EXTRAS]);

/** What one header cell names, for each kind of file; `ignored`: a column that is never one of ours. */
export type HeaderReading = {
  key: string;
  invoice?: Ranked<InvoiceImportField>;
  ticket?: Ranked<TicketImportField>;
  ignored?: boolean;
};

/**
 * "InvoiceDate", "due_date", "customerID" → words, then the page readers' folding.
 *
 * @example importHeaderKey('customerID') // 'customer id'
 */
export function importHeaderKey(raw: string): string {
  const words = raw
    .replace(/([a-zа-яё])([A-ZА-ЯЁ])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_+/g, ' ');
  return headerKey(words);
}

/**
 * Reads one header cell: the whole header, then its stem without a unit ("Сумма, руб." → "сумма").
 *
 * @example readHeader('InvoiceDate').invoice // { field: 'issued', rank: 0 }
 */
export function readHeader(raw: string): HeaderReading {
  const key = importHeaderKey(raw);
  for (const form of [key, headerStem(key)]) {
    const invoice = INVOICE_INDEX.get(form);
    const ticket = TICKET_INDEX.get(form);
    if (invoice || ticket) return { key: form, ...(invoice ? { invoice } : {}), ...(ticket ? { ticket } : {}) };
    if (IGNORED_HEADERS.has(form)) return { key: form, ignored: true };
  }
  return { key };
}

/** Header words that name an invoice number or a ticket id, not just "#" or "Number". */
export const EXPLICIT_NUMBER = /invoice|bill|сч[её]т|документ|doc number/;
export const EXPLICIT_ID = /ticket|request|conversation|case|обращени|заявк|тикет/;

/** A ledger or bank statement: two of these columns (debit and credit) say it is not a list of invoices. */
export const LEDGER_HEADERS: ReadonlySet<string> = new Set(['debit', 'credit', 'дебет', 'кредит', 'приход', 'расход', 'withdrawal', 'deposit']);
