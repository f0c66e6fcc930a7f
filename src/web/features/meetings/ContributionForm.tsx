// One contribution to the reflection, new or changed: what was said, who said it (an attendee,
// or only a role when the person is not on the list — the attendee brings their own role, so
// the two always fit), and optionally the moment on the case's timeline it is about. The
// timeline is read only when this form is open. A change based on a stale version shows both
// versions to choose from.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  reflectionParts,
  speakerRoles,
  type Contribution,
  type Meeting,
  type ReflectionPart,
  type SpeakerRole,
} from '../../../shared/contract/meetings';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { describedBy, FieldShell } from '../../ui/FieldShell';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { cx } from '../../ui/class-names';
import { timelineQuery } from '../timeline/api';
import { whenText } from '../timeline/labels';
import {
  addContribution,
  isMeetingConflict,
  updateContribution,
  useMeetingChange,
  type ContributionInput,
  type ContributionUpdate,
} from './api';
import { attendeeName, partText, speakerOf, speakerText } from './labels';
import { differing, VersionConflict, type Side } from '../../ui/VersionConflict';

export type ContributionFormProps = {
  meeting: Meeting;
  part: ReflectionPart;
  /** The contribution to change; a new one when left out. */
  contribution?: Contribution;
  onSaved: (saved: Meeting, message: string) => void;
  onCancel: () => void;
};

type Body = Required<ContributionInput>;

/** "attendee:<id>" or "role:<role>": one choice that sets both the attendee and the role. */
function speakerValue(body: Pick<Body, 'attendeeId' | 'speakerRole'>): string {
  return body.attendeeId ? `attendee:${body.attendeeId}` : `role:${body.speakerRole}`;
}

const order = ['part', 'text', 'speakerRole', 'attendeeId', 'timelineItemId'];

