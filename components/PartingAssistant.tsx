import { useId, useState } from 'react';
import type { UiText } from '../lib/i18n';
import type { partingPlan } from '../lib/parting';

type PartingPlan = ReturnType<typeof partingPlan>;

type PartingAssistantProps = {
  /** Undefined while the client's history loads. */
  plan: PartingPlan | undefined;
  text: UiText;
  /** Puts the letter on the clipboard; rejects when the browser refuses. Nothing is ever sent. */
  onCopy: (letter: string) => Promise<void>;
  onClose: () => void;
};

/**
 * "Prepare the conversation": partingPlan's next steps and its draft letter, in the UI language,
 * with a Copy button. Everything shown is text (the letter quotes page values verbatim).
 */
export function PartingAssistant({ plan, text, onCopy, onClose }: PartingAssistantProps) {
  const t = text.assistant;
  const titleId = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const letter = plan?.letter;
  const copyLetter = () => {
    if (!letter) return;
    onCopy(`${t.subject}: ${letter.subject}\n\n${letter.body}`).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <section className="assistant" data-assistant aria-labelledby={titleId}>
      <header className="assistant__head">
        <h3 id={titleId}>{t.title}</h3>
        <button type="button" className="link" data-action="close-assistant" onClick={onClose}>
          {t.close}
        </button>
      </header>
      {!plan ? (
        <p className="assistant__note">{t.loading}</p>
      ) : plan.steps.length === 0 ? (
        <p className="assistant__note">{t.nothingToDo}</p>
      ) : (
        <>
          <p className="assistant__intro">{t.intro}</p>
          <h4>{t.steps}</h4>
          <ol className="assistant__steps">
            {plan.steps.map((step) => (
              <li key={step.criterion} data-step={step.criterion}>
                <strong>{text.criteria[step.criterion].title}.</strong> {step.text}
              </li>
            ))}
          </ol>
          {letter ? (
            <>
              <h4>{t.letter}</h4>
              <p className="assistant__subject">
                <span className="assistant__label">{t.subject}:</span> <span data-letter-subject>{letter.subject}</span>
              </p>
              <pre className="assistant__letter" data-letter tabIndex={0}>
                {letter.body}
              </pre>
              <div className="assistant__actions">
                <button type="button" className="button" data-action="copy-letter" onClick={copyLetter}>
                  {t.copy}
                </button>
                <span className="assistant__status" role="status" data-copy-status={copy}>
                  {copy === 'copied' ? `✓ ${t.copied}` : copy === 'failed' ? t.copyFailed : ''}
                </span>
              </div>
            </>
          ) : (
            <p className="assistant__note">{t.noLetter}</p>
          )}
        </>
      )}
    </section>
  );
}
