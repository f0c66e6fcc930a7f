// One item of the checklist: its question (the legend), help text and guideline; the answer
// control fitting its type; evidence (a quote or summary), the source document and its date;
// links to timeline items; who answered and when; save (also Ctrl+Enter anywhere in the item),
// clear, and the history. Saving keeps the place: focus stays where it was and the result is
// said in the item's live region. Leaving an item with unsaved changes is said there too.
// When someone else saved the answer meanwhile, the conflict view takes the form's place.
import { useEffect, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierAnswer } from '../../../shared/contract/dossier';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataList } from '../../ui/DataList';
import { FormProblems } from '../../ui/FormProblems';
import { formatDate, formatDateTime } from '../../ui/format';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { clearAnswer, dossierKeys, isAnswerConflict, saveAnswer, storeAnswer } from './api';
import type { AnswerInput } from './api';
import {
  answerFieldOrder,
  draftFromAnswer,
  draftFromInput,
  inputFromDraft,
  isDraftChanged,
  type AnswerDraft,
} from './answer-form';
import { AnswerConflict } from './AnswerConflict';
import { AnswerControl } from './AnswerControl';
import { AnswerHistory } from './AnswerHistory';
import { valueText } from './labels';
import { TimelineLinks } from './TimelineLinks';

export type AnswerItemProps = {
  caseId: string;
  item: InstrumentItem;
  /** The item's number in the whole checklist (1-based). */
  number: number;
  answer: DossierAnswer | undefined;
  /** The question as it read in the version the answer was given under, when that differs. */
  earlierQuestion: { number: number; question: string } | null;
  /** Unsaved edits (kept by the page, so they survive a change of section). */
  draft: AnswerDraft | undefined;
  onDraftChange: (itemKey: string, draft: AnswerDraft | null) => void;
  /** Saved: the page drops the draft that was sent (or moves a newer one onto this version). */
  onSaved: (itemKey: string, sent: AnswerDraft | undefined, version: number) => void;
  canWrite: boolean;
  timelineItems: TimelineItem[] | undefined;
  timelineError: unknown;
  timelineTitles: Map<string, string>;
  today: string;
};

/** Server paths onto the fields shown: a link's index onto the picker, an unknown item onto the value. */
function fieldErrorsOf(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(serverFieldErrors(error))) {
    const field = path.startsWith('timelineItemIds')
      ? 'timelineItemIds'
      : path === 'itemKey'
        ? 'value'
        : path;
    errors[field] ??= message;
  }
  return errors;
}

export function itemHeadingId(itemKey: string) {
  return `dossier-item-${itemKey}`;
}

export function AnswerItem(props: AnswerItemProps) {
  const { t, i18n } = useTranslation();
  const { caseId, item, answer, canWrite } = props;
  const headingId = itemHeadingId(item.key);
  const state = answer ? (answer.isUnknown ? 'unknown' : 'answered') : 'open';

  const header = (
    <>
      <span className="kl-dossier-item__number">
        {t('dossier.item.number', { number: props.number })}
      </span>{' '}
      {item.question}
    </>
  );
  const meta = (
    <>
      {item.help && <p className="kl-dossier-item__help">{item.help}</p>}
      {item.guideline && (
        <p className="kl-dossier-item__guideline">
          <span className="kl-dossier-item__guideline-label">{t('dossier.item.guideline')}:</span>{' '}
          {item.guideline}
        </p>
      )}
      {props.earlierQuestion && (
        <p className="kl-dossier-hint">
          {t('dossier.item.earlierQuestion', props.earlierQuestion)}
        </p>
      )}
    </>
  );
  const answeredBy = answer && (
    <p className="kl-dossier-item__who">
      {t('dossier.item.answeredBy', {
        name: answer.researcher.name || t('dossier.history.someone'),
        at: formatDateTime(answer.updatedAt, i18n.language),
        version: answer.version,
        checklistVersion: answer.instrumentVersionNumber,
      })}
    </p>
  );

  if (!canWrite) {
    return (
      <section className="kl-dossier-item" aria-labelledby={headingId}>
        <h3 id={headingId} tabIndex={-1} className="kl-dossier-item__question">
          {header}
        </h3>
        <StateBadge state={state} />
        {meta}
        {answer ? (
          <>
            <DataList
              items={[
                {
                  key: 'value',
                  label: t('dossier.field.value'),
                  value: valueText(item.answer, answer.value, t, i18n.language),
                },
                ...(answer.evidence
                  ? [
                      {
                        key: 'evidence',
                        label: t('dossier.field.evidence'),
                        value: answer.evidence,
                      },
                    ]
                  : []),
                ...(answer.sourceDocument
                  ? [
                      {
                        key: 'source',
                        label: t('dossier.field.sourceDocument'),
                        value: answer.sourceDate
                          ? `${answer.sourceDocument} (${formatDate(answer.sourceDate, i18n.language)})`
                          : answer.sourceDocument,
                      },
                    ]
                  : []),
                ...(answer.timelineLinks.length > 0
                  ? [
                      {
                        key: 'links',
                        label: t('dossier.field.timelineItemIds'),
                        value: answer.timelineLinks.map((l) => l.title).join(', '),
                      },
                    ]
                  : []),
              ]}
            />
            {answeredBy}
            <AnswerHistory caseId={caseId} item={item} timelineTitles={props.timelineTitles} />
          </>
        ) : (
          <p className="kl-dossier-muted">{t('dossier.item.notAnswered')}</p>
        )}
      </section>
    );
  }

  return (
    <AnswerForm {...props} header={header} meta={meta} answeredBy={answeredBy} state={state} />
  );
}

