// The draft editor: the instrument's title and description, its sections and their items, a
// save that carries the revision the editor started from, and below it publishing (after a
// confirmation that says a published version never changes) and discarding the draft. The
// working copy is checked with the contract's own schema before anything is sent; the server
// checks again and its field errors land at the same fields. A stale revision opens the
// conflict view with both versions. Every editing step announces itself in the status line,
// and focus goes to where the changed row now is.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InstrumentContent, InstrumentVersion } from '../../../shared/contract/instruments';
import { isApiError } from '../../app/api';
import { hasFieldErrors, type FieldErrors } from '../../app/form-errors';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { formatDateTime } from '../../ui/format';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  discardDraft,
  draftConflictOf,
  instrumentKeys,
  instrumentVersionQuery,
  publishDraft,
  refreshInstrument,
  saveDraft,
  storeVersion,
} from './api';
import {
  addSection,
  checkDraft,
  draftFromContent,
  errorOrder,
  newSection,
  sameContent,
  serverErrorsOf,
  type DraftState,
  type PublishedKeys,
} from './draft-model';
import { DraftConflictView } from './DraftConflictView';
import { draftFormId, inputId, type EditEffect } from './editor-ids';
import { SectionFields } from './SectionFields';

export type DraftFormProps = {
  draft: InstrumentVersion;
  published: PublishedKeys;
  onPublished: (version: InstrumentVersion) => void;
  onDiscarded: () => void;
};

type Send = { content: InstrumentContent; revision: number; snapshot: DraftState };

