// The reactions on one item, per perspective side by side (the youth, a parent, a professional,
// the dossier), so differences between accounts stay visible instead of being averaged away;
// and a form to add one. A participant always speaks for themselves: the server records their
// own perspective, so they are not asked for one.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { perspectives, type Perspective } from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { formatDateTime } from '../../ui/format';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { addComment, type CommentInput } from './api';
import { perspectiveText } from './labels';

export type ItemCommentsProps = {
  caseId: string;
  item: TimelineItem;
  canComment: boolean;
  /** Whether the writer chooses a perspective (staff) or speaks for themselves (participant). */
  choosesPerspective: boolean;
  participantOptions: SelectOption[];
  onAdded: (message: string) => void;
};

const isPerspective = (value: string): value is Perspective =>
  (perspectives as readonly string[]).includes(value);

export function ItemComments({
  caseId,
  item,
  canComment,
  choosesPerspective,
  participantOptions,
  onAdded,
}: ItemCommentsProps) {
  const { t, i18n } = useTranslation();
  const formId = `comment-${item.id}`;
  const [perspective, setPerspective] = useState<Perspective>('youth');
  const [participantId, setParticipantId] = useState('');
  const [text, setText] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const mutation = useMutation({
    mutationFn: (body: CommentInput) => addComment(caseId, item.id, body),
    onSuccess: () => {
      setText('');
      const message = t('timeline.comments.added');
      setStatus(message);
      onAdded(message);
    },
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);
  const shown = perspectives.filter((p) => item.comments.some((c) => c.perspective === p));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!text.trim()) found.text = t('timeline.validation.commentText');
    else if (text.trim().length > 2000) found.text = t('timeline.validation.commentTooLong');
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate({ perspective, participantId: participantId || null, text: text.trim() });
  };

  return (
    <section className="kl-tl-editor__section" aria-labelledby={`${formId}-heading`}>
      <Heading level={3} id={`${formId}-heading`}>
        {t('timeline.comments.title')}
      </Heading>
      <div role="status" className="kl-status-line">
        {status}
      </div>
      {shown.length === 0 ? (
        <p className="nl-paragraph kl-tl-muted">{t('timeline.comments.empty')}</p>
      ) : (
        <div className="kl-tl-perspectives">
          {shown.map((p) => (
            <section key={p} className="kl-tl-perspective" aria-label={perspectiveText(p, t)}>
              <p className="kl-tl-perspective__name">{perspectiveText(p, t)}</p>
              <ul className="kl-tl-perspective__list">
                {item.comments
                  .filter((c) => c.perspective === p)
                  .map((comment) => (
                    <li key={comment.id}>
                      <p className="kl-tl-comment__text">{comment.text}</p>
                      <p className="kl-tl-comment__meta">
                        {[
                          comment.participantLabel,
                          comment.authorName,
                          formatDateTime(comment.createdAt, i18n.language),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {canComment && (
        <form noValidate onSubmit={submit} className="kl-form" aria-labelledby={`${formId}-add`}>
          <Heading level={4} id={`${formId}-add`}>
            {t('timeline.comments.add')}
          </Heading>
          <FormProblems
            formId={formId}
            errors={errors}
            order={['perspective', 'participantId', 'text']}
            submitError={mutation.error}
          />
          {choosesPerspective && (
            <div className="kl-form__row">
              <SelectField
                id={fieldId(formId, 'perspective')}
                label={t('timeline.comments.perspective')}
                value={perspective}
                options={perspectives.map((p) => ({ value: p, label: perspectiveText(p, t) }))}
                onChange={(value) => {
                  if (isPerspective(value)) setPerspective(value);
                }}
                error={errors.perspective}
              />
              <SelectField
                id={fieldId(formId, 'participantId')}
                label={t('timeline.comments.participant')}
                placeholder={t('timeline.editor.participantNone')}
                value={participantId}
                options={participantOptions}
                onChange={setParticipantId}
                error={errors.participantId}
                isOptional
              />
            </div>
          )}
          <TextareaField
            id={fieldId(formId, 'text')}
            label={t('timeline.comments.text')}
            description={t('timeline.comments.textHint')}
            rows={3}
            value={text}
            onChange={setText}
            error={errors.text}
          />
          <div className="kl-form__actions">
            <Button type="submit" purpose="secondary" busy={mutation.isPending}>
              {t('timeline.comments.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
