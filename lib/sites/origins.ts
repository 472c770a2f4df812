/**
 * Origins as host-permission patterns. The pattern of an origin is its scheme and host with no
 * port: Firefox's match patterns carry no port at all (a pattern with one is refused, which is why
 * self-hosted Odoo on :8069 could never be enabled there), and in Chrome a pattern with no port
 * covers every port of the host. So "Enable on this site" means this host, on any port.
 */

/**
 * @example hostPattern('http://erp.example.local:8069') // 'http://erp.example.local/*'
 * @example hostPattern('https://acme.bitrix24.ru/crm/invoice/') // 'https://acme.bitrix24.ru/*'
 */
export function hostPattern(originOrUrl: string): string {
  const url = new URL(originOrUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** True when a page address falls under a concrete 'scheme://host/*' pattern (any port). */
export function matchesPattern(pattern: string, pageUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return hostPattern(url.href) === pattern;
}
