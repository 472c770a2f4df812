import { useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages/commands';
import { hostPattern } from '../../lib/sites/origins';

/**
 * Whether the reader may run on the active tab's site, and the two things the popup can do about
 * it. Enabling asks for this site's host permission on the click (the browser shows its own
 * prompt); the background, told by the browser that the permission was added, registers the
 * reader there and reads the open tab. The message sent after the grant only repeats that, for a
 * browser that keeps the popup open; one that closes it loses nothing.
 */
export function useSiteAccess(origin: string | undefined, onError: (error?: string) => void) {
  const pattern = origin ? hostPattern(origin) : undefined;
  const [enabled, setEnabled] = useState<boolean>();
  useEffect(() => {
    if (pattern) void browser.permissions.contains({ origins: [pattern] }).then(setEnabled);
  }, [pattern]);

  const enable = async () => {
    if (!origin || !pattern) return;
    // Must be called straight from the click: permission requests need a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) return;
    const reply = await sendMessage('enableSite', { origin });
    onError(reply.ok ? undefined : reply.error);
    setEnabled(reply.ok);
  };
  const disable = async () => {
    if (!origin) return;
    const reply = await sendMessage('disableSite', { origin });
    onError(reply.ok ? undefined : reply.error);
    if (reply.ok) setEnabled(false);
  };
  return { enabled, enable: () => void enable(), disable: () => void disable() };
}
