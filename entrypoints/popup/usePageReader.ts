import { sendMessage } from '../../lib/messages/commands';
import type { Lang } from '../../lib/model';
import { useSiteReaders, type ReaderInfo } from '../options/useSiteReaders';

/**
 * What the popup says about who reads the active tab: the site reader's label for the tab row's
 * `readBy`, the hosted product its address belongs to (for a site not enabled yet), and teach
 * mode's start.
 */
export function usePageReader(tab: { id: number; url: string } | null | undefined, lang: Lang, onError: (error?: string) => void) {
  const readers = useSiteReaders();
  const hostname = hostnameOf(tab?.url);

  const labelOf = (readBy: string | undefined) => readers?.find((reader) => reader.id === readBy)?.label[lang];
  const recognised = hostname ? productOfHost(readers, hostname) : undefined;

  const teach = async () => {
    if (!tab) return;
    const reply = await sendMessage('startTeaching', { tabId: tab.id, lang }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (!reply.ok) return onError(reply.error);
    // The picker is in the page now; the popup would only cover it.
    window.close();
  };

  return { labelOf, recognised, teach: () => void teach() };
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:/.test(url)) return undefined;
  return new URL(url).hostname;
}

/** The product whose hosted domains include `hostname` (Bitrix24, HubSpot…), if any. */
export function productOfHost(readers: readonly ReaderInfo[] | undefined, hostname: string): string | undefined {
  return readers?.find((reader) => reader.hosts?.test(hostname))?.product;
}
