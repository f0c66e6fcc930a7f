// What a researcher does with an active thread besides editing it: supersede it (by a reworded
// new thread, by a new thread that merges it with another, or by an existing thread) or withdraw
// it with a reason. Neither deletes anything: the thread stays readable with its history.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Thread } from '../../../shared/contract/synthesis';
import { fieldId, serverFieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { RadioGroup } from '../../ui/RadioGroup';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  refreshSynthesis,
  supersedeThread,
  threadListQuery,
  threadQuery,
  withdrawThread,
  type SupersedeInput,
} from './api';

type Way = 'reword' | 'merge' | 'existing';

export function ThreadActions({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'supersede' | 'withdraw' | null>(null);
  const toggles = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(null);
    toggles.current?.querySelector<HTMLButtonElement>('button')?.focus();
  };
  return (
    <div className="kl-sy-actions">
      <div ref={toggles} className="kl-form__actions">
        <Button
          purpose="secondary"
          aria-expanded={open === 'supersede'}
          onClick={() => setOpen(open === 'supersede' ? null : 'supersede')}
        >
          {t('synthesis.supersede.open')}
        </Button>
        <Button
          purpose="secondary"
          hint="negative"
          aria-expanded={open === 'withdraw'}
          onClick={() => setOpen(open === 'withdraw' ? null : 'withdraw')}
        >
          {t('synthesis.withdraw.open')}
        </Button>
      </div>
      {open === 'supersede' && <SupersedeForm thread={thread} onCancel={close} />}
      {open === 'withdraw' && <WithdrawForm thread={thread} onCancel={close} />}
    </div>
  );
}

