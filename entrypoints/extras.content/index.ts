import { READER_EXTRAS, readerScope, RUNNING_READER } from '../../lib/reader-slots';
import { SITE_READERS } from '../../lib/sites';
import { readWithProfile } from '../../lib/teach';

/**
 * The site readers and the taught-profile reader, injected by the background into a tab whose
 * page a hint (lib/sites/hints.ts) or a taught profile points at, so the always-on reader stays
 * small. It leaves them for the reader in this isolated world and asks it to read again.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    const scope = readerScope();
    scope[READER_EXTRAS] ??= { siteReaders: SITE_READERS, readWithProfile };
    scope[RUNNING_READER]?.readAgain();
  },
});
