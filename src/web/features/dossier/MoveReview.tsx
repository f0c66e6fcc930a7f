// A newer version of the checklist was published after this review started: offer to move to
// it, saying that answers already given keep their version (and are read with the question as
// it was), and that new answers are given under the newer version.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierReview, DossierView } from '../../../shared/contract/dossier';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { dossierKeys, instrumentQuery, moveReview } from './api';

export type MoveReviewProps = {
  caseId: string;
  review: DossierReview;
  onMoved: (message: string) => void;
};

export function MoveReview({ caseId, review, onMoved }: MoveReviewProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const newer = review.instrument.newerNumber;
  const detail = useQuery({ ...instrumentQuery(review.instrument.id), enabled: newer !== null });
  const target = detail.data?.latestPublishedVersionId ?? null;
  const move = useMutation({
    mutationFn: (versionId: string) => moveReview(caseId, versionId),
    onSuccess: (view: DossierView) => {
      queryClient.setQueryData(dossierKeys.dossier(caseId), view);
      void queryClient.invalidateQueries({
        queryKey: dossierKeys.instrument(review.instrument.id),
      });
      onMoved(t('dossier.move.moved', { number: view.review?.instrument.number ?? '' }));
    },
  });
  if (newer === null) return null;
  return (
    // Not a live region: it holds controls, and it is there from the start.
    <section
      className="utrecht-alert utrecht-alert--info kl-alert kl-dossier-move"
      aria-labelledby="dossier-move-heading"
    >
      <h2 id="dossier-move-heading" className="kl-dossier-move__heading">
        {t('dossier.move.title')}
      </h2>
      <p className="kl-alert__text">
        {t('dossier.move.available', { newer, current: review.instrument.number })}
      </p>
      <Paragraph>{t('dossier.move.explain')}</Paragraph>
      {move.error ? <ErrorAlert error={move.error} /> : null}
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      <ConfirmAction
        label={t('dossier.move.button', { number: newer })}
        question={t('dossier.move.question', { number: newer })}
        consequence={t('dossier.move.consequence')}
        confirmLabel={t('dossier.move.confirm', { number: newer })}
        canConfirm={target !== null}
        isNegative={false}
        isBusy={move.isPending}
        onConfirm={() => {
          if (target) move.mutate(target);
        }}
      />
    </section>
  );
}
