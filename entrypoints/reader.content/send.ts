import type { PageRead, PageReadReply } from '../../lib/messages/page';

/** Waits between tries of a read that did not land: the worker restarting takes a moment. */
const RETRY_DELAYS_MS = [250, 1000, 3000, 8000];

/**
 * Sends page reads so that one that did not land is sent again: a lost reply ("message channel
 * closed" when the worker is stopped mid-ingest), a refusal or an error is retried a bounded
 * number of times. Only the latest read matters: a newer one replaces one still waiting.
 * Ingest is idempotent, so a read that did land but whose reply was lost is harmless to repeat.
 */
export function createSender(post: (message: PageRead) => Promise<PageReadReply>) {
  let pending: PageRead | undefined;
  let busy = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;

  async function flush(attempt: number): Promise<void> {
    if (busy || cancelled || !pending) return;
    busy = true;
    const message = pending;
    let landed = false;
    let reason = '';
    try {
      const reply = await post(message);
      landed = reply.ok;
      if (!reply.ok) reason = reply.error;
    } catch (error) {
      reason = String(error);
    }
    busy = false;
    if (pending !== message) return void flush(0); // a newer read came meanwhile
    if (landed) {
      pending = undefined;
      return;
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined || cancelled) {
      console.warn('Client Signals: the page was not stored:', reason);
      pending = undefined;
      return;
    }
    retry = setTimeout(() => void flush(attempt + 1), delay);
  }

  return {
    /** Sends this read (replacing any read not yet landed). */
    latest(message: PageRead): void {
      pending = message;
      clearTimeout(retry);
      void flush(0);
    },
    cancel(): void {
      cancelled = true;
      clearTimeout(retry);
    },
  };
}
