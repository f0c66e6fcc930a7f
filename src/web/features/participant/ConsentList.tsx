// "Toestemming": every purpose as a plain question with its answer (given, not given,
// withdrawn) and one button to give or withdraw. Withdrawing first shows what will then be
// removed (the server's own preview) and asks to confirm. A parent with authority also sees
// the questions for their child, with why they decide too.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyCase } from '../../../shared/contract/participant';
import { formatFuzzyDate } from '../../../shared/domain/fuzzy-date';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { giveConsent, myKeys, withdrawConsent, withdrawalPreviewQuery } from './api';

type MyConsent = MyCase['consents'][number];

export function ConsentList({ myCase }: { myCase: MyCase }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const groups = new Map<string, MyConsent[]>();
  for (const consent of myCase.consents) {
    const list = groups.get(consent.forParticipantId) ?? [];
    list.push(consent);
    groups.set(consent.forParticipantId, list);
  }
  return (
    <div className="kl-my-consent">
      <p>{t('participant.consent.intro')}</p>
      <div role="status" className="kl-status-line">
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      {myCase.stillNeeded.length > 0 && (
        <Alert type="info">
          <strong>{t('participant.consent.stillNeeded')}</strong>
          <ul className="kl-bullets">
            {myCase.stillNeeded.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      )}
      {[...groups.values()].map((consents) => {
        const first = consents[0] as MyConsent;
        return (
          <section key={first.forParticipantId} className="kl-my-consent__group">
            <h3>
              {first.onBehalf
                ? t('participant.consent.forChild', { label: first.forLabel })
                : t('participant.consent.yours')}
            </h3>
            {first.onBehalf && <p>{t('participant.consent.whyParent')}</p>}
            <ul className="kl-my-consent__list">
              {consents.map((consent) => (
                <ConsentRow
                  key={consent.purpose}
                  caseId={myCase.caseId}
                  consent={consent}
                  onChanged={setMessage}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ConsentRow({
  caseId,
  consent,
  onChanged,
}: {
  caseId: string;
  consent: MyConsent;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isPreviewing, setPreviewing] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const date = (day: string) => formatFuzzyDate({ precision: 'day', date: day }, language);
  const question = t(
    `participant.consent.${consent.onBehalf ? 'purposeChild' : 'purpose'}.${consent.purpose}`,
  );
  const isGiven = consent.consentId !== null && consent.withdrawnOn === null;
  const state = isGiven
    ? t('participant.consent.state.given', { date: date(consent.givenOn ?? '') })
    : consent.withdrawnOn
      ? t('participant.consent.state.withdrawn', { date: date(consent.withdrawnOn) })
      : t('participant.consent.state.notGiven');
  const stateKind = isGiven ? 'given' : consent.withdrawnOn ? 'withdrawn' : 'not-given';

  const refresh = () => queryClient.invalidateQueries({ queryKey: myKeys.case(caseId) });
  const give = useMutation({
    mutationFn: () =>
      giveConsent(caseId, {
        purpose: consent.purpose,
        forParticipantId: consent.onBehalf ? consent.forParticipantId : null,
      }),
    onSuccess: async () => {
      await refresh();
      onChanged(t('participant.consent.given'));
    },
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawConsent(caseId, consent.consentId as string),
    onSuccess: async () => {
      await refresh();
      onChanged(t('participant.consent.withdrawn'));
    },
  });
  const preview = useQuery({
    ...withdrawalPreviewQuery(caseId, consent.consentId ?? ''),
    enabled: isGiven && isPreviewing,
  });

  return (
    <li className="kl-my-consent__item">
      <p className="kl-my-consent__question">{question}</p>
      <p className={`kl-my-consent__state kl-my-consent__state--${stateKind}`}>{state}</p>
      {isGiven ? (
        <ConfirmAction
          label={
            <>
              {t('participant.consent.withdraw')}
              <span className="kl-visually-hidden">: {question}</span>
            </>
          }
          question={t('participant.consent.withdrawQuestion')}
          onOpenChange={setPreviewing}
          canConfirm={preview.isSuccess}
          isBusy={withdraw.isPending}
          confirmLabel={t('participant.consent.confirmWithdraw')}
          onConfirm={() => withdraw.mutate()}
          consequence={
            preview.isPending ? (
              <p>{t('participant.consent.loadingPreview')}</p>
            ) : preview.error ? (
              <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
            ) : preview.data.removes.length === 0 ? (
              <p>{t('participant.consent.removesNothing')}</p>
            ) : (
              <>
                <p>{t('participant.consent.removes')}</p>
                <ul className="kl-bullets">
                  {preview.data.removes.map((removal) => (
                    <li key={removal.id}>{removal.description}</li>
                  ))}
                </ul>
                {preview.data.explanation && <p>{preview.data.explanation}</p>}
              </>
            )
          }
        />
      ) : (
        <Button purpose="secondary" busy={give.isPending} onClick={() => give.mutate()}>
          {t('participant.consent.give')}
          <span className="kl-visually-hidden">: {question}</span>
        </Button>
      )}
      {give.error && <ErrorAlert error={give.error} />}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
    </li>
  );
}
