import type { InvoiceStatus, TicketPriority, TicketStatus } from '../model';
import { fold } from './text';

export type InvoiceField = 'number' | 'client' | 'issued' | 'due' | 'paid' | 'amount' | 'discount' | 'status';
export type TicketField = 'id' | 'client' | 'requester' | 'created' | 'priority' | 'status' | 'satisfaction' | 'tags' | 'subject';
type ListKind = 'invoice' | 'ticket';

/**
 * Header words per field, best first (when two columns claim one field, the better word wins).
 * Matched whole, after folding case and dropping sort arrows and trailing punctuation.
 */
export const INVOICE_HEADERS: Readonly<Record<InvoiceField, readonly string[]>> = {
  number: [
    'invoice #', 'invoice no', 'invoice number', 'invoice num', 'invoice', 'invoice id', 'invoice ref', 'bill #', 'bill no',
    'document', 'document #', 'document no', 'document number', 'doc #', 'doc no',
    'номер счета', 'счет №', '№ счета', 'счет', 'счет-фактура', 'номер документа', 'документ', '№ документа',
    'number', 'no', 'num', '#', '№', 'номер', 'ref', 'reference', 'референс', 'ссылка', 'id',
  ],
  client: [
    'client', 'customer', 'client name', 'customer name', 'billing account', 'account name', 'account',
    'third party', 'third-party', 'company', 'organisation', 'organization', 'partner', 'bill to', 'billed to', 'sold to', 'payer',
    'клиент', 'покупатель', 'контрагент', 'заказчик', 'плательщик', 'компания', 'организация', 'наименование клиента',
    'наименование контрагента',
  ],
  issued: [
    'invoice date', 'date issued', 'issue date', 'issued', 'issued on', 'date of issue', 'billing date', 'posting date', 'date',
    'дата счета', 'дата выставления', 'выставлен', 'дата документа', 'дата проводки', 'дата публикации', 'дата',
  ],
  due: [
    'due date', 'due', 'due on', 'date due', 'due by', 'payment due', 'payment due date', 'pay by',
    'срок оплаты', 'оплатить до', 'крайний срок оплаты', 'срок платежа', 'срок',
  ],
  paid: [
    'paid date', 'date paid', 'paid on', 'payment date', 'date of payment', 'settled', 'settled on', 'date settled', 'paid',
    'дата оплаты', 'дата платежа', 'оплачен',
  ],
  amount: [
    'amount (inc. tax)', 'amount incl. tax', 'total (inc. tax)', 'total incl. tax', 'amount ttc', 'grand total', 'invoice total',
    'total', 'amount', 'sum', 'сумма с ндс', 'сумма счета', 'сумма', 'итого', 'всего',
  ],
  discount: ['discount', 'discount amount', 'скидка', 'сумма скидки'],
  status: [
    'status', 'payment status', 'payment state', 'invoice status', 'state', 'stage',
    'статус', 'статус оплаты', 'состояние', 'стадия', 'этап',
  ],
};

export const TICKET_HEADERS: Readonly<Record<TicketField, readonly string[]>> = {
  id: [
    'ticket #', 'ticket id', 'ticket', 'ticket number', 'ticket no', 'request #', 'request id', 'conversation #', 'case #', 'case number',
    'обращение', '№ обращения', 'номер обращения', 'заявка', '№ заявки', 'номер заявки', 'тикет',
    'id', 'number', 'no', 'num', '#', '№', 'номер',
  ],
  client: [
    'organization', 'organisation', 'company', 'associated company', 'company name', 'client', 'customer', 'account', 'account name',
    'организация', 'компания', 'клиент', 'контрагент', 'заказчик',
  ],
  /** A person who wrote in: the client only when neither a client column nor the page names one. */
  requester: ['requester', 'from', 'contact', 'заявитель', 'автор', 'от кого', 'контактное лицо'],
  created: [
    'created', 'created at', 'created on', 'date created', 'created date', 'create date', 'creation date', 'opened', 'opened on', 'opened at',
    'requested', 'submitted', 'received', 'date',
    'создан', 'создано', 'создана', 'дата создания', 'открыт', 'открыта', 'поступила', 'дата обращения', 'дата',
  ],
  priority: ['priority', 'urgency', 'приоритет', 'срочность'],
  status: ['status', 'ticket status', 'state', 'stage', 'pipeline stage', 'статус', 'состояние', 'стадия', 'этап'],
  satisfaction: ['satisfaction', 'satisfaction rating', 'rating', 'csat', 'оценка', 'удовлетворенность', 'оценка клиента'],
  tags: ['tags', 'tag', 'labels', 'теги', 'метки', 'ярлыки'],
  subject: ['subject', 'title', 'summary', 'ticket name', 'topic', 'тема', 'заголовок', 'суть обращения'],
};

