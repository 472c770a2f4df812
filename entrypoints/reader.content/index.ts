import { pageFingerprint } from '../../lib/extract/fingerprint';
import { readPageInChunks } from '../../lib/extract/read-page';
import { LIMITS } from '../../lib/limits';
import { sendPageMessage } from '../../lib/messages/page';
import { profilesItem } from '../../lib/profiles-storage';
import { READER_EXTRAS, readerScope, RUNNING_READER } from '../../lib/reader-slots';
import { mayBeKnownProduct } from '../../lib/sites/hints';
import { profileMatches } from '../../lib/teach/address';
import { STOP_MESSAGE } from '../../lib/messages/page';
import { capMessage } from './cap';
import { createReadScheduler } from './schedule';
import { createSender } from './send';

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
    /**
     * What the page showed when it was last read (pageFingerprint): a re-read of the same is
     * skipped. Not taken for the first read (nothing to compare with) nor after a read that hit the
     * row cap (the text of a 50,000-row page is itself a long task).
     */
    let lastPrint: string | undefined;
    let printable = false;
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
    const schedule = createReadScheduler(() => void read());
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
      schedule.clear();
      reading?.abort();
      send.cancel();
      browser.runtime.onMessage.removeListener(onStop);
      scope[RUNNING_READER] = undefined;
    }

    async function read(): Promise<void> {
      schedule.clear();
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
        const print = printable ? `${extras ? 'extras' : ''}\u0000${JSON.stringify(profiles)}\u0000${pageFingerprint(document, href)}` : undefined;
        if (print !== undefined && print === lastPrint) return;
        const taught = extras && profiles.length ? (doc: Document, url: string, now: Date) => profiles.map((profile) => extras.readWithProfile(doc, url, profile, { now })).find((read) => read.observations.length > 0) : undefined;
        const extract = await readPageInChunks(document, href, { signal: controller.signal, siteReaders: extras?.siteReaders ?? [], ...(taught ? { taught } : {}) });
        const message = capMessage({ url: href, extract });
        if (controller.signal.aborted) return;
        printable = extract.observations.length < LIMITS.maxObservations;
        lastPrint = printable ? print : undefined;
        const serialised = JSON.stringify(message);
        if (serialised === lastSent) return;
        lastSent = serialised;
        send.latest(message);
      } catch (error) {
        if (!controller.signal.aborted) console.warn('Client Signals: could not read this page:', error);
      }
    }

    // Rows added or removed are read once the page settles; text that ticks in place (an SLA
    // clock, "3 minutes ago") by the max wait only.
    const observer = new MutationObserver((records) => schedule.mutations(records));
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const addressWatch = setInterval(() => {
      if (location.href === address) return;
      address = location.href;
      // A new address is a new page for the badge and popup: report it even if it reads the same.
      lastSent = '';
      schedule.structure();
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
        lastPrint = undefined;
        void read();
      },
    };
    void read();
  },
});
