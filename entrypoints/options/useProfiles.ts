import { useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages/commands';
import { profilesItem } from '../../lib/profiles-storage';
import type { SiteProfile } from '../../lib/teach';
import { saveFile } from './useCsvExport';

export type ProfileReply = { ok: true; imported?: number } | { ok: false; error: string };
export type ProfileSlot = Pick<SiteProfile, 'origin' | 'pathPattern' | 'kind'>;

/** The taught profiles (storage.local, written by the background), live; delete, export and import them. */
export function useProfiles() {
  const [profiles, setProfiles] = useState<SiteProfile[]>();
  useEffect(() => {
    void profilesItem.getValue().then(setProfiles);
    return profilesItem.watch(setProfiles);
  }, []);

  async function remove({ origin, pathPattern, kind }: ProfileSlot): Promise<ProfileReply> {
    return sendMessage('deleteProfile', { origin, pathPattern, kind }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  }

  function exportAll() {
    const list = profiles ?? [];
    saveFile(`client-signals-taught-pages-${new Date().toISOString().slice(0, 10)}.json`, new Blob([JSON.stringify(list, null, 1)], { type: 'application/json' }));
  }

  async function importFile(json: string): Promise<ProfileReply> {
    return sendMessage('importProfiles', { json }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  }

  return { profiles, remove, exportAll, importFile };
}
