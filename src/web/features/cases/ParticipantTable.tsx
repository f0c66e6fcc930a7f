// The participants of a case: their description, their kind, and for a parent whether they
// have parental authority.
import { useTranslation } from 'react-i18next';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { kindText } from './case-labels';
import type { Participant } from './consent-cells';

export function ParticipantTable({ participants }: { participants: Participant[] }) {
  const { t } = useTranslation();
  return (
    <Table isCaptionHidden caption={t('participants.caption')}>
      <TableHead>
        <HeaderCell>{t('participants.columnLabel')}</HeaderCell>
        <HeaderCell>{t('participants.columnKind')}</HeaderCell>
        <HeaderCell>{t('participants.columnAuthority')}</HeaderCell>
      </TableHead>
      <TableBody>
        {participants.map((participant) => (
          <TableRow key={participant.id}>
            <RowHeaderCell>{participant.label}</RowHeaderCell>
            <Cell>{kindText(participant.kind, t)}</Cell>
            <Cell>
              {participant.kind !== 'parent'
                ? '—'
                : participant.hasAuthority
                  ? t('participants.authorityYes')
                  : t('participants.authorityNo')}
            </Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
