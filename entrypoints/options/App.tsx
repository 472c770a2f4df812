import { useEffect, useMemo } from 'react';
import { BackupSection } from '../../components/options/BackupSection';
import { MergesSection } from '../../components/options/MergesSection';
import { SettingsForm } from '../../components/options/SettingsForm';
import { SitesSection } from '../../components/options/SitesSection';
import { useSettings } from '../../components/useSettings';
import { langOf, resolveLang } from '../../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { settingsItem } from '../../lib/settings-storage';
import { uiText } from '../../lib/ui-text';

/** The options page: the stored settings, live (another window's change shows at once), enabled sites, backup. */
export default function App() {
  const settings = useSettings();

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
  }

  async function reset() {
    await settingsItem.setValue(structuredClone(DEFAULT_SETTINGS));
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
      <div className="more-sections" role="region" aria-label={text.options.moreSections}>
        <SitesSection text={text} />
        <MergesSection text={text} />
        <BackupSection text={text} />
      </div>
    </main>
  );
}
