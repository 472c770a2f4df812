import { extractPageInChunks } from '../../lib/extract';
import { LIMITS } from '../../lib/limits';
import { sendMessage } from '../../lib/messages';
import type { PageExtract } from '../../lib/model';

/** Quiet time after the last DOM change before the page is read again. */
const DEBOUNCE_MS = 600;

/**
 * The reader: reads the page with extractPage (in idle-time chunks), sends the result to the
 * background, and reads again when the page changes (DOM mutations, debounced; single-page-app
 * navigations). It sends only when the result changed, and never throws into the page.
 * Registered at runtime, only on the origins the user enabled (see background/sites.ts).
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main(ctx) {
    // Injected twice (registered, then injected on "Enable"): the first copy does the work.
    const flag = '__clientSignalsReader';
    const scope = globalThis as unknown as Record<string, boolean>;
    if (scope[flag]) return;
    scope[flag] = true;

    let lastSent = '';
    let timer: number | undefined;
    let reading: AbortController | undefined;

    async function read(): Promise<void> {
      reading?.abort();
      const controller = new AbortController();
      reading = controller;
      try {
        const extract = capped(await extractPageInChunks(document, location.href, { signal: controller.signal }));
        if (controller.signal.aborted || ctx.isInvalid) return;
        const message = { url: location.href, extract };
        const serialised = JSON.stringify(message);
        if (serialised === lastSent) return;
        lastSent = serialised;
        const reply = await sendMessage('pageRead', message);
        if (!reply.ok) console.warn('Client Signals: the page was not stored:', reply.error);
      } catch (error) {
        if (!controller.signal.aborted) console.warn('Client Signals: could not read this page:', error);
      }
    }

    function schedule(): void {
      clearTimeout(timer);
      timer = ctx.setTimeout(() => void read(), DEBOUNCE_MS);
    }

    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      reading?.abort();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      // A new address is a new page for the badge and popup: report it even if it reads the same.
      lastSent = '';
      schedule();
    });
    void read();
  },
});

/** The background refuses oversize messages; cut here first and say so. */
function capped(extract: PageExtract): PageExtract {
  if (extract.observations.length <= LIMITS.maxObservations) return extract;
  return {
    ...extract,
    observations: extract.observations.slice(0, LIMITS.maxObservations),
    warnings: [...extract.warnings, `page lists ${extract.observations.length} rows; only the first ${LIMITS.maxObservations} were read`].slice(-LIMITS.maxWarnings),
  };
}
