// Before any answer: the researcher starts the case's dossier review by choosing a published
// dossier checklist and its version (the newest unless another is chosen). Answers keep the
// version they were given under; a later version can be moved to afterwards.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../shared/contract/dossier';
import { fieldId, serverFieldErrors } from '../../app/form-errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { formatDay } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { SelectField } from '../../ui/SelectField';
import { dossierKeys, instrumentQuery, instrumentsQuery, startReview } from './api';

const formId = 'dossier-start';

export type StartReviewProps = {
  view: DossierView;
  onStarted: (view: DossierView, message: string) => void;
};

export function StartReview({ view, onStarted }: StartReviewProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const instruments = useQuery({ ...instrumentsQuery(), enabled: view.abilities.write });
  const checklists = (instruments.data?.items ?? []).filter(
    (i) => i.kind === 'dossier_checklist' && i.latestPublishedVersionId !== null,
  );
  const [chosenChecklist, setChosenChecklist] = useState('');
  const checklist = checklists.find((c) => c.id === chosenChecklist) ?? checklists[0];
  const detail = useQuery({
    ...instrumentQuery(checklist?.id ?? ''),
    enabled: Boolean(checklist),
  });
  const versions = (detail.data?.versions ?? [])
    .filter((v) => v.status === 'published')
    .sort((a, b) => b.number - a.number);
  const [chosenVersion, setChosenVersion] = useState('');
  const versionId =
    versions.find((v) => v.id === chosenVersion)?.id ?? checklist?.latestPublishedVersionId ?? '';

  const start = useMutation({
    mutationFn: (id: string) => startReview(view.caseId, id),
    onSuccess: (started) => {
      queryClient.setQueryData(dossierKeys.dossier(view.caseId), started);
      onStarted(
        started,
        t('dossier.start.started', { number: started.review?.instrument.number ?? '' }),
      );
    },
    onError: () =>
      void queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(view.caseId) }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!start.isPending && versionId) start.mutate(versionId);
  };

  return (
    <section className="kl-section kl-dossier-start" aria-labelledby="dossier-start-heading">
      <Heading level={2} id="dossier-start-heading">
        {t('dossier.start.title')}
      </Heading>
      {!view.abilities.write ? (
        <Paragraph>{t('dossier.start.notStarted')}</Paragraph>
      ) : instruments.isPending ? (
        <LoadingState />
      ) : instruments.isError ? (
        <ErrorAlert error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : !checklist ? (
        <Paragraph>{t('dossier.start.noChecklist')}</Paragraph>
      ) : (
        <form noValidate className="kl-form kl-narrow" onSubmit={submit}>
          <Paragraph>{t('dossier.start.intro')}</Paragraph>
          <FormProblems
            formId={formId}
            errors={serverFieldErrors(start.error)}
            submitError={start.error}
          />
          {checklists.length > 1 && (
            <SelectField
              id={fieldId(formId, 'checklist')}
              label={t('dossier.start.checklist')}
              value={checklist.id}
              options={checklists.map((c) => ({ value: c.id, label: c.title }))}
              onChange={(id) => {
                setChosenChecklist(id);
                setChosenVersion('');
              }}
            />
          )}
          {checklists.length === 1 && (
            <p className="nl-paragraph">
              <strong>{t('dossier.start.checklist')}:</strong> {checklist.title}
            </p>
          )}
          <SelectField
            id={fieldId(formId, 'instrumentVersionId')}
            label={t('dossier.start.version')}
            description={t('dossier.start.versionHint')}
            value={versionId}
            options={
              versions.length > 0
                ? versions.map((v, index) => ({
                    value: v.id,
                    label: [
                      t('dossier.start.versionNumber', { number: v.number }),
                      index === 0 && t('dossier.start.newest'),
                      v.publishedAt &&
                        t('dossier.start.publishedOn', {
                          date: formatDay(v.publishedAt, i18n.language),
                        }),
                    ]
                      .filter(Boolean)
                      .join(' '),
                  }))
                : [
                    {
                      value: checklist.latestPublishedVersionId ?? '',
                      label: `${t('dossier.start.versionNumber', {
                        number: checklist.latestPublishedNumber ?? '',
                      })} ${t('dossier.start.newest')}`,
                    },
                  ]
            }
            onChange={setChosenVersion}
            error={serverFieldErrors(start.error).instrumentVersionId}
          />
          <div className="kl-form__actions">
            <Button type="submit" purpose="primary" busy={start.isPending}>
              {t('dossier.start.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
