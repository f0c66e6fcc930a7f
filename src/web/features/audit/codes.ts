// The access log's vocabulary (what was done, on what grounds, with what outcome, to what) as
// text in the user's language. The lists mirror the server's typed events; codes.test.ts keeps
// them equal. A code the web does not know yet is shown as it is, never hidden.
import type { TFunction } from 'i18next';
import { chainReportSchema } from '../../../shared/contract/audit';
import type { BadgeStatus } from '../../ui/StatusBadge';
import type { SelectOption } from '../../ui/SelectField';

export const auditActions = [
  'read',
  'list',
  'create',
  'update',
  'delete',
  'export',
  'verify',
  'login',
  'login_failed',
  'login_locked',
  'logout',
  'logout_everywhere',
  'password_set',
  'totp_enabled',
  'totp_reset',
  'recovery_code_used',
  'role_changed',
  'user_disabled',
  'link_created',
  'import',
] as const;

export const auditGrounds = [
  'team_membership',
  'case_assignment',
  'consent',
  'emergency_access',
  'administrator',
  'role',
  'self',
  'none',
] as const;

export const auditOutcomes = ['success', 'denied', 'failure'] as const;

export const auditResourceTypes = [
  'session',
  'user',
  'team',
  'team_members',
  'access_log',
  'case',
  'participant',
  'consent',
  'timeline',
  'timeline_item',
  'timeline_comment',
  'instrument',
  'instrument_version',
  'dossier_review',
  'dossier_answer',
  'review_meeting',
  'meeting_attendee',
  'meeting_contribution',
  'meeting_plan_step',
  'meeting_follow_up',
  'meeting_report',
  'analysis',
  'analysis_factor',
  'analysis_hypothesis',
  'analysis_theory',
  'interview',
  'qda_source',
  'qda_segment',
  'qda_memo',
  'qda_code',
  'qda_codebook',
  'qda_project',
  'improvement_action',
  'improvement_action_link',
  'improvement_action_follow_up',
  'action_summary',
  'network_meeting',
  'network_attendee',
  'network_material',
  'access_table',
  'access_registration',
  'access_import',
  'access_report',
  'monitoring_list',
  'synthesis_theme',
  'synthesis_thread',
  'recommendation',
  'recommendation_review',
  'synthesis_aggregates',
  'thematic_report',
  'thread_evidence',
  'thread_quote',
  'synthesis_saturation',
] as const;

export const chainBreakReasons = chainReportSchema.shape.reason.unwrap().options;
export type ChainBreakReason = (typeof chainBreakReasons)[number];

type Vocabulary = 'auditAction' | 'auditGrounds' | 'auditOutcome' | 'auditResource';
const known: Record<Vocabulary, readonly string[]> = {
  auditAction: auditActions,
  auditGrounds: auditGrounds,
  auditOutcome: auditOutcomes,
  auditResource: auditResourceTypes,
};

export function codeText(vocabulary: Vocabulary, code: string, t: TFunction): string {
  return known[vocabulary].includes(code) ? t(`${vocabulary}.${code}`) : code;
}

export function actionOptions(t: TFunction): SelectOption[] {
  return auditActions
    .map((action) => ({ value: action, label: codeText('auditAction', action, t) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

export function outcomeBadge(outcome: string): BadgeStatus {
  return outcome === 'success' ? 'success' : outcome === 'denied' ? 'danger' : 'warning';
}
