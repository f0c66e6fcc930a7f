// Blind coding. The banner above the text while this coder codes blind: they see only their own
// coding (with how many fragments of others are hidden), and "Vergelijken" — after a
// confirmation, since it cannot be taken back — shows everyone's coding. The setting beside the
// text says what blind coding is and, for whoever may code, turns it on (at once) or off (after
// a confirmation: then everyone sees everything).
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SourceDetail } from '../../../shared/contract/coding';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { interviewKeys, reveal, setBlind } from './api';

function useSourceChange<V>(sourceId: string, send: (variables: V) => Promise<SourceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(interviewKeys.source(sourceId), detail);
      void queryClient.invalidateQueries({ queryKey: interviewKeys.agreementOf(sourceId) });
    },
  });
}

export function BlindBanner({ source }: { source: SourceDetail }) {
  const { t } = useTranslation();
  const mutation = useSourceChange(source.id, () => reveal(source.id));
  if (!source.blind) return null;
  if (source.revealed)
    return (
      <Alert type="ok">
        <p className="kl-alert__text">{t('interviews.blind.revealed')}</p>
      </Alert>
    );
  return (
    <div className="kl-iv-blind-banner">
      <Alert type="info">
        <p className="kl-alert__text">
          {t('interviews.blind.banner', { count: source.hiddenSegments })}
        </p>
        <ConfirmAction
          label={t('interviews.blind.compare')}
          question={t('interviews.blind.compareQuestion')}
          consequence={<p className="nl-paragraph">{t('interviews.blind.compareConsequence')}</p>}
          confirmLabel={t('interviews.blind.compareConfirm')}
          isNegative={false}
          isBusy={mutation.isPending}
          onConfirm={() => mutation.mutate(undefined)}
        />
      </Alert>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </div>
  );
}

export function BlindSetting({ source }: { source: SourceDetail }) {
  const { t } = useTranslation();
  const mutation = useSourceChange(source.id, (blind: boolean) => setBlind(source.id, blind));
  return (
    <section className="kl-iv-panel" aria-labelledby="iv-blind-heading">
      <Heading level={2} id="iv-blind-heading">
        {t('interviews.blind.title')}
      </Heading>
      <p className="nl-paragraph">
        {source.blind ? t('interviews.blind.isOn') : t('interviews.blind.isOff')}
      </p>
      <p className="kl-iv-meta">{t('interviews.blind.explain')}</p>
      {source.abilities.setBlind && (
        <ConfirmAction
          label={source.blind ? t('interviews.blind.turnOff') : t('interviews.blind.turnOn')}
          question={t('interviews.blind.turnOffQuestion')}
          consequence={<p className="nl-paragraph">{t('interviews.blind.turnOffConsequence')}</p>}
          confirmLabel={t('interviews.blind.turnOffConfirm')}
          needsConfirmation={source.blind}
          isNegative={false}
          isBusy={mutation.isPending}
          onConfirm={() => mutation.mutate(!source.blind)}
        />
      )}
      <div role="status" className="kl-status-line">
        {mutation.isSuccess
          ? source.blind
            ? t('interviews.blind.turnedOn')
            : t('interviews.blind.turnedOff')
          : ''}
      </div>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </section>
  );
}