/**
 * Headers that look like a field but are not it: residuals are not the invoice total (a payment
 * would read as a discount), and tax-excluded sums are not the total either.
 */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set([
  'amount due', 'balance', 'balance due', 'rest to pay', 'remain to pay', 'remaining', 'left to pay', 'outstanding',
  'received', 'paid amount', 'amount paid', 'остаток', 'к оплате', 'долг', 'задолженность', 'оплачено', 'остаток к оплате',
  'amount (excl. tax)', 'amount excl. tax', 'amount ht', 'tax excluded', 'total (excl. tax)', 'subtotal', 'vat', 'tax',
  'сумма без ндс', 'ндс',
]);

/**
 * Headers of what is still owed on an invoice. Never its amount (the amount is what was billed),
 * but they tell paid from unpaid where no status is shown: 0 is paid, more is open.
 */
export const OWED_HEADERS: ReadonlySet<string> = new Set([
  'amount due', 'balance', 'balance due', 'open balance', 'due amount', 'rest to pay', 'remain to pay', 'remaining', 'left to pay',
  'outstanding', 'amount outstanding', 'residual', 'amount residual',
  'остаток', 'остаток к оплате', 'к оплате', 'осталось оплатить', 'долг', 'задолженность',
]);

/** Headers of a column holding only the currency ("Валюта" next to "Сумма"). */
export const CURRENCY_HEADERS: ReadonlySet<string> = new Set(['currency', 'currency code', 'cur', 'ccy', 'валюта']);

/** Headers of a column holding the client's tax id (not "VAT", which on invoice lists is an amount). */
export const TAX_ID_HEADERS: ReadonlySet<string> = new Set([
  'унп', 'инн', 'инн/кпп', 'vat id', 'vat no', 'vat number', 'vat reg. no', 'tax id', 'tax number', 'налоговый номер',
]);

/** Headers that say when a ticket last moved, which is never when it was created (FreeScout, Zendesk views). */
export const NOT_CREATED_HEADERS: ReadonlySet<string> = new Set([
  'waiting since', 'last updated', 'updated', 'updated at', 'last update', 'modified', 'last modified', 'last reply', 'last activity',
  'last message', 'closed', 'deleted', 'обновлено', 'обновлен', 'изменено', 'изменен', 'последний ответ', 'последняя активность',
]);

/** A sum with tax left out ("Сумма (без НДС)", "Amount (excl.)"), or the tax alone: never the invoice total. */
export const TAX_EXCLUDED = /\b(excl|excluding|ex\.? tax|ex vat|net|ht|before tax|w\/o tax)\b|без ндс|без налога|^(сумма )?ндс$|^vat( amount)?$|^tax( amount)?$/;
/** A sum with tax in ("Сумма (с НДС)", "Total (inc. VAT)", "Amount TTC"): the invoice total, better than a bare "Amount". */
export const TAX_INCLUDED = /\b(incl|including|inc|ttc|gross)\b|с ндс|включая ндс/;

