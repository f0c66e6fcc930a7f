// The members of a team: who, their role label (changeable), and removal; plus the form to
// add someone. Every change is announced in one status line.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Team, TeamMember, TeamRoleLabel } from '../../../shared/contract/organisations';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { Select } from '../../ui/SelectField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { removeTeamMember, saveTeamMember, teamKeys, teamMembersQuery } from './api';
import { AddMemberForm } from './AddMemberForm';
import { isTeamRoleLabel, roleLabelOptions, roleLabelText } from './role-labels';

export function TeamMembers({ team }: { team: Team }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const members = useQuery(teamMembersQuery(team.id));
  const canEdit = team.abilities.update;

  const afterChange = (items: TeamMember[] | null, text: string) => {
    if (items) queryClient.setQueryData(teamKeys.members(team.id), { items });
    else void queryClient.invalidateQueries({ queryKey: teamKeys.members(team.id) });
    void queryClient.invalidateQueries({ queryKey: teamKeys.detail(team.id) });
    void queryClient.invalidateQueries({ queryKey: ['teams', 'list'] });
    setMessage(text);
  };
  const changeRole = useMutation({
    mutationFn: (body: { member: TeamMember; roleLabel: TeamRoleLabel }) =>
      saveTeamMember(team.id, { userId: body.member.userId, roleLabel: body.roleLabel }),
    onSuccess: (result, body) =>
      afterChange(
        result.items,
        t('members.roleChanged', {
          name: body.member.displayName,
          role: roleLabelText(body.roleLabel, t),
        }),
      ),
  });
  const remove = useMutation({
    mutationFn: (member: TeamMember) => removeTeamMember(team.id, member.userId),
    onSuccess: (_result, member) =>
      afterChange(null, t('members.removed', { name: member.displayName })),
  });
  const error = changeRole.error ?? remove.error;

  return (
    <section className="kl-section" aria-labelledby="members-heading">
      <Heading level={2} id="members-heading">
        {t('members.title')}
      </Heading>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState>{t('members.empty')}</EmptyState>
      ) : (
        <Table isCaptionHidden caption={t('members.caption', { name: team.name })}>
          <TableHead>
            <HeaderCell>{t('members.columnName')}</HeaderCell>
            <HeaderCell>{t('members.columnEmail')}</HeaderCell>
            <HeaderCell>{t('members.columnRole')}</HeaderCell>
            {canEdit && <HeaderCell>{t('members.columnActions')}</HeaderCell>}
          </TableHead>
          <TableBody>
            {members.data.items.map((member) => (
              <TableRow key={member.userId}>
                <RowHeaderCell>{member.displayName}</RowHeaderCell>
                <Cell>{member.email}</Cell>
                <Cell>
                  {canEdit ? (
                    <Select
                      aria-label={t('members.roleOf', { name: member.displayName })}
                      value={member.roleLabel}
                      options={roleLabelOptions(t)}
                      disabled={changeRole.isPending}
                      onChange={(value) => {
                        if (isTeamRoleLabel(value)) changeRole.mutate({ member, roleLabel: value });
                      }}
                    />
                  ) : (
                    roleLabelText(member.roleLabel, t)
                  )}
                </Cell>
                {canEdit && (
                  <Cell>
                    <Button
                      purpose="subtle"
                      hint="negative"
                      busy={remove.isPending && remove.variables?.userId === member.userId}
                      onClick={() => {
                        if (!remove.isPending) remove.mutate(member);
                      }}
                    >
                      {t('members.remove')}
                      <span className="kl-visually-hidden"> {member.displayName}</span>
                    </Button>
                  </Cell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit && members.data && (
        <AddMemberForm
          teamId={team.id}
          members={members.data.items}
          onAdded={(items, text) => afterChange(items, text)}
        />
      )}
    </section>
  );
}
