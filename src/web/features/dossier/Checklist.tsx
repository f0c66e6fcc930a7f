// A started review: the progress, the offer to move to a newer checklist version, a navigation
// over the sections (with each one's progress and unsaved changes), and one section at a time
// with its items. The section is in the address, so a reload or a shared link opens the same
// one. Unsaved edits are kept here, per item, so changing section loses nothing; leaving the
// page with any asks first.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DossierAnswer, DossierReview } from '../../../shared/contract/dossier';
import { timelineSchema } from '../../../shared/contract/timeline';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import { apiRequest } from '../../app/api';
import { cx } from '../../ui/class-names';
import { todayUtc } from '../timeline/labels';
import { draftFromAnswer, isDraftChanged, type AnswerDraft } from './answer-form';
import { AnswerItem } from './AnswerItem';
import { EarlierAnswers } from './EarlierAnswers';
import { progressText } from './labels';
import { LeaveGuard } from './LeaveGuard';
import { MoveReview } from './MoveReview';
import { ProgressSummary } from './ProgressSummary';

export type ChecklistProps = {
  caseId: string;
  review: DossierReview;
  canWrite: boolean;
  /** Focus the section heading when first shown (right after the review was started). */
  isFocusedOnStart?: boolean;
  onMessage: (message: string) => void;
};

/** The case's timeline, for the link picker; its own key, so saving answers does not reread it. */
function timelineForLinks(caseId: string) {
  return queryOptions({
    queryKey: ['dossier-timeline', caseId] as const,
    queryFn: ({ signal }) =>
      apiRequest(`/api/cases/${caseId}/timeline`, timelineSchema, { signal }),
  });
}

/** The question of an answer given under an earlier version, when it read differently. */
function earlierQuestion(review: DossierReview, item: InstrumentItem, answer?: DossierAnswer) {
  if (!answer || answer.instrumentVersionNumber === review.instrument.number) return null;
  const version = review.earlierVersions.find((v) => v.number === answer.instrumentVersionNumber);
  const earlier = version?.content.sections.flatMap((s) => s.items).find((i) => i.key === item.key);
  if (!earlier || earlier.question === item.question) return null;
  return { number: answer.instrumentVersionNumber, question: earlier.question };
}

