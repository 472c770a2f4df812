import type { UiText } from '../lib/i18n';

/** "Teach this page": opens the picker in the tab (the popup then closes). */
export function TeachButton({ text, onTeach }: { text: UiText; onTeach: () => void }) {
  return (
    <div className="teach">
      <button type="button" className="button button--quiet" data-action="teach" title={text.pageReader.teachHint} onClick={onTeach}>
        {text.pageReader.teach}
      </button>
    </div>
  );
}
