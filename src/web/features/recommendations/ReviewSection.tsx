// The review conversation of a recommendation: what experts by experience said of which version
// (approved, asked for changes, or just a comment) and the researchers' replies, oldest first.
// An expert by experience gives a verdict on the version they are reading, in plain words; a
// researcher replies. A verdict on a version that changed meanwhile is refused by the server and
// explained here.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Recommendation,
  ReviewInput,
  ReviewVerdict,
} from '../../../shared/contract/recommendations';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { RadioGroup } from '../../ui/RadioGroup';
import { StatusBadge } from '../../ui/StatusBadge';
import { TextareaField } from '../../ui/TextareaField';
import { formatDateTime } from '../../ui/format';
import { commentOnRecommendation, reviewRecommendation } from './api';
import { verdictText } from './labels';

const verdictBadge = { approve: 'success', request_changes: 'danger', comment: 'neutral' } as const;

export function ReviewSection({
  recommendation,
  onSaved,
}: {
  recommendation: Recommendation;
  onSaved: (next: Recommendation) => void;
}) {
  const { t, i18n } = useTranslation();
  const r = recommendation;
  return (
    <section aria-labelledby="rec-review-heading" className="kl-rec-section">
      <Heading level={2} id="rec-review-heading">
        {t('recommendations.review.title')}
      </Heading>
      {r.reviews.length === 0 ? (
        <Paragraph>{t('recommendations.review.empty')}</Paragraph>
      ) : (
        <ol className="kl-rec-conversation">
          {r.reviews.map((review) => (
            <li key={review.id} className="kl-rec-conversation__item">
              <p className="kl-rec-conversation__meta">
                <strong>{review.reviewer.name}</strong>{' '}
                <span className="kl-rec-muted">
                  ({t(`role.${review.reviewer.role}`, { defaultValue: review.reviewer.role })})
                </span>{' '}
                · {formatDateTime(review.createdAt, i18n.language)} ·{' '}
                {review.recommendationVersion === r.version
                  ? t('recommendations.review.aboutThisVersion', {
                      version: review.recommendationVersion,
                    })
                  : t('recommendations.review.aboutOlderVersion', {
                      version: review.recommendationVersion,
                    })}
              </p>
              <StatusBadge status={verdictBadge[review.verdict]}>
                {verdictText(review.verdict, t)}
              </StatusBadge>
              {review.comment && <p className="kl-rec-conversation__text">{review.comment}</p>}
            </li>
          ))}
        </ol>
      )}
      {(r.abilities.review || r.abilities.reply) && (
        <ReviewForm recommendation={r} onSaved={onSaved} />
      )}
    </section>
  );
}

const formId = 'rec-review';

function ReviewForm({
  recommendation: r,
  onSaved,
}: {
  recommendation: Recommendation;
  onSaved: (next: Recommendation) => void;
}) {
  const { t } = useTranslation();
  // An expert by experience reviews (a verdict while it waits for one, else a comment); a
  // researcher replies.
  const isReviewer = r.abilities.review;
  const verdicts: ReviewVerdict[] = r.abilities.verdict
    ? ['approve', 'request_changes', 'comment']
    : ['comment'];
  const [verdict, setVerdict] = useState<ReviewVerdict | ''>(
    verdicts.length === 1 ? 'comment' : '',
  );
  const [comment, setComment] = useState('');
  const mutation = useMutation({
    mutationFn: (body: ReviewInput) =>
      isReviewer
        ? reviewRecommendation(r.programmeId, r.id, body)
        : commentOnRecommendation(r.programmeId, r.id, { comment: body.comment ?? '' }),
    onSuccess: (saved) => {
      setVerdict(verdicts.length === 1 ? 'comment' : '');
      setComment('');
      onSaved(saved);
    },
  });
  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!verdict) errors.verdict = t('recommendations.review.chooseVerdict');
    if (verdict && verdict !== 'approve' && !comment.trim())
      errors.comment =
        verdict === 'request_changes'
          ? t('recommendations.review.whatShouldChange')
          : t('recommendations.review.writeComment');
    if (comment.trim().length > 2000) errors.comment = t('recommendations.review.tooLong');
    return errors;
  };
  const { errors, submit } = useCheckedSubmit(mutation, check, () =>
    verdict ? { verdict, comment, version: r.version } : null,
  );
  return (
    <form id={formId} onSubmit={submit} noValidate className="kl-rec-form">
      <Heading level={3}>
        {r.abilities.verdict
          ? t('recommendations.review.yourVerdict')
          : t('recommendations.review.reply')}
      </Heading>
      {r.abilities.verdict && (
        <Paragraph>{t('recommendations.review.plainIntro', { version: r.version })}</Paragraph>
      )}
      <FormProblems
        formId={formId}
        errors={errors}
        order={['verdict', 'comment']}
        submitError={mutation.error}
      />
      {verdicts.length > 1 && (
        <RadioGroup
          id={fieldId(formId, 'verdict')}
          legend={t('recommendations.review.verdictLegend')}
          value={verdict}
          choices={verdicts.map((v) => ({
            value: v,
            label: t(`recommendations.review.choice.${v}`),
          }))}
          onChange={setVerdict}
          error={errors.verdict}
        />
      )}
      <TextareaField
        id={fieldId(formId, 'comment')}
        label={t('recommendations.review.comment')}
        description={
          verdict === 'request_changes'
            ? t('recommendations.review.commentHintChanges')
            : t('recommendations.review.commentHint')
        }
        value={comment}
        onChange={setComment}
        error={errors.comment}
        isOptional={verdict === 'approve'}
        rows={4}
      />
      <Button type="submit" purpose="primary" busy={mutation.isPending}>
        {r.abilities.verdict
          ? t('recommendations.review.send')
          : t('recommendations.review.sendReply')}
      </Button>
    </form>
  );
}
