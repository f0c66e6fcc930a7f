// The form for a new code (at the top or beneath a chosen code) or for changing one (its parent
// too: that moves it, with its sub-codes). What is wrong is said above the form and at each
// field (a sibling with the same name, a move beneath itself); a save based on a stale version
// shows both versions to choose from. Escape cancels. The name field has focus when it opens.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { useCheckedSubmit } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import {
  codeConflictOf,
  createCode,
  refreshCoding,
  updateCode,
  type CodeInput,
  type CodeUpdate,
} from './api';
import {
  checkCodeDraft,
  codeFieldOrder,
  draftFromCode,
  emptyDraft,
  inputFromDraft,
  nextColor,
  type CodeDraft,
} from './code-draft';
import { placesFor } from './code-tree';
import { CodeConflictView } from './CodeConflictView';
import { CodeFields } from './CodeFields';

export type CodeEditorProps = {
  programmeId: string;
  codes: readonly Code[];
  /** The code to change; without it, a new code. */
  code?: Code;
  /** Where a new code goes (null: at the top). */
  parentId?: string | null;
  /** Saved (with the code) or cancelled (message ''). */
  onDone: (message: string, code?: Code) => void;
};

type Body = CodeInput | CodeUpdate;

export function CodeEditor({ programmeId, codes, code, parentId = null, onDone }: CodeEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const formId = code ? `code-edit-${code.id}` : 'code-new';
  const [draft, setDraft] = useState<CodeDraft>(() =>
    code
      ? draftFromCode(code)
      : emptyDraft(parentId, parentColor(codes, parentId) ?? nextColor(codes)),
  );
  // The version this form started from; a conflict's save sends the current one instead.
  const [version] = useState(code?.version ?? 0);
  const nameRef = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: (body: Body) =>
      code
        ? updateCode(programmeId, code.id, body as CodeUpdate)
        : createCode(programmeId, body as CodeInput),
    onSuccess: async (saved) => {
      await refreshCoding(queryClient, programmeId);
      onDone(
        code
          ? saved.parentId !== code.parentId
            ? t('coding.editor.moved', { name: saved.name })
            : t('coding.editor.saved', { name: saved.name })
          : t('coding.editor.created', { name: saved.name }),
        saved,
      );
    },
    onError: (error) => {
      if (codeConflictOf(error)) void refreshCoding(queryClient, programmeId);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkCodeDraft(draft, t),
    () => {
      const input = inputFromDraft(draft);
      return code ? { ...input, version } : input;
    },
  );

  useEffect(() => {
    nameRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const parentOptions = placesFor(codes, code?.id ?? null).map((node) => ({
    value: node.code.id,
    label: `${'\u2003'.repeat(node.depth)}${node.code.name}`,
  }));

  const conflict = codeConflictOf(mutation.error);
  if (conflict && code) {
    return (
      <CodeConflictView
        conflict={conflict}
        codes={codes}
        isBusy={mutation.isPending}
        onSave={(body) => mutation.mutate(body)}
        onKeepCurrent={() => {
          mutation.reset();
          onDone(t('coding.conflict.keptCurrent', { name: conflict.current.name }));
        }}
      />
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone('');
    }
  };

  const parentName = parentId ? codes.find((c) => c.id === parentId)?.name : undefined;
  const heading = code
    ? t('coding.editor.editTitle', { name: code.name })
    : parentName
      ? t('coding.editor.newSubTitle', { name: parentName })
      : t('coding.editor.newTitle');

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      className="kl-form kl-cd-panel"
      aria-labelledby={headingId}
    >
      <Heading level={3} id={headingId}>
        {heading}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={codeFieldOrder}
        submitError={mutation.error}
      />
      <div ref={nameRef} className="kl-form">
        <CodeFields
          formId={formId}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          parentOptions={parentOptions}
          isEdit={Boolean(code)}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('common.saving')
            : code
              ? t('coding.editor.save')
              : t('coding.editor.create')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A sub-code starts in its parent's colour. */
function parentColor(codes: readonly Code[], parentId: string | null): string | undefined {
  return parentId ? codes.find((c) => c.id === parentId)?.color : undefined;
}
