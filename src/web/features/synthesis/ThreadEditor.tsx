// A thread made directly, or a thread's title, description and linked codes changed, with an
// optional note that goes into the version history. Codes are chosen from the programme's
// codebook (codes in use; a linked code that was archived since stays listed and can be taken
// off). What is wrong is said above the form and at each field; a stale save shows both versions.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BoardCode, Thread } from '../../../shared/contract/synthesis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { differing, VersionConflict } from '../../ui/VersionConflict';
import {
  createThread,
  refreshSynthesis,
  threadConflictOf,
  updateThread,
  type ThreadInput,
} from './api';

export type CodeChoice = {
  id: string;
  name: string;
  path: string;
  color: string;
  archived: boolean;
};

export function codeChoices(codes: readonly BoardCode[], thread?: Thread): CodeChoice[] {
  const choices = new Map<string, CodeChoice>(
    codes.map((c) => [
      c.id,
      { id: c.id, name: c.name, path: c.path, color: c.color, archived: false },
    ]),
  );
  for (const c of thread?.codes ?? []) if (!choices.has(c.id)) choices.set(c.id, c);
  return [...choices.values()].sort((a, b) => a.path.localeCompare(b.path, 'nl'));
}

type Body = ThreadInput & { version?: number };

export function ThreadEditor({
  programmeId,
  codes,
  thread,
  onDone,
}: {
  programmeId: string;
  codes: readonly BoardCode[];
  /** The thread to change; without it, a new thread. */
  thread?: Thread;
  /** Saved (the thread) or cancelled (undefined). */
  onDone: (saved?: Thread) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId().replace(/:/g, '');
  const [title, setTitle] = useState(thread?.title ?? '');
  const [description, setDescription] = useState(thread?.description ?? '');
  const [chosen, setChosen] = useState<string[]>(thread?.codes.map((c) => c.id) ?? []);
  const [note, setNote] = useState('');
  const [filter, setFilter] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  const choices = useMemo(() => codeChoices(codes, thread), [codes, thread]);
  const shown = choices.filter(
    (c) => chosen.includes(c.id) || c.path.toLowerCase().includes(filter.trim().toLowerCase()),
  );

  const mutation = useMutation({
    mutationFn: (body: Body) =>
      thread
        ? updateThread(programmeId, thread.id, {
            title: body.title,
            description: body.description ?? '',
            codeIds: body.codeIds ?? [],
            note: body.note ?? '',
            version: body.version ?? thread.version,
          })
        : createThread(programmeId, body),
    onSuccess: async (saved) => {
      await refreshSynthesis(queryClient, programmeId);
      onDone(saved);
    },
    onError: (error) => {
      if (threadConflictOf(error)) void refreshSynthesis(queryClient, programmeId);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    (): FieldErrors => ({
      ...(title.trim() ? {} : { title: t('synthesis.thread.titleMissing') }),
      ...(chosen.length > 0 ? {} : { codeIds: t('synthesis.thread.codesMissing') }),
    }),
    () => ({
      title: title.trim(),
      description: description.trim(),
      codeIds: chosen,
      note: note.trim(),
    }),
  );
  useEffect(() => titleRef.current?.focus(), []);

  const conflict = threadConflictOf(mutation.error);
  if (conflict && thread)
    return (
      <VersionConflict
        texts="synthesis.conflict"
        isBusy={mutation.isPending}
        fields={differing([
          {
            key: 'title',
            label: t('synthesis.thread.title'),
            yours: title,
            current: conflict.current.title,
          },
          {
            key: 'description',
            label: t('synthesis.thread.description'),
            yours: description,
            current: conflict.current.description,
          },
        ])}
        onSave={(picks) =>
          mutation.mutate({
            title: picks.title === 'current' ? conflict.current.title : title,
            description:
              picks.description === 'current' ? conflict.current.description : description,
            codeIds: chosen,
            note,
            version: conflict.current.version,
          })
        }
        onKeepCurrent={() => {
          mutation.reset();
          onDone();
        }}
      />
    );

  const codesId = fieldId(formId, 'codeIds');
  // A field error on one code (codeIds.2) is shown at the list.
  const codesError =
    errors.codeIds ?? Object.entries(errors).find(([path]) => path.startsWith('codeIds.'))?.[1];

  return (
    <form
      noValidate
      className="kl-form kl-sy-panel"
      aria-labelledby={`${formId}-label`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <p id={`${formId}-label`} className="kl-sy-panel__title">
        {thread
          ? t('synthesis.thread.editTitle', { number: thread.number })
          : t('synthesis.thread.newTitle')}
      </p>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['title', 'description', 'codeIds', 'note']}
        submitError={mutation.error}
      />
      <TextField
        id={fieldId(formId, 'title')}
        ref={titleRef}
        label={t('synthesis.thread.title')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        maxLength={200}
      />
      <TextareaField
        id={fieldId(formId, 'description')}
        label={t('synthesis.thread.description')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        isOptional
        rows={4}
      />
      <fieldset
        className={`utrecht-form-fieldset kl-sy-codes${codesError ? ' kl-sy-codes--invalid' : ''}`}
        aria-describedby={codesError ? `${codesId}-error` : undefined}
      >
        <legend className="utrecht-form-fieldset__legend">
          {t('synthesis.thread.codes')}{' '}
          <span className="kl-sy-meta">
            {t('synthesis.thread.codesChosen', { count: chosen.length })}
          </span>
        </legend>
        {codesError && (
          <p id={`${codesId}-error`} className="utrecht-form-field-error-message">
            {codesError}
          </p>
        )}
        {choices.length > 8 && (
          <TextField
            id={fieldId(formId, 'codeFilter')}
            label={t('synthesis.thread.codeFilter')}
            value={filter}
            onChange={setFilter}
            isOptional
          />
        )}
        <ul id={codesId} tabIndex={-1} className="kl-sy-codes__list">
          {shown.map((code) => {
            const id = `${formId}-code-${code.id}`;
            return (
              <li key={code.id} className="kl-sy-codes__item">
                <input
                  id={id}
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={chosen.includes(code.id)}
                  onChange={(event) =>
                    setChosen((ids) =>
                      event.target.checked ? [...ids, code.id] : ids.filter((x) => x !== code.id),
                    )
                  }
                />
                <label htmlFor={id}>
                  <span
                    className="kl-sy-swatch"
                    style={{ backgroundColor: code.color }}
                    aria-hidden="true"
                  />
                  {code.path}
                  {code.archived && ` (${t('synthesis.thread.codeArchived')})`}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <TextField
        id={fieldId(formId, 'note')}
        label={t('synthesis.thread.note')}
        description={t('synthesis.thread.noteHint')}
        value={note}
        onChange={setNote}
        error={errors.note}
        isOptional
        maxLength={500}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {thread ? t('common.saveChanges') : t('synthesis.thread.create')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
