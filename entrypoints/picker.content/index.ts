import { sendPageMessage } from '../../lib/messages/page';
import type { SiteProfile } from '../../lib/teach';
import { startPicker } from '../../lib/teach/picker';
import { pickerLang } from '../../lib/teach/picker-text';

/**
 * The teach-mode picker. Never registered for any page: the popup injects it into the active
 * tab only while the user teaches a list (`scripting.executeScript({ files:
 * ['/content-scripts/picker.js'] })`), after setting `globalThis.__clientSignalsPickerLang` to the
 * extension's UI language in the same isolated world. Injected again while open, it does nothing.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    const chosen = (globalThis as { __clientSignalsPickerLang?: unknown }).__clientSignalsPickerLang;
    startPicker(document, {
      lang: pickerLang(typeof chosen === 'string' ? chosen : navigator.language),
      onSave: reportTaughtProfile,
      // Nothing was learnt and nothing is stored: the page is left as it was.
      onCancel: () => undefined,
    });
  },
});

/**
 * Hands the taught profile to the background, which validates it (siteProfileSchema), keeps it
 * for this site and reads the page again with it.
 */
function reportTaughtProfile(profile: SiteProfile): void {
  sendPageMessage('profileTaught', { profile })
    .then((reply) => {
      if (!reply.ok) console.warn('Client Signals: the taught profile was refused:', reply.error);
    })
    .catch((error: unknown) => console.warn('Client Signals: the taught profile was not delivered:', error));
}
