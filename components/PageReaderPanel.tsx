import type { UiText } from '../lib/i18n';
import { ReadBy } from './ReadBy';
import { RecognisedProduct } from './RecognisedProduct';
import { TeachButton } from './TeachButton';

type PageReaderPanelProps = {
  /** Whether the reader may run on the tab's site; undefined until the browser has said. */
  enabled: boolean | undefined;
  /** The tab row's `readBy`, once the page was read. */
  readBy: string | undefined;
  readerLabel: string | undefined;
  warnings: readonly string[];
  /** A hosted product the tab's address belongs to. */
  recognised: string | undefined;
  text: UiText;
  onTeach: () => void;
};

/**
 * Under the site toggle: on an enabled site, what read the page and "Teach this page"; on a site
 * not enabled yet, the hosted product it looks like.
 */
export function PageReaderPanel({ enabled, readBy, readerLabel, warnings, recognised, text, onTeach }: PageReaderPanelProps) {
  if (enabled === undefined) return null;
  if (!enabled) return recognised ? <RecognisedProduct product={recognised} text={text} /> : null;
  return (
    <div className="page-reader">
      {readBy ? <ReadBy readBy={readBy} readerLabel={readerLabel} warnings={warnings} text={text} /> : <span />}
      <TeachButton text={text} onTeach={onTeach} />
    </div>
  );
}
