// /programmes/:id/themarapport — the researcher's thematic report: choose the threads and the
// language, read the contents on screen (the same suppressed figures, the consented quotes, and
// how many chosen quotes were left out), download the draft as PDF, DOCX, CSV or XLSX, publish a
// version, and see the published versions.
import { useMemo, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  reportFormats,
  type ReportLanguage,
  type ThematicReport,
} from '../../../shared/contract/thematic-report';
import { Alert } from '../../ui/Alert';
import { CheckboxField } from '../../ui/CheckboxField';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { RadioGroup } from '../../ui/RadioGroup';
import { TextareaField } from '../../ui/TextareaField';
import { AppLink } from '../../ui/links';
import {
  aggregatesQuery,
  draftFileUrl,
  previewQuery,
  publishReport,
  thematicReportKeys,
} from './api';
import { PublishedVersions } from './PublishedVersions';
import { countText, suppressedMarker, ThreadFigures } from './ThreadFigures';
import './thematic-report.css';

export function ThematicReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const aggregates = useQuery(aggregatesQuery(id));
  const threads = useMemo(() => aggregates.data?.threads ?? [], [aggregates.data]);
  // Every active thread is in the report until the researcher leaves it out.
  const [left, setLeft] = useState<string[]>([]);
  const [lang, setLang] = useState<ReportLanguage>(i18n.language.startsWith('en') ? 'en' : 'nl');
  const [note, setNote] = useState('');
  const [published, setPublished] = useState<number | null>(null);

  const selected = useMemo(
    () => threads.filter((x) => !left.includes(x.id)).map((x) => x.id),
    [threads, left],
  );
  const threadParam = selected.join(',');
  const preview = useQuery({
    ...previewQuery(id, threadParam, lang),
    enabled: selected.length > 0,
  });
  const publish = useMutation({
    mutationFn: () => publishReport(id, { threadIds: selected, lang, note }),
    onSuccess: async (version) => {
      setPublished(version.number);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: thematicReportKeys.versions(id) });
    },
  });
  const toggle = (threadId: string, isChecked: boolean) => {
    setPublished(null);
    setLeft((current) =>
      isChecked ? current.filter((x) => x !== threadId) : [...current, threadId],
    );
  };

  return (
    <>
      <PageHeading>
        {aggregates.data
          ? t('thematicReport.report.heading', { programme: aggregates.data.programme.name })
          : t('thematicReport.report.title')}
      </PageHeading>
      <Paragraph>
        <AppLink to="/synthese">{t('thematicReport.backToSynthesis')}</AppLink>
      </Paragraph>
      {aggregates.isPending && <LoadingState />}
      {aggregates.isError && (
        <ErrorAlert error={aggregates.error} onRetry={() => void aggregates.refetch()} />
      )}
      {aggregates.data && !aggregates.data.abilities.report && (
        <Alert type="info">
          {t('thematicReport.report.notYours')}{' '}
          <AppLink to={`/programmes/${id}/synthese/overzicht`}>
            {t('thematicReport.report.toOverview')}
          </AppLink>
        </Alert>
      )}
      {aggregates.data?.abilities.report && threads.length === 0 && (
        <EmptyState>{t('thematicReport.report.noThreads')}</EmptyState>
      )}
      {aggregates.data?.abilities.report && threads.length > 0 && (
        <>
          <Paragraph>{t('thematicReport.report.intro')}</Paragraph>
          <div className="kl-tr__options">
            <fieldset className="kl-tr__choice">
              <legend>{t('thematicReport.report.threads')}</legend>
              {threads.map((x) => (
                <CheckboxField
                  key={x.id}
                  id={`thread-choice-${x.id}`}
                  label={t('thematicReport.figures.threadTitle', {
                    number: x.number,
                    title: x.title,
                  })}
                  isChecked={selected.includes(x.id)}
                  onChange={(isChecked) => toggle(x.id, isChecked)}
                />
              ))}
            </fieldset>
            <RadioGroup
              id="report-language"
              legend={t('thematicReport.report.language')}
              value={lang}
              choices={(['nl', 'en'] as const).map((value) => ({
                value,
                label: t(`thematicReport.language.${value}`),
              }))}
              onChange={(value) => {
                setPublished(null);
                setLang(value);
              }}
            />
          </div>
          {selected.length === 0 ? (
            <Alert type="warning">{t('thematicReport.report.chooseOne')}</Alert>
          ) : (
            <>
              <Heading level={2}>{t('thematicReport.report.downloadHeading')}</Heading>
              <ul
                className="kl-tr__downloads"
                aria-label={t('thematicReport.report.downloadHeading')}
              >
                {reportFormats.map((format) => (
                  <li key={format}>
                    <a
                      className="nl-link"
                      href={draftFileUrl(id, format, threadParam, lang)}
                      download
                    >
                      {t(`thematicReport.download.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
              <Heading level={2}>{t('thematicReport.report.publishHeading')}</Heading>
              <Paragraph>{t('thematicReport.report.publishIntro')}</Paragraph>
              {published !== null && (
                <Alert type="ok">
                  {t('thematicReport.report.published', { number: published })}
                </Alert>
              )}
              {publish.isError && <ErrorAlert error={publish.error} />}
              <form
                className="kl-tr__publish"
                onSubmit={(event) => {
                  event.preventDefault();
                  publish.mutate();
                }}
              >
                <TextareaField
                  id="report-note"
                  label={t('thematicReport.report.note')}
                  description={t('thematicReport.report.noteHint')}
                  value={note}
                  onChange={setNote}
                  isOptional
                  maxLength={1000}
                  rows={2}
                />
                <Button type="submit" purpose="primary" disabled={publish.isPending}>
                  {t('thematicReport.report.publish')}
                </Button>
              </form>
              <Heading level={2}>{t('thematicReport.report.previewHeading')}</Heading>
              {preview.isPending && <LoadingState />}
              {preview.isError && (
                <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
              )}
              {preview.data && <Preview report={preview.data} />}
            </>
          )}
          <PublishedVersions programmeId={id} level={2} />
        </>
      )}
    </>
  );
}

function Preview({ report }: { report: ThematicReport }) {
  const { t } = useTranslation();
  const leftOut = report.threads.reduce((a, x) => a + x.quotesLeftOut, 0);
  return (
    <div className="kl-tr__preview">
      <Paragraph>
        {t('thematicReport.report.previewIntro', {
          cases: countText(report.cases),
          threshold: report.threshold,
          marker: suppressedMarker,
        })}
      </Paragraph>
      {leftOut > 0 && (
        <Alert type="warning">{t('thematicReport.report.quotesLeftOut', { count: leftOut })}</Alert>
      )}
      {report.threads.map((thread) => (
        <ThreadFigures key={thread.id} thread={thread} level={3}>
          <Heading level={4}>{t('thematicReport.report.quotes')}</Heading>
          {thread.quotes.length === 0 ? (
            <Paragraph>{t('thematicReport.report.noQuotes')}</Paragraph>
          ) : (
            thread.quotes.map((q) => (
              <figure key={q.segmentId} className="kl-tr__quote">
                <blockquote>
                  <p>“{q.text}”</p>
                </blockquote>
                <figcaption>— {t(`thematicReport.perspective.${q.perspective}`)}</figcaption>
              </figure>
            ))
          )}
          {thread.quotesLeftOut > 0 && (
            <Paragraph>
              {t('thematicReport.report.threadQuotesLeftOut', { count: thread.quotesLeftOut })}
            </Paragraph>
          )}
        </ThreadFigures>
      ))}
    </div>
  );
}
