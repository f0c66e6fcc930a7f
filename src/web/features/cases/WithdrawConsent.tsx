// Withdrawing a consent: the question first loads what the withdrawal will remove (interview
// fragments, quotes, …) and lists it, or says that nothing is removed; only then can the user
// confirm, and the request says that they agreed to the removal. Should more have become
// removable in between, the server refuses (409), says what it would now remove, and the user
// is asked to look again.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { fieldId } from '../../app/form-errors';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { todayIso } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { TextField } from '../../ui/TextField';
import { refusedRemovals, withdrawConsent, withdrawalPreviewQuery, type Removal } from './api';

export type WithdrawConsentProps = {
  caseId: string;
  consentId: string;
  /** The purpose and who gave it ("Interview", "moeder (wettelijk vertegenwoordiger)"). */
  purpose: string;
  who: string;
  onWithdrawn: () => void;
};

export function WithdrawConsent({
  caseId,
  consentId,
  purpose,
  who,
  onWithdrawn,
}: WithdrawConsentProps) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso);
  const preview = useQuery({ ...withdrawalPreviewQuery(caseId, consentId), enabled: isOpen });
  const mutation = useMutation({
    mutationFn: (date: string) => withdrawConsent(caseId, consentId, date),
    onSuccess: onWithdrawn,
  });
  const dateId = fieldId(`withdraw-${consentId}`, 'withdrawnOn');
  const isDateValid = /^\d{4}-\d{2}-\d{2}$/.test(withdrawnOn);
  const isPreviewShown = preview.data !== undefined && !preview.isFetching;

  return (
    <div className="kl-withdraw">
      <ConfirmAction
        label={
          <>
            {t('withdraw.label')}
            <span className="kl-visually-hidden">
              {' '}
              {t('withdraw.labelContext', { purpose, who })}
            </span>
          </>
        }
        question={t('withdraw.question', { purpose, who })}
        consequence={
          <div aria-live="polite" className="kl-withdraw__preview">
            {preview.isError ? (
              <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
            ) : !isPreviewShown ? (
              <LoadingState label={t('withdraw.loading')} />
            ) : preview.data.removes.length === 0 ? (
              <p className="nl-paragraph">{t('withdraw.nothing')}</p>
            ) : (
              <RemovalList removes={preview.data.removes} />
            )}
            {isPreviewShown && preview.data.explanation && (
              <p className="nl-paragraph">{preview.data.explanation}</p>
            )}
          </div>
        }
        details={
          <TextField
            id={dateId}
            label={t('withdraw.date')}
            type="date"
            className="kl-input-date"
            value={withdrawnOn}
            onChange={setWithdrawnOn}
            error={isDateValid ? undefined : t('validation.dateRequired')}
          />
        }
        canConfirm={isPreviewShown && isDateValid}
        onOpenChange={(open) => {
          setOpen(open);
          if (open) mutation.reset();
        }}
        confirmLabel={t('withdraw.confirm')}
        onConfirm={() => mutation.mutate(withdrawnOn)}
        isBusy={mutation.isPending}
      />
      {isApiError(mutation.error) && mutation.error.code === 'CONFLICT' ? (
        <Alert type="warning">
          <p className="kl-alert__text">{t('withdraw.changed')}</p>
          {refusedRemovals(mutation.error).length > 0 && (
            <RemovalList removes={refusedRemovals(mutation.error)} />
          )}
        </Alert>
      ) : mutation.error ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
    </div>
  );
}

/** "Deze 2 onderdelen worden verwijderd:" and the list. */
function RemovalList({ removes }: { removes: Removal[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="nl-paragraph">{t('withdraw.removes', { count: removes.length })}</p>
      <ul className="kl-bullets">
        {removes.map((item) => (
          <li key={`${item.resourceType}:${item.id}`}>{item.description}</li>
        ))}
      </ul>
    </>
  );
}
