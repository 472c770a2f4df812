/**
 * Where the reader runs: the origins the user enabled (optional host permissions granted from
 * the popup) plus any the manifest grants (the test build's loopback hosts). The content script
 * is registered at runtime for exactly those, and unregistered when they are taken back.
 *
 * Every change of the registration goes through one queue: `permissions.onAdded`, the popup's
 * follow-up message and a start-up sync may all arrive at once, and two registrations racing
 * each other is what gave "Duplicate script ID" and "Nonexistent script ID".
 */
import { hostPattern, matchesPattern } from '../../lib/sites/origins';

const SCRIPT_ID = 'reader';
const SCRIPT_FILE = '/content-scripts/reader.js';

/** Firefox MV2's own API for dynamic content scripts (not persistent: re-registered at start). */
type Mv2ContentScripts = {
  register(options: { js: { file: string }[]; matches: string[]; runAt: string }): Promise<{ unregister(): Promise<void> }>;
};
let mv2Registration: { unregister(): Promise<void> } | undefined;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it, whether those failed or not. */
export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Concrete origin patterns we may run on: a granted wildcard (which we never ask for) is ignored. */
async function enabledPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return [...new Set(origins.filter((pattern) => /^https?:\/\/[^*/]+\/\*$/.test(pattern)))].sort();
}

/** Makes the registered content script match exactly the enabled origins. Call it through `serialised`. */
async function syncNow(): Promise<string[]> {
  const matches = await enabledPatterns();
  const scripting = browser.scripting;
  if (scripting?.registerContentScripts) {
    const existing = (await scripting.getRegisteredContentScripts()).filter((script) => script.id === SCRIPT_ID);
    if (matches.length === 0) {
      if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    } else if (existing.length) {
      await scripting.updateContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches }]);
    } else {
      await scripting.registerContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return matches;
  }
  const contentScripts = (browser as unknown as { contentScripts?: Mv2ContentScripts }).contentScripts;
  const previous = mv2Registration;
  mv2Registration = undefined;
  await previous?.unregister();
  if (contentScripts && matches.length) {
    mv2Registration = await contentScripts.register({ js: [{ file: SCRIPT_FILE }], matches, runAt: 'document_idle' });
  }
  return matches;
}

/** Brings the registration in line with the granted origins (idempotent, queued). */
export function syncContentScripts(): Promise<string[]> {
  return serialised(syncNow);
}

/**
 * The open tabs of the sites a pattern covers. Not `tabs.query({ url })`: Firefox's match
 * patterns carry no port, so a tab at http://127.0.0.1:8069/ would never be found that way.
 */
export async function tabsOf(patterns: readonly string[]): Promise<number[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => (tab.id !== undefined && tab.url && patterns.some((pattern) => matchesPattern(pattern, tab.url!)) ? [tab.id] : []));
}

/**
 * Runs the reader at once in the open tabs of the sites just enabled (no reload needed). A tab
 * whose reader is still running from before gets a fresh read from that copy (see the content
 * script), so injecting twice is harmless.
 */
async function injectNow(patterns: readonly string[]): Promise<void> {
  for (const tabId of await tabsOf(patterns)) {
    try {
      if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILE] });
      else await (browser.tabs as unknown as { executeScript(id: number, d: { file: string }): Promise<unknown> }).executeScript(tabId, { file: SCRIPT_FILE });
    } catch (error) {
      console.warn('Client Signals: could not read tab', tabId, error);
    }
  }
}

/** Enables the reader on sites the user just granted: registration, then the open tabs (queued). */
export function startReading(origins: readonly string[]): Promise<void> {
  return serialised(async () => {
    await syncNow();
    const granted = await enabledPatterns();
    await injectNow(origins.map(hostPattern).filter((pattern) => granted.includes(pattern)));
  });
}

