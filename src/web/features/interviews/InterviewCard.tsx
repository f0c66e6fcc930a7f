// One interview of the case as a card: with whom (and their perspective), when, how, who
// interviewed, the transcript's length in words and how many fragments are coded; the way to
// code it ("Coderen"), and for whoever may change the case: edit the details (a stale save shows
// both versions), add or replace the transcript (until something in it is coded), and remove the
// interview with its transcript, codings and memos after confirming.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Interview, InterviewList } from '../../../shared/contract/coding';
import { useCheckedSubmit } from '../../app/form-errors';
import { useCurrentSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { formatDate } from '../../ui/format';
import {
  deleteInterview,
  interviewConflictOf,
  interviewKeys,
  setTranscriptText,
  updateInterview,
  uploadTranscript,
  type InterviewUpdate,
  type TranscriptResult,
} from './api';
import {
  checkDetails,
  detailFieldOrder,
  InterviewFields,
  useInterviewerChoices,
  type InterviewDraft,
} from './InterviewFields';
import { modeText, numberText, participantText, transcriptErrorText } from './labels';
import {
  checkTranscript,
  emptyTranscript,
  TranscriptInput,
  transcriptFieldOrder,
  type TranscriptDraft,
} from './TranscriptInput';
import { differing, VersionConflict, type Side } from '../../ui/VersionConflict';

/** What happened to a transcript file just sent for this interview. */
export type UploadNotice = { result: TranscriptResult } | { error: unknown };

type Panel = 'none' | 'edit' | 'transcript';

export type InterviewCardProps = {
  caseId: string;
  interview: Interview;
  canEdit: boolean;
  notice?: UploadNotice | undefined;
  onMessage: (message: string) => void;
  onDeleted: (message: string) => void;
};

/** The DOM id of a card's heading (focused after the interview was added). */
export const cardHeadingId = (interviewId: string) => `iv-card-${interviewId}`;

export function InterviewCard({
  caseId,
  interview,
  canEdit,
  notice,
  onMessage,
  onDeleted,
}: InterviewCardProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(() =>
    notice && 'error' in notice ? 'transcript' : 'none',
  );
  const [upload, setUpload] = useState<UploadNotice | undefined>(notice);
  const editRef = useRef<HTMLButtonElement>(null);
  const transcriptRef = useRef<HTMLButtonElement>(null);
  const lastPanel = useRef<Panel>(panel);
  const who = participantText(interview, t);
  const headingId = cardHeadingId(interview.id);
  const day = formatDate(interview.heldOn, i18n.language);

  // Closing a form returns the focus to the button that opened it.
  useEffect(() => {
    if (panel === 'none') {
      if (lastPanel.current === 'edit') editRef.current?.focus();
      if (lastPanel.current === 'transcript') transcriptRef.current?.focus();
    }
    lastPanel.current = panel;
  }, [panel]);

  const removal = useMutation({
    mutationFn: () => deleteInterview(caseId, interview.id),
    onSuccess: (list) => {
      queryClient.setQueryData(interviewKeys.list(caseId), list);
      onDeleted(t('interviews.delete.done', { who, day }));
    },
  });

  const hasTranscript = interview.length > 0;
  const canReplace = canEdit && interview.segmentCount === 0;

  return (
    <li className="kl-iv-card">
      <article aria-labelledby={headingId} className="kl-iv-card__body">
        <Heading
          level={3}
          id={headingId}
          tabIndex={-1}
          className="kl-iv-card__title kl-iv-focus-target"
        >
          {who}
        </Heading>
        <DataList
          items={[
            { key: 'heldOn', label: t('interviews.card.heldOn'), value: day },
            { key: 'mode', label: t('interviews.card.mode'), value: modeText(interview.mode, t) },
            {
              key: 'interviewer',
              label: t('interviews.fields.interviewer'),
              value: interview.interviewerName ?? t('interviews.card.noInterviewer'),
            },
            {
              key: 'transcript',
              label: t('interviews.card.transcript'),
              value: hasTranscript
                ? t('interviews.card.words', {
                    count: interview.words,
                    words: numberText(interview.words, i18n.language),
                  })
                : t('interviews.card.noTranscript'),
            },
            {
              key: 'segments',
              label: t('interviews.card.segments'),
              value: t('interviews.card.segmentCount', {
                count: interview.segmentCount,
                number: numberText(interview.segmentCount, i18n.language),
              }),
            },
          ]}
        />
        {upload && 'result' in upload && <UploadResult result={upload.result} />}
        {upload && 'error' in upload && (
          <Alert type="error">
            <p className="kl-alert__text">
              {t('interviews.transcript.failedAfterAdd', {
                reason: transcriptErrorText(upload.error, t, i18n.language),
              })}
            </p>
          </Alert>
        )}
        {!hasTranscript && canEdit && panel !== 'transcript' && (
          <p className="nl-paragraph kl-iv-hint">{t('interviews.card.addTranscriptHint')}</p>
        )}
        <div className="kl-iv-card__actions">
          {hasTranscript && (
            <ButtonLink to={`/sources/${interview.sourceId}`} purpose="primary">
              {t('interviews.card.code')}
              <span className="kl-visually-hidden">
                {' '}
                {t('interviews.card.codeContext', { who, day })}
              </span>
            </ButtonLink>
          )}
          {canEdit && (
            <Button
              ref={editRef}
              purpose="secondary"
              aria-expanded={panel === 'edit'}
              onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
            >
              {t('interviews.edit.open')}
            </Button>
          )}
          {canReplace && (
            <Button
              ref={transcriptRef}
              purpose="secondary"
              aria-expanded={panel === 'transcript'}
              onClick={() => setPanel(panel === 'transcript' ? 'none' : 'transcript')}
            >
              {hasTranscript ? t('interviews.transcript.replace') : t('interviews.transcript.add')}
            </Button>
          )}
          {canEdit && (
            <ConfirmAction
              label={
                <>
                  {t('interviews.delete.open')}
                  <span className="kl-visually-hidden">
                    {' '}
                    {t('interviews.card.codeContext', { who, day })}
                  </span>
                </>
              }
              question={t('interviews.delete.question', { who, day })}
              consequence={
                <p className="nl-paragraph">
                  {t('interviews.delete.consequence', { count: interview.segmentCount })}
                </p>
              }
              confirmLabel={t('interviews.delete.confirm')}
              isBusy={removal.isPending}
              onConfirm={() => removal.mutate()}
            />
          )}
        </div>
        {removal.isError && <ErrorAlert error={removal.error} />}
        {panel === 'edit' && (
          <EditDetailsForm
            caseId={caseId}
            interview={interview}
            onDone={(message) => {
              setPanel('none');
              if (message) onMessage(message);
            }}
          />
        )}
        {panel === 'transcript' && (
          <TranscriptForm
            caseId={caseId}
            interview={interview}
            onDone={(result) => {
              setPanel('none');
              if (result) {
                setUpload({ result });
                onMessage(t('interviews.transcript.saved', { who }));
              }
            }}
          />
        )}
      </article>
    </li>
  );
}

/** What the server made of a transcript: the kind of file, and anything to check. */
function UploadResult({ result }: { result: TranscriptResult }) {
  const { t } = useTranslation();
  if (result.warnings.length === 0)
    return (
      <p className="nl-paragraph kl-iv-hint">
        {t(`interviews.transcript.format.${result.format}`)}
      </p>
    );
  return (
    <Alert type="warning">
      <p className="kl-alert__text">
        {t(`interviews.transcript.format.${result.format}`)} {t('interviews.transcript.warnings')}
      </p>
      <ul className="kl-bullets">
        {result.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </Alert>
  );
}

function EditDetailsForm({
  caseId,
  interview,
  onDone,
}: {
  caseId: string;
  interview: Interview;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const formId = `iv-edit-${interview.id}`;
  const [draft, setDraft] = useState<InterviewDraft>({
    heldOn: interview.heldOn,
    mode: interview.mode,
    interviewerId: interview.interviewerId ?? '',
  });
  const [version] = useState(interview.version);
  const firstRef = useRef<HTMLDivElement>(null);
  const interviewers = useInterviewerChoices(
    caseId,
    interview.interviewerId && interview.interviewerName
      ? { id: interview.interviewerId, name: interview.interviewerName }
      : null,
  );
  const mutation = useMutation({
    mutationFn: (body: InterviewUpdate) => updateInterview(caseId, interview.id, body),
    onSuccess: (list: InterviewList) => {
      queryClient.setQueryData(interviewKeys.list(caseId), list);
      onDone(t('interviews.edit.saved', { who: participantText(interview, t) }));
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkDetails(draft, t),
    (): InterviewUpdate | null =>
      draft.mode
        ? {
            heldOn: draft.heldOn,
            mode: draft.mode,
            interviewerId: draft.interviewerId || null,
            version,
          }
        : null,
  );

  useEffect(() => {
    firstRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const current = interviewConflictOf(mutation.error);
  if (current && draft.mode) {
    const nameOf = (userId: string | null) =>
      userId
        ? (interviewers.options.find((o) => o.value === userId)?.label ??
          t('interviews.card.otherInterviewer'))
        : t('interviews.card.noInterviewer');
    const yours = {
      heldOn: draft.heldOn,
      mode: draft.mode,
      interviewerId: draft.interviewerId || null,
    };
    const fields = differing([
      {
        key: 'heldOn',
        label: t('interviews.fields.heldOn'),
        yours: formatDate(yours.heldOn, i18n.language),
        current: formatDate(current.heldOn, i18n.language),
      },
      {
        key: 'mode',
        label: t('interviews.fields.mode'),
        yours: modeText(yours.mode, t),
        current: modeText(current.mode, t),
      },
      {
        key: 'interviewerId',
        label: t('interviews.fields.interviewer'),
        yours: nameOf(yours.interviewerId),
        current: nameOf(current.interviewerId),
      },
    ]);
    const merge = (picks: Record<string, Side>): InterviewUpdate => ({
      heldOn: picks.heldOn === 'current' ? current.heldOn : yours.heldOn,
      mode: picks.mode === 'current' ? current.mode : yours.mode,
      interviewerId:
        picks.interviewerId === 'current' ? current.interviewerId : yours.interviewerId,
      version: current.version,
    });
    return (
      <VersionConflict
        texts="interviews.conflict"
        fields={fields}
        headingLevel={4}
        isBusy={mutation.isPending}
        onSave={(picks) => mutation.mutate(merge(picks))}
        onKeepCurrent={() => {
          mutation.reset();
          void queryClient.invalidateQueries({ queryKey: interviewKeys.list(caseId) });
          onDone(t('interviews.conflict.keptCurrent'));
        }}
      />
    );
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-iv-form kl-iv-panel"
      aria-labelledby={`${id}-title`}
    >
      <Heading level={4} id={`${id}-title`}>
        {t('interviews.edit.title')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={detailFieldOrder}
        submitError={mutation.error}
      />
      <div ref={firstRef} className="kl-form">
        <InterviewFields
          formId={formId}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          interviewers={interviewers}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('interviews.edit.save')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function TranscriptForm({
  caseId,
  interview,
  onDone,
}: {
  caseId: string;
  interview: Interview;
  onDone: (result: TranscriptResult | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const csrfToken = useCurrentSession()?.csrfToken ?? null;
  const id = useId();
  const formId = `iv-transcript-${interview.id}`;
  const [draft, setDraft] = useState<TranscriptDraft>(() => emptyTranscript());
  const fieldsRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: (sent: TranscriptDraft) =>
      sent.way === 'file' && sent.file
        ? uploadTranscript(caseId, interview.id, sent.file, csrfToken)
        : setTranscriptText(caseId, interview.id, sent.text),
    onSuccess: (result) => {
      queryClient.setQueryData(interviewKeys.list(caseId), {
        items: result.items,
        interviewable: result.interviewable,
        abilities: result.abilities,
      });
      onDone(result);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkTranscript(draft, t),
    () => draft,
  );

  useEffect(() => {
    fieldsRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-iv-form kl-iv-panel"
      aria-labelledby={`${id}-title`}
    >
      <Heading level={4} id={`${id}-title`}>
        {interview.length > 0 ? t('interviews.transcript.replace') : t('interviews.transcript.add')}
      </Heading>
      {interview.length > 0 && (
        <p className="nl-paragraph">{t('interviews.transcript.replaceHint')}</p>
      )}
      <FormProblems
        formId={formId}
        errors={errors}
        order={transcriptFieldOrder}
        submitError={null}
      />
      {mutation.isError && (
        <Alert type="error">
          <p className="kl-alert__text">{transcriptErrorText(mutation.error, t, i18n.language)}</p>
        </Alert>
      )}
      <div ref={fieldsRef} className="kl-form">
        <TranscriptInput
          formId={formId}
          draft={draft}
          onChange={(patch) => {
            setDraft((d) => ({ ...d, ...patch }));
            if (mutation.isError) mutation.reset();
          }}
          errors={errors}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('interviews.transcript.save')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
