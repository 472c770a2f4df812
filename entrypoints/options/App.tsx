import { useEffect, useMemo } from 'react';
import { BackupSection } from '../../components/options/BackupSection';
import { MergesSection } from '../../components/options/MergesSection';
import { SettingsForm } from '../../components/options/SettingsForm';
import { SitesSection } from '../../components/options/SitesSection';
import { langOf, textOf } from '../../lib/i18n';
import { ImportTeachSections } from './ImportTeachSections';
import { useBackup } from './useBackup';
import { useMerges } from './useMerges';
import { langOfSettings, resetSettings, saveSettings, useSettings } from './useSettings';
import { useSites } from './useSites';

/**
 * The options page: the stored settings, live (another window's change shows at once), enabled
 * sites, names tied by hand, backup. Each section below the form is one component fed by one hook.
 */
export default function App() {
  const settings = useSettings();
  const sites = useSites();
  const merges = useMerges();
  const backup = useBackup();

  const lang = langOfSettings(settings);
  const text = textOf(lang);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const browserLanguage = langOf(navigator.language) === 'ru' ? 'Русский' : 'English';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text.options.pageTitle;
  }, [lang, text]);

  return (
    <main className="options-page">
      <header className="page-header">
        <h1>{text.options.pageTitle}</h1>
        <p>{text.options.intro}</p>
        <p>
          <a className="dashboard-link" href="/dashboard.html" target="_blank" rel="noopener" data-action="open-dashboard">
            {text.options.openDashboard}
          </a>
        </p>
      </header>
      {settings ? (
        <SettingsForm
          settings={settings}
          text={text}
          browserZone={browserZone}
          browserLanguage={browserLanguage}
          timeZones={timeZones}
          onSave={saveSettings}
          onReset={resetSettings}
        />
      ) : (
        <p className="loading">{text.options.loading}</p>
      )}
      <div className="more-sections" role="region" aria-label={text.options.moreSections}>
        <SitesSection sites={sites.sites} text={text} onAdd={sites.add} onDisable={sites.disable} />
        <MergesSection clients={merges.clients} merges={merges.merges} text={text} onMerge={merges.merge} onUndo={merges.undo} />
        <BackupSection text={text} onExport={backup.exportFile} onRestore={backup.restore} />
        <ImportTeachSections text={text} />
      </div>
    </main>
  );
}
