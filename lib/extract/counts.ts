import type { ClientRef, TicketCountObservation } from '../model';
import { valueAfter } from './labels';
import { fold, squish } from './text';

/** Labels of a client's ticket count ("Open tickets (7)", "Обращения: 23"). */
const COUNT_WORDS =
  'open tickets|open requests|open conversations|open cases|tickets|support tickets|total tickets|all tickets|requests|support requests|conversations|cases|' +
  'открытые обращения|открытые заявки|обращения|заявки|тикеты|запросы|всего обращений|всего заявок|все обращения';
const LABEL_ONLY = new RegExp(`^(${COUNT_WORDS})$`);
const LABEL_AND_COUNT = new RegExp(`^(${COUNT_WORDS})\\s*(?:[:(—–-]\\s*)?(\\d{1,6})\\s*\\)?$`);
const COUNT_AND_LABEL = /^(\d{1,6})\s+(open tickets|tickets|open requests|requests|conversations|открытых обращений|обращений|обращения|обращение|заявок|заявки|заявка)$/;
const BADGE = /^\(?(\d{1,6})\)?$/;

type CountLabel = { count: number; scope: 'open' | 'total' };

function scopeOf(label: string): 'open' | 'total' {
  return /open|открыт/.test(label) ? 'open' : 'total';
}

/** A count label in one text node, or a label whose badge follows it. */
function readCount(node: Text): CountLabel | undefined {
  const own = fold(node.nodeValue ?? '');
  const inline = LABEL_AND_COUNT.exec(own);
  if (inline) return { count: Number(inline[2]), scope: scopeOf(inline[1] ?? '') };
  const reversed = COUNT_AND_LABEL.exec(own);
  if (reversed) return { count: Number(reversed[1]), scope: scopeOf(reversed[2] ?? '') };
  const label = LABEL_ONLY.exec(own.replace(/[:\s]+$/, ''));
  if (!label) return undefined;
  const badge = BADGE.exec(squish(valueAfter(node) ?? ''));
  return badge ? { count: Number(badge[1]), scope: scopeOf(label[1] ?? '') } : undefined;
}

/** Count labels on the page, one per scope (the first one shown wins). */
export function findCountLabels(texts: readonly Text[]): CountLabel[] {
  const byScope = new Map<string, CountLabel>();
  for (const node of texts) {
    const found = readCount(node);
    if (found && !byScope.has(found.scope)) byScope.set(found.scope, found);
  }
  return [...byScope.values()];
}

/** Count labels as observations about the page's subject. */
export function countObservations(labels: readonly CountLabel[], subject: ClientRef): TicketCountObservation[] {
  return labels.map((label) => ({ kind: 'ticket-count', client: subject, count: label.count, scope: label.scope }));
}
