// What an administrator can do with an account besides editing it, one section each: make a
// new invitation or password link, reset two-step login, and block or unblock. The dangerous
// ones ask first and say what will happen; every outcome is announced in a status line.
import { useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../../shared/contract/auth';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  createAccountLink,
  resetAccountTwoFactor,
  setAccountDisabled,
  type OneTimeLink,
} from './api';
import { OneTimeLinkPanel } from './OneTimeLinkPanel';

type SectionProps = { account: UserDetail; onChanged: (account: UserDetail) => void };

function StatusLine({ message }: { message: string }) {
  return (
    <p role="status" className="kl-status-line">
      {message}
    </p>
  );
}

export function AccountLinkSection({ account }: { account: UserDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [link, setLink] = useState<OneTimeLink | null>(null);
  const mutation = useMutation({
    mutationFn: () => createAccountLink(account.id),
    onSuccess: setLink,
  });
  const name = account.displayName;
  const isInvited = account.status === 'invited';
  return (
    <section className="kl-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {isInvited ? t('accountLink.invitationTitle') : t('accountLink.resetTitle')}
      </Heading>
      {account.status === 'disabled' ? (
        <Paragraph>{t('accountLink.disabled', { name })}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {isInvited
              ? t('accountLink.invitationText', { name })
              : t('accountLink.resetText', { name })}
          </Paragraph>
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <div className="kl-form__actions">
            <Button
              purpose="secondary"
              busy={mutation.isPending}
              onClick={() => {
                if (!mutation.isPending) mutation.mutate();
              }}
            >
              {link
                ? t('accountLink.again')
                : isInvited
                  ? t('accountLink.createInvitation')
                  : t('accountLink.createReset')}
            </Button>
          </div>
          {link && <OneTimeLinkPanel link={link} name={name} />}
        </>
      )}
    </section>
  );
}

export function AccountTwoFactorSection({ account, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState('');
  const name = account.displayName;
  const mutation = useMutation({
    mutationFn: () => resetAccountTwoFactor(account.id),
    onSuccess: (updated) => {
      onChanged(updated);
      setMessage(t('accountTwoFactor.done', { name }));
      // The reset button is gone now: keep the keyboard in this section.
      headingRef.current?.focus();
    },
  });
  return (
    <section className="kl-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('accountTwoFactor.title')}
      </Heading>
      <StatusLine message={message} />
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      {account.hasTotp ? (
        <>
          <Paragraph>{t('accountTwoFactor.on', { name })}</Paragraph>
          <ConfirmAction
            label={t('accountTwoFactor.reset')}
            question={t('accountTwoFactor.question', { name })}
            consequence={
              <ul className="utrecht-unordered-list kl-bullets">
                <li className="utrecht-unordered-list__item">
                  {t('accountTwoFactor.consequenceApp', { name })}
                </li>
                <li className="utrecht-unordered-list__item">
                  {t('accountTwoFactor.consequenceLogout', { name })}
                </li>
                <li className="utrecht-unordered-list__item">
                  {t('accountTwoFactor.consequenceNext', { name })}
                </li>
                <li className="utrecht-unordered-list__item">
                  {t('accountTwoFactor.consequenceCheck', { name })}
                </li>
              </ul>
            }
            confirmLabel={t('accountTwoFactor.confirm')}
            isBusy={mutation.isPending}
            onConfirm={() => mutation.mutate()}
          />
        </>
      ) : (
        <Paragraph>{t('accountTwoFactor.off', { name })}</Paragraph>
      )}
    </section>
  );
}

export function AccountAccessSection({
  account,
  onChanged,
  isOwnAccount,
}: SectionProps & { isOwnAccount: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [message, setMessage] = useState('');
  const name = account.displayName;
  const isDisabled = account.status === 'disabled';
  const mutation = useMutation({
    mutationFn: (disable: boolean) => setAccountDisabled(account.id, disable),
    onSuccess: (updated, disable) => {
      onChanged(updated);
      setMessage(
        disable ? t('accountAccess.blocked', { name }) : t('accountAccess.unblocked', { name }),
      );
    },
  });
  return (
    <section className="kl-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t('accountAccess.title')}
      </Heading>
      <StatusLine message={message} />
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      {isOwnAccount ? (
        <Paragraph>{t('accountAccess.own')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {isDisabled
              ? t('accountAccess.isBlocked', { name })
              : t('accountAccess.text', { name })}
          </Paragraph>
          <ConfirmAction
            label={isDisabled ? t('accountAccess.unblock') : t('accountAccess.block')}
            needsConfirmation={!isDisabled}
            isNegative={!isDisabled}
            question={t('accountAccess.question', { name })}
            consequence={<Paragraph>{t('accountAccess.consequence', { name })}</Paragraph>}
            confirmLabel={t('accountAccess.confirm')}
            isBusy={mutation.isPending}
            onConfirm={() => mutation.mutate(!isDisabled)}
          />
        </>
      )}
    </section>
  );
}
