import { makeBackup } from '../../lib/backup';
import { sendMessage } from '../../lib/messages/commands';
import { loadSettings } from '../../lib/settings-storage';
import { getDb } from '../../lib/store/db';
import { loadState } from '../../lib/store/queries';
import type { RestoreResult } from '../../components/options/BackupSection';

/** Saves everything to a JSON file (read here), and restores one (the background validates and replaces). */
export function useBackup() {
  async function exportFile() {
    const backup = makeBackup(await loadState(getDb()), await loadSettings());
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `client-signals-backup-${backup.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function restore(json: string): Promise<RestoreResult> {
    const reply = await sendMessage('importBackup', { json }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    return reply.ok ? { ok: true, imported: reply.imported } : reply;
  }

  return { exportFile, restore };
}
