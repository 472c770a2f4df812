import { useState } from 'react';
import { makeBackup } from '../../lib/backup';
import { sendMessage } from '../../lib/messages/commands';
import { loadSettings } from '../../lib/settings-storage';
import { getDb } from '../../lib/store/db';
import { loadState } from '../../lib/store/queries';
import type { UiText } from '../../lib/ui-text';
import { Section } from './Section';

/** Save everything to a JSON file, or restore from one (the background validates and replaces). */
export function BackupSection({ text }: { text: UiText }) {
  const t = text.options.backup;
  const [pending, setPending] = useState<{ name: string; json: string }>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function exportFile() {
    const backup = makeBackup(await loadState(getDb()), await loadSettings());
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `client-signals-backup-${backup.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function restore() {
    if (!pending) return;
    const reply = await sendMessage('importBackup', { json: pending.json }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    setPending(undefined);
    setMessage(reply.ok ? { ok: true, text: t.imported(reply.imported) } : { ok: false, text: t.failed(reply.error) });
  }

  return (
    <Section id="backup" title={t.title} description={t.description}>
      <div className="backup-actions">
        <button type="button"  onClick={() => void exportFile()}>
          {t.export}
        </button>
        <label className="file-button">
          {t.import}
          <input
            type="file"
            accept="application/json,.json"
            data-backup-input
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void file.text().then((json) => setPending({ name: file.name, json }));
            }}
          />
        </label>
      </div>
      {pending && (
        <div className="confirm" role="alertdialog" aria-label={t.confirmImport(pending.name)}>
          <p>{t.confirmImport(pending.name)}</p>
          <button type="button" className="danger" data-confirm-restore onClick={() => void restore()}>
            {t.restore}
          </button>{' '}
          <button type="button"  onClick={() => setPending(undefined)}>
            {t.cancel}
          </button>
        </div>
      )}
      {message && (
        <p className={message.ok ? 'save-status' : 'field-error'} role="status" data-backup-result={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </Section>
  );
}
