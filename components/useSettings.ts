import { useEffect, useState } from 'react';
import { resolveLang } from '../lib/i18n';
import type { Lang } from '../lib/model';
import { DEFAULT_SETTINGS, settingsItem, validateSettings, withDefaults, type Settings } from '../lib/settings';

/** The stored settings (valid ones only; defaults otherwise), kept live across windows. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const usable = (stored: Settings | null) => {
      const result = validateSettings(withDefaults(stored ?? undefined));
      return result.ok ? result.settings : DEFAULT_SETTINGS;
    };
    void settingsItem.getValue().then((stored) => setSettings(usable(stored)));
    return settingsItem.watch((stored) => setSettings(usable(stored)));
  }, []);
  return settings;
}

/** The UI language: the setting, else the browser's. */
export function useLang(): Lang {
  return resolveLang(useSettings().language, navigator.language);
}
