import type { UiText } from '../lib/i18n';

type SiteToggleProps = {
  origin: string;
  /** Whether the reader may run on this site; undefined until the browser has said. */
  enabled: boolean | undefined;
  text: UiText;
  onEnable: () => void;
  onDisable: () => void;
};

/** "Enable on this site" / "Disable on this site" for the active tab's site. */
export function SiteToggle({ origin, enabled, text, onEnable, onDisable }: SiteToggleProps) {
  if (enabled === undefined) return null;
  return (
    <div className="site" data-site-enabled={enabled}>
      <span className="site__origin">{new URL(origin).host}</span>
      {/* Focused when it is the one thing to do, so the keyboard shortcut then Enter enables a site. */}
      <button type="button" className={enabled ? 'button button--quiet' : 'button'} autoFocus={!enabled} data-action={enabled ? 'disable-site' : 'enable-site'} onClick={enabled ? onDisable : onEnable}>
        {enabled ? text.popup.disableSite : text.popup.enableSite}
      </button>
    </div>
  );
}
