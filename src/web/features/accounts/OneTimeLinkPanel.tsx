// A one-time link to hand over: shown large with a copy button, its expiry, and the plain
// fact that Ketenlens sends no e-mail, so the administrator passes it on. The heading takes
// focus when the panel appears, so screen-reader users hear that the link is there.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../ui/format';
import type { OneTimeLink } from './api';

/** Copies text; falls back on selecting the field where the Clipboard API is not offered. */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not a secure context): try the older way below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function OneTimeLinkPanel({
  link,
  name,
  headingLevel = 2,
  lostHint,
}: {
  link: OneTimeLink;
  name: string;
  /** The heading's level where the panel sits (2 on its own page, deeper inside a card). */
  headingLevel?: 2 | 3 | 4 | 5;
  /** What to do when the link is lost, where that is not the account page. */
  lostHint?: string;
}) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const headingId = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const isInvitation = link.purpose === 'invitation';

  useEffect(() => {
    headingRef.current?.focus();
  }, [link.url]);

  return (
    <section className="kl-link-panel" aria-labelledby={headingId}>
      <Heading
        level={headingLevel}
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="kl-link-panel__heading"
      >
        {isInvitation
          ? t('oneTimeLink.invitationTitle', { name })
          : t('oneTimeLink.resetTitle', { name })}
      </Heading>
      <Paragraph>{t('oneTimeLink.noEmail', { name })}</Paragraph>
      <div className="kl-link-panel__copy">
        <label htmlFor={fieldId} className="utrecht-form-label kl-link-panel__label">
          {t('oneTimeLink.label')}
        </label>
        <div className="kl-link-panel__row">
          {/* A text area rather than a text box: the whole link stays visible, also on a phone. */}
          <textarea
            ref={fieldRef}
            id={fieldId}
            className="utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea--read-only kl-link-panel__url"
            readOnly
            rows={2}
            spellCheck={false}
            value={link.url}
            onFocus={(event) => event.target.select()}
          />
          <Button
            purpose="primary"
            onClick={() => {
              void copyText(link.url, fieldRef.current).then((isCopied) =>
                setCopyState(isCopied ? 'copied' : 'failed'),
              );
            }}
          >
            {t('oneTimeLink.copy')}
          </Button>
        </div>
        <p role="status" className="kl-status-line">
          {copyState === 'copied'
            ? t('oneTimeLink.copied')
            : copyState === 'failed'
              ? t('oneTimeLink.copyFailed')
              : ''}
        </p>
      </div>
      <Paragraph>
        <strong>
          {t('oneTimeLink.validUntil', { moment: formatMoment(link.expiresAt, i18n.language) })}
        </strong>{' '}
        {t('oneTimeLink.once')}
      </Paragraph>
      <Paragraph>
        {isInvitation
          ? t('oneTimeLink.invitationNext', { name })
          : t('oneTimeLink.resetNext', { name })}
      </Paragraph>
      <Paragraph>{lostHint ?? t('oneTimeLink.onlyNow')}</Paragraph>
    </section>
  );
}
