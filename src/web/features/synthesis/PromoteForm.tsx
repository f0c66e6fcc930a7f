// Promote a theme to a thread: a title (the theme's name to start with), a description and an
// optional note for the version history. The theme's codes become the thread's codes.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/contract/synthesis';
import { fieldId, serverFieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';

export function PromoteForm({
  theme,
  isBusy,
  error,
  onSubmit,
  onCancel,
}: {
  theme: Theme;
  isBusy: boolean;
  error: unknown;
  onSubmit: (body: { title: string; description: string; note: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId().replace(/:/g, '');
  const [title, setTitle] = useState(theme.name);
  const [description, setDescription] = useState(theme.description);
  const [missing, setMissing] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const errors = missing ? { title: t('synthesis.thread.titleMissing') } : serverFieldErrors(error);
  return (
    <form
      noValidate
      className="kl-form kl-sy-panel"
      aria-labelledby={`${formId}-label`}
      onSubmit={(event) => {
        event.preventDefault();
        if (isBusy) return;
        if (!title.trim()) return setMissing(true);
        setMissing(false);
        onSubmit({ title: title.trim(), description: description.trim(), note: '' });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${formId}-label`} className="kl-sy-panel__title">
        {t('synthesis.promote.title', { name: theme.name })}
      </p>
      <p className="kl-sy-meta">{t('synthesis.promote.intro', { count: theme.codeIds.length })}</p>
      <FormProblems formId={formId} errors={errors} order={['title']} submitError={error} />
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
        rows={3}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={isBusy}>
          {t('synthesis.promote.submit')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
