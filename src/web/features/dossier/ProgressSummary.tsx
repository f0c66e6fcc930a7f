// How far the review is: answered of all items, with the unknown answers counted apart (they
// are answers, but they flag a gap in the file), in words and as a bar.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { DossierReview } from '../../../shared/contract/dossier';
import { formatDay } from '../../ui/format';
import { progressText } from './labels';

export function ProgressSummary({ review }: { review: DossierReview }) {
  const { t, i18n } = useTranslation();
  const { progress, instrument } = review;
  return (
    <section className="kl-dossier-summary" aria-labelledby="dossier-progress-heading">
      <Heading level={2} id="dossier-progress-heading" className="kl-dossier-summary__heading">
        {t('dossier.progress.title')}
      </Heading>
      <p className="kl-dossier-summary__text" id="dossier-progress-text">
        {progressText(progress, t)}
      </p>
      <progress
        className="kl-dossier-progress"
        max={Math.max(progress.total, 1)}
        value={progress.answered}
        aria-labelledby="dossier-progress-heading"
        aria-describedby="dossier-progress-text"
      />
      <p className="kl-dossier-muted">
        {t('dossier.progress.checklist', {
          title: instrument.content.title,
          number: instrument.number,
        })}{' '}
        {t('dossier.progress.started', {
          name: review.startedBy || t('dossier.history.someone'),
          date: formatDay(review.startedAt, i18n.language),
        })}
      </p>
    </section>
  );
}