export function ContributionForm({
  meeting,
  part,
  contribution,
  onSaved,
  onCancel,
}: ContributionFormProps) {
  const { t, i18n } = useTranslation();
  const formId = `mt-contribution-${contribution?.id ?? part}`;
  const textRef = useRef<HTMLDivElement>(null);
  const [chosenPart, setChosenPart] = useState<ReflectionPart>(contribution?.part ?? part);
  const [text, setText] = useState(contribution?.text ?? '');
  const [speaker, setSpeaker] = useState(contribution ? speakerValue(contribution) : '');
  const [timelineItemId, setTimelineItemId] = useState(contribution?.timelineItemId ?? '');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const timeline = useQuery({ ...timelineQuery(meeting.caseId), retry: false });

  const focusText = () => textRef.current?.querySelector('textarea')?.focus();
  useEffect(() => {
    focusText();
  }, []);

  const save = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: Body | ContributionUpdate) =>
      contribution && 'version' in body
        ? updateContribution(meeting.caseId, meeting.id, contribution.id, body)
        : addContribution(meeting.caseId, meeting.id, body),
    (saved, body) => {
      const where = partText(body.part, t);
      if (contribution) {
        onSaved(saved, t('meetings.reflection.saved', { part: where }));
        return;
      }
      // Ready for the next one in the same part.
      setText('');
      setTimelineItemId('');
      onSaved(saved, t('meetings.reflection.added', { part: where }));
      focusText();
    },
  );

  const bodyOf = (): Body | null => {
    const [kind, value] = speaker.split(':');
    const attendee =
      kind === 'attendee' ? meeting.attendees.find((a) => a.id === value) : undefined;
    const role = kind === 'role' ? (value as SpeakerRole) : attendee?.speakerRole;
    if (!role || !text.trim()) return null;
    return {
      part: chosenPart,
      text: text.trim(),
      speakerRole: role,
      attendeeId: attendee?.id ?? null,
      timelineItemId: timelineItemId || null,
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: FieldErrors = {};
    if (!text.trim()) found.text = t('meetings.reflection.textMissing');
    if (!speaker) found.speakerRole = t('meetings.reflection.speakerMissing');
    setClientErrors(found);
    const body = hasFieldErrors(found) ? null : bodyOf();
    if (!body) {
      save.reset();
      return;
    }
    save.mutate(contribution ? { ...body, version: contribution.version } : body);
  };

  const serverErrors = serverFieldErrors(save.error);
  // The attendee and the role are one choice here: say either's problem at that field.
  if (serverErrors.attendeeId && !serverErrors.speakerRole)
    serverErrors.speakerRole = serverErrors.attendeeId;
  delete serverErrors.attendeeId;
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverErrors;

  const items = timeline.data?.items ?? [];
  const itemTitle = (id: string | null | undefined) => {
    if (!id) return '';
    const item = items.find((i) => i.id === id);
    if (item) return `${item.title} (${whenText(item, t, i18n.language)})`;
    return id === contribution?.timelineItemId ? (contribution.timelineItemTitle ?? '') : '';
  };

  const conflict = isMeetingConflict<Contribution, ContributionUpdate>(save.error)
    ? save.error
    : null;
  if (conflict && contribution) {
    const { current, yours } = conflict;
    const yoursAttendee = meeting.attendees.find((a) => a.id === yours.attendeeId);
    const yoursSpeaker = yoursAttendee
      ? attendeeName(yoursAttendee, t)
      : speakerText(yours.speakerRole, t);
    const fields = differing([
      {
        key: 'part',
        label: t('meetings.reflection.part'),
        yours: partText(yours.part, t),
        current: partText(current.part, t),
      },
      {
        key: 'text',
        label: t('meetings.reflection.text'),
        yours: yours.text,
        current: current.text,
      },
      {
        key: 'speaker',
        label: t('meetings.reflection.speaker'),
        yours: yoursSpeaker,
        current: speakerOf(current, t),
      },
      {
        key: 'timelineItemId',
        label: t('meetings.reflection.timelineItem'),
        yours: itemTitle(yours.timelineItemId),
        current: current.timelineItemTitle ?? '',
      },
    ]);
    const merge = (picks: Record<string, Side>): ContributionUpdate => {
      const from = (key: string) => (picks[key] === 'current' ? current : yours);
      const speakerFrom = from('speaker');
      return {
        part: from('part').part,
        text: from('text').text,
        speakerRole: speakerFrom.speakerRole,
        attendeeId: speakerFrom.attendeeId ?? null,
        timelineItemId: from('timelineItemId').timelineItemId ?? null,
        version: current.version,
      };
    };
    return (
      <VersionConflict
        texts="meetings.conflict"
        headingLevel={4}
        fields={fields}
        isBusy={save.isPending}
        onSave={(picks) => save.mutate(merge(picks))}
        onKeepCurrent={() => {
          save.reset();
          onCancel();
        }}
      />
    );
  }

  const speakerId = fieldId(formId, 'speakerRole');
  return (
    <form noValidate onSubmit={submit} className="kl-form kl-mt-form kl-mt-panel">
      <fieldset className="utrecht-form-fieldset kl-mt-fieldset kl-form">
        <legend className="utrecht-form-fieldset__legend kl-mt-legend">
          {contribution
            ? t('meetings.reflection.editLegend')
            : t('meetings.reflection.addLegend', { part: partText(part, t) })}
        </legend>
        <FormProblems formId={formId} errors={errors} order={order} submitError={save.error} />
        {contribution && (
          <SelectField
            id={fieldId(formId, 'part')}
            label={t('meetings.reflection.part')}
            options={reflectionParts.map((p) => ({ value: p, label: partText(p, t) }))}
            value={chosenPart}
            onChange={(value) => {
              const found = reflectionParts.find((p) => p === value);
              if (found) setChosenPart(found);
            }}
            error={errors.part}
          />
        )}
        <div ref={textRef}>
          <TextareaField
            id={fieldId(formId, 'text')}
            label={t('meetings.reflection.text')}
            description={t(`meetings.part.${contribution ? chosenPart : part}.question`)}
            rows={3}
            value={text}
            onChange={setText}
            error={errors.text}
          />
        </div>
        <div className="kl-form__row">
          <FieldShell
            inputId={speakerId}
            label={t('meetings.reflection.speaker')}
            description={t('meetings.reflection.speakerHint')}
            error={errors.speakerRole}
          >
            <select
              id={speakerId}
              className={cx(
                'utrecht-select',
                'utrecht-select--html-select',
                errors.speakerRole && 'utrecht-select--invalid',
              )}
              value={speaker}
              onChange={(event) => setSpeaker(event.target.value)}
              aria-invalid={errors.speakerRole ? true : undefined}
              aria-required
              aria-describedby={describedBy(speakerId, true, errors.speakerRole)}
            >
              <option value="">{t('meetings.reflection.speakerChoose')}</option>
              {meeting.attendees.length > 0 && (
                <optgroup label={t('meetings.reflection.speakerAttendees')}>
                  {meeting.attendees.map((a) => (
                    <option key={a.id} value={`attendee:${a.id}`}>
                      {attendeeName(a, t)}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('meetings.reflection.speakerRoles')}>
                {speakerRoles.map((role) => (
                  <option key={role} value={`role:${role}`}>
                    {t('meetings.reflection.roleOption', { role: speakerText(role, t) })}
                  </option>
                ))}
              </optgroup>
            </select>
          </FieldShell>
          <SelectField
            id={fieldId(formId, 'timelineItemId')}
            label={t('meetings.reflection.timelineItem')}
            description={
              timeline.isError
                ? t('meetings.reflection.timelineFailed')
                : t('meetings.reflection.timelineItemHint')
            }
            isOptional
            placeholder={
              timeline.isPending ? t('common.loading') : t('meetings.reflection.timelineNone')
            }
            options={[
              ...items.map((item) => ({ value: item.id, label: itemTitle(item.id) })),
              // The pinned moment, also while the timeline is not (yet) read.
              ...(contribution?.timelineItemId &&
              !items.some((item) => item.id === contribution.timelineItemId)
                ? [
                    {
                      value: contribution.timelineItemId,
                      label: contribution.timelineItemTitle ?? '',
                    },
                  ]
                : []),
            ]}
            value={timelineItemId}
            onChange={setTimelineItemId}
            error={errors.timelineItemId}
          />
        </div>
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {contribution ? t('meetings.reflection.save') : t('meetings.reflection.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {contribution ? t('common.cancel') : t('meetings.close')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
