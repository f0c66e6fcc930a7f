// The kinds of access-log entries: a typed vocabulary, so every writer says the same things.
import type { Actor } from '../../policy/policy';

export type AuditResourceType =
  | 'session'
  | 'user'
  | 'team'
  | 'team_members'
  | 'access_log'
  | 'case'
  | 'participant'
  | 'consent'
  | 'timeline'
  | 'timeline_item'
  | 'timeline_comment'
  | 'instrument'
  | 'instrument_version'
  | 'dossier_review'
  | 'dossier_answer'
  | 'review_meeting'
  | 'meeting_attendee'
  | 'meeting_contribution'
  | 'meeting_plan_step'
  | 'meeting_follow_up'
  | 'meeting_report'
  | 'analysis'
  | 'analysis_factor'
  | 'analysis_hypothesis'
  | 'analysis_theory'
  | 'interview'
  | 'qda_source'
  | 'qda_segment'
  | 'qda_memo'
  | 'qda_code'
  | 'qda_codebook'
  | 'qda_project'
  | 'improvement_action'
  | 'improvement_action_link'
  | 'improvement_action_follow_up'
  | 'action_summary'
  | 'network_meeting'
  | 'network_attendee'
  | 'network_material'
  | 'access_table'
  | 'access_registration'
  | 'access_import'
  | 'access_report'
  | 'monitoring_list'
  | 'synthesis_theme'
  | 'synthesis_thread'
  | 'recommendation'
  | 'recommendation_review'
  | 'synthesis_aggregates'
  | 'thematic_report'
  | 'thread_evidence'
  | 'thread_quote'
  | 'synthesis_saturation';

export type AuditAction =
  | 'read'
  | 'list'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'verify'
  | 'login'
  | 'login_failed'
  | 'login_locked'
  | 'logout'
  | 'logout_everywhere'
  | 'password_set'
  | 'totp_enabled'
  | 'totp_reset'
  | 'recovery_code_used'
  | 'role_changed'
  | 'user_disabled'
  | 'link_created'
  | 'import';

/** On what grounds the actor had access (NEN 7513: the reason for the access). */
export type AuditGrounds =
  | 'team_membership'
  | 'case_assignment'
  | 'consent'
  | 'emergency_access'
  | 'administrator'
  /** Allowed by the actor's role alone (e.g. staff lists for researchers). */
  | 'role'
  | 'self'
  | 'none';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export type AccessLogEntry = {
  /** Who acted; for a failed login, the account that was tried (never the text typed). */
  userId: string | null;
  organisationId?: string | null;
  role?: string | null;
  onBehalfOf?: string | null;
  caseId?: string | null;
  resourceType: AuditResourceType;
  resourceId?: string | null;
  action: AuditAction;
  grounds: AuditGrounds;
  outcome: AuditOutcome;
  requestId: string;
  at: Date;
};

export function entryFor(
  actor: Actor | null,
  fields: Omit<AccessLogEntry, 'userId' | 'organisationId' | 'role' | 'at' | 'requestId'>,
  meta: { requestId: string; at: Date },
): AccessLogEntry {
  return {
    userId: actor?.userId ?? null,
    organisationId: actor?.organisationId ?? null,
    role: actor?.role ?? null,
    ...fields,
    ...meta,
  };
}
