// /accounts/:id — one account: its facts, the form to change name, role and organisation,
// and the actions on it (new link, reset two-step login, block or unblock).
import { useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { UserDetail } from '../../../shared/contract/auth';
import { useCurrentSession } from '../../app/session';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { organisationOptionsQuery } from '../organisations/api';
import { accountKeys, accountQuery } from './api';
import {
  AccountAccessSection,
  AccountLinkSection,
  AccountTwoFactorSection,
} from './AccountActions';
import { AccountForm } from './AccountForm';
import { roleText, statusBadge, statusText } from './account-labels';

export function AccountDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const query = useQuery(accountQuery(id));
  const organisations = useQuery(organisationOptionsQuery());
  const [savedMessage, setSavedMessage] = useState('');

  const onChanged = (account: UserDetail) => {
    queryClient.setQueryData(accountKeys.detail(id), account);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['users', 'all'] });
  };

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/accounts">{t('accounts.backToList')}</BackLink>
        <PageHeading>{t('account.title')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const account = query.data;
  const organisationName = account.organisationId
    ? (organisations.data?.items.find((o) => o.id === account.organisationId)?.name ?? '…')
    : t('account.noOrganisation');

  return (
    <div className="kl-form-page">
      <BackLink to="/accounts">{t('accounts.backToList')}</BackLink>
      <PageHeading>{account.displayName}</PageHeading>
      <DataList
        items={[
          { key: 'email', label: t('account.email'), value: account.email },
          { key: 'role', label: t('account.role'), value: roleText(account.role, t) },
          {
            key: 'status',
            label: t('common.status'),
            value: (
              <StatusBadge status={statusBadge(account.status)}>
                {statusText(account.status, t)}
              </StatusBadge>
            ),
          },
          { key: 'organisation', label: t('account.organisation'), value: organisationName },
          {
            key: 'totp',
            label: t('accountTwoFactor.title'),
            value: account.hasTotp ? t('account.totpOn') : t('account.totpOff'),
          },
        ]}
      />
      <section className="kl-section" aria-labelledby="account-edit-heading">
        <Heading level={2} id="account-edit-heading">
          {t('account.editTitle')}
        </Heading>
        <p role="status" className="kl-status-line">
          {savedMessage}
        </p>
        <AccountForm
          key={account.version}
          account={account}
          onSaved={(saved) => {
            onChanged(saved);
            setSavedMessage(t('account.saved', { name: saved.displayName }));
          }}
          onReload={() => {
            setSavedMessage('');
            void query.refetch();
          }}
        />
      </section>
      <AccountLinkSection account={account} />
      <AccountTwoFactorSection account={account} onChanged={onChanged} />
      <AccountAccessSection
        account={account}
        onChanged={onChanged}
        isOwnAccount={session?.user.id === account.id}
      />
    </div>
  );
}
