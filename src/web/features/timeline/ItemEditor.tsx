// One item of the timeline, new or existing: the form (kind, lane, title, dates as precisely as
// remembered, category from the lane's list, the pseudonymous reference, valence, whose account
// it is, waiting time, first signal, the diagnosis it revises), delete with confirmation, the
// conflict view when someone else saved it meanwhile, the reactions per perspective and the
// history. Someone who may only read or add sees the item's facts instead of the form.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  laneCategoryList,
  perspectives,
  timelineLanes,
  valences,
  type Perspective,
  type TimelineKind,
  type TimelineLane,
  type Valence,
} from '../../../shared/domain/timeline';
import type { CaseReference, Timeline, TimelineItem } from '../../../shared/contract/timeline';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  createItem,
  deleteItem,
  editableFields,
  isTimelineConflict,
  updateItem,
  type ItemInput,
  type ItemUpdate,
} from './api';
import { ChoiceGroup } from './ChoiceGroup';
import { ConflictView } from './ConflictView';
import { fieldLabel, valueText, type ValueContext } from './field-values';
import { FuzzyDateInput } from './FuzzyDateInput';
import {
  draftFromItem,
  fieldOrder,
  inputFromDraft,
  newItemDraft,
  type ItemDraft,
  type NewItemPrefill,
} from './item-form';
import { ItemComments } from './ItemComments';
import { ItemHistory } from './ItemHistory';
import {
  kindText,
  laneText,
  perspectiveText,
  todayUtc,
  valenceSign,
  valenceText,
  whenText,
} from './labels';

export type EditorTarget =
  { mode: 'new'; prefill: NewItemPrefill } | { mode: 'edit'; item: TimelineItem };

export type ItemEditorProps = {
  caseId: string;
  timeline: Timeline;
  target: EditorTarget;
  categories: CaseReference['timelineCategories'];
  participantOptions: SelectOption[];
  participantLabels: Map<string, string>;
  /** Staff choose whose account it is; a participant's own perspective is set by the server. */
  choosesPerspective: boolean;
  onSaved: (item: TimelineItem, message: string) => void;
  onDeleted: (message: string) => void;
  onCommented: (message: string) => void;
  /** The timeline changed on the server (after a conflict): read it again. */
  onStale: () => void;
};

const formId = 'timeline-item';

const isLane = (value: string): value is TimelineLane =>
  (timelineLanes as readonly string[]).includes(value);
const isPerspective = (value: string): value is Perspective =>
  (perspectives as readonly string[]).includes(value);

export function ItemEditor(props: ItemEditorProps) {
  const { target, timeline } = props;
  const item = target.mode === 'edit' ? target.item : null;
  const canEdit = item ? timeline.abilities.edit : timeline.abilities.contribute;
  return (
    <div className="kl-tl-editor">
      {canEdit ? <ItemForm {...props} item={item} /> : item && <ItemFacts {...props} item={item} />}
      {item && (
        <>
          <ItemComments
            caseId={props.caseId}
            item={item}
            canComment={timeline.abilities.contribute}
            choosesPerspective={props.choosesPerspective}
            participantOptions={props.participantOptions}
            onAdded={props.onCommented}
          />
          <ItemHistory caseId={props.caseId} item={item} context={valueContextOf(props)} />
        </>
      )}
    </div>
  );
}

function valueContextOf(props: ItemEditorProps): Omit<ValueContext, 't' | 'language'> {
  return {
    participantLabels: props.participantLabels,
    categories: props.categories,
    itemTitles: new Map(props.timeline.items.map((i) => [i.id, i.title])),
  };
}

