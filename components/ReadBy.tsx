import type { UiText } from '../lib/i18n';

type ReadByProps = {
  /** The tab row's `readBy`: a site reader's id, 'profile' or 'generic'. */
  readBy: string;
  /** The site reader's label in the UI language, when `readBy` is one. */
  readerLabel: string | undefined;
  /** What the page's reader could not read. */
  warnings: readonly string[];
  text: UiText;
};

/** "Read by: Odoo invoice list", with what could not be read folded under it. */
export function ReadBy({ readBy, readerLabel, warnings, text }: ReadByProps) {
  const t = text.pageReader;
  const label = readBy === 'profile' ? t.profile : readBy === 'generic' ? t.generic : (readerLabel ?? readBy);
  return (
    <div className="read-by" data-read-by={readBy}>
      <p className="read-by__line">{t.readBy(label)}</p>
      {warnings.length > 0 && (
        <details className="read-by__warnings">
          <summary>
            {t.notRead} ({warnings.length})
          </summary>
          <ul className="warnings">
            {warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
