import { hostPattern } from '../../lib/sites/origins';

/**
 * Who may send what (DESIGN.md, "Messages are split by direction"). A page's content script may
 * only report what it read, and only while its site is enabled; the commands come only from the
 * extension's own pages. Each guard returns why it refused, or undefined.
 */

/** The parts of `runtime.MessageSender` the guards read. */
export type Sender = { id?: string; url?: string; tab?: { id?: number; url?: string } };

/** Refuses a page report that is not from our content script in a tab of a site still enabled. */
export async function pageSenderRefusal(sender: Sender, contains: (pattern: string) => Promise<boolean>): Promise<string | undefined> {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return 'pageRead must come from our content script in a tab';
  const url = sender.url ?? sender.tab.url;
  if (!url || !/^https?:\/\//i.test(url)) return 'pageRead must come from a web page';
  // A disabled site's open tabs keep their old reader until reloaded: what they send is not recorded.
  if (!(await contains(hostPattern(url)))) return `reading is not enabled on ${new URL(url).host}`;
  return undefined;
}

/** Refuses a command that is not from one of the extension's own pages (popup, options, dashboard). */
export function commandSenderRefusal(sender: Sender): string | undefined {
  const own = browser.runtime.getURL('/');
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(own)) return 'commands are taken only from the extension’s own pages';
  return undefined;
}
