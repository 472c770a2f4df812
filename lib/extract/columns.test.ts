// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { planColumns } from './columns';

/** Header cells from their inner HTML, as a page would have them. */
function headers(...cells: string[]): Element[] {
  return cells.map((html) => {
    const cell = document.createElement('th');
    cell.innerHTML = html;
    return cell;
  });
}

function fields(plan: ReturnType<typeof planColumns>): string {
  if (!plan) return 'none';
  return `${plan.kind}: ${[...plan.columns].map(([field, column]) => `${field}@${column}`).join(' ')}`;
}

describe('planColumns', () => {
  it.each([
    [['Invoice #', 'Customer', 'Invoice Date', 'Due Date', 'Total', 'Amount Due', 'Status'], '', 'invoice: number@0 client@1 issued@2 due@3 amount@4 owed@5 status@6'],
    [['Номер счета', 'Контрагент', 'Дата', 'Срок оплаты', 'Сумма, руб.', 'Остаток', 'Статус'], '', 'invoice: number@0 client@1 issued@2 due@3 amount@4 owed@5 status@6'],
    [['Ref.', 'Third party', 'Due date', 'Amount (excl. tax)', 'Amount (inc. tax)', 'Rest to pay'], '', 'invoice: number@0 client@1 due@2 amount@4 owed@5'],
    // A balance is no invoice evidence on its own: "Number / Balance" may list bank accounts.
    [['Number', 'Balance', 'Amount Due'], '', 'none'],
    // A bare "Paid" header is the paid date; "Amount paid" is money and stays out.
    [['Invoice #', 'Issued', 'Due', 'Paid', 'Amount', 'Status'], '', 'invoice: number@0 issued@1 due@2 paid@3 amount@4 status@5'],
    [['Invoice #', 'Due', 'Amount paid', 'Total'], '', 'invoice: number@0 due@1 amount@3'],
    [['ID', 'Subject', 'Requester', 'Organization', 'Requested', 'Priority', 'Status'], '', 'ticket: id@0 subject@1 requester@2 client@3 created@4 priority@5 status@6'],
    [['№ обращения', 'Тема', 'Клиент', 'Создано', 'Приоритет', 'Оценка', 'Теги'], '', 'ticket: id@0 subject@1 client@2 created@3 priority@4 satisfaction@5 tags@6'],
    [['#', 'Date', 'Amount', 'Method'], 'Invoice INV-0042', 'none'],
    [['Plan', 'Price', 'Users'], 'Pricing', 'none'],
    [['Order #', 'Date', 'Status', 'Total'], '', 'none'],
    [['Date', 'Client', 'Task', 'Hours', 'Amount'], '', 'none'],
  ])('%j (%s) → %s', (names, context, expected) => {
    expect(fields(planColumns(headers(...names), context))).toBe(expected);
  });

  it.each([
    ['sort buttons and hidden text', ['Invoice #', '<button>Due date<span class="sr-only">, sort ascending</span><span aria-hidden="true">▲</span></button>'], 'due'],
    ['a label only screen readers hear', ['Due date', '<span class="visually-hidden">Invoice number</span><span aria-hidden="true">#</span>'], 'number'],
    ['words over nested blocks', ['Invoice #', '<div><div>Due</div><div>date</div></div>'], 'due'],
    ['a word over inline parts', ['Invoice #', 'Due date', '<span>Cust</span><span>omer</span>'], 'client'],
    ['an accessible label', ['Invoice #', 'Due date', '<button aria-label="Payment status, sorted descending">⇅</button>'], 'status'],
  ])('reads headers with %s', (_what, cells, field) => {
    const plan = planColumns(headers(...cells), '');
    expect(plan && [...plan.columns].find(([, column]) => column === cells.length - 1)?.[0]).toBe(field);
  });

  it('needs a status word to prove a list that only a status column marks', () => {
    expect(planColumns(headers('No.', 'Date', 'Status'), '')?.needsStatusProof).toBe(true);
    expect(planColumns(headers('Invoice No.', 'Date', 'Status'), '')?.needsStatusProof).toBe(false);
  });
});
