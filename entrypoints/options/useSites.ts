import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages/commands';
import { hostPattern } from '../../lib/sites/origins';
import type { AddSiteRefusal, EnabledSite } from '../../components/options/SitesSection';

/** Origins the manifest grants (the test build's loopback hosts): always on, cannot be removed here. */
function builtInPatterns(): Set<string> {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return new Set([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((p) => p.includes('://')));
}

/**
 * The sites the reader runs on (the host permissions granted), live; enabling one by address asks
 * the browser straight from the click, and the background registers the reader.
 */
export function useSites() {
  const [sites, setSites] = useState<EnabledSite[]>();

  const refresh = useCallback(async () => {
    const builtIn = builtInPatterns();
    const { origins = [] } = await browser.permissions.getAll();
    setSites(
      origins
        .filter((pattern) => /^https?:\/\/[^*/]+\/\*$/.test(pattern))
        .map((pattern) => ({ origin: pattern.slice(0, -2), builtIn: builtIn.has(pattern) }))
        .sort((a, b) => a.origin.localeCompare(b.origin)),
    );
  }, []);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [refresh]);

  /** Enables the site at `address`; undefined when it worked. */
  async function add(address: string): Promise<AddSiteRefusal | undefined> {
    let origin: string;
    try {
      const url = new URL(address.includes('://') ? address.trim() : `https://${address.trim()}`);
      if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return 'invalid';
      origin = url.origin;
    } catch {
      return 'invalid';
    }
    // Straight from the click: the browser asks the user.
    if (!(await browser.permissions.request({ origins: [hostPattern(origin)] }))) return 'denied';
    const reply = await sendMessage('enableSite', { origin });
    return reply.ok ? undefined : { error: reply.error };
  }

  /** Disables a site; the error when the background refused. */
  async function disable(origin: string): Promise<string | undefined> {
    const reply = await sendMessage('disableSite', { origin });
    return reply.ok ? undefined : reply.error;
  }

  return { sites, add, disable };
}
