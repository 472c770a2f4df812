import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { commandSenderRefusal, pageSenderRefusal, type Sender } from '../../entrypoints/background/guards';

/** Messages by direction: who may send what (DESIGN.md, "Privacy and permissions"). */
describe('message guards', () => {
  const own = () => browser.runtime.getURL('/');
  const granted = new Set(['http://127.0.0.1/*', 'https://crm.example.com/*']);
  const contains = async (pattern: string) => granted.has(pattern);
  beforeEach(() => fakeBrowser.reset());

  it.each<[string, () => Sender, boolean]>([
    ['the popup', () => ({ id: browser.runtime.id, url: `${own()}popup.html` }), true],
    ['the options page in a tab', () => ({ id: browser.runtime.id, url: `${own()}options.html`, tab: { id: 3, url: `${own()}options.html` } }), true],
    ['the dashboard', () => ({ id: browser.runtime.id, url: `${own()}dashboard.html#client=acme` }), true],
    ['our content script on a web page', () => ({ id: browser.runtime.id, url: 'https://crm.example.com/clients/1', tab: { id: 4 } }), false],
    ['another extension', () => ({ id: 'someone-else', url: `${own()}popup.html` }), false],
    ['a sender with no address', () => ({ id: browser.runtime.id }), false],
    ['a look-alike address', () => ({ id: browser.runtime.id, url: `https://evil.example/${own()}` }), false],
  ])('commands from %s: allowed = %s', (_who, sender, allowed) => {
    expect(commandSenderRefusal(sender()) === undefined).toBe(allowed);
  });

  it.each<[string, () => Sender, boolean | RegExp]>([
    ['a tab of an enabled site', () => ({ id: browser.runtime.id, url: 'https://crm.example.com/invoices', tab: { id: 9 } }), true],
    ['a tab of an enabled site on another port', () => ({ id: browser.runtime.id, url: 'http://127.0.0.1:8069/odoo/action-1', tab: { id: 9 } }), true],
    ['a tab of a site disabled meanwhile', () => ({ id: browser.runtime.id, url: 'https://books.example.com/invoices', tab: { id: 9 } }), /not enabled on books\.example\.com/],
    ['an extension page (no tab)', () => ({ id: browser.runtime.id, url: `${own()}popup.html` }), /content script in a tab/],
    ['another extension', () => ({ id: 'someone-else', url: 'https://crm.example.com/', tab: { id: 9 } }), /content script in a tab/],
    ['a tab that is not a web page', () => ({ id: browser.runtime.id, url: 'file:///etc/passwd', tab: { id: 9 } }), /web page/],
  ])('page reads from %s', async (_who, sender, expected) => {
    const refusal = await pageSenderRefusal(sender(), contains);
    if (expected === true) expect(refusal).toBeUndefined();
    else expect(refusal).toMatch(expected as RegExp);
  });
});
