// /accounts/new — make an account. Afterwards the page shows the invitation link once, to be
// passed on by the administrator (there is no e-mail), with the ways on from there.
import { useState } from 'react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { ButtonLink } from '../../ui/links';
import { PageHeading } from '../../ui/PageHeading';
import { Button } from '@nl-design-system-candidate/button-react';
import { accountKeys, type AccountWithLink } from './api';
import { AccountForm } from './AccountForm';
import { OneTimeLinkPanel } from './OneTimeLinkPanel';

export function AccountNewPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<AccountWithLink | null>(null);
  // A fresh form after "make another": a new key forgets the previous values.
  const [round, setRound] = useState(0);

  const onCreated = (result: AccountWithLink) => {
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    setCreated(result);
  };

  return (
    <div className="kl-form-page">
      <BackLink to="/accounts">{t('accounts.backToList')}</BackLink>
      <PageHeading>{t('account.newTitle')}</PageHeading>
      {created ? (
        <>
          <Alert type="ok">
            {t('account.created', { name: created.user.displayName, email: created.user.email })}
          </Alert>
          <OneTimeLinkPanel link={created.link} name={created.user.displayName} />
          <div className="kl-form__actions">
            <ButtonLink to={`/accounts/${created.user.id}`} purpose="secondary">
              {t('account.toAccount', { name: created.user.displayName })}
            </ButtonLink>
            <Button
              purpose="secondary"
              onClick={() => {
                setCreated(null);
                setRound((r) => r + 1);
              }}
            >
              {t('account.createAnother')}
            </Button>
            <ButtonLink to="/accounts" purpose="subtle">
              {t('accounts.backToList')}
            </ButtonLink>
          </div>
        </>
      ) : (
        <>
          <Paragraph>{t('account.newIntro')}</Paragraph>
          <AccountForm key={round} account={null} onCreated={onCreated} />
        </>
      )}
    </div>
  );
}
