import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { sendMessage } from '../../lib/messages/commands';
import { hostPattern } from '../../lib/sites/origins';
import type { UiText } from '../../lib/ui-text';
import { ActionList } from './ActionList';
import { Section } from './Section';

type Site = { origin: string; builtIn: boolean };

/** Origins the manifest grants (the test build's loopback hosts): always on, cannot be removed here. */
function builtInPatterns(): Set<string> {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return new Set([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((p) => p.includes('://')));
}

/** The sites the reader runs on; add one by address, or disable one. */
export function SitesSection({ text }: { text: UiText }) {
  const t = text.options.sites;
  const [sites, setSites] = useState<Site[]>();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();

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

  async function add(event: FormEvent) {
    event.preventDefault();
    let origin: string;
    try {
      const url = new URL(address.includes('://') ? address.trim() : `https://${address.trim()}`);
      if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) throw new Error();
      origin = url.origin;
    } catch {
      setError(t.invalidOrigin);
      return;
    }
    // Straight from the click: the browser asks the user.
    if (!(await browser.permissions.request({ origins: [hostPattern(origin)] }))) {
      setError(t.denied);
      return;
    }
    const reply = await sendMessage('enableSite', { origin });
    setError(reply.ok ? undefined : reply.error);
    if (reply.ok) setAddress('');
  }

  async function disable(origin: string) {
    const reply = await sendMessage('disableSite', { origin });
    setError(reply.ok ? undefined : reply.error);
  }

  return (
    <Section id="sites" title={t.title} description={t.description}>
      <ActionList
        rows={sites?.map((site) => ({
          key: site.origin,
          label: site.origin,
          data: { 'data-site': site.origin },
          ...(site.builtIn ? { note: t.builtIn } : { action: { text: t.disable, run: () => void disable(site.origin) } }),
        }))}
        empty={t.none}
        error={error}
      />
      <form className="site-add" onSubmit={(event) => void add(event)}>
        <label>
          <span>{t.addLabel}</span>
          <input type="text" value={address} placeholder={t.addPlaceholder} maxLength={300} onChange={(event) => setAddress(event.target.value)} />
        </label>
        <button type="submit">
          {t.add}
        </button>
      </form>
    </Section>
  );
}
