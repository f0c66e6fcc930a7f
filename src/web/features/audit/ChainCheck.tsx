// Checks the access log's hash chain on request and says, in a green or red box, whether it
// is intact or where it first breaks. The check itself is logged by the server.
import { useId } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { chainReportSchema } from '../../../shared/contract/audit';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { accessLogKeys, verifyAccessLog } from './api';
import { chainBreakReasons, type ChainBreakReason } from './codes';

export type ChainReport = z.output<typeof chainReportSchema>;

function isReason(value: string | undefined): value is ChainBreakReason {
  return (chainBreakReasons as readonly (string | undefined)[]).includes(value);
}

export function ChainResult({ report }: { report: ChainReport }) {
  const { t, i18n } = useTranslation();
  const checked = report.checked.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  if (report.isIntact) {
    return (
      <Alert type="ok">
        <p className="kl-alert__text">
          <strong>{t('chain.intactTitle')}</strong>
        </p>
        <p className="kl-alert__text">
          {t('chain.intactText', { count: report.checked, checked })}
        </p>
      </Alert>
    );
  }
  const seq = report.firstBrokenSeq;
  return (
    <Alert type="error">
      <p className="kl-alert__text">
        <strong>
          {seq === undefined ? t('chain.brokenTitleUnknown') : t('chain.brokenTitle', { seq })}
        </strong>
      </p>
      <p className="kl-alert__text">
        {isReason(report.reason)
          ? t(`chain.reason.${report.reason}`, { seq })
          : t('chain.reasonUnknown')}
      </p>
      <p className="kl-alert__text">
        {t('chain.brokenChecked', { count: report.checked, checked })}
      </p>
      <p className="kl-alert__text">{t('chain.brokenNext')}</p>
    </Alert>
  );
}

export function ChainCheck() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: verifyAccessLog,
    // The check adds its own entry to the log: show it.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accessLogKeys.all }),
  });
  return (
    <section className="kl-chain-check" aria-labelledby={headingId}>
      <div className="kl-chain-check__text">
        <Heading level={2} appearance="level-4" id={headingId}>
          {t('chain.title')}
        </Heading>
        <Paragraph>{t('chain.text')}</Paragraph>
      </div>
      <div className="kl-chain-check__action">
        <Button
          purpose="secondary"
          busy={mutation.isPending}
          onClick={() => {
            if (!mutation.isPending) mutation.mutate();
          }}
        >
          {mutation.isPending ? t('chain.checking') : t('chain.check')}
        </Button>
      </div>
      <div className="kl-chain-check__result">
        {/* A new element per check, so a repeated check is announced again. */}
        {mutation.data ? <ChainResult key={mutation.submittedAt} report={mutation.data} /> : null}
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      </div>
    </section>
  );
}
