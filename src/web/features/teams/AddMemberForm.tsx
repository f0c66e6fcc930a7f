// Adds a person to a team with a role label. People already in the team are not offered.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TeamMember, TeamRoleLabel } from '../../../shared/contract/organisations';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { listUsers } from '../auth/api';
import { saveTeamMember } from './api';
import { isTeamRoleLabel, roleLabelOptions, roleLabelText } from './role-labels';

const formId = 'add-member';

export type AddMemberFormProps = {
  teamId: string;
  members: TeamMember[];
  onAdded: (members: TeamMember[], message: string) => void;
};

export function AddMemberForm({ teamId, members, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [roleLabel, setRoleLabel] = useState<TeamRoleLabel | ''>('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers({}) });
  const memberIds = new Set(members.map((m) => m.userId));
  const candidates = (users.data?.items ?? []).filter(
    (u) => !memberIds.has(u.id) && u.status === 'active',
  );
  const mutation = useMutation({
    mutationFn: (body: { userId: string; roleLabel: TeamRoleLabel }) =>
      saveTeamMember(teamId, body),
    onSuccess: (result, body) => {
      const added = result.items.find((m) => m.userId === body.userId);
      const name = added?.displayName ?? '';
      onAdded(result.items, t('members.added', { name, role: roleLabelText(body.roleLabel, t) }));
      setUserId('');
      setRoleLabel('');
    },
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!userId) found.userId = t('validation.personRequired');
    if (!roleLabel) found.roleLabel = t('validation.roleRequired');
    setClientErrors(found);
    if (hasFieldErrors(found) || !roleLabel) {
      mutation.reset();
      return;
    }
    mutation.mutate({ userId, roleLabel });
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-add-member"
      aria-labelledby="add-member-heading"
    >
      <Heading level={3} id="add-member-heading">
        {t('members.addTitle')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['userId', 'roleLabel']}
        submitError={mutation.error}
      />
      <div className="kl-form__row">
        <SelectField
          id={fieldId(formId, 'userId')}
          label={t('members.person')}
          placeholder={users.isPending ? t('common.loading') : t('members.personChoose')}
          options={candidates.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
          value={userId}
          onChange={setUserId}
          description={
            users.data && candidates.length === 0 ? t('members.noCandidates') : undefined
          }
          error={errors.userId}
        />
        <SelectField
          id={fieldId(formId, 'roleLabel')}
          label={t('members.role')}
          placeholder={t('members.roleChoose')}
          options={roleLabelOptions(t)}
          value={roleLabel}
          onChange={(value) => setRoleLabel(isTeamRoleLabel(value) ? value : '')}
          error={errors.roleLabel}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {t('members.add')}
        </Button>
      </div>
    </form>
  );
}