function SupersedeForm({ thread, onCancel }: { thread: Thread; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const formId = useId().replace(/:/g, '');
  const [way, setWay] = useState<Way>('reword');
  const [other, setOther] = useState('');
  const [title, setTitle] = useState(thread.title);
  const [description, setDescription] = useState(thread.description);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const wayRef = useRef<HTMLInputElement>(null);
  useEffect(() => wayRef.current?.focus(), []);
  const list = useQuery(threadListQuery(thread.programmeId, 'active'));
  const others = (list.data?.items ?? []).filter((x) => x.id !== thread.id);
  const otherThread = useQuery({
    ...threadQuery(thread.programmeId, other),
    enabled: way === 'merge' && other !== '',
  });

  const mutation = useMutation({
    mutationFn: (body: SupersedeInput) => supersedeThread(thread.programmeId, thread.id, body),
    onSuccess: async (successor) => {
      await refreshSynthesis(queryClient, thread.programmeId);
      void navigate(`/programmes/${thread.programmeId}/synthese/draden/${successor.id}`, {
        state: {
          flash: t('synthesis.supersede.done', { old: thread.number, number: successor.number }),
        },
      });
    },
  });
  const errors = Object.keys(missing).length > 0 ? missing : serverFieldErrors(mutation.error);

  const submit = () => {
    const problems: Record<string, string> = {};
    if (way !== 'reword' && !other)
      problems[way === 'existing' ? 'byThreadId' : 'mergeWith'] = t(
        'synthesis.supersede.otherMissing',
      );
    if (way !== 'existing' && !title.trim())
      problems['replacement.title'] = t('synthesis.thread.titleMissing');
    setMissing(problems);
    if (Object.keys(problems).length > 0 || mutation.isPending) return;
    const codeIds = [
      ...new Set([
        ...thread.codes.map((c) => c.id),
        ...(way === 'merge' ? (otherThread.data?.codes.map((c) => c.id) ?? []) : []),
      ]),
    ];
    const chosen = others.find((x) => x.id === other);
    mutation.mutate(
      way === 'existing'
        ? { version: thread.version, note: note.trim(), byThreadId: other }
        : {
            version: thread.version,
            note: note.trim(),
            replacement: { title: title.trim(), description: description.trim(), codeIds },
            mergeWith:
              way === 'merge' && chosen ? [{ threadId: chosen.id, version: chosen.version }] : [],
          },
    );
  };

  const otherOptions = others.map((x) => ({
    value: x.id,
    label: `${t('synthesis.thread.numbered', { number: x.number })}: ${x.title}`,
  }));

  return (
    <form
      noValidate
      className="kl-form kl-sy-panel"
      aria-labelledby={`${formId}-label`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${formId}-label`} className="kl-sy-panel__title">
        {t('synthesis.supersede.title', { number: thread.number })}
      </p>
      <p className="kl-sy-meta">{t('synthesis.supersede.intro')}</p>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['byThreadId', 'mergeWith', 'replacement', 'note']}
        submitError={mutation.error}
      />
      <RadioGroup<Way>
        id={fieldId(formId, 'way')}
        legend={t('synthesis.supersede.how')}
        value={way}
        firstRef={wayRef}
        onChange={(value) => {
          setWay(value);
          setOther('');
          setMissing({});
        }}
        choices={(['reword', 'merge', 'existing'] as const).map((value) => ({
          value,
          label: t(`synthesis.supersede.way.${value}`),
        }))}
      />
      {way !== 'reword' && (
        <SelectField
          id={fieldId(formId, way === 'existing' ? 'byThreadId' : 'mergeWith')}
          label={
            way === 'existing'
              ? t('synthesis.supersede.byThread')
              : t('synthesis.supersede.mergeWith')
          }
          value={other}
          options={otherOptions}
          placeholder={t('synthesis.supersede.choose')}
          onChange={setOther}
          error={
            errors[way === 'existing' ? 'byThreadId' : 'mergeWith'] ??
            errors['mergeWith.0.threadId']
          }
          description={otherOptions.length === 0 ? t('synthesis.supersede.noOthers') : undefined}
        />
      )}
      {way !== 'existing' && (
        <>
          <TextField
            id={fieldId(formId, 'replacement.title')}
            label={t('synthesis.supersede.newTitle')}
            value={title}
            onChange={setTitle}
            error={errors['replacement.title']}
            maxLength={200}
          />
          <TextareaField
            id={fieldId(formId, 'replacement.description')}
            label={t('synthesis.thread.description')}
            value={description}
            onChange={setDescription}
            isOptional
            rows={3}
          />
          <p className="kl-sy-meta">
            {way === 'merge'
              ? t('synthesis.supersede.codesMerged')
              : t('synthesis.supersede.codesKept', { count: thread.codes.length })}
          </p>
        </>
      )}
      <TextField
        id={fieldId(formId, 'note')}
        label={t('synthesis.thread.note')}
        description={t('synthesis.thread.noteHint')}
        value={note}
        onChange={setNote}
        isOptional
        maxLength={500}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('synthesis.supersede.submit')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function WithdrawForm({ thread, onCancel }: { thread: Thread; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId().replace(/:/g, '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('textarea')?.focus(), []);
  const mutation = useMutation({
    mutationFn: () =>
      withdrawThread(thread.programmeId, thread.id, {
        version: thread.version,
        reason: reason.trim(),
      }),
    onSuccess: () => refreshSynthesis(queryClient, thread.programmeId),
  });
  const errors = missing
    ? { reason: t('synthesis.withdraw.reasonMissing') }
    : serverFieldErrors(mutation.error);
  return (
    <form
      noValidate
      className="kl-form kl-sy-panel"
      aria-labelledby={`${formId}-label`}
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        setMissing(!reason.trim());
        if (reason.trim()) mutation.mutate();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${formId}-label`} className="kl-sy-panel__title">
        {t('synthesis.withdraw.title', { number: thread.number })}
      </p>
      <p className="kl-sy-meta">{t('synthesis.withdraw.intro')}</p>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['reason']}
        submitError={mutation.error}
      />
      <div ref={ref}>
        <TextareaField
          id={fieldId(formId, 'reason')}
          label={t('synthesis.withdraw.reason')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          rows={3}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" hint="negative" busy={mutation.isPending}>
          {t('synthesis.withdraw.submit')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
