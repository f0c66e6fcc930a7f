// Memos on one thing (a coded fragment, the text, the case): each with its title, text, author
// and date; the author may change (a stale save shows both versions) or remove their own memo.
// "Memo schrijven" opens a short form. After every change the server's list for the target is
// handed to the page, which keeps it (or reads the text again when its memos come with it).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Memo, MemoTarget } from '../../../shared/contract/coding';
import { fieldId, serverFieldErrors, type FieldErrors } from '../../app/form-errors';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { formatDay } from '../../ui/format';
import { createMemo, deleteMemo, memoConflictOf, updateMemo, type MemoDraft } from './api';
import { differing, VersionConflict, type Side } from '../../ui/VersionConflict';

export type MemoListProps = {
  title: string;
  level: 2 | 3;
  targetType: MemoTarget;
  targetId: string;
  items: Memo[];
  canWrite: boolean;
  isLoading?: boolean;
  loadError?: unknown;
  onChanged: (items: Memo[]) => void;
};

export function MemoList({
  title,
  level,
  targetType,
  targetId,
  items,
  canWrite,
  isLoading,
  loadError,
  onChanged,
}: MemoListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [isAdding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);

  useEffect(() => {
    if (!isAdding && wasAdding.current) addRef.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  return (
    <section className="kl-iv-memos" aria-labelledby={`${id}-heading`}>
      <Heading level={level} id={`${id}-heading`} className="kl-iv-memos__title">
        {t('interviews.memos.count', { title, count: items.length })}
      </Heading>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {loadError ? (
        <ErrorAlert error={loadError} />
      ) : isLoading ? (
        <p className="kl-iv-meta">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="kl-iv-meta">{t('interviews.memos.none')}</p>
      ) : (
        <ul className="kl-iv-memo-list">
          {items.map((memo) => (
            <MemoItem
              key={memo.id}
              memo={memo}
              canWrite={canWrite}
              onChanged={(list, text) => {
                setMessage(text);
                onChanged(list);
              }}
            />
          ))}
        </ul>
      )}
      {canWrite &&
        (isAdding ? (
          <MemoForm
            formId={`${id}-new`}
            heading={t('interviews.memos.newTitle', { title })}
            initial={{ title: '', body: '' }}
            save={(draft) => createMemo(targetType, targetId, draft)}
            onSaved={(list) => {
              setMessage(t('interviews.memos.added'));
              setAdding(false);
              onChanged(list);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button
            ref={addRef}
            purpose="secondary"
            aria-expanded={false}
            onClick={() => {
              setMessage('');
              setAdding(true);
            }}
          >
            {t('interviews.memos.add')}
            <span className="kl-visually-hidden"> ({title})</span>
          </Button>
        ))}
    </section>
  );
}

function MemoItem({
  memo,
  canWrite,
  onChanged,
}: {
  memo: Memo;
  canWrite: boolean;
  onChanged: (items: Memo[], message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const removal = useMutation({
    mutationFn: () => deleteMemo(memo.id),
    onSuccess: ({ items }) => onChanged(items, t('interviews.memos.removed')),
  });

  useEffect(() => {
    if (!isEditing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const name = memo.title || t('interviews.memos.untitled');
  if (isEditing)
    return (
      <li className="kl-iv-memo">
        <MemoForm
          formId={`memo-${memo.id}`}
          heading={t('interviews.memos.editTitle', { title: name })}
          initial={{ title: memo.title, body: memo.body }}
          version={memo.version}
          save={(draft, version) =>
            updateMemo(memo.id, { ...draft, version: version ?? memo.version })
          }
          onSaved={(list) => {
            setEditing(false);
            onChanged(list, t('interviews.memos.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="kl-iv-memo">
      <p className="kl-iv-memo__title">{name}</p>
      <p className="kl-iv-memo__body">{memo.body}</p>
      <p className="kl-iv-meta">
        {t('interviews.memos.by', {
          name: memo.authorName,
          day: formatDay(memo.updatedAt, i18n.language),
        })}
      </p>
      {canWrite && memo.mine && (
        <div className="kl-iv-memo__actions">
          <Button ref={editRef} purpose="subtle" onClick={() => setEditing(true)}>
            {t('interviews.memos.edit')}
            <span className="kl-visually-hidden"> ({name})</span>
          </Button>
          <ConfirmAction
            label={
              <>
                {t('interviews.memos.remove')}
                <span className="kl-visually-hidden"> ({name})</span>
              </>
            }
            question={t('interviews.memos.removeQuestion', { title: name })}
            consequence={<p className="nl-paragraph">{t('interviews.memos.removeConsequence')}</p>}
            confirmLabel={t('interviews.memos.removeConfirm')}
            isBusy={removal.isPending}
            onConfirm={() => removal.mutate()}
          />
        </div>
      )}
      {removal.isError && <ErrorAlert error={removal.error} />}
    </li>
  );
}

type Save = { draft: MemoDraft; version?: number | undefined };

function MemoForm({
  formId,
  heading,
  initial,
  version,
  save,
  onSaved,
  onCancel,
}: {
  formId: string;
  heading: string;
  initial: MemoDraft;
  version?: number;
  save: (draft: MemoDraft, version?: number) => Promise<{ items: Memo[] }>;
  onSaved: (items: Memo[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MemoDraft>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const bodyRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: ({ draft: sent, version: base }: Save) => save(sent, base),
    onSuccess: ({ items }) => onSaved(items),
  });
  const errors =
    Object.keys(clientErrors).length > 0 ? clientErrors : serverFieldErrors(mutation.error);

  useEffect(() => {
    bodyRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!draft.body.trim()) found.body = t('interviews.memos.bodyMissing');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return mutation.reset();
    mutation.mutate({ draft: { title: draft.title.trim(), body: draft.body.trim() }, version });
  };

  const current = memoConflictOf(mutation.error);
  if (current) {
    const fields = differing([
      {
        key: 'title',
        label: t('interviews.memos.titleField'),
        yours: draft.title,
        current: current.title,
      },
      { key: 'body', label: t('interviews.memos.body'), yours: draft.body, current: current.body },
    ]);
    return (
      <VersionConflict
        texts="interviews.conflict"
        fields={fields}
        headingLevel={4}
        isBusy={mutation.isPending}
        onSave={(picks: Record<string, Side>) =>
          mutation.mutate({
            draft: {
              title: picks.title === 'current' ? current.title : draft.title.trim(),
              body: picks.body === 'current' ? current.body : draft.body.trim(),
            },
            version: current.version,
          })
        }
        onKeepCurrent={() => {
          mutation.reset();
          onCancel();
        }}
      />
    );
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-iv-form kl-iv-memo-form"
      aria-label={heading}
    >
      <Heading level={4} className="kl-iv-memos__title">
        {heading}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['title', 'body']}
        submitError={mutation.error}
      />
      <div ref={bodyRef} className="kl-form">
        <TextField
          id={fieldId(formId, 'title')}
          label={t('interviews.memos.titleField')}
          isOptional
          value={draft.title}
          onChange={(title) => setDraft((d) => ({ ...d, title }))}
          error={errors.title}
        />
        <TextareaField
          id={fieldId(formId, 'body')}
          label={t('interviews.memos.body')}
          rows={4}
          value={draft.body}
          onChange={(body) => setDraft((d) => ({ ...d, body }))}
          error={errors.body}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('interviews.memos.save')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
