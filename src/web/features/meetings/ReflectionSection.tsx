// "Reflectie": the six parts of the structured reflection in the order the meeting goes through
// them — what went well first, with the same weight as the rest — each with what was said, who
// said it, the moment on the timeline it is about, and (for whoever may edit) adding, changing
// and deleting. Focus stays where the work goes on: in the form after adding, on the changed
// contribution after saving, on the part's heading after deleting.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import {
  reflectionParts,
  type Contribution,
  type Meeting,
  type ReflectionPart,
} from '../../../shared/contract/meetings';
import { isApiError } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { removeChild, useMeetingChange } from './api';
import { useFocusAfterRender } from './focus';
import { ContributionForm } from './ContributionForm';
import { partText, speakerOf } from './labels';

export function ReflectionSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-reflection">
      <Heading level={2} id="mt-reflection" tabIndex={-1} className="kl-mt-focus-target">
        {t('meetings.reflection.title')}
      </Heading>
      <Paragraph>{t('meetings.reflection.intro')}</Paragraph>
      <ol className="kl-mt-parts">
        {reflectionParts.map((part) => (
          <li key={part}>
            <ReflectionPartView
              meeting={meeting}
              part={part}
              contributions={meeting.contributions.filter((c) => c.part === part)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** After a change, where the focus goes once the page shows it. */
export function ReflectionPartView({
  meeting,
  part,
  contributions,
}: {
  meeting: Meeting;
  part: ReflectionPart;
  contributions: Contribution[];
}) {
  const { t } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  const headingId = `mt-part-${part}`;
  const addButtonId = `mt-part-${part}-add`;
  const canEdit = meeting.abilities.edit;

  return (
    <section className="kl-mt-part" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} tabIndex={-1} className="kl-mt-focus-target">
        {partText(part, t)} <span className="kl-mt-count">({contributions.length})</span>
      </Heading>
      <p className="kl-mt-question">{t(`meetings.part.${part}.question`)}</p>
      {contributions.length === 0 ? (
        <p className="kl-mt-none">{t('meetings.reflection.none')}</p>
      ) : (
        <ul className="kl-mt-contributions">
          {contributions.map((contribution) =>
            editingId === contribution.id ? (
              <li key={contribution.id} className="kl-mt-contribution kl-mt-contribution--editing">
                <ContributionForm
                  meeting={meeting}
                  part={part}
                  contribution={contribution}
                  onSaved={(_saved, text) => {
                    setEditingId(null);
                    setMessage(text);
                    focusLater(`mt-contribution-${contribution.id}-edit`);
                  }}
                  onCancel={() => {
                    setEditingId(null);
                    focusLater(`mt-contribution-${contribution.id}-edit`);
                  }}
                />
              </li>
            ) : (
              <ContributionItem
                key={contribution.id}
                meeting={meeting}
                contribution={contribution}
                onEdit={() => {
                  setMessage('');
                  setEditingId(contribution.id);
                }}
                onDeleted={(text) => {
                  setMessage(text);
                  focusLater(headingId);
                }}
              />
            ),
          )}
        </ul>
      )}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {canEdit &&
        (isAdding ? (
          <ContributionForm
            meeting={meeting}
            part={part}
            onSaved={(_saved, text) => setMessage(text)}
            onCancel={() => {
              setAdding(false);
              focusLater(addButtonId);
            }}
          />
        ) : (
          <Button
            id={addButtonId}
            purpose="secondary"
            aria-expanded={false}
            onClick={() => {
              setMessage('');
              setAdding(true);
            }}
          >
            {t('meetings.reflection.addTo', { part: partText(part, t) })}
          </Button>
        ))}
    </section>
  );
}

function ContributionItem({
  meeting,
  contribution,
  onEdit,
  onDeleted,
}: {
  meeting: Meeting;
  contribution: Contribution;
  onEdit: () => void;
  onDeleted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useMeetingChange(
    meeting.caseId,
    meeting.id,
    () =>
      removeChild(
        meeting.caseId,
        meeting.id,
        'contributions',
        contribution.id,
        contribution.version,
      ),
    () => onDeleted(t('meetings.reflection.deleted')),
  );
  const speaker = speakerOf(contribution, t);
  const isStale = isApiError(remove.error) && remove.error.code === 'CONFLICT';

  return (
    <li className="kl-mt-contribution">
      <p className="kl-mt-speaker">
        <span className="kl-mt-label">{t('meetings.reflection.saidBy')}</span> {speaker}
      </p>
      <p className="kl-mt-contribution__text">{contribution.text}</p>
      {contribution.timelineItemId && (
        <p className="kl-mt-pin">
          <span className="kl-mt-label">{t('meetings.reflection.pinnedTo')}</span>{' '}
          {contribution.timelineItemTitle ?? t('meetings.reflection.pinnedUnknown')}
        </p>
      )}
      <p className="kl-mt-meta">
        {t('meetings.reflection.writtenBy', { name: contribution.authorName })}
      </p>
      {isStale ? (
        <Alert type="warning">
          <p className="kl-alert__text">{t('meetings.changedMeanwhile')}</p>
        </Alert>
      ) : remove.error ? (
        <ErrorAlert error={remove.error} />
      ) : null}
      {meeting.abilities.edit && (
        <div className="kl-mt-actions">
          <Button id={`mt-contribution-${contribution.id}-edit`} purpose="subtle" onClick={onEdit}>
            {t('meetings.edit')}
            <span className="kl-visually-hidden">
              : {t('meetings.reflection.contributionOf', { speaker })}
            </span>
          </Button>
          <ConfirmAction
            label={
              <>
                {t('meetings.delete')}
                <span className="kl-visually-hidden">
                  : {t('meetings.reflection.contributionOf', { speaker })}
                </span>
              </>
            }
            question={t('meetings.reflection.deleteQuestion')}
            consequence={<p>{t('meetings.reflection.deleteConsequence')}</p>}
            confirmLabel={t('meetings.reflection.deleteConfirm')}
            isBusy={remove.isPending}
            onConfirm={() => remove.mutate(undefined)}
          />
        </div>
      )}
    </li>
  );
}
