// A new theme, or a theme's name and description changed. A name already on the board is said
// at the field; a save based on a stale version shows both versions to choose from. Escape
// cancels; the name field has focus when the form opens.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Board, Theme } from '../../../shared/contract/synthesis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { isApiError } from '../../app/api';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { differing, VersionConflict } from '../../ui/VersionConflict';
import { createTheme, synthesisKeys, updateTheme } from './api';

type Body = { name: string; description: string; version?: number };

export function ThemeForm({
  programmeId,
  theme,
  onDone,
}: {
  programmeId: string;
  theme?: Theme;
  /** Saved (with what to announce) or cancelled (''). */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId().replace(/:/g, '');
  const labelId = `${formId}-label`;
  const [name, setName] = useState(theme?.name ?? '');
  const [description, setDescription] = useState(theme?.description ?? '');
  const nameRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: (body: Body) =>
      theme
        ? updateTheme(programmeId, theme.id, { ...body, version: body.version ?? theme.version })
        : createTheme(programmeId, body),
    onSuccess: (board: Board, body) => {
      queryClient.setQueryData(synthesisKeys.board(programmeId), board);
      onDone(
        theme
          ? t('synthesis.theme.saved', { name: body.name })
          : t('synthesis.theme.created', { name: body.name }),
      );
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    (): FieldErrors => (name.trim() ? {} : { name: t('synthesis.theme.nameMissing') }),
    () => ({ name: name.trim(), description: description.trim() }),
  );
  useEffect(() => nameRef.current?.focus(), []);

  const conflict =
    isApiError(mutation.error) && mutation.error.code === 'CONFLICT'
      ? (mutation.error.details.current as { name: string; description: string; version: number })
      : null;
  if (conflict && theme)
    return (
      <VersionConflict
        texts="synthesis.conflict"
        isBusy={mutation.isPending}
        fields={differing([
          { key: 'name', label: t('synthesis.theme.name'), yours: name, current: conflict.name },
          {
            key: 'description',
            label: t('synthesis.theme.description'),
            yours: description,
            current: conflict.description,
          },
        ])}
        onSave={(picks) =>
          mutation.mutate({
            name: picks.name === 'current' ? conflict.name : name,
            description: picks.description === 'current' ? conflict.description : description,
            version: conflict.version,
          })
        }
        onKeepCurrent={() => {
          mutation.reset();
          void queryClient.invalidateQueries({ queryKey: synthesisKeys.board(programmeId) });
          onDone(t('synthesis.conflict.keptCurrent'));
        }}
      />
    );

  return (
    <form
      noValidate
      className="kl-form kl-sy-panel"
      aria-labelledby={labelId}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone('');
        }
      }}
    >
      <p id={labelId} className="kl-sy-panel__title">
        {theme
          ? t('synthesis.theme.editTitle', { name: theme.name })
          : t('synthesis.theme.newTitle')}
      </p>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['name', 'description']}
        submitError={mutation.error}
      />
      <TextField
        id={fieldId(formId, 'name')}
        ref={nameRef}
        label={t('synthesis.theme.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={120}
      />
      <TextareaField
        id={fieldId(formId, 'description')}
        label={t('synthesis.theme.description')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        isOptional
        rows={2}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {theme ? t('common.saveChanges') : t('synthesis.theme.create')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