export function Checklist({
  caseId,
  review,
  canWrite,
  isFocusedOnStart,
  onMessage,
}: ChecklistProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const sections = review.instrument.content.sections;
  const answers = useMemo(
    () => new Map(review.answers.map((a) => [a.itemKey, a])),
    [review.answers],
  );
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const timeline = useQuery(timelineForLinks(caseId));
  // Titles of linked items: the timeline's, or as saved with the link (a deleted item's).
  const timelineTitles = useMemo(() => {
    const titles = new Map<string, string>();
    for (const answer of review.answers)
      for (const link of answer.timelineLinks) titles.set(link.timelineItemId, link.title);
    for (const item of timeline.data?.items ?? []) titles.set(item.id, item.title);
    return titles;
  }, [review.answers, timeline.data]);

  // Numbers over the whole checklist, so "vraag 12" means the same in every section.
  const numbers = new Map<string, number>();
  sections.flatMap((s) => s.items).forEach((item, index) => numbers.set(item.key, index + 1));

  const unsavedKeys = sections
    .flatMap((s) => s.items)
    .filter((item) => {
      const draft = drafts[item.key];
      return (
        draft !== undefined && isDraftChanged(draft, draftFromAnswer(item, answers.get(item.key)))
      );
    })
    .map((item) => item.key);

  const firstOpen = review.progress.sections.find((s) => s.answered < s.total)?.key;
  const requested = params.get('section');
  const section =
    sections.find((s) => s.key === requested) ??
    sections.find((s) => s.key === firstOpen) ??
    sections[0];
  const sectionIndex = section ? sections.indexOf(section) : -1;
  const sectionProgress = (key: string) => review.progress.sections.find((s) => s.key === key);

  // A change of section moves focus to its heading, so the reader hears where they are.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownSection = useRef(isFocusedOnStart ? null : section?.key);
  useEffect(() => {
    if (!section || shownSection.current === section.key) return;
    shownSection.current = section.key;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [section]);

  const sectionLink = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('section', key);
    return `?${next.toString()}`;
  };
  const onDraftChange = (key: string, draft: AnswerDraft | null) =>
    setDrafts((current) => {
      const { [key]: _dropped, ...rest } = current;
      return draft ? { ...rest, [key]: draft } : rest;
    });
  const onSaved = (key: string, sent: AnswerDraft | undefined, version: number) =>
    setDrafts((current) => {
      const { [key]: left, ...rest } = current;
      // Edited again while saving: keep those edits, now on top of the saved version.
      return left && left !== sent ? { ...rest, [key]: { ...left, baseVersion: version } } : rest;
    });
  const today = todayUtc();

  if (!section) return null;
  const previous = sections[sectionIndex - 1];
  const next = sections[sectionIndex + 1];

  return (
    <>
      {canWrite && (
        <LeaveGuard
          unsaved={unsavedKeys.map((key) => {
            const item = sections.flatMap((s) => s.items).find((i) => i.key === key);
            return `${numbers.get(key)}. ${item?.question ?? key}`;
          })}
        />
      )}
      <ProgressSummary review={review} />
      {canWrite && <MoveReview caseId={caseId} review={review} onMoved={onMessage} />}
      <div className="kl-dossier-layout">
        <nav className="kl-dossier-nav" aria-labelledby="dossier-nav-heading">
          <h2 id="dossier-nav-heading" className="kl-dossier-nav__heading">
            {t('dossier.nav.title')}
          </h2>
          <ol className="kl-dossier-nav__list">
            {sections.map((s) => {
              const progress = sectionProgress(s.key);
              const isCurrent = s.key === section.key;
              const unsaved = s.items.filter((i) => unsavedKeys.includes(i.key)).length;
              const isDone = progress !== undefined && progress.answered === progress.total;
              return (
                <li key={s.key}>
                  <Link
                    to={sectionLink(s.key)}
                    className={cx(
                      'kl-dossier-nav__link',
                      isCurrent && 'kl-dossier-nav__link--current',
                    )}
                    aria-current={isCurrent ? 'step' : undefined}
                  >
                    <span className="kl-dossier-nav__title">
                      {isDone && (
                        <span className="kl-dossier-nav__done">
                          <span aria-hidden="true">✓ </span>
                          <span className="kl-visually-hidden">{t('dossier.nav.done')}: </span>
                        </span>
                      )}
                      {s.title}
                    </span>
                    {progress && (
                      <span className="kl-dossier-nav__progress">{progressText(progress, t)}</span>
                    )}
                    {unsaved > 0 && (
                      <span className="kl-dossier-nav__unsaved">
                        <span aria-hidden="true">✎ </span>
                        {t('dossier.nav.unsaved', { count: unsaved })}
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ol>
          <EarlierAnswers review={review} />
        </nav>
        <section className="kl-dossier-section" aria-labelledby="dossier-section-heading">
          <div className="kl-dossier-section__head">
            <p className="kl-dossier-muted kl-dossier-section__count">
              {t('dossier.section.count', { number: sectionIndex + 1, total: sections.length })}
            </p>
            <Heading
              level={2}
              id="dossier-section-heading"
              ref={headingRef}
              tabIndex={-1}
              className="kl-dossier-section__heading"
            >
              {section.title}
            </Heading>
            {sectionProgress(section.key) && (
              <p className="kl-dossier-section__progress">
                {progressText(sectionProgress(section.key)!, t)}
              </p>
            )}
            {section.description && <Paragraph>{section.description}</Paragraph>}
            {canWrite && (
              <p className="kl-dossier-hint kl-dossier-keys">{t('dossier.section.keys')}</p>
            )}
          </div>
          <ol className="kl-dossier-items">
            {section.items.map((item) => (
              <li key={item.key}>
                <AnswerItem
                  caseId={caseId}
                  item={item}
                  number={numbers.get(item.key) ?? 0}
                  answer={answers.get(item.key)}
                  earlierQuestion={earlierQuestion(review, item, answers.get(item.key))}
                  draft={drafts[item.key]}
                  onDraftChange={onDraftChange}
                  onSaved={onSaved}
                  canWrite={canWrite}
                  timelineItems={timeline.data?.items}
                  timelineError={timeline.error}
                  timelineTitles={timelineTitles}
                  today={today}
                />
              </li>
            ))}
          </ol>
          <nav className="kl-dossier-pager" aria-label={t('dossier.section.pager')}>
            {previous && (
              <Link className="nl-link kl-dossier-pager__link" to={sectionLink(previous.key)}>
                <span aria-hidden="true">← </span>
                {t('dossier.section.previous', { title: previous.title })}
              </Link>
            )}
            {next && (
              <Link
                className="nl-button nl-button--secondary kl-button-link kl-dossier-pager__next"
                to={sectionLink(next.key)}
              >
                {t('dossier.section.next', { title: next.title })}
                <span aria-hidden="true"> →</span>
              </Link>
            )}
          </nav>
        </section>
      </div>
    </>
  );
}
