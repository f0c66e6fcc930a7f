// "Toegewezen": the colleagues assigned to the case by name (rights on the case beyond team
// membership), a way to assign another member of the case's team, and removing an assignment
// after a confirmation. Only researchers, professionals and experts by experience can be
// assigned: the server says so at the field for anyone else.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/cases';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { roleCodeText } from '../accounts/account-labels';
import { roleLabelText } from '../teams/role-labels';
import { teamMembersQuery } from '../teams/api';
import { setAssignment } from './api';

const formId = 'assignment';

type Assignment = CaseDetail['assignments'][number];

export type CaseAssignmentsProps = {
  detail: CaseDetail;
  /** Called after an assignment was added or removed, to load the case again. */
  onChanged: () => void;
};

export function CaseAssignments({ detail, onChanged }: CaseAssignmentsProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const canUpdate = detail.abilities.update;
  const changed = (text: string) => {
    setMessage(text);
    onChanged();
  };
  return (
    <section className="kl-section" aria-labelledby="assignments-heading">
      <Heading level={2} id="assignments-heading">
        {t('assignments.title')}
      </Heading>
      <Paragraph>{t('assignments.intro', { team: detail.teamName })}</Paragraph>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {detail.assignments.length === 0 ? (
        <EmptyState>{t('assignments.empty')}</EmptyState>
      ) : (
        <ul className="kl-assignments">
          {detail.assignments.map((assignment) => (
            <li key={assignment.userId} className="kl-assignments__item">
              <span>
                <span className="kl-assignments__name">{assignment.displayName}</span>{' '}
                <span className="kl-assignments__role">{roleCodeText(assignment.role, t)}</span>
              </span>
              {canUpdate && (
                <RemoveAssignment caseId={detail.id} assignment={assignment} onRemoved={changed} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpdate && <AddAssignmentForm detail={detail} onAdded={changed} />}
    </section>
  );
}

function RemoveAssignment({
  caseId,
  assignment,
  onRemoved,
}: {
  caseId: string;
  assignment: Assignment;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const name = assignment.displayName;
  const mutation = useMutation({
    mutationFn: () => setAssignment(caseId, assignment.userId, false),
    onSuccess: () => onRemoved(t('assignments.removed', { name })),
  });
  return (
    <div>
      <ConfirmAction
        label={
          <>
            {t('assignments.remove')}
            <span className="kl-visually-hidden"> {name}</span>
          </>
        }
        question={t('assignments.removeQuestion', { name })}
        consequence={<p className="nl-paragraph">{t('assignments.removeConsequence', { name })}</p>}
        confirmLabel={t('assignments.removeConfirm')}
        onConfirm={() => mutation.mutate()}
        isBusy={mutation.isPending}
      />
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
    </div>
  );
}

/** Picks a member of the case's team who is not assigned yet. */
function AddAssignmentForm({
  detail,
  onAdded,
}: {
  detail: CaseDetail;
  onAdded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  // Only members of the team may read its member list: someone assigned from outside the team
  // gets a 404, said at the field.
  const members = useQuery({ ...teamMembersQuery(detail.teamId), retry: false });
  const assigned = new Set(detail.assignments.map((a) => a.userId));
  const candidates = (members.data?.items ?? []).filter((m) => !assigned.has(m.userId));
  const mutation = useMutation({
    mutationFn: (id: string) => setAssignment(detail.id, id, true),
    onSuccess: (_done, id) => {
      const name = candidates.find((m) => m.userId === id)?.displayName ?? '';
      onAdded(t('assignments.added', { name }));
      setUserId('');
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    (): FieldErrors => (userId ? {} : { userId: t('validation.personRequired') }),
    () => userId || null,
  );
  const description = members.isError
    ? t('assignments.membersFailed', { team: detail.teamName })
    : members.isSuccess && candidates.length === 0
      ? t('assignments.noCandidates', { team: detail.teamName })
      : t('assignments.personHint', { team: detail.teamName });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form"
      aria-labelledby="assignment-form-heading"
    >
      <Heading level={3} id="assignment-form-heading">
        {t('assignments.addTitle')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['userId']}
        submitError={mutation.error}
      />
      <SelectField
        id={fieldId(formId, 'userId')}
        label={t('assignments.person')}
        description={description}
        placeholder={members.isPending ? t('common.loading') : t('assignments.personChoose')}
        options={candidates.map((m) => ({
          value: m.userId,
          label: `${m.displayName} (${roleLabelText(m.roleLabel, t)})`,
        }))}
        value={userId}
        onChange={setUserId}
        error={errors.userId}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {t('assignments.add')}
        </Button>
      </div>
    </form>
  );
}
