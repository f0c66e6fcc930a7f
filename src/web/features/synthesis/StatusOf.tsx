// A thread's status as a badge in words: active, superseded or withdrawn.
import { useTranslation } from 'react-i18next';
import type { ThreadStatus } from '../../../shared/contract/synthesis';
import { StatusBadge, type BadgeStatus } from '../../ui/StatusBadge';

const badge: Record<ThreadStatus, BadgeStatus> = {
  active: 'success',
  superseded: 'inactive',
  withdrawn: 'warning',
};

export function StatusOf({ status }: { status: ThreadStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={badge[status]}>{t(`synthesis.status.${status}`)}</StatusBadge>;
}
