// Merge a code into another: choose the code it goes into (never itself or one of its own
// sub-codes), read the consequence — its fragments go there, it is archived, its sub-codes move
// along — and confirm. The answer says how many fragments moved and how many doubles fell away.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { isApiError } from '../../app/api';
import { fieldId, serverFieldErrors } from '../../app/form-errors';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/SelectField';
import { mergeCode, refreshCoding, storeCodebook } from './api';
import { placesFor } from './code-tree';

export type MergePanelProps = {
  programmeId: string;
  code: Code;
  codes: readonly Code[];
  onDone: (message: string, into?: Code) => void;
};

export function MergePanel({ programmeId, code, codes, onDone }: MergePanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const formId = 'code-merge';
  const [target, setTarget] = useState('');
  const into = codes.find((c) => c.id === target);
  const subcodes = codes.filter((c) => c.parentId === code.id && !c.archived).length;
  const mutation = useMutation({
    mutationFn: (intoCodeId: string) =>
      mergeCode(programmeId, code.id, { intoCodeId, version: code.version }),
    onSuccess: (result, intoCodeId) => {
      storeCodebook(queryClient, result);
      const merged = result.codes.find((c) => c.id === intoCodeId);
      onDone(
        t('coding.merge.done', {
          name: code.name,
          into: merged?.name ?? into?.name ?? '',
          moved: result.moved,
          count: result.moved,
        }) + (result.dropped > 0 ? ` ${t('coding.merge.dropped', { count: result.dropped })}` : ''),
        merged,
      );
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void refreshCoding(queryClient, programmeId);
    },
  });
  const fieldError = serverFieldErrors(mutation.error).intoCodeId;
  const options = placesFor(codes, code.id).map((node) => ({
    value: node.code.id,
    label: `${'\u2003'.repeat(node.depth)}${node.code.name}`,
  }));

  return (
    <section className="kl-form kl-cd-panel" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('coding.merge.title', { name: code.name })}
      </Heading>
      <p className="nl-paragraph">{t('coding.merge.intro')}</p>
      {options.length === 0 ? (
        <p className="nl-paragraph">{t('coding.merge.noTargets')}</p>
      ) : (
        <SelectField
          id={fieldId(formId, 'intoCodeId')}
          label={t('coding.merge.into')}
          placeholder={t('coding.merge.choose')}
          options={options}
          value={target}
          onChange={(value) => {
            setTarget(value);
            mutation.reset();
          }}
          error={fieldError}
        />
      )}
      {mutation.error && !fieldError ? <ErrorAlert error={mutation.error} /> : null}
      <div className="kl-form__actions">
        {options.length > 0 && (
          <ConfirmAction
            label={t('coding.merge.submit')}
            question={
              into
                ? t('coding.merge.question', { name: code.name, into: into.name })
                : t('coding.merge.questionNoTarget', { name: code.name })
            }
            consequence={
              into ? (
                <>
                  <p className="nl-paragraph">
                    {t('coding.merge.consequence', { name: code.name, into: into.name })}
                  </p>
                  {subcodes > 0 && (
                    <p className="nl-paragraph">
                      {t('coding.merge.subcodes', {
                        count: subcodes,
                        name: code.name,
                        into: into.name,
                      })}
                    </p>
                  )}
                </>
              ) : (
                <p className="nl-paragraph">{t('coding.merge.chooseFirst')}</p>
              )
            }
            canConfirm={Boolean(into)}
            confirmLabel={t('coding.merge.confirm', { into: into?.name ?? '' })}
            onConfirm={() => {
              if (into && !mutation.isPending) mutation.mutate(into.id);
            }}
            isBusy={mutation.isPending}
          />
        )}
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('coding.merge.close')}
        </Button>
      </div>
    </section>
  );
}
