import { useState } from 'react';
import type { UiText } from '../../lib/i18n';
import type { SiteProfile } from '../../lib/teach';
import type { ProfileReply, ProfileSlot } from '../../entrypoints/options/useProfiles';
import { Section } from './Section';

type ProfilesSectionProps = {
  profiles: readonly SiteProfile[] | undefined;
  text: UiText;
  onDelete: (slot: ProfileSlot) => Promise<ProfileReply>;
  onExport: () => void;
  /** Adds the profiles of a JSON file (the background validates each). */
  onImport: (json: string) => Promise<ProfileReply>;
};

/** "Taught pages": every profile taught in the popup, to delete, export as JSON or import from one. */
export function ProfilesSection({ profiles, text, onDelete, onExport, onImport }: ProfilesSectionProps) {
  const t = text.profiles;
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function remove(slot: ProfileSlot) {
    const reply = await onDelete(slot);
    setMessage(reply.ok ? undefined : { ok: false, text: t.deleteFailed(reply.error) });
  }
  async function importJson(json: string) {
    const reply = await onImport(json);
    setMessage(reply.ok ? { ok: true, text: t.imported(reply.imported ?? 0) } : { ok: false, text: t.importFailed(reply.error) });
  }

  return (
    <Section id="profiles" title={t.title} description={t.description}>
      {profiles && profiles.length === 0 && <p className="empty-note">{t.none}</p>}
      {profiles && profiles.length > 0 && (
        <table className="profiles">
          <thead>
            <tr>
              <th scope="col">{t.site}</th>
              <th scope="col">{t.path}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.taught}</th>
              <th scope="col">
                <span className="visually-hidden">{t.delete}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((profile) => (
              <tr key={`${profile.origin} ${profile.pathPattern} ${profile.kind}`} data-profile={`${profile.origin}${profile.pathPattern}`} data-profile-kind={profile.kind}>
                <td>{hostOf(profile.origin)}</td>
                <td className="profiles__path">{profile.pathPattern}</td>
                <td>{t.kinds[profile.kind]}</td>
                <td>{profile.learnedAt ? new Date(profile.learnedAt).toLocaleDateString(text.lang) : ''}</td>
                <td>
                  <button type="button" className="link-button" data-action="delete-profile" onClick={() => void remove(profile)}>
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="backup-actions">
        <button type="button" data-action="export-profiles" disabled={!profiles?.length} onClick={onExport}>
          {t.export}
        </button>
        <label className="file-button">
          {t.import}
          <input
            type="file"
            name="import-profiles"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void file.text().then(importJson);
            }}
          />
        </label>
      </div>
      {message && (
        <p className={message.ok ? 'save-status' : 'field-error'} role="status" data-profiles-result={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </Section>
  );
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
