// The modal dialog the item editor opens in: the native <dialog> (focus stays inside, Escape
// closes, the page behind is inert for screen readers), its heading as its name, a close button,
// and focus back on what opened it when it closes.
import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';

export type EditorDialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
};

export function EditorDialog({ title, onClose, children }: EditorDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // Start at the heading, so the dialog's name is read before its first field.
    dialog.querySelector<HTMLElement>('.kl-tl-dialog__heading')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="kl-tl-dialog"
      aria-labelledby="timeline-dialog-heading"
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className="kl-tl-dialog__header">
        <Heading
          level={2}
          id="timeline-dialog-heading"
          className="kl-tl-dialog__heading"
          tabIndex={-1}
        >
          {title}
        </Heading>
        <button type="button" className="kl-tl-dialog__close" onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
          <span className="kl-visually-hidden">{t('timeline.editor.close')}</span>
        </button>
      </div>
      <div className="kl-tl-dialog__body">{children}</div>
    </dialog>
  );
}
