import { storage } from 'wxt/utils/storage';
import type { SiteProfile } from './teach';

/*
 * Taught profiles (teach mode), in storage.local: the background writes them (each validated with
 * siteProfileSchema first), the content script reads the ones for its page, the options page
 * lists them. Kept as one list: a user teaches a handful of pages, not thousands.
 */
export const profilesItem = storage.defineItem<SiteProfile[]>('local:profiles', { fallback: [], version: 1 });

/** Profiles are one per site, address pattern and kind: teaching the same list again replaces it. */
export function sameSlot(a: Pick<SiteProfile, 'origin' | 'pathPattern' | 'kind'>, b: Pick<SiteProfile, 'origin' | 'pathPattern' | 'kind'>): boolean {
  return a.origin === b.origin && a.pathPattern === b.pathPattern && a.kind === b.kind;
}

/** At most this many profiles are kept (each is under 10 KB). */
export const MAX_PROFILES = 200;