/** Folds a header for lookup: drops sort arrows, trailing colons and dots. */
export function headerKey(raw: string): string {
  return fold(raw)
    .replace(/[▲▼△▽↑↓⇅⇵↕︎⬆⬇]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

/** The same header without a unit or note: "Amount, ₽" → "amount", "Total (USD)" → "total". */
export function headerStem(key: string): string {
  return key.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s*,.*$/, '').trim();
}

/**
 * Status phrases matched by the leading words of a cell ("Overdue 21 days", "Просрочен на 5 дней",
 * "Paid late"), the longest phrase first so that "Оплачен частично" is partial, not paid.
 */
const INVOICE_STATUS_PHRASES: readonly [InvoiceStatus, readonly string[]][] = [
  ['partial', ['partially paid', 'part paid', 'partly paid', 'paid partially', 'partial payment', 'partial', 'started',
    'частично оплачен', 'оплачен частично', 'оплачено частично', 'частичная оплата', 'частично']],
  ['overdue', ['overdue', 'past due', 'late', 'просрочен', 'просрочено', 'просрочена', 'просрочка', 'в просрочке']],
  ['open', ['unpaid', 'not paid', 'open', 'opened', 'sent', 'viewed', 'waiting for payment', 'awaiting payment', 'issued', 'due',
    'outstanding', 'не оплачен', 'не оплачено', 'неоплачен', 'неоплачено', 'ожидает оплаты', 'выставлен', 'отправлен', 'открыт', 'к оплате']],
  ['paid', ['paid', 'fully paid', 'paid in full', 'payment complete', 'оплачен', 'оплачено', 'оплачена', 'оплачено полностью', 'погашен']],
  ['draft', ['draft', 'черновик']],
  ['void', ['void', 'voided', 'cancelled', 'canceled', 'reversed', 'abandoned', 'аннулирован', 'отменен', 'отменено', 'отменена']],
];

/** Posting states that sit beside the payment state (Odoo "Posted", 1C "Проведён"): no payment status at all. */
const POSTING_PHRASES = ['posted', 'unposted', 'not posted', 'проведен', 'не проведен'];

const TICKET_STATUS_PHRASES: readonly [TicketStatus, readonly string[]][] = [
  ['open', ['new', 'open', 'opened', 'reopened', 'in progress', 'escalated', 'новый', 'новая', 'новое', 'открыт', 'открыта', 'открыто',
    'в работе', 'переоткрыт', 'переоткрыта']],
  ['pending', ['pending', 'on hold', 'on-hold', 'hold', 'waiting', 'awaiting', 'в ожидании', 'ожидает', 'ожидание', 'приостановлен',
    'приостановлена']],
  ['solved', ['solved', 'resolved', 'решен', 'решена', 'решено', 'выполнен', 'выполнена']],
  ['closed', ['closed', 'закрыт', 'закрыта', 'закрыто']],
];

const PRIORITY_PHRASES: readonly [TicketPriority, readonly string[]][] = [
  ['low', ['low', 'низкий', 'низкая']],
  ['normal', ['normal', 'medium', 'средний', 'средняя', 'обычный', 'обычная', 'нормальный', 'нормальная']],
  ['high', ['high', 'высокий', 'высокая']],
  ['urgent', ['urgent', 'critical', 'emergency', 'срочный', 'срочная', 'критический', 'критичный', 'критическая']],
];

const SATISFACTION_PHRASES: readonly ['good' | 'bad', readonly string[]][] = [
  ['good', ['good', 'satisfied', 'positive', 'happy', 'хорошо', 'хорошая', 'доволен', 'положительная', '👍']],
  ['bad', ['bad', 'unsatisfied', 'dissatisfied', 'negative', 'unhappy', 'плохо', 'плохая', 'недоволен', 'отрицательная', '👎']],
];

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for a vocabulary: its phrases longest first, each ending where a word ends. */
function leadingWords<T>(table: readonly [T, readonly string[]][]): { pattern: RegExp; value: ReadonlyMap<string, T> } {
  const value = new Map<string, T>();
  for (const [meaning, phrases] of table) for (const phrase of phrases) if (!value.has(phrase)) value.set(phrase, meaning);
  const phrases = [...value.keys()].sort((a, b) => b.length - a.length).map(escapeWord);
  return { pattern: new RegExp(`^(?:${phrases.join('|')})(?![a-zа-я])`), value };
}

const INVOICE_STATUS_WORDS = leadingWords(INVOICE_STATUS_PHRASES);
const POSTING_WORDS = leadingWords([[true, POSTING_PHRASES]]);
const TICKET_STATUS_WORDS = leadingWords(TICKET_STATUS_PHRASES);
const PRIORITY_WORDS = leadingWords(PRIORITY_PHRASES);
const SATISFACTION_WORDS = leadingWords(SATISFACTION_PHRASES);

/** Folds a status text; "3 high" (Zammad numbers its priorities) reads as "high". */
function lookup<T>(words: { pattern: RegExp; value: ReadonlyMap<string, T> }, raw: string): T | undefined {
  const key = fold(raw).replace(/^[\s\d.]+(?=[a-zа-я])/, '').replace(/^[^\p{L}\p{So}]+/u, '');
  const match = words.pattern.exec(key);
  return match ? words.value.get(match[0]) : undefined;
}

/** @example invoiceStatusOf('Overdue 21 days') // 'overdue'; invoiceStatusOf('Оплачен частично') // 'partial' */
export const invoiceStatusOf = (raw: string): InvoiceStatus | undefined => lookup(INVOICE_STATUS_WORDS, raw);
/** A posting state ("Posted", "Проведён"): said beside the payment state, and no payment state itself. */
export const isPostingState = (raw: string): boolean => lookup(POSTING_WORDS, raw) === true;
export const ticketStatusOf = (raw: string): TicketStatus | undefined => lookup(TICKET_STATUS_WORDS, raw);
export const priorityOf = (raw: string): TicketPriority | undefined => lookup(PRIORITY_WORDS, raw);
export const satisfactionOf = (raw: string): 'good' | 'bad' | undefined => lookup(SATISFACTION_WORDS, raw);

/** Words in a page's title, heading or address that say it lists invoices or tickets. */
export const LIST_CONTEXT: Readonly<Record<ListKind, RegExp>> = {
  invoice: /invoice|bill|facture|счет|счёт|счета/i,
  ticket: /ticket|helpdesk|support|conversation|issue|обращени|заявк|тикет|поддержк/i,
};

/** Words that say a list is of bills we owe, not of invoices to clients (Dolibarr /fourn/, "Vendor bills"). */
export const SUPPLIER_CONTEXT = /\b(suppliers?|vendors?|purchases?|fourn|fournisseurs?)\b|поставщик|закупк|входящие сч/i;
