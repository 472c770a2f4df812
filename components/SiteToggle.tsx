import { useEffect, useState } from 'react';
import { sendMessage } from '../lib/messages/commands';
import { hostPattern } from '../lib/sites/origins';
import type { UiText } from '../lib/ui-text';

/**
 * "Enable on this site": asks for this site's host permission on the click (the browser shows
 * its own prompt); the background, told by the browser that the permission was added, registers
 * the reader there and reads the open tab. The message sent after the grant only repeats that,
 * for a browser that keeps the popup open; one that closes it loses nothing.
 */
export function SiteToggle({ origin, text, onError }: { origin: string; text: UiText; onError: (error?: string) => void }) {
  const pattern = hostPattern(origin);
  const [enabled, setEnabled] = useState<boolean>();
  useEffect(() => {
    void browser.permissions.contains({ origins: [pattern] }).then(setEnabled);
  }, [pattern]);
  if (enabled === undefined) return null;

  const enable = async () => {
    // Must be called straight from the click: permission requests need a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) return;
    const reply = await sendMessage('enableSite', { origin });
    onError(reply.ok ? undefined : reply.error);
    setEnabled(reply.ok);
  };
  const disable = async () => {
    const reply = await sendMessage('disableSite', { origin });
    onError(reply.ok ? undefined : reply.error);
    if (reply.ok) setEnabled(false);
  };
  return (
    <div className="site" data-site-enabled={enabled}>
      <span className="site__origin">{new URL(origin).host}</span>
      {/* Focused when it is the one thing to do, so the keyboard shortcut then Enter enables a site. */}
      <button type="button" className={enabled ? 'button button--quiet' : 'button'} autoFocus={!enabled} data-action={enabled ? 'disable-site' : 'enable-site'} onClick={() => void (enabled ? disable() : enable())}>
        {enabled ? text.popup.disableSite : text.popup.enableSite}
      </button>
    </div>
  );
}
