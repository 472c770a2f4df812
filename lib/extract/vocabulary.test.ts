import { describe, expect, it } from 'vitest';
import { invoiceStatusOf, isPostingState, priorityOf, satisfactionOf, ticketStatusOf } from './vocabulary';

describe('invoice status by its leading words', () => {
  it.each([
    // English, the word alone and with words after it.
    ['Paid', 'paid'],
    ['PAID', 'paid'],
    ['Paid late', 'paid'],
    ['Paid in full', 'paid'],
    ['Overdue', 'overdue'],
    ['Overdue 21 days', 'overdue'],
    ['Overdue by 3 days', 'overdue'],
    ['Past due', 'overdue'],
    ['Past Due (12 days)', 'overdue'],
    ['Late', 'overdue'],
    ['Partially paid', 'partial'],
    ['Part paid', 'partial'],
    ['Partly Paid', 'partial'],
    ['Partial', 'partial'],
    ['Unpaid', 'open'],
    ['Not Paid', 'open'],
    ['Open', 'open'],
    ['Sent', 'open'],
    ['Waiting for Payment', 'open'],
    ['Due in 5 days', 'open'],
    ['Draft', 'draft'],
    ['Void', 'void'],
    ['Cancelled', 'void'],
    ['Canceled', 'void'],
    // Russian, the same boundaries.
    ['Оплачен', 'paid'],
    ['Оплачено', 'paid'],
    ['Оплачен частично', 'partial'],
    ['Частично оплачен', 'partial'],
    ['Просрочен', 'overdue'],
    ['Просрочен на 5 дней', 'overdue'],
    ['Просрочено', 'overdue'],
    ['Не оплачен', 'open'],
    ['Неоплачен', 'open'],
    ['Ожидает оплаты', 'open'],
    ['Выставлен', 'open'],
    ['Черновик', 'draft'],
    ['Аннулирован', 'void'],
    ['Отменён', 'void'],
    ['Отменен', 'void'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(invoiceStatusOf(raw)).toBe(expected);
  });

  it.each([
    // A leading word must end where a word ends: "Paidx", "Lately", "Opened…" are not "Paid", "Late", "Open".
    'Paidx',
    'Lately',
    'Disputed',
    'In collections',
    'Processing Payment',
    'Стабильный',
    'Posted',
    'Проведён',
    '',
    '—',
  ])('%s is no status', (raw) => {
    expect(invoiceStatusOf(raw)).toBeUndefined();
  });

  it.each([
    ['Posted', true],
    ['Not Posted', true],
    ['Проведён', true],
    ['Не проведён', true],
    ['Paid', false],
    ['Postage', false],
  ])('%s is a posting state: %s', (raw, expected) => {
    expect(isPostingState(raw)).toBe(expected);
  });
});

describe('ticket words by their leading words', () => {
  it.each([
    ['New', 'open'],
    ['Open', 'open'],
    ['In progress', 'open'],
    ['Новый', 'open'],
    ['Открыт', 'open'],
    ['В работе', 'open'],
    ['Pending', 'pending'],
    ['Pending reminder', 'pending'],
    ['On-hold', 'pending'],
    ['Waiting on contact', 'pending'],
    ['Ожидает', 'pending'],
    ['Ожидает ответа клиента', 'pending'],
    ['Solved', 'solved'],
    ['Resolved', 'solved'],
    ['Решён', 'solved'],
    ['Closed', 'closed'],
    ['Закрыт', 'closed'],
    ['Закрыта', 'closed'],
  ] as const)('status %s → %s', (raw, expected) => {
    expect(ticketStatusOf(raw)).toBe(expected);
  });

  it.each(['Newsletter', 'Opener', 'Closedown', 'Spam'])('%s is no ticket status', (raw) => {
    expect(ticketStatusOf(raw)).toBeUndefined();
  });

  it.each([
    ['Low', 'low'],
    ['Низкий', 'low'],
    ['Medium', 'normal'],
    ['Обычный', 'normal'],
    ['Средний', 'normal'],
    ['3 high', 'high'],
    ['Высокий', 'high'],
    ['Urgent', 'urgent'],
    ['Critical', 'urgent'],
    ['Критический', 'urgent'],
    ['Срочный', 'urgent'],
  ] as const)('priority %s → %s', (raw, expected) => {
    expect(priorityOf(raw)).toBe(expected);
  });

  it.each([
    ['Good', 'good'],
    ['Хорошо', 'good'],
    ['👍', 'good'],
    ['Bad', 'bad'],
    ['Плохо', 'bad'],
    ['👎', 'bad'],
    ['Unoffered', undefined],
    ['Offered', undefined],
  ] as const)('satisfaction %s → %s', (raw, expected) => {
    expect(satisfactionOf(raw)).toBe(expected);
  });
});
