// Without complete dossier consent the server refuses the dossier (403 CONSENT_MISSING). That is
// no error on our side: say so plainly, explain who must consent, and point to the case's
// consent section.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { AppLink } from '../../ui/links';

export function ConsentMissing({ caseId, error }: { caseId: string; error: ApiError }) {
  const { t, i18n } = useTranslation();
  // The server's Dutch sentence is the most specific; in English our own.
  const message =
    i18n.language === 'nl' && error.message ? error.message : t('dossier.consent.message');
  return (
    <section className="kl-dossier-consent" aria-labelledby="dossier-consent-heading">
      <h2 id="dossier-consent-heading" className="kl-visually-hidden">
        {t('dossier.consent.title')}
      </h2>
      <Alert type="warning">
        <p className="kl-alert__text">{message}</p>
      </Alert>
      <Paragraph>{t('dossier.consent.who')}</Paragraph>
      <p className="nl-paragraph">
        <AppLink to={`/cases/${caseId}#consent-heading`}>{t('dossier.consent.link')}</AppLink>
      </p>
    </section>
  );
}
