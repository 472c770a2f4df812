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
    'invoice #', 'invoice no', 'invoice number', 'invoice num', 'invoice', 'invoice id', 'bill #', 'bill no',
    'номер счета', 'счет №', '№ счета', 'счет', 'счет-фактура', 'номер документа', 'документ',
    'number', 'no', '#', '№', 'номер', 'ref', 'reference', 'референс',
  ],
  client: [
    'client', 'customer', 'client name', 'customer name', 'billing account', 'account name', 'account',
    'third party', 'third-party', 'company', 'organisation', 'organization', 'partner', 'bill to',
    'клиент', 'покупатель', 'контрагент', 'заказчик', 'плательщик', 'компания', 'организация', 'наименование клиента',
  ],
  issued: [
    'invoice date', 'date issued', 'issue date', 'issued', 'issued on', 'billing date', 'date',
    'дата счета', 'дата выставления', 'выставлен', 'дата документа', 'дата',
  ],
  due: ['due date', 'due', 'due on', 'payment due', 'pay by', 'срок оплаты', 'оплатить до', 'крайний срок оплаты', 'срок'],
  paid: ['paid date', 'date paid', 'paid on', 'payment date', 'settled', 'settled on', 'date settled', 'paid', 'дата оплаты', 'дата платежа', 'оплачен'],
  amount: [
    'amount (inc. tax)', 'amount incl. tax', 'total (inc. tax)', 'total incl. tax', 'amount ttc', 'grand total', 'invoice total',
    'total', 'amount', 'sum', 'сумма с ндс', 'сумма счета', 'сумма', 'итого', 'всего',
  ],
  discount: ['discount', 'discount amount', 'скидка', 'сумма скидки'],
  status: ['status', 'payment status', 'payment state', 'state', 'статус', 'статус оплаты', 'состояние'],
};

export const TICKET_HEADERS: Readonly<Record<TicketField, readonly string[]>> = {
  id: [
    'ticket #', 'ticket id', 'ticket', 'ticket number', 'request #', 'conversation #', 'case #', 'case number',
    'обращение', '№ обращения', 'номер обращения', 'заявка', '№ заявки', 'номер заявки', 'тикет',
    'id', 'number', 'no', '#', '№', 'номер',
  ],
  client: ['organization', 'organisation', 'company', 'client', 'customer', 'account', 'организация', 'компания', 'клиент', 'контрагент', 'заказчик'],
  /** A person who wrote in: the client only when neither a client column nor the page names one. */
  requester: ['requester', 'from', 'contact', 'заявитель', 'автор', 'от кого', 'контактное лицо'],
  created: [
    'created', 'created at', 'created on', 'date created', 'creation date', 'opened', 'opened on', 'requested', 'submitted', 'date',
    'создан', 'создано', 'создана', 'дата создания', 'открыт', 'дата',
  ],
  priority: ['priority', 'urgency', 'приоритет', 'срочность'],
  status: ['status', 'state', 'статус', 'состояние'],
  satisfaction: ['satisfaction', 'satisfaction rating', 'rating', 'csat', 'оценка', 'удовлетворенность', 'оценка клиента'],
  tags: ['tags', 'labels', 'теги', 'метки', 'ярлыки'],
  subject: ['subject', 'title', 'summary', 'тема', 'заголовок', 'суть обращения'],
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

const INVOICE_STATUS_WORDS: readonly [RegExp, InvoiceStatus][] = [
  [/^(partially paid|partial|partly paid|частично оплачен[оа]?|частичная оплата|started)$/, 'partial'],
  [/^(overdue|past due|late|просрочен[оа]?|просрочка)$/, 'overdue'],
  [/^(unpaid|not paid|open|sent|viewed|waiting for payment|awaiting payment|posted|issued|due|opened|не оплачен[оа]?|неоплачен[оа]?|ожидает оплаты|выставлен[оа]?|отправлен[оа]?|открыт[оа]?)$/, 'open'],
  [/^(paid|fully paid|paid in full|payment complete|оплачен[оа]?|оплачено полностью|погашен[оа]?)$/, 'paid'],
  [/^(draft|черновик)$/, 'draft'],
  [/^(void|voided|cancelled|canceled|reversed|abandoned|аннулирован[оа]?|отмен[её]н[оа]?)$/, 'void'],
];

const TICKET_STATUS_WORDS: readonly [RegExp, TicketStatus][] = [
  [/^(new|open|opened|reopened|in progress|escalated|новый|новая|новое|открыт[оа]?|в работе|переоткрыт[оа]?)$/, 'open'],
  [/^(pending|pending reminder|pending close|on hold|on-hold|hold|waiting|waiting on customer|awaiting reply|в ожидании|ожидает|ожидает ответа|приостановлен[оа]?)$/, 'pending'],
  [/^(solved|resolved|решен[оа]?|выполнен[оа]?)$/, 'solved'],
  [/^(closed|закрыт[оа]?)$/, 'closed'],
];

const PRIORITY_WORDS: readonly [RegExp, TicketPriority][] = [
  [/^(low|низкий|низкая)$/, 'low'],
  [/^(normal|medium|средний|средняя|обычный|обычная|нормальный|нормальная)$/, 'normal'],
  [/^(high|высокий|высокая)$/, 'high'],
  [/^(urgent|critical|emergency|срочный|срочная|критический|критичный|критическая)$/, 'urgent'],
];

const SATISFACTION_WORDS: readonly [RegExp, 'good' | 'bad'][] = [
  [/^(good|satisfied|positive|happy|хорошо|хорошая|доволен|положительная|👍)$/, 'good'],
  [/^(bad|unsatisfied|dissatisfied|negative|unhappy|плохо|плохая|недоволен|отрицательная|👎)$/, 'bad'],
];

/** Folds a status word; "3 high" (Zammad numbers its priorities) reads as "high". */
function lookup<T>(words: readonly [RegExp, T][], raw: string): T | undefined {
  const key = fold(raw).replace(/[.!]+$/, '').replace(/^\d\s+/, '');
  return words.find(([pattern]) => pattern.test(key))?.[1];
}

export const invoiceStatusOf = (raw: string): InvoiceStatus | undefined => lookup(INVOICE_STATUS_WORDS, raw);
export const ticketStatusOf = (raw: string): TicketStatus | undefined => lookup(TICKET_STATUS_WORDS, raw);
export const priorityOf = (raw: string): TicketPriority | undefined => lookup(PRIORITY_WORDS, raw);
export const satisfactionOf = (raw: string): 'good' | 'bad' | undefined => lookup(SATISFACTION_WORDS, raw);

/** Words in a page's title, heading or address that say it lists invoices or tickets. */
export const LIST_CONTEXT: Readonly<Record<ListKind, RegExp>> = {
  invoice: /invoice|bill|facture|счет|счёт|счета/i,
  ticket: /ticket|helpdesk|support|conversation|issue|обращени|заявк|тикет|поддержк/i,
};
