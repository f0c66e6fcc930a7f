// A button for an action that is hard to undo, with an inline confirmation step: pressing it
// opens a short question with the consequence right below the button, and only "Yes, …"
// performs the action. Focus moves into the question, and back to the button on cancel, so
// keyboard and screen-reader users are never lost. No modal: nothing else on the page is
// hidden or trapped.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';

export type ConfirmActionProps = {
  /** The button that starts it, e.g. "Account blokkeren" (may hold visually hidden context). */
  label: ReactNode;
  /** The question, e.g. "Account van Jan blokkeren?". */
  question: string;
  /** What will happen, in plain words. */
  consequence: ReactNode;
  /** Fields the action needs (a date, say), shown below the consequence. */
  details?: ReactNode;
  /** False while the consequence is not known yet (still loading): "Yes" waits. */
  canConfirm?: boolean;
  /** Told when the question opens or closes, e.g. to load what the consequence shows. */
  onOpenChange?: (isOpen: boolean) => void;
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
  details,
  canConfirm = true,
  onOpenChange,
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
  const open = (value: boolean) => {
    setOpen(value);
    onOpenChange?.(value);
  };

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
          if (needsConfirmation) open(!isOpen);
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
              open(false);
            }
          }}
        >
          <p id={questionId} className="kl-confirm__question">
            {question}
          </p>
          <div id={consequenceId} className="kl-confirm__consequence">
            {consequence}
          </div>
          {details}
          <div className="kl-form__actions">
            <Button
              purpose="primary"
              hint={isNegative ? 'negative' : undefined}
              disabled={!canConfirm}
              onClick={() => {
                if (!canConfirm) return;
                open(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
            <Button purpose="subtle" onClick={() => open(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
