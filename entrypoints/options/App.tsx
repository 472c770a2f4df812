import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { SettingsForm } from '../../components/options/SettingsForm';
import { langOf, resolveLang } from '../../lib/i18n';
import { DEFAULT_SETTINGS, settingsItem, validateSettings, withDefaults, type Settings } from '../../lib/settings';
import { uiText } from '../../lib/ui-text';

/** A stored value made whole: defaults for what is missing, defaults again if it no longer validates. */
function usable(stored: Settings | null): Settings {
  const result = validateSettings(withDefaults(stored ?? undefined));
  return result.ok ? result.settings : DEFAULT_SETTINGS;
}

type AppProps = {
  /**
   * Sections that follow the settings form: "Enabled sites" and "Backup" go here.
   * They get the page's language through their own props; the form does not know them.
   */
  children?: ReactNode;
};

/** The options page: the stored settings, live (another window's change shows at once). */
export default function App({ children }: AppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let mounted = true;
    void settingsItem.getValue().then((stored) => {
      if (mounted) setSettings(usable(stored));
    });
    const unwatch = settingsItem.watch((stored) => setSettings(usable(stored)));
    return () => {
      mounted = false;
      unwatch();
    };
  }, []);

  const lang = resolveLang(settings?.language, navigator.language);
  const text = uiText(lang);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const browserLanguage = langOf(navigator.language) === 'ru' ? 'Русский' : 'English';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text.options.pageTitle;
  }, [lang, text]);

  async function save(next: Settings) {
    await settingsItem.setValue(next);
    setSettings(next);
  }

  async function reset() {
    const defaults = structuredClone(DEFAULT_SETTINGS);
    await settingsItem.setValue(defaults);
    setSettings(defaults);
  }

  return (
    <main className="options-page">
      <header className="page-header">
        <h1>{text.options.pageTitle}</h1>
        <p>{text.options.intro}</p>
      </header>
      {settings ? (
        <SettingsForm
          settings={settings}
          text={text}
          browserZone={browserZone}
          browserLanguage={browserLanguage}
          timeZones={timeZones}
          onSave={save}
          onReset={reset}
        />
      ) : (
        <p className="loading">{text.options.loading}</p>
      )}
      {children ? (
        <div className="more-sections" role="region" aria-label={text.options.moreSections}>
          {children}
        </div>
      ) : null}
    </main>
  );
}
