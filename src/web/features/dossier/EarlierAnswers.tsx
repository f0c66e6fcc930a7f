// After a move to a newer checklist version, answers to questions the newer version no longer
// has stay readable: listed apart, each with its question as it read in its own version.
import { useTranslation } from 'react-i18next';
import type { DossierReview } from '../../../shared/contract/dossier';
import { valueText } from './labels';

export function EarlierAnswers({ review }: { review: DossierReview }) {
  const { t, i18n } = useTranslation();
  const current = new Set(
    review.instrument.content.sections.flatMap((s) => s.items.map((i) => i.key)),
  );
  const orphans = review.answers.flatMap((answer) => {
    if (current.has(answer.itemKey)) return [];
    const version = review.earlierVersions.find((v) => v.number === answer.instrumentVersionNumber);
    const item = version?.content.sections
      .flatMap((s) => s.items)
      .find((i) => i.key === answer.itemKey);
    return item ? [{ answer, item, number: answer.instrumentVersionNumber }] : [];
  });
  if (orphans.length === 0) return null;
  return (
    <details className="kl-dossier-earlier">
      <summary>{t('dossier.earlier.title', { count: orphans.length })}</summary>
      <p className="kl-dossier-hint">{t('dossier.earlier.intro')}</p>
      <ul className="kl-dossier-earlier__list">
        {orphans.map(({ answer, item, number }) => (
          <li key={answer.id}>
            <span className="kl-dossier-earlier__question">{item.question}</span>{' '}
            <span className="kl-dossier-muted">({t('dossier.earlier.version', { number })})</span>
            <br />
            {valueText(item.answer, answer.value, t, i18n.language)}
            {answer.evidence && <> — {answer.evidence}</>}
          </li>
        ))}
      </ul>
    </details>
  );
}
