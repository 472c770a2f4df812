import { useEffect, useState } from 'react';
import type { SiteReader } from '../../lib/sites/types';

/** What the popup and the options page show of a site reader: its names, never its code. */
export type ReaderInfo = Pick<SiteReader, 'id' | 'product' | 'label' | 'reads' | 'hosts'>;

/**
 * The site readers' names and hosted domains, loaded on demand: the registry brings every
 * reader's code with it, so it is a chunk of its own that the page's first paint does not wait for.
 */
export function useSiteReaders(): readonly ReaderInfo[] | undefined {
  const [readers, setReaders] = useState<readonly ReaderInfo[]>();
  useEffect(() => {
    let live = true;
    void import('../../lib/sites').then(({ SITE_READERS }) => {
      if (live) setReaders(SITE_READERS.map(({ id, product, label, reads, hosts }) => ({ id, product, label, reads, hosts })));
    });
    return () => {
      live = false;
    };
  }, []);
  return readers;
}