export function DraftForm({ draft, published, onPublished, onDiscarded }: DraftFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const instrumentId = draft.instrumentId;
  const [state, setState] = useState<DraftState>(() => draftFromContent(draft.content));
  const [saved, setSaved] = useState<DraftState>(state);
  const [revision, setRevision] = useState(draft.revision);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [openItems, setOpenItems] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const focusId = useRef<string | null>(null);
  const isDirty = !sameContent(state, saved);
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverErrors;

  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    focusId.current = null;
    document.getElementById(id)?.focus();
  });

  // Closing the tab with unsaved edits asks first (the browser's own question).
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const edit = (change: (s: DraftState) => DraftState, effect: EditEffect = {}) => {
    setState(change);
    if (effect.focus) focusId.current = effect.focus;
    if (effect.message) setMessage(effect.message);
  };

  const placeServerErrors = (error: unknown, snapshot: DraftState) => {
    if (!isApiError(error) || error.code !== 'INVALID_INPUT') return;
    const placed = serverErrorsOf(error.fields, snapshot);
    setServerErrors(placed.errors);
    setUnplaced(placed.unplaced);
  };

  const afterSave = (version: InstrumentVersion, snapshot: DraftState) => {
    setRevision(version.revision);
    setSaved(snapshot);
    setServerErrors({});
    setUnplaced([]);
    void storeVersion(queryClient, version);
  };

  const save = useMutation({
    mutationFn: ({ content, revision: from }: Send) => saveDraft(instrumentId, content, from),
    onSuccess: (version, { snapshot }) => {
      afterSave(version, snapshot);
      setMessage(
        t('instruments.editor.saved', { time: formatDateTime(version.updatedAt, i18n.language) }),
      );
    },
    onError: (error, { snapshot }) => placeServerErrors(error, snapshot),
  });

  const publish = useMutation({
    mutationFn: async (send: Send | null) => {
      let from = revision;
      if (send) {
        const version = await saveDraft(instrumentId, send.content, send.revision);
        afterSave(version, send.snapshot);
        from = version.revision;
      }
      return publishDraft(instrumentId, from);
    },
    onSuccess: async (version) => {
      await storeVersion(queryClient, version);
      onPublished(version);
    },
    onError: (error, send) => placeServerErrors(error, send?.snapshot ?? state),
  });

  const discard = useMutation({
    mutationFn: () => discardDraft(instrumentId, revision),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: instrumentKeys.version(instrumentId, draft.number) });
      await refreshInstrument(queryClient, instrumentId);
      onDiscarded();
    },
  });

  const conflict = draftConflictOf(save.error) ?? draftConflictOf(publish.error);
  const isBusy = save.isPending || publish.isPending || discard.isPending;

  /** Checks the working copy; shows what is wrong (unfolding those items) or gives the content. */
  const check = (): InstrumentContent | null => {
    const result = checkDraft(state, published, t);
    setClientErrors(result.errors ?? {});
    if (result.errors) {
      save.reset();
      publish.reset();
      return null;
    }
    return result.content;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const content = check();
    if (content) save.mutate({ content, revision, snapshot: state });
  };

  const reload = async () => {
    const current = await queryClient.fetchQuery({
      ...instrumentVersionQuery(instrumentId, draft.number),
      staleTime: 0,
    });
    const fresh = draftFromContent(current.content);
    setState(fresh);
    setSaved(fresh);
    setRevision(current.revision);
    setClientErrors({});
    setServerErrors({});
    setUnplaced([]);
    setOpenItems(new Set());
    save.reset();
    publish.reset();
    discard.reset();
    setMessage(t('instruments.editor.reloaded'));
  };

  const isItemOpen = (rowId: string) =>
    openItems.has(rowId) || Object.keys(errors).some((key) => key.startsWith(`${rowId}.`));
  const toggleItem = (rowId: string) =>
    setOpenItems((open) => {
      const next = new Set(open);
      if (isItemOpen(rowId)) next.delete(rowId);
      else next.add(rowId);
      return next;
    });
  const openItem = (rowId: string) => setOpenItems((open) => new Set(open).add(rowId));

  if (conflict) {
    return (
      <DraftConflictView
        conflict={conflict}
        isBusy={save.isPending}
        onLoadCurrent={() => {
          const fresh = draftFromContent(conflict.current.content);
          setState(fresh);
          setSaved(fresh);
          setRevision(conflict.current.revision);
          setOpenItems(new Set());
          save.reset();
          publish.reset();
          setMessage(t('instruments.editor.reloaded'));
        }}
        onKeepMine={() => {
          const content = conflict.yours.content;
          setRevision(conflict.current.revision);
          save.mutate({ content, revision: conflict.current.revision, snapshot: state });
        }}
      />
    );
  }

  const sectionsError = errors.sections;
  const sectionsErrorId = `${inputId('sections')}-error`;

  return (
    <>
      <form
        noValidate
        onSubmit={submit}
        className="kl-form kl-in-editor"
        aria-label={t('instruments.editor.formName')}
      >
        <FormProblems
          formId={draftFormId}
          errors={errors}
          order={errorOrder(state)}
          submitError={save.error}
          onReload={() => void reload()}
        />
        {unplaced.length > 0 && !hasFieldErrors(errors) && (
          <Alert type="error">
            <ul className="kl-bullets">
              {unplaced.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </Alert>
        )}
        <section className="kl-in-part" aria-labelledby="draft-general">
          <Heading level={2} id="draft-general">
            {t('instruments.editor.general')}
          </Heading>
          <TextField
            id={inputId('title')}
            label={t('instruments.field.title')}
            value={state.title}
            onChange={(title) => edit((s) => ({ ...s, title }))}
            error={errors.title}
          />
          <TextareaField
            id={inputId('description')}
            label={t('instruments.field.description')}
            value={state.description}
            onChange={(description) => edit((s) => ({ ...s, description }))}
            error={errors.description}
            rows={4}
            isOptional
          />
        </section>
        <section className="kl-in-part" aria-labelledby="draft-sections">
          <Heading level={2} id="draft-sections">
            {t('instruments.editor.sections')}
          </Heading>
          <p className="nl-paragraph kl-in-intro">{t('instruments.editor.keysExplained')}</p>
          <ol className="kl-in-sections">
            {state.sections.map((section, index) => (
              <SectionFields
                key={section.rowId}
                section={section}
                index={index}
                sections={state.sections}
                errors={errors}
                published={published}
                isItemOpen={isItemOpen}
                onToggleItem={toggleItem}
                onItemAdded={openItem}
                edit={edit}
              />
            ))}
          </ol>
          {sectionsError && (
            <FormFieldErrorMessage id={sectionsErrorId}>{sectionsError}</FormFieldErrorMessage>
          )}
          <div>
            <Button
              id={inputId('sections')}
              purpose="secondary"
              aria-describedby={sectionsError ? sectionsErrorId : undefined}
              onClick={() => {
                const section = newSection();
                const first = section.items[0];
                if (first) openItem(first.rowId);
                edit((s) => addSection(s, section), {
                  focus: inputId(`${section.rowId}.title`),
                  message: t('instruments.editor.sectionAdded'),
                });
              }}
            >
              {t('instruments.editor.addSection')}
            </Button>
          </div>
        </section>
        <div className="kl-in-savebar">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {t('instruments.editor.save')}
          </Button>
          <p className="kl-in-savebar__state">
            {isDirty ? t('instruments.editor.unsaved') : t('instruments.editor.allSaved')}
          </p>
          <p role="status" className="kl-in-savebar__message">
            {message}
          </p>
        </div>
      </form>
      <section className="kl-section" aria-labelledby="draft-publish">
        <Heading level={2} id="draft-publish">
          {t('instruments.editor.publishTitle')}
        </Heading>
        <p className="nl-paragraph kl-in-intro">{t('instruments.editor.publishIntro')}</p>
        {publish.error && !hasFieldErrors(errors) ? (
          <FormProblems
            formId="draft-publish-form"
            errors={{}}
            submitError={publish.error}
            onReload={() => void reload()}
          />
        ) : null}
        <ConfirmAction
          label={t('instruments.editor.publish', { number: draft.number })}
          question={t('instruments.editor.publishQuestion', { number: draft.number })}
          consequence={
            <>
              <p className="nl-paragraph">
                {t('instruments.editor.publishConsequence', { number: draft.number })}
              </p>
              {isDirty && (
                <p className="nl-paragraph">{t('instruments.editor.publishSavesFirst')}</p>
              )}
            </>
          }
          confirmLabel={t('instruments.editor.publishConfirm', { number: draft.number })}
          isNegative={false}
          isBusy={publish.isPending}
          onConfirm={() => {
            if (isBusy) return;
            const content = check();
            if (!content) return;
            publish.mutate(isDirty ? { content, revision, snapshot: state } : null);
          }}
        />
      </section>
      <section className="kl-section" aria-labelledby="draft-discard">
        <Heading level={2} id="draft-discard">
          {t('instruments.editor.discardTitle')}
        </Heading>
        {discard.error ? (
          <FormProblems
            formId="draft-discard-form"
            errors={{}}
            submitError={discard.error}
            onReload={() => void reload()}
          />
        ) : null}
        <ConfirmAction
          label={t('instruments.editor.discard')}
          question={t('instruments.editor.discardQuestion', { number: draft.number })}
          consequence={<p className="nl-paragraph">{t('instruments.editor.discardConsequence')}</p>}
          confirmLabel={t('instruments.editor.discardConfirm')}
          isBusy={discard.isPending}
          onConfirm={() => {
            if (!isBusy) discard.mutate();
          }}
        />
      </section>
    </>
  );
}
