// Words and badge colours for the codes the action screens show.
import type { TFunction } from 'i18next';
import type {
  ActionStatus,
  MaterialKind,
  NetworkMeetingStatus,
} from '../../../shared/contract/actions';
import type { BadgeStatus } from '../../ui/StatusBadge';
import { formatDate } from '../../ui/format';

export const statusBadge: Record<ActionStatus, BadgeStatus> = {
  proposed: 'neutral',
  agreed: 'neutral',
  in_progress: 'warning',
  done: 'success',
  evaluated: 'success',
  dropped: 'inactive',
};

export const networkBadge: Record<NetworkMeetingStatus, BadgeStatus> = {
  planned: 'neutral',
  held: 'success',
  cancelled: 'inactive',
};

export function statusText(status: ActionStatus, t: TFunction): string {
  return t(`actions.status.${status}`);
}

export function networkStatusText(status: NetworkMeetingStatus, t: TFunction): string {
  return t(`actions.network.status.${status}`);
}

export function materialKindText(kind: MaterialKind, t: TFunction): string {
  return t(`actions.network.materialKind.${kind}`);
}

/** "2026 kwartaal 3" / "2026 quarter 3". */
export function quarterText(year: number | null, quarter: number | null, t: TFunction): string {
  return t('actions.network.quarterOf', { year, quarter });
}

/** A value in the history in words: statuses translated, dates formatted, references hidden. */
export function historyValue(
  field: string,
  value: unknown,
  t: TFunction,
  language: string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string') {
    const isNetwork = ['planned', 'held', 'cancelled'].includes(value);
    return t(isNetwork ? `actions.network.status.${value}` : `actions.status.${value}`);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatDate(value, language);
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value))
    return t('actions.history.otherReference');
  return String(value);
}
