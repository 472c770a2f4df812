import { useState } from 'react';
import type { UiText } from '../../lib/i18n';
import { Section } from './Section';

export type RestoreResult = { ok: true; imported: number } | { ok: false; error: string };

type BackupSectionProps = {
  text: UiText;
  onExport: () => Promise<void>;
  /** Replaces the store with a backup file's content. */
  onRestore: (json: string) => Promise<RestoreResult>;
};

/** Save everything to a JSON file, or restore from one after a confirmation. */
export function BackupSection({ text, onExport, onRestore }: BackupSectionProps) {
  const t = text.options.backup;
  const [pending, setPending] = useState<{ name: string; json: string }>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function restore() {
    if (!pending) return;
    const reply = await onRestore(pending.json);
    setPending(undefined);
    setMessage(reply.ok ? { ok: true, text: t.imported(reply.imported) } : { ok: false, text: t.failed(reply.error) });
  }

  return (
    <Section id="backup" title={t.title} description={t.description}>
      <div className="backup-actions">
        <button type="button" onClick={() => void onExport()}>
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
          <button type="button" onClick={() => setPending(undefined)}>
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
