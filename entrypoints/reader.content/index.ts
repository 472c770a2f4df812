import { readPageInChunks } from '../../lib/extract/read-page';
import { sendPageMessage } from '../../lib/messages/page';
import { profilesItem } from '../../lib/profiles-storage';
import { READER_EXTRAS, readerScope, RUNNING_READER } from '../../lib/reader-slots';
import { mayBeKnownProduct } from '../../lib/sites/hints';
import { profileMatches } from '../../lib/teach/address';
import { STOP_MESSAGE } from '../../lib/messages/page';
import { capMessage } from './cap';
import { createSender } from './send';

/** Quiet time after the last change of the page's structure before it is read again. */
const DEBOUNCE_MS = 600;
/** However busy the page (an SLA clock ticking every second), it is read at least and at most this often. */
const MAX_WAIT_MS = 10_000;
/** How often the address is compared, for single-page apps that change it with pushState. */
const ADDRESS_POLL_MS = 1000;

/**
 * The reader: reads the page with extractPage (in idle-time chunks), sends the result to the
 * background, and reads again when the page changes (DOM mutations, debounced; single-page-app
 * navigations). It sends only when the result changed, sends again what did not land, and never
 * throws into the page. Registered at runtime, only on the origins the user enabled (see
 * background/sites.ts).
 *
 * It listens to no event the page can fire at it: WXT's context would stop this copy on a
 * "content-script-started" event that any page script can dispatch, so the context is not used
 * for anything, and a second injection ("Enable" again) asks the running copy to read afresh.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    const scope = readerScope();
    const running = scope[RUNNING_READER];
    if (running) {
      running.readAgain();
      return;
    }

    let lastSent = '';
    /** The site readers' bundle: not needed yet, asked for (it reads again on arrival), or refused (read without it). */
    let extrasWanted: 'not asked' | 'asked' | 'refused' = 'not asked';
    const askForExtras = () => {
      const fallBack = () => {
        extrasWanted = 'refused';
        void read();
      };
      sendPageMessage('loadReaderExtras', {})
        .then((reply) => (reply.ok ? undefined : fallBack()))
        .catch(fallBack);
    };
    let reading: AbortController | undefined;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let address = location.href;
    const send = createSender((message) => sendPageMessage('pageRead', message));

    /** The extension was reloaded or removed: this copy can no longer reach it. */
    const orphaned = (): boolean => {
      try {
        return !browser.runtime?.id;
      } catch {
        return true;
      }
    };

    function stop(): void {
      observer.disconnect();
      clearInterval(addressWatch);
      clearTimeout(debounce);
      clearTimeout(deadline);
      reading?.abort();
      send.cancel();
      browser.runtime.onMessage.removeListener(onStop);
      scope[RUNNING_READER] = undefined;
    }

    async function read(): Promise<void> {
      clearTimeout(debounce);
      clearTimeout(deadline);
      debounce = deadline = undefined;
      if (orphaned()) return stop();
      reading?.abort();
      const controller = new AbortController();
      reading = controller;
      try {
        const href = location.href;
        const profiles = (await profilesItem.getValue()).filter((profile) => profileMatches(profile, href));
        const extras = scope[READER_EXTRAS];
        if (!extras && extrasWanted === 'not asked' && (profiles.length > 0 || mayBeKnownProduct(document, href))) {
          // A known product or a taught page: the site readers come first (they read again when they land).
          extrasWanted = 'asked';
          askForExtras();
          return;
        }
        const taught = extras && profiles.length ? (doc: Document, url: string, now: Date) => profiles.map((profile) => extras.readWithProfile(doc, url, profile, { now })).find((read) => read.observations.length > 0) : undefined;
        const extract = await readPageInChunks(document, href, { signal: controller.signal, siteReaders: extras?.siteReaders ?? [], ...(taught ? { taught } : {}) });
        const message = capMessage({ url: href, extract });
        if (controller.signal.aborted) return;
        const serialised = JSON.stringify(message);
        if (serialised === lastSent) return;
        lastSent = serialised;
        send.latest(message);
      } catch (error) {
        if (!controller.signal.aborted) console.warn('Client Signals: could not read this page:', error);
      }
    }

    /** Debounced, but never postponed past MAX_WAIT_MS after the first change not yet read. */
    function schedule(delay = DEBOUNCE_MS): void {
      clearTimeout(debounce);
      debounce = setTimeout(() => void read(), delay);
      deadline ??= setTimeout(() => void read(), MAX_WAIT_MS);
    }

    const observer = new MutationObserver((records) => {
      // Text that changes in place (a ticking clock, a relative time) is read by the deadline only.
      if (records.every((record) => record.type === 'characterData')) deadline ??= setTimeout(() => void read(), MAX_WAIT_MS);
      else schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const addressWatch = setInterval(() => {
      if (location.href === address) return;
      address = location.href;
      // A new address is a new page for the badge and popup: report it even if it reads the same.
      lastSent = '';
      schedule();
    }, ADDRESS_POLL_MS);

    // "Disable on this site": the background tells the open tabs at once. Only the extension
    // itself can send this (a page cannot message a content script through the runtime).
    const onStop = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id === browser.runtime.id && !sender.tab && (message as { type?: unknown } | null)?.type === STOP_MESSAGE) {
        stop();
      }
    };
    browser.runtime.onMessage.addListener(onStop);

    scope[RUNNING_READER] = {
      readAgain() {
        lastSent = '';
        void read();
      },
    };
    void read();
  },
});
