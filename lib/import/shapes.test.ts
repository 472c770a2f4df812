import { describe, expect, it } from 'vitest';
import type { Cell } from './cells';
import { columnShape, mostlyAmounts } from './shapes';

const column = (...values: Cell[]): Cell[][] => values.map((value) => [value]);

describe('columnShape', () => {
  it.each([
    ['invoice numbers', column('INV-1', 'INV-2', 'СЧ-0042', '№ 17'), 'document-number'],
    ['dates', column('05.03.2026', '2026-03-06', '03/25/2026', ''), 'date'],
    ['real date cells', column({ date: '2026-03-05' }, { date: '2026-03-06' }), 'date'],
    ['amounts', column('1 234,56', '$12.00', '7,50 ₽', 99.5), 'amount'],
    ['plain counts are no amounts', column('3', '17', '391', 12), 'text'],
    ['yes and no', column('Yes', 'No', 'да'), 'yes-no'],
    ['names', column('Acme', 'Globex'), 'text'],
    ['a mixed column', column('INV-1', 'Acme', '2026-03-05', '12.50', 'x'), 'text'],
    ['nothing', column('', ''), 'empty'],
  ])('%s', (_, rows, shape) => {
    expect(columnShape(rows, 0)).toBe(shape);
  });
});

describe('mostlyAmounts', () => {
  it.each([
    ['"Paid" as sums, whole ones too', column('0', '150.50', '1 200,00', 0), true],
    ['"Paid" as dates', column('05.03.2026', '2026-03-06', ''), false],
    ['empty', column('', ''), false],
  ])('%s', (_, rows, expected) => {
    expect(mostlyAmounts(rows, 0)).toBe(expected);
  });
});
