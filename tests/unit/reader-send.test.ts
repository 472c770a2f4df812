import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capMessage } from '../../entrypoints/reader.content/cap';
import { createSender } from '../../entrypoints/reader.content/send';
import { LIMITS } from '../../lib/limits';
import type { PageRead, PageReadReply } from '../../lib/messages/page';
import type { InvoiceObservation } from '../../lib/model';

const invoice = (i: number, name = `Client ${i}`): InvoiceObservation => ({ kind: 'invoice', client: { name }, number: `INV-${i}`, due: '2026-01-31', amount: i });
const page = (rows: number, name?: (i: number) => string): PageRead => ({
  url: 'https://crm.example/invoices',
  extract: { observations: Array.from({ length: rows }, (_, i) => invoice(i, name?.(i))), warnings: [] },
});
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('capMessage: the content script cuts what the background would refuse', () => {
  it('passes a message within the caps untouched', () => {
    const message = page(10);
    expect(capMessage(message)).toBe(message);
  });

  it('cuts to the row cap and says so', () => {
    const capped = capMessage(page(LIMITS.maxObservations + 20));
    expect(capped.extract.observations).toHaveLength(LIMITS.maxObservations);
    expect(capped.extract.warnings.at(-1)).toBe(`page lists ${LIMITS.maxObservations + 20} rows; only the first ${LIMITS.maxObservations} were read`);
  });

  it('cuts by bytes too: long names make fewer rows fit, and the most that fit are kept, in page order', () => {
    const longNames = page(3000, (i) => `${'Ж'.repeat(480)} ${i}`);
    expect(bytes(longNames)).toBeGreaterThan(LIMITS.maxMessageBytes);
    const capped = capMessage(longNames);
    expect(bytes(capped)).toBeLessThanOrEqual(LIMITS.maxMessageBytes);
    const kept = capped.extract.observations.length;
    expect(kept).toBeGreaterThan(1000);
    expect(capped.extract.observations).toEqual(longNames.extract.observations.slice(0, kept));
    // One row more would not have fitted.
    expect(bytes({ ...capped, extract: { ...capped.extract, observations: longNames.extract.observations.slice(0, kept + 1) } })).toBeGreaterThan(LIMITS.maxMessageBytes);
    expect(capped.extract.warnings.at(-1)).toMatch(/^page lists 3000 rows; only the first \d+ were read$/);
  });
});

describe('createSender: a read that did not land is sent again', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries a lost reply and a refusal, and stops once it lands', async () => {
    const replies: (() => Promise<PageReadReply>)[] = [
      () => Promise.reject(new Error('The message port closed before a response was received.')),
      async () => ({ ok: false, error: 'recompute failed' }),
      async () => ({ ok: true, observations: 10, clients: 10 }),
    ];
    const post = vi.fn((_message: PageRead) => replies.shift()!());
    createSender(post).latest(page(10));
    await vi.runAllTimersAsync();
    expect(post).toHaveBeenCalledTimes(3);
  });

  it('gives up after a bounded number of tries', async () => {
    const post = vi.fn(async (_message: PageRead): Promise<PageReadReply> => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createSender(post).latest(page(1));
    await vi.runAllTimersAsync();
    expect(post).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenCalledWith('Client Signals: the page was not stored:', expect.stringContaining('Receiving end does not exist'));
    warn.mockRestore();
  });

  it('sends the newest read in place of one still waiting to be retried', async () => {
    let fail = true;
    const post = vi.fn(async (_message: PageRead): Promise<PageReadReply> => {
      if (fail) throw new Error('worker stopped');
      return { ok: true, observations: 0, clients: 0 };
    });
    const sender = createSender(post);
    sender.latest(page(1));
    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    sender.latest(page(2));
    await vi.runAllTimersAsync();
    expect(post.mock.calls.at(-1)![0].extract.observations).toHaveLength(2);
    expect(post).toHaveBeenCalledTimes(2);
  });
});