type ItemState = 'open' | 'answered' | 'unknown';

function StateBadge({ state, isDirty }: { state: ItemState; isDirty?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="kl-dossier-item__state">
      <span className={`kl-dossier-badge kl-dossier-badge--${state}`}>
        <span aria-hidden="true">
          {state === 'answered' ? '✓ ' : state === 'unknown' ? '? ' : '○ '}
        </span>
        {t(`dossier.state.${state}`)}
      </span>
      {isDirty && (
        <span className="kl-dossier-badge kl-dossier-badge--dirty">
          <span aria-hidden="true">✎ </span>
          {t('dossier.state.unsaved')}
        </span>
      )}
    </p>
  );
}

function AnswerForm(
  props: AnswerItemProps & {
    header: ReactNode;
    meta: ReactNode;
    answeredBy: ReactNode;
    state: ItemState;
  },
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { caseId, item, answer, onDraftChange } = props;
  const formId = `dossier-${item.key}`;
  const headingId = itemHeadingId(item.key);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  // The element that had focus may be gone after a clear or a conflict: continue at the question.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) document.getElementById(headingId)?.focus();
  }, [focusRequest, headingId]);

  const baseline = draftFromAnswer(item, answer);
  const draft = props.draft ?? baseline;
  const isDirty = props.draft !== undefined && isDraftChanged(props.draft, baseline);
  const change = (patch: Partial<AnswerDraft>) => {
    setStatus('');
    onDraftChange(item.key, { ...draft, ...patch });
  };

  const save = useMutation({
    mutationFn: ({ input }: { input: AnswerInput; sent: AnswerDraft | undefined }) =>
      saveAnswer(caseId, item.key, input),
    onSuccess: (saved, { sent }) => {
      storeAnswer(queryClient, caseId, item.key, saved);
      props.onSaved(item.key, sent, saved.version);
      setClientErrors({});
      setStatus(t('dossier.item.saved'));
    },
    onError: (error) => {
      setStatus(isAnswerConflict(error) ? t('dossier.item.conflict') : t('dossier.item.notSaved'));
      if (isAnswerConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(caseId) });
      }
    },
  });
  const clear = useMutation({
    mutationFn: (version: number) => clearAnswer(caseId, item.key, version),
    onSuccess: () => {
      storeAnswer(queryClient, caseId, item.key, null);
      onDraftChange(item.key, null);
      setStatus(t('dossier.item.cleared'));
      setFocusRequest((n) => n + 1);
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(caseId) });
    },
  });

  const conflict = isAnswerConflict(save.error) ? save.error : null;
  const errors = hasFieldErrors(clientErrors) ? clientErrors : fieldErrorsOf(save.error);
  const submitError = isApiError(save.error) ? save.error : null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (save.isPending) return;
    const result = inputFromDraft(item, draft, { today: props.today, t });
    if (result.errors) {
      setClientErrors(result.errors);
      save.reset();
      setStatus(t('dossier.item.notSaved'));
      return;
    }
    setClientErrors({});
    setStatus(t('common.saving'));
    save.mutate({ input: result.input, sent: props.draft });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const liveStatus = (
    <p className="kl-dossier-item__status" role="status">
      {status}
    </p>
  );

  if (conflict) {
    return (
      <div className="kl-dossier-item" aria-labelledby={headingId} role="group">
        <h3 id={headingId} tabIndex={-1} className="kl-dossier-item__question">
          {props.header}
        </h3>
        <AnswerConflict
          item={item}
          yours={conflict.yours}
          current={conflict.current}
          timelineTitles={props.timelineTitles}
          isBusy={save.isPending}
          onSave={(merged) => {
            const sent = draftFromInput(item, merged);
            onDraftChange(item.key, sent);
            save.mutate({ input: merged, sent });
            setFocusRequest((n) => n + 1);
          }}
          onKeepCurrent={() => {
            onDraftChange(item.key, null);
            save.reset();
            setStatus(t('dossier.item.keptCurrent'));
            setFocusRequest((n) => n + 1);
          }}
        />
        {liveStatus}
      </div>
    );
  }

  return (
    <form
      noValidate
      className="kl-dossier-item"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (isDirty && next instanceof Node && !event.currentTarget.contains(next)) {
          setStatus(t('dossier.item.leftUnsaved', { number: props.number }));
        }
      }}
    >
      <fieldset className="utrecht-form-fieldset kl-dossier-item__fieldset">
        <legend className="utrecht-form-fieldset__legend kl-dossier-item__legend">
          <h3 id={headingId} tabIndex={-1} className="kl-dossier-item__question">
            {props.header}
          </h3>
        </legend>
        <StateBadge state={props.state} isDirty={isDirty} />
        {props.meta}
        <FormProblems
          formId={formId}
          errors={errors}
          order={[...answerFieldOrder]}
          submitError={hasFieldErrors(errors) ? null : submitError}
        />
        <AnswerControl
          formId={formId}
          item={item}
          draft={draft}
          onChange={change}
          error={errors.value}
          today={props.today}
        />
        <TextareaField
          id={fieldId(formId, 'evidence')}
          label={t('dossier.field.evidence')}
          description={t('dossier.item.evidenceHint')}
          rows={3}
          value={draft.evidence}
          onChange={(evidence) => change({ evidence })}
          error={errors.evidence}
          isOptional
        />
        <div className="kl-form__row kl-dossier-item__source">
          <TextField
            id={fieldId(formId, 'sourceDocument')}
            label={t('dossier.field.sourceDocument')}
            description={t('dossier.item.sourceDocumentHint')}
            autoComplete="off"
            value={draft.sourceDocument}
            onChange={(sourceDocument) => change({ sourceDocument })}
            error={errors.sourceDocument}
            isOptional
          />
          <TextField
            id={fieldId(formId, 'sourceDate')}
            label={t('dossier.field.sourceDate')}
            description={t('dossier.item.dateHint')}
            type="date"
            className="kl-dossier-input-date"
            max={props.today}
            value={draft.sourceDate}
            onChange={(sourceDate) => change({ sourceDate })}
            error={errors.sourceDate}
            isOptional
          />
        </div>
        <TimelineLinks
          id={fieldId(formId, 'timelineItemIds')}
          caseId={caseId}
          items={props.timelineItems}
          loadError={props.timelineError}
          hintedLanes={item.timelineLanes ?? []}
          selected={draft.timelineItemIds}
          onChange={(timelineItemIds) => change({ timelineItemIds })}
          savedLinks={answer?.timelineLinks ?? []}
          error={errors.timelineItemIds}
        />
        {props.answeredBy}
        <div className="kl-dossier-item__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {t('dossier.item.save')}
            <span className="kl-visually-hidden">
              {' '}
              ({t('dossier.item.number', { number: props.number })})
            </span>
          </Button>
          {isDirty && (
            <Button
              purpose="subtle"
              onClick={() => {
                onDraftChange(item.key, null);
                setClientErrors({});
                save.reset();
                setStatus(t('dossier.item.undone'));
              }}
            >
              {t('dossier.item.undo')}
            </Button>
          )}
          {liveStatus}
        </div>
      </fieldset>
      {answer && (
        <div className="kl-dossier-item__after">
          <ConfirmAction
            label={t('dossier.item.clear')}
            question={t('dossier.item.clearQuestion', { number: props.number })}
            consequence={t('dossier.item.clearConsequence')}
            confirmLabel={t('dossier.item.clearConfirm')}
            isBusy={clear.isPending}
            onConfirm={() => clear.mutate(answer.version)}
          />
          {clear.error ? (
            <FormProblems formId={formId} errors={{}} submitError={clear.error} />
          ) : null}
          <AnswerHistory caseId={caseId} item={item} timelineTitles={props.timelineTitles} />
        </div>
      )}
    </form>
  );
}