/** The item's facts, for someone who may read it but not change it. */
function ItemFacts(props: ItemEditorProps & { item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const { item } = props;
  const context: ValueContext = { ...valueContextOf(props), t, language: i18n.language };
  const shown = editableFields.filter(
    (field) => field !== 'title' && item[field] !== null && item[field] !== '',
  );
  return (
    <>
      <p className="nl-paragraph">{t('timeline.editor.readOnly')}</p>
      <DataList
        items={[
          { key: 'when', label: t('timeline.list.when'), value: whenText(item, t, i18n.language) },
          ...shown
            .filter((field) => field !== 'start' && field !== 'end')
            .map((field) => ({
              key: field,
              label: fieldLabel(field, t),
              value: valueText(field, item[field], context, item.lane),
            })),
        ]}
      />
    </>
  );
}

function ItemForm(props: ItemEditorProps & { item: TimelineItem | null }) {
  const { t, i18n } = useTranslation();
  const { caseId, timeline, target, item, categories } = props;
  const [draft, setDraft] = useState<ItemDraft>(() =>
    target.mode === 'edit' ? draftFromItem(target.item) : newItemDraft(target.prefill, 'youth'),
  );
  const [version, setVersion] = useState(item?.version ?? 1);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = useMutation({
    mutationFn: (input: ItemInput | ItemUpdate) =>
      item && 'version' in input ? updateItem(caseId, item.id, input) : createItem(caseId, input),
    onSuccess: (saved) => {
      props.onSaved(
        saved,
        t(item ? 'timeline.editor.saved' : 'timeline.editor.added', { title: saved.title }),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteItem(caseId, item?.id ?? '', version),
    onSuccess: () => props.onDeleted(t('timeline.editor.deleted', { title: item?.title ?? '' })),
    onError: (error) => {
      if (isApiError(error) && error.code === 'CONFLICT') props.onStale();
    },
  });

  const conflict = isTimelineConflict(save.error) ? save.error : null;
  const serverErrors: FieldErrors = { ...serverFieldErrors(save.error) };
  if (isApiError(save.error) && save.error.code === 'CONSENT_MISSING' && props.choosesPerspective) {
    serverErrors.source = save.error.message || t('errors.CONSENT_MISSING');
  }
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverErrors;
  // Missing dossier consent is said at the perspective field, when there is one.
  const isConsentMissing = isApiError(save.error) && save.error.code === 'CONSENT_MISSING';
  const problemError = isConsentMissing && props.choosesPerspective ? null : save.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const result = inputFromDraft(draft, {
      birthYear: timeline.birthYear,
      today: todayUtc(),
      t,
    });
    setClientErrors(result.errors ?? {});
    if (result.errors) {
      save.reset();
      return;
    }
    save.mutate(item ? { ...result.input, version } : result.input);
  };

  if (conflict) {
    return (
      <ConflictView
        yours={conflict.yours}
        current={conflict.current}
        context={valueContextOf(props)}
        isBusy={save.isPending}
        onSave={(merged) => {
          setDraft(draftFromItem(merged));
          setVersion(merged.version);
          props.onStale();
          save.mutate(merged);
        }}
        onKeepCurrent={() => {
          setDraft(draftFromItem(conflict.current));
          setVersion(conflict.current.version);
          props.onStale();
          save.reset();
        }}
      />
    );
  }

  const categoryList = laneCategoryList[draft.lane];
  // Archived categories are not chosen anew; an item that has one keeps it (the server agrees).
  const keptCode = item && laneCategoryList[item.lane] === categoryList ? item.categoryCode : null;
  const categoryOptions = categories
    .filter((c) => c.list === categoryList && (!c.isArchived || c.code === keptCode))
    .map((c) => ({
      value: c.code,
      label: c.marker ? `${c.label} (${t(`timeline.marker.${c.marker}`)})` : c.label,
    }));
  const diagnosisOptions = timeline.items
    .filter((i) => i.lane === 'diagnosis' && i.id !== item?.id)
    .map((i) => ({ value: i.id, label: `${i.title} (${whenText(i, t, i18n.language)})` }));
  const isPeriod = draft.kind === 'period';

  return (
    <>
      <form
        noValidate
        onSubmit={submit}
        className="kl-form kl-tl-form"
        aria-label={t('timeline.editor.formName')}
      >
        <FormProblems
          formId={formId}
          errors={errors}
          order={fieldOrder}
          submitError={problemError}
        />
        <div className="kl-form__row">
          <ChoiceGroup<TimelineKind>
            id={fieldId(formId, 'kind')}
            legend={t('timeline.field.kind')}
            value={draft.kind}
            choices={(['event', 'period'] as const).map((kind) => ({
              value: kind,
              label: (
                <>
                  {kindText(kind, t)}
                  <span className="kl-choice__hint"> {t(`timeline.editor.kindHint_${kind}`)}</span>
                </>
              ),
            }))}
            onChange={(kind) => set({ kind })}
            error={errors.kind}
          />
          <SelectField
            id={fieldId(formId, 'lane')}
            label={t('timeline.field.lane')}
            value={draft.lane}
            options={timelineLanes.map((lane) => ({ value: lane, label: laneText(lane, t) }))}
            onChange={(lane) => {
              if (isLane(lane)) set({ lane, categoryCode: '' });
            }}
            error={errors.lane}
          />
        </div>
        <TextField
          id={fieldId(formId, 'title')}
          label={t('timeline.field.title')}
          description={t('timeline.editor.titleHint')}
          autoComplete="off"
          value={draft.title}
          onChange={(title) => set({ title })}
          error={errors.title}
        />
        <FuzzyDateInput
          formId={formId}
          name="start"
          legend={isPeriod ? t('timeline.editor.startPeriod') : t('timeline.editor.startEvent')}
          value={draft.start}
          onChange={(start) => set({ start })}
          birthYear={timeline.birthYear}
          errors={errors}
        />
        {isPeriod && (
          <div className="kl-tl-form__end">
            <CheckboxField
              id={fieldId(formId, 'isOngoing')}
              label={t('timeline.editor.ongoing')}
              isChecked={draft.isOngoing}
              onChange={(isOngoing) => set({ isOngoing })}
            />
            {!draft.isOngoing && (
              <FuzzyDateInput
                formId={formId}
                name="end"
                legend={t('timeline.editor.end')}
                value={draft.end}
                onChange={(end) => set({ end })}
                birthYear={timeline.birthYear}
                errors={errors}
              />
            )}
            {draft.isOngoing && errors.end && (
              <p className="utrecht-form-field-error-message">{errors.end}</p>
            )}
          </div>
        )}
        <div className="kl-form__row">
          {categoryList && (
            <SelectField
              id={fieldId(formId, 'categoryCode')}
              label={t('timeline.field.categoryCode')}
              placeholder={t('timeline.editor.categoryNone')}
              value={draft.categoryCode}
              options={categoryOptions}
              onChange={(categoryCode) => set({ categoryCode })}
              error={errors.categoryCode}
              isOptional
            />
          )}
          <TextField
            id={fieldId(formId, 'reference')}
            label={t('timeline.field.reference')}
            description={t('timeline.editor.referenceHint')}
            autoComplete="off"
            value={draft.reference}
            onChange={(reference) => set({ reference })}
            error={errors.reference}
            isOptional
          />
        </div>
        <TextareaField
          id={fieldId(formId, 'description')}
          label={t('timeline.field.description')}
          rows={3}
          value={draft.description}
          onChange={(description) => set({ description })}
          error={errors.description}
          isOptional
        />
        <ChoiceGroup<Valence>
          id={fieldId(formId, 'valence')}
          legend={t('timeline.field.valence')}
          value={draft.valence}
          choices={valences.map((valence) => ({
            value: valence,
            label: (
              <span className={`kl-tl-valence-text kl-tl-valence--${valence}`}>
                {valenceSign[valence] && (
                  <span className="kl-tl-sign" aria-hidden="true">
                    {valenceSign[valence]}
                  </span>
                )}
                {valenceText(valence, t)}
              </span>
            ),
          }))}
          onChange={(valence) => set({ valence })}
          error={errors.valence}
          isInline
        />
        {props.choosesPerspective && (
          <div className="kl-form__row">
            <SelectField
              id={fieldId(formId, 'source')}
              label={t('timeline.field.source')}
              description={t('timeline.editor.sourceHint')}
              value={draft.source}
              options={perspectives.map((p) => ({ value: p, label: perspectiveText(p, t) }))}
              onChange={(source) => {
                if (isPerspective(source)) set({ source });
              }}
              error={errors.source}
            />
            <SelectField
              id={fieldId(formId, 'sourceParticipantId')}
              label={t('timeline.field.sourceParticipantId')}
              placeholder={t('timeline.editor.participantNone')}
              value={draft.sourceParticipantId}
              options={props.participantOptions}
              onChange={(sourceParticipantId) => set({ sourceParticipantId })}
              error={errors.sourceParticipantId}
              isOptional
            />
          </div>
        )}
        {draft.lane === 'care' && (
          <TextField
            id={fieldId(formId, 'waitingDays')}
            label={t('timeline.field.waitingDays')}
            description={t('timeline.editor.waitingDaysHint')}
            className="kl-input-short"
            inputMode="numeric"
            autoComplete="off"
            value={draft.waitingDays}
            onChange={(waitingDays) => set({ waitingDays })}
            error={errors.waitingDays}
            isOptional
          />
        )}
        <CheckboxField
          id={fieldId(formId, 'isSignal')}
          label={t('timeline.editor.isSignal')}
          isChecked={draft.isSignal}
          onChange={(isSignal) => set({ isSignal })}
        />
        {draft.lane === 'diagnosis' && (
          <SelectField
            id={fieldId(formId, 'revisesItemId')}
            label={t('timeline.field.revisesItemId')}
            description={t('timeline.editor.revisesHint')}
            placeholder={t('timeline.editor.revisesNone')}
            value={draft.revisesItemId}
            options={diagnosisOptions}
            onChange={(revisesItemId) => set({ revisesItemId })}
            error={errors.revisesItemId}
            isOptional
          />
        )}
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {item ? t('common.saveChanges') : t('timeline.editor.add')}
          </Button>
        </div>
      </form>
      {item && timeline.abilities.edit && (
        <div className="kl-tl-editor__delete">
          {remove.error ? <ErrorAlert error={remove.error} /> : null}
          <ConfirmAction
            label={t('timeline.editor.delete')}
            question={t('timeline.editor.deleteQuestion', { title: item.title })}
            consequence={t('timeline.editor.deleteConsequence')}
            confirmLabel={t('timeline.editor.deleteConfirm')}
            isBusy={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        </div>
      )}
    </>
  );
}
