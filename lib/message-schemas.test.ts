import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { noteInputSchema, pageReadSchema, parseMessage } from './message-schemas';

const invoice = { kind: 'invoice', client: { name: 'Acme' }, number: 'INV-1', due: '2026-01-31', amount: 10, currency: 'USD', status: 'open' };
const page = (observations: unknown[], extra: Record<string, unknown> = {}) => ({ url: 'https://crm.example/invoices', extract: { observations, warnings: [] }, ...extra });

describe('pageRead schema', () => {
  it('accepts a well-formed page', () => {
    expect(parseMessage(pageReadSchema, page([invoice])).ok).toBe(true);
  });

  it.each([
    ['an unknown kind', [{ ...invoice, kind: 'payment' }]],
    ['an impossible date', [{ ...invoice, due: '2026-02-31' }]],
    ['a date in another format', [{ ...invoice, due: '31.01.2026' }]],
    ['an unknown status', [{ ...invoice, status: 'hacked' }]],
    ['an extra field', [{ ...invoice, html: '<img onerror=alert(1)>' }]],
    ['an empty client name', [{ ...invoice, client: { name: '  ' } }]],
    ['a name over the cap', [{ ...invoice, client: { name: 'x'.repeat(LIMITS.maxText + 1) } }]],
    ['a non-finite amount', [{ ...invoice, amount: Number.POSITIVE_INFINITY }]],
    ['a lower-case currency', [{ ...invoice, currency: 'usd' }]],
    ['a ticket without created', [{ kind: 'ticket', client: { name: 'A' }, id: '1' }]],
    ['a negative count', [{ kind: 'ticket-count', client: { name: 'A' }, count: -1 }]],
  ])('refuses %s', (_label, observations) => {
    const result = parseMessage(pageReadSchema, page(observations));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/^invalid message: /);
  });

  it('refuses too many rows and too many bytes', () => {
    expect(parseMessage(pageReadSchema, page(Array.from({ length: LIMITS.maxObservations + 1 }, (_, i) => ({ ...invoice, number: String(i) })))).ok).toBe(false);
    const huge = page([invoice], { padding: 'x'.repeat(LIMITS.maxMessageBytes) });
    const result = parseMessage(pageReadSchema, huge);
    expect(result.ok ? '' : result.error).toMatch(/too large/);
  });

  it('refuses what is not an object at all', () => {
    for (const forged of [null, 42, 'pageRead', [], { url: 'javascript:alert(1)', extract: { observations: [], warnings: [] } }]) {
      expect(parseMessage(pageReadSchema, forged).ok).toBe(false);
    }
  });
});

describe('note schema', () => {
  it('accepts a note and refuses an unknown kind', () => {
    expect(parseMessage(noteInputSchema, { kind: 'incident', client: { name: 'A' }, text: 'x' }).ok).toBe(true);
    expect(parseMessage(noteInputSchema, { kind: 'praise', client: { name: 'A' }, text: 'x' }).ok).toBe(false);
  });
});
