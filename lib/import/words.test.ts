import { describe, expect, it } from 'vitest';
import { invoiceStatusOf, priorityOf, ticketStatusOf } from '../extract/vocabulary';
import { statusWord } from './words';

describe('statusWord', () => {
  it.each([
    ['Paid', 'paid'],
    ['Overdue 21 days', 'overdue'],
    ['Просрочен на 5 дней', 'overdue'],
    ['Paid late', 'paid'],
    ['Частично оплачен', 'partial'],
    ['Отправлен клиенту', 'open'],
    ['Отклонён', undefined],
    ['', undefined],
  ])('invoice status %j → %s', (raw, status) => {
    expect(statusWord(raw, invoiceStatusOf)).toBe(status);
  });

  it.each([
    ['Waiting on Customer', ticketStatusOf, 'pending'],
    ['Resolved', ticketStatusOf, 'solved'],
    ['Medium', priorityOf, 'normal'],
    ['3 high', priorityOf, 'high'],
  ] as const)('%s → %s', (raw, lookup, value) => {
    expect(statusWord(raw, lookup)).toBe(value);
  });
});
