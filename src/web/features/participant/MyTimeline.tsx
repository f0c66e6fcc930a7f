// "Jouw tijdlijn": the case's timeline as one simple list in time order, with the date as it
// was told, what it is about in plain words, who told it, how it felt and the comments. The
// participant can add something, and react on an item from their own perspective.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { formatFuzzyDate } from '../../../shared/domain/fuzzy-date';
import { addComment, timelineKeys, timelineQuery } from '../timeline/api';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { TextareaField } from '../../ui/TextareaField';
import { AddEventForm } from './AddEventForm';

export type MyTimelineProps = { caseId: string; participantId: string; isParent: boolean };

const lang = (language: string) => (language === 'en' ? 'en' : 'nl');

export function MyTimeline({ caseId, participantId, isParent }: MyTimelineProps) {
  const { t, i18n } = useTranslation();
  const timeline = useQuery(timelineQuery(caseId));
  const [isAdding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  if (timeline.isPending) return <LoadingState />;
  if (timeline.error)
    return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const { items, abilities } = timeline.data;

  return (
    <div className="kl-my-timeline">
      <p>{t('participant.timeline.intro')}</p>
      <div role="status" className="kl-status-line">
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      {abilities.contribute &&
        (isAdding ? (
          <AddEventForm
            caseId={caseId}
            participantId={participantId}
            isParent={isParent}
            onDone={(saved) => {
              setAdding(false);
              setMessage(saved ? t('participant.add.saved') : null);
              requestAnimationFrame(() => openRef.current?.focus());
            }}
          />
        ) : (
          <Button
            ref={openRef}
            purpose="primary"
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            {t('participant.add.open')}
          </Button>
        ))}
      {items.length === 0 ? (
        <p className="kl-empty">{t('participant.timeline.empty')}</p>
      ) : (
        <ol className="kl-my-list" aria-label={t('participant.timeline.listLabel')}>
          {items.map((item) => (
            <TimelineEntry
              key={item.id}
              item={item}
              caseId={caseId}
              participantId={participantId}
              isParent={isParent}
              canReact={abilities.contribute}
              language={lang(i18n.language)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function TimelineEntry({
  item,
  caseId,
  participantId,
  isParent,
  canReact,
  language,
}: {
  item: TimelineItem;
  caseId: string;
  participantId: string;
  isParent: boolean;
  canReact: boolean;
  language: 'nl' | 'en';
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const start = formatFuzzyDate(item.start, language);
  const end =
    item.kind === 'period'
      ? item.end
        ? t('participant.timeline.until', { end: formatFuzzyDate(item.end, language) })
        : t('participant.timeline.untilNow')
      : null;
  const sourceWho =
    item.sourceParticipantId === participantId
      ? t('participant.comment.you')
      : t(`participant.perspective.${item.source}`);
  return (
    <li className={`kl-my-item kl-my-item--${item.valence}`} aria-labelledby={headingId}>
      <p className="kl-my-item__when">
        {start}
        {end && ` ${end}`}
      </p>
      <h3 id={headingId} className="kl-my-item__title">
        {item.title}
      </h3>
      <p className="kl-my-item__meta">
        <span className="kl-my-item__lane">{t(`participant.lane.${item.lane}`)}</span>
        <span>{t('participant.timeline.toldBy', { who: sourceWho })}</span>
        {item.valence !== 'neutral' && (
          <span>
            {t('participant.timeline.felt', { feeling: t(`participant.feeling.${item.valence}`) })}
          </span>
        )}
      </p>
      {item.description && <p className="kl-my-item__text">{item.description}</p>}
      {item.comments.length > 0 && (
        <div className="kl-my-comments">
          <h4 className="kl-my-comments__title">{t('participant.timeline.comments')}</h4>
          <ul className="kl-my-comments__list">
            {item.comments.map((comment) => (
              <li key={comment.id} className="kl-my-comment">
                <span className="kl-my-comment__who">
                  {t('participant.timeline.commentBy', {
                    who:
                      comment.participantId === participantId
                        ? t('participant.comment.you')
                        : (comment.participantLabel ??
                          t(`participant.perspective.${comment.perspective}`)),
                  })}
                </span>{' '}
                {comment.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canReact && (
        <ReactForm caseId={caseId} item={item} participantId={participantId} isParent={isParent} />
      )}
    </li>
  );
}

function ReactForm({
  caseId,
  item,
  participantId,
  isParent,
}: {
  caseId: string;
  item: TimelineItem;
  participantId: string;
  isParent: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSaved, setSaved] = useState(false);
  const focusField = () => document.getElementById(`${id}-text`)?.focus();
  const mutation = useMutation({
    mutationFn: () =>
      addComment(caseId, item.id, {
        perspective: isParent ? 'parent' : 'youth',
        participantId,
        text: text.trim(),
      }),
    onSuccess: async () => {
      setText('');
      setOpen(false);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: timelineKeys.timeline(caseId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('participant.timeline.reactionEmpty'));
      focusField();
      return;
    }
    setError(undefined);
    mutation.mutate();
  };
  if (!isOpen)
    return (
      <div className="kl-my-item__actions">
        <Button
          purpose="secondary"
          onClick={() => {
            setSaved(false);
            setOpen(true);
            requestAnimationFrame(focusField);
          }}
        >
          {t('participant.timeline.react')}
          <span className="kl-visually-hidden">: {item.title}</span>
        </Button>
        <span role="status">{isSaved ? t('participant.timeline.reactionSaved') : ''}</span>
      </div>
    );
  return (
    <form
      className="kl-form kl-my-react"
      aria-label={t('participant.timeline.reactOn', { title: item.title })}
      noValidate
      onSubmit={submit}
    >
      <TextareaField
        id={`${id}-text`}
        label={t('participant.timeline.yourReaction')}
        value={text}
        onChange={setText}
        error={error}
        maxLength={2000}
        rows={3}
      />
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('participant.timeline.sendReaction')}
        </Button>
        <Button type="button" purpose="subtle" onClick={() => setOpen(false)}>
          {t('participant.add.cancel')}
        </Button>
      </div>
    </form>
  );
}
