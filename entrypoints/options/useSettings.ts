import { useEffect, useState } from 'react';
import { resolveLang } from '../../lib/i18n';
import type { Lang } from '../../lib/model';
import { DEFAULT_SETTINGS, usableSettings, type Settings } from '../../lib/settings';
import { settingsItem } from '../../lib/settings-storage';

/**
 * The stored settings (made whole and valid), kept live across windows; null until loaded. The
 * options page edits them; the popup and the dashboard read the language and thresholds.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let mounted = true;
    void settingsItem.getValue().then((stored) => {
      if (mounted) setSettings(usableSettings(stored));
    });
    const unwatch = settingsItem.watch((stored) => setSettings(usableSettings(stored)));
    return () => {
      mounted = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** The UI language: the setting, else the browser's. */
export function langOfSettings(settings: Settings | null): Lang {
  return resolveLang(settings?.language, navigator.language);
}

/** Stores valid settings (the background re-judges every client on the change). */
export function saveSettings(next: Settings): Promise<void> {
  return settingsItem.setValue(next);
}

export function resetSettings(): Promise<void> {
  return settingsItem.setValue(structuredClone(DEFAULT_SETTINGS));
}
