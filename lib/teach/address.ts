import type { SiteProfile } from './profile';

/** A path segment that names one record or page ("2", "INV-1042", a uuid) rather than a kind of page. */
function isRecordSegment(segment: string): boolean {
  return /\d/.test(segment) || /^[0-9a-f]{8,}$/i.test(segment);
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The route of a single-page app that keeps it in the hash ("#/invoices/2", "#!/invoices"). */
function hashRoute(url: URL): string | undefined {
  return /^#!?\//.test(url.hash) ? url.hash.replace(/^#!?/, '').split('?')[0] : undefined;
}

function generalise(path: string): string {
  return `/${segmentsOf(path).map((segment) => (isRecordSegment(segment) ? '*' : segment)).join('/')}`;
}

/**
 * The pages a profile is for: the address's path with record and page numbers turned into "*"
 * (and the hash route, for apps that keep it there). The query is left out.
 *
 * @example pathPatternOf(new URL('https://crm.example/crm/invoices/page/2?sort=due')) // '/crm/invoices/page/*'
 */
export function pathPatternOf(url: URL): string {
  const route = hashRoute(url);
  return (route === undefined ? generalise(url.pathname) : `${generalise(url.pathname)}#${generalise(route)}`).slice(0, 500);
}

function segmentsMatch(pattern: string, path: string): boolean {
  const wanted = segmentsOf(pattern);
  const actual = segmentsOf(path);
  return wanted.length === actual.length && wanted.every((segment, index) => segment === '*' || segment === actual[index]);
}

/**
 * Whether a profile is for this page: the same origin, and a path that fits its pattern segment
 * by segment ("*" fits any one segment). For the wiring, to pick a site's profile for a tab.
 *
 * @example profileMatches({ origin: 'https://crm.example', pathPattern: '/crm/invoices/page/*' }, 'https://crm.example/crm/invoices/page/7') // true
 */
export function profileMatches(profile: Pick<SiteProfile, 'origin' | 'pathPattern'>, url: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  if (page.origin !== profile.origin) return false;
  const [pathPattern = '', routePattern] = profile.pathPattern.split('#');
  const route = hashRoute(page);
  if ((routePattern === undefined) !== (route === undefined)) return false;
  return segmentsMatch(pathPattern, page.pathname) && (routePattern === undefined || segmentsMatch(routePattern, route ?? ''));
}
