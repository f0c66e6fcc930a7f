// Leaving the page with answers changed but not saved: the router's navigation waits for a
// choice in a modal dialog (stay, or leave and lose them), and closing or reloading the tab
// gets the browser's own question. Changing section stays on the page and loses nothing.
import { useEffect, useRef } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

export function LeaveGuard({ unsaved }: { unsaved: string[] }) {
  const { t } = useTranslation();
  const isDirty = unsaved.length > 0;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value here to ask at all.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const isBlocked = blocker.state === 'blocked';
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !isBlocked) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    stayRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [isBlocked]);

  if (!isBlocked) return null;
  return (
    <dialog
      ref={dialogRef}
      className="kl-dossier-leave"
      aria-labelledby="dossier-leave-heading"
      aria-describedby="dossier-leave-text"
      onCancel={(event) => {
        event.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id="dossier-leave-heading" className="kl-dossier-leave__heading">
        {t('dossier.leave.title')}
      </h2>
      <div id="dossier-leave-text">
        <p className="nl-paragraph">{t('dossier.leave.text', { count: unsaved.length })}</p>
        <ul className="kl-dossier-leave__list">
          {unsaved.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
      </div>
      <div className="kl-form__actions">
        <Button ref={stayRef} purpose="primary" onClick={() => blocker.reset?.()}>
          {t('dossier.leave.stay')}
        </Button>
        <Button purpose="secondary" hint="negative" onClick={() => blocker.proceed?.()}>
          {t('dossier.leave.leave')}
        </Button>
      </div>
    </dialog>
  );
}
