import { useEffect, useState } from 'react';
import { resolveLang } from '../lib/i18n';
import type { Lang } from '../lib/model';
import { usableSettings, type Settings } from '../lib/settings';
import { settingsItem } from '../lib/settings-storage';

/** The stored settings (made whole and valid), kept live across windows; null until loaded. */
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
export function useLang(): Lang {
  return resolveLang(useSettings()?.language, navigator.language);
}
