import { useEffect, useState } from 'react';

/** The dashboard's two views, kept in the address's hash so Back, reload and links work: `#client=<key>`. */
type Route = { clientKey?: string };

function routeOf(hash: string): Route {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('client');
  return key ? { clientKey: key } : {};
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function clientHref(key: string): string {
  return `#${new URLSearchParams({ client: key }).toString()}`;
}
