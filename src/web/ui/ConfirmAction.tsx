// A button for an action that is hard to undo, with an inline confirmation step: pressing it
// opens a short question with the consequence right below the button, and only "Yes, …"
// performs the action. Focus moves into the question, and back to the button on cancel, so
// keyboard and screen-reader users are never lost. No modal: nothing else on the page is
// hidden or trapped.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';

export type ConfirmActionProps = {
  /** The button that starts it, e.g. "Account blokkeren". */
  label: string;
  /** The question, e.g. "Account van Jan blokkeren?". */
  question: string;
  /** What will happen, in plain words. */
  consequence: ReactNode;
  /** The button that does it, e.g. "Ja, blokkeer het account". */
  confirmLabel: string;
  onConfirm: () => void;
  isBusy?: boolean;
  /** Red styling for destructive actions. */
  isNegative?: boolean;
  /**
   * False for the harmless way back (unblock after block): the button acts at once. Keeping
   * one component for both keeps the same button, and so the keyboard focus, in place.
   */
  needsConfirmation?: boolean;
};

export function ConfirmAction({
  label,
  question,
  consequence,
  confirmLabel,
  onConfirm,
  isBusy,
  isNegative = true,
  needsConfirmation = true,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  const questionId = useId();
  const consequenceId = useId();

  useEffect(() => {
    if (isOpen) panelRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  return (
    <div className="kl-confirm-action">
      <Button
        ref={triggerRef}
        purpose="secondary"
        hint={isNegative ? 'negative' : undefined}
        busy={isBusy}
        aria-expanded={needsConfirmation ? isOpen : undefined}
        onClick={() => {
          if (isBusy) return;
          if (needsConfirmation) setOpen((open) => !open);
          else onConfirm();
        }}
      >
        {label}
      </Button>
      {isOpen && needsConfirmation && (
        <div
          ref={panelRef}
          role="group"
          tabIndex={-1}
          aria-labelledby={questionId}
          aria-describedby={consequenceId}
          className="kl-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setOpen(false);
            }
          }}
        >
          <p id={questionId} className="kl-confirm__question">
            {question}
          </p>
          <div id={consequenceId} className="kl-confirm__consequence">
            {consequence}
          </div>
          <div className="kl-form__actions">
            <Button
              purpose="primary"
              hint={isNegative ? 'negative' : undefined}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
            <Button purpose="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
