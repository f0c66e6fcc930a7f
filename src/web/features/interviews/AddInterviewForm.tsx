// "Interview toevoegen": with whom (only participants whose interview consent is complete are
// offered; without any, the form says why and points to the case's consent), when, how and by
// whom, and the transcript pasted, as a file, or later. A file is sent after the interview is
// made; when the server cannot read it (a PDF, a photo) the interview stays, and its card says
// why and offers to try another file.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Interview, InterviewList } from '../../../shared/contract/coding';
import { isApiError } from '../../app/api';
import {
  fieldId,
  serverFieldErrors,
  useCheckedSubmit,
  type FieldErrors,
} from '../../app/form-errors';
import { useCurrentSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { FormProblems } from '../../ui/FormProblems';
import { AppLink } from '../../ui/links';
import { SelectField } from '../../ui/SelectField';
import { errorText } from '../../ui/error-text';
import { todayIso } from '../../ui/format';
import { caseQuery } from '../cases/api';
import {
  addInterview,
  interviewKeys,
  uploadTranscript,
  type InterviewInput,
  type TranscriptResult,
} from './api';
import {
  checkDetails,
  detailFieldOrder,
  InterviewFields,
  useInterviewerChoices,
  type InterviewDraft,
} from './InterviewFields';
import {
  checkTranscript,
  emptyTranscript,
  TranscriptInput,
  transcriptFieldOrder,
  type TranscriptDraft,
} from './TranscriptInput';

const formId = 'interview-new';
const order = [...detailFieldOrder, ...transcriptFieldOrder];

/** What adding brought: the interview, and how its file went when one was sent. */
export type AddOutcome = {
  interview: Interview | null;
  upload: { result: TranscriptResult } | { error: unknown } | null;
};

type Submission = { body: InterviewInput; file: File | null };

export type AddInterviewFormProps = {
  caseId: string;
  list: InterviewList;
  onAdded: (outcome: AddOutcome) => void;
};

export function AddInterviewForm({ caseId, list, onAdded }: AddInterviewFormProps) {
  const { t } = useTranslation();
  return (
    <section className="kl-section kl-iv-add" aria-labelledby="iv-add-heading">
      <Heading level={2} id="iv-add-heading">
        {t('interviews.add.title')}
      </Heading>
      {list.interviewable.length === 0 ? (
        <>
          <Alert type="info">
            <p className="kl-alert__text">{t('interviews.add.noConsent')}</p>
          </Alert>
          <Paragraph>{t('interviews.add.noConsentWho')}</Paragraph>
          <p className="nl-paragraph">
            <AppLink to={`/cases/${caseId}#consent-heading`}>
              {t('interviews.add.consentLink')}
            </AppLink>
          </p>
        </>
      ) : (
        <AddForm caseId={caseId} list={list} onAdded={onAdded} />
      )}
    </section>
  );
}

function AddForm({ caseId, list, onAdded }: AddInterviewFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const csrfToken = useCurrentSession()?.csrfToken ?? null;
  const [participantId, setParticipantId] = useState('');
  const [details, setDetails] = useState<InterviewDraft>(() => ({
    heldOn: todayIso(),
    mode: '',
    interviewerId: '',
  }));
  const [transcript, setTranscript] = useState<TranscriptDraft>(() => emptyTranscript());
  // Remounts the file input after a save, so the chosen file is gone from it too.
  const [formKey, setFormKey] = useState(0);
  const interviewers = useInterviewerChoices(caseId);
  const caseDetail = useQuery({ ...caseQuery(caseId), retry: false });
  // "moeder (Ouder of verzorger)": the label with the kind of participant, when it is known.
  const participantOptions = list.interviewable.map((p) => {
    const kind = caseDetail.data?.participants.find((q) => q.id === p.id)?.kind;
    const kindText = kind ? t(`participantKind.${kind}`) : '';
    return {
      value: p.id,
      label:
        !kindText || kindText.toLowerCase() === p.label.trim().toLowerCase()
          ? kindText || p.label
          : `${p.label} (${kindText})`,
    };
  });

  const mutation = useMutation({
    mutationFn: async ({
      body,
      file,
    }: Submission): Promise<AddOutcome & { list: InterviewList }> => {
      const before = new Set(list.items.map((i) => i.id));
      const created = await addInterview(caseId, body);
      const interview = created.items.find((i) => !before.has(i.id)) ?? null;
      if (!file || !interview) return { list: created, interview, upload: null };
      try {
        const result = await uploadTranscript(caseId, interview.id, file, csrfToken);
        return { list: result, interview, upload: { result } };
      } catch (error) {
        return { list: created, interview, upload: { error } };
      }
    },
    onSuccess: ({ list: saved, ...outcome }) => {
      queryClient.setQueryData(interviewKeys.list(caseId), {
        items: saved.items,
        interviewable: saved.interviewable,
        abilities: saved.abilities,
      });
      setParticipantId('');
      setDetails((d) => ({ ...d, interviewerId: '' }));
      setTranscript(emptyTranscript());
      setFormKey((k) => k + 1);
      onAdded(outcome);
    },
  });

  // Missing interview consent is said at the participant field, in the server's words.
  const serverErrors = (error: unknown): FieldErrors =>
    isApiError(error) && error.code === 'CONSENT_MISSING'
      ? { participantId: errorText(error, t, i18n.language) }
      : serverFieldErrors(error);
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: FieldErrors = { ...checkDetails(details, t), ...checkTranscript(transcript, t) };
      if (!participantId) found.participantId = t('interviews.add.participantMissing');
      return found;
    },
    (): Submission | null => {
      if (!details.mode) return null;
      return {
        body: {
          participantId,
          heldOn: details.heldOn,
          mode: details.mode,
          interviewerId: details.interviewerId || null,
          ...(transcript.way === 'paste' ? { transcript: transcript.text } : {}),
        },
        file: transcript.way === 'file' ? transcript.file : null,
      };
    },
    serverErrors,
  );
  const isConsentMissing = isApiError(mutation.error) && mutation.error.code === 'CONSENT_MISSING';

  return (
    <form
      key={formKey}
      noValidate
      onSubmit={submit}
      className="kl-form kl-iv-form"
      aria-labelledby="iv-add-heading"
    >
      <Paragraph>{t('interviews.add.intro')}</Paragraph>
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={isConsentMissing ? null : mutation.error}
      />
      <SelectField
        id={fieldId(formId, 'participantId')}
        label={t('interviews.add.participant')}
        description={t('interviews.add.participantHint')}
        placeholder={t('interviews.add.participantChoose')}
        options={participantOptions}
        value={participantId}
        onChange={(value) => {
          setParticipantId(value);
          if (isConsentMissing) mutation.reset();
        }}
        error={errors.participantId}
      />
      <InterviewFields
        formId={formId}
        draft={details}
        onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))}
        errors={errors}
        interviewers={interviewers}
      />
      <TranscriptInput
        formId={formId}
        draft={transcript}
        onChange={(patch) => setTranscript((d) => ({ ...d, ...patch }))}
        errors={errors}
        allowLater
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('interviews.add.submit')}
        </Button>
      </div>
    </form>
  );
}
