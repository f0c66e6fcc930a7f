// Split a code: tick the fragments of this code that go to a new code beside it and give that
// code a name. The fragments are listed with their text, case, perspective and coder, so the
// choice is made on what was said. At most the first 200 fragments are offered at once.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { cx } from '../../ui/class-names';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorId } from '../../ui/FieldShell';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { TextField } from '../../ui/TextField';
import { codeSegmentsQuery, refreshCoding, splitCode } from './api';
import { nameMax } from './code-draft';
import { perspectiveText } from './labels';

export type SplitPanelProps = {
  programmeId: string;
  code: Code;
  onDone: (message: string, created?: Code) => void;
};

const pageSize = 200;
const formId = 'code-split';

export function SplitPanel({ programmeId, code, onDone }: SplitPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const legendId = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const segments = useQuery(codeSegmentsQuery(programmeId, code.id, { page: 1, pageSize }));
  const mutation = useMutation({
    mutationFn: (body: { name: string; segmentIds: string[] }) =>
      splitCode(programmeId, code.id, { ...body, version: code.version }),
    onSuccess: async (created, body) => {
      await refreshCoding(queryClient, programmeId);
      onDone(
        t('coding.split.done', {
          name: created.name,
          from: code.name,
          count: body.segmentIds.length,
        }),
        created,
      );
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void refreshCoding(queryClient, programmeId);
    },
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const items = segments.data?.items ?? [];
  const segmentError = errors.segmentIds;
  // In the summary, "choose fragments" links to the first checkbox.
  const summary: FieldErrors = {};
  if (errors.name) summary.name = errors.name;
  if (segmentError) summary[items[0] ? `segment-${items[0].id}` : 'segmentIds'] = segmentError;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    const trimmed = name.trim();
    if (!trimmed) found.name = t('coding.form.nameRequired');
    else if (trimmed.length > nameMax) found.name = t('coding.form.tooLong', { max: nameMax });
    if (chosen.size === 0) found.segmentIds = t('coding.split.chooseSegments');
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate({ name: trimmed, segmentIds: [...chosen] });
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-cd-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone('');
        }
      }}
    >
      <Heading level={3} id={headingId}>
        {t('coding.split.title', { name: code.name })}
      </Heading>
      <p className="nl-paragraph">{t('coding.split.intro', { name: code.name })}</p>
      <FormProblems
        formId={formId}
        errors={summary}
        order={['name', 'segment']}
        submitError={hasFieldErrors(errors) ? null : mutation.error}
      />
      <TextField
        ref={nameRef}
        id={fieldId(formId, 'name')}
        label={t('coding.split.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={nameMax + 20}
        autoComplete="off"
      />
      {segments.isPending ? (
        <LoadingState />
      ) : segments.isError ? (
        <ErrorAlert error={segments.error} onRetry={() => void segments.refetch()} />
      ) : items.length === 0 ? (
        <p className="nl-paragraph">{t('coding.split.noSegments', { name: code.name })}</p>
      ) : (
        <fieldset
          className={cx(
            'utrecht-form-fieldset kl-cd-fieldset',
            segmentError && 'utrecht-form-fieldset--invalid',
          )}
          aria-labelledby={legendId}
          aria-describedby={segmentError ? errorId(fieldId(formId, 'segmentIds')) : undefined}
        >
          <legend id={legendId} className="utrecht-form-fieldset__legend kl-cd-legend">
            {t('coding.split.segments', { count: chosen.size, total: segments.data.total })}
          </legend>
          {segmentError && (
            <p
              id={errorId(fieldId(formId, 'segmentIds'))}
              className="utrecht-form-field-error-message"
            >
              {segmentError}
            </p>
          )}
          {segments.data.total > items.length && (
            <p className="nl-paragraph kl-cd-note">
              {t('coding.split.firstOnly', { shown: items.length, total: segments.data.total })}
            </p>
          )}
          <div className="kl-form__actions">
            <Button purpose="subtle" onClick={() => setChosen(new Set(items.map((s) => s.id)))}>
              {t('coding.split.all')}
            </Button>
            <Button purpose="subtle" onClick={() => setChosen(new Set())}>
              {t('coding.split.none')}
            </Button>
          </div>
          <ul className="kl-cd-choices">
            {items.map((segment) => {
              const boxId = fieldId(formId, `segment-${segment.id}`);
              return (
                <li key={segment.id} className="kl-cd-choice">
                  <input
                    id={boxId}
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input kl-cd-choice__box"
                    checked={chosen.has(segment.id)}
                    onChange={(event) => toggle(segment.id, event.target.checked)}
                  />
                  <label htmlFor={boxId} className="kl-cd-choice__label">
                    <span className="kl-cd-choice__text">“{segment.text}”</span>
                    <span className="kl-cd-meta">
                      {[
                        segment.caseCode
                          ? t('coding.segments.case', { code: segment.caseCode })
                          : t('coding.segments.noCase'),
                        perspectiveText(segment.perspective, t),
                        t('coding.segments.coder', { name: segment.coderName }),
                      ].join(' · ')}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('coding.split.submit')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
