/**
 * Where the reader runs: the origins the user enabled (optional host permissions granted from
 * the popup) plus any the manifest grants (the test build's loopback hosts). The content script
 * is registered at runtime for exactly those, and unregistered when they are taken back.
 */

const SCRIPT_ID = 'reader';
const SCRIPT_FILE = '/content-scripts/reader.js';

/** Firefox MV2's own API for dynamic content scripts (not persistent: re-registered at start). */
type Mv2ContentScripts = {
  register(options: { js: { file: string }[]; matches: string[]; runAt: string }): Promise<{ unregister(): Promise<void> }>;
};
let mv2Registration: { unregister(): Promise<void> } | undefined;

/** Concrete origin patterns we may run on: a granted wildcard (which we never ask for) is ignored. */
async function enabledPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((pattern) => /^https?:\/\/[^*/]+\/\*$/.test(pattern)).sort();
}

/** Makes the registered content script match exactly the enabled origins. */
export async function syncContentScripts(): Promise<string[]> {
  const matches = await enabledPatterns();
  const scripting = browser.scripting;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
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
  await mv2Registration?.unregister();
  mv2Registration = undefined;
  if (contentScripts && matches.length) {
    mv2Registration = await contentScripts.register({ js: [{ file: SCRIPT_FILE }], matches, runAt: 'document_idle' });
  }
  return matches;
}

/** Runs the reader at once in the open tabs of an origin just enabled (no reload needed). */
export async function injectInto(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [SCRIPT_FILE] });
        else await (browser.tabs as unknown as { executeScript(id: number, d: { file: string }): Promise<unknown> }).executeScript(tab.id, { file: SCRIPT_FILE });
      } catch (error) {
        console.warn('Client Signals: could not read tab', tab.id, error);
      }
    }),
  );
}
