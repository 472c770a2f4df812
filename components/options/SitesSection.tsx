import { useState, type FormEvent } from 'react';
import type { UiText } from '../../lib/i18n';
import { ActionList } from './ActionList';
import { Section } from './Section';

export type EnabledSite = { origin: string; builtIn: boolean };
/** Why enabling a site failed: not a web address, the browser refused, or the background did. */
export type AddSiteRefusal = 'invalid' | 'denied' | { error: string };

type SitesSectionProps = {
  /** Undefined while loading. */
  sites: EnabledSite[] | undefined;
  text: UiText;
  /** Enables the site at an address as typed; resolves to why it did not, or undefined. */
  onAdd: (address: string) => Promise<AddSiteRefusal | undefined>;
  /** Disables a site; resolves to the error, or undefined. */
  onDisable: (origin: string) => Promise<string | undefined>;
};

/** The sites the reader runs on; add one by address, or disable one. */
export function SitesSection({ sites, text, onAdd, onDisable }: SitesSectionProps) {
  const t = text.options.sites;
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();

  async function add(event: FormEvent) {
    event.preventDefault();
    const refusal = await onAdd(address);
    setError(refusal === 'invalid' ? t.invalidOrigin : refusal === 'denied' ? t.denied : refusal?.error);
    if (!refusal) setAddress('');
  }

  return (
    <Section id="sites" title={t.title} description={t.description}>
      <ActionList
        rows={sites?.map((site) => ({
          key: site.origin,
          label: site.origin,
          data: { 'data-site': site.origin },
          ...(site.builtIn ? { note: t.builtIn } : { action: { text: t.disable, run: () => void onDisable(site.origin).then(setError) } }),
        }))}
        empty={t.none}
        error={error}
      />
      <form className="site-add" onSubmit={(event) => void add(event)}>
        <label>
          <span>{t.addLabel}</span>
          <input type="text" value={address} placeholder={t.addPlaceholder} maxLength={300} onChange={(event) => setAddress(event.target.value)} />
        </label>
        <button type="submit">{t.add}</button>
      </form>
    </Section>
  );
}
