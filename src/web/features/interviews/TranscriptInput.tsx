// How a transcript comes in: pasted (or typed) into a text box, or a file (.txt, .docx or .odt)
// sent as it is — the server decides what the file is by its content and says in words why a
// PDF or a photo cannot be read. When adding an interview, "later" is a choice too.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { FieldShell, describedBy } from '../../ui/FieldShell';
import { TextareaField } from '../../ui/TextareaField';
import { RadioGroup } from '../../ui/RadioGroup';

export type TranscriptWay = 'paste' | 'file' | 'later';

export type TranscriptDraft = { way: TranscriptWay | ''; text: string; file: File | null };

export const emptyTranscript = (way: TranscriptWay | '' = ''): TranscriptDraft => ({
  way,
  text: '',
  file: null,
});

/** The largest file the server reads (10 MB). */
export const maxTranscriptBytes = 10 * 1024 * 1024;

export const transcriptFieldOrder = ['transcriptWay', 'transcript', 'file'];

/** What is wrong before sending: a way chosen, the text or the file there, not too large. */
export function checkTranscript(draft: TranscriptDraft, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!draft.way) found.transcriptWay = t('interviews.transcript.wayMissing');
  if (draft.way === 'paste' && !draft.text.trim())
    found.transcript = t('interviews.transcript.textMissing');
  if (draft.way === 'file') {
    if (!draft.file) found.file = t('interviews.transcript.fileMissing');
    else if (draft.file.size > maxTranscriptBytes) found.file = t('interviews.transcript.tooLarge');
  }
  return found;
}

export type TranscriptInputProps = {
  formId: string;
  draft: TranscriptDraft;
  onChange: (patch: Partial<TranscriptDraft>) => void;
  errors: FieldErrors;
  /** Offer "add it later" (when adding an interview). */
  allowLater?: boolean;
};

export function TranscriptInput({
  formId,
  draft,
  onChange,
  errors,
  allowLater,
}: TranscriptInputProps) {
  const { t } = useTranslation();
  const ways: TranscriptWay[] = allowLater ? ['paste', 'file', 'later'] : ['paste', 'file'];
  const fileId = fieldId(formId, 'file');
  return (
    <>
      <RadioGroup
        id={fieldId(formId, 'transcriptWay')}
        legend={t('interviews.transcript.way')}
        value={draft.way}
        choices={ways.map((way) => ({ value: way, label: t(`interviews.transcript.ways.${way}`) }))}
        onChange={(way) => onChange({ way })}
        error={errors.transcriptWay}
      />
      {draft.way === 'paste' && (
        <TextareaField
          id={fieldId(formId, 'transcript')}
          label={t('interviews.transcript.text')}
          description={t('interviews.transcript.textHint')}
          rows={10}
          value={draft.text}
          onChange={(text) => onChange({ text })}
          error={errors.transcript}
        />
      )}
      {draft.way === 'file' && (
        <FieldShell
          inputId={fileId}
          label={t('interviews.transcript.file')}
          description={t('interviews.transcript.fileHint')}
          error={errors.file}
        >
          <input
            id={fileId}
            type="file"
            className="kl-iv-file"
            accept=".txt,.docx,.odt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
            aria-describedby={describedBy(fileId, true, errors.file)}
            aria-invalid={errors.file ? true : undefined}
            aria-required
            onChange={(event) => onChange({ file: event.target.files?.[0] ?? null })}
          />
        </FieldShell>
      )}
    </>
  );
}
