import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { roles, type Role } from '../../shared/contract/auth';
import { createTestApp, type TestApp } from '../testing/app';
import {
  actions,
  can,
  caseAccessGrounds,
  recordLevelActions,
  type Action,
  type Actor,
} from './policy';
import { registerPolicyEnforcement } from './enforce';

const actorOf = (role: Role): Actor => ({
  userId: 'u',
  role,
  organisationId: null,
  sessionIdHash: 'h',
  sessionStage: 'full',
  teamIds: [],
});

describe('the policy', () => {
  it('denies every non-public action to an anonymous caller', () => {
    for (const action of actions) expect(can(null, action), action).toBe(action === 'public');
  });

  it('matches the authorisation matrix for every role and action', () => {
    const allowed: Record<Role, Action[]> = {
      admin: actions
        .filter(
          (a) =>
            ![
              'case.',
              'timeline.',
              'dossier.',
              'meeting.',
              'analysis.',
              'own_case.',
              'interview.',
              'coding.',
              'codebook.',
              'qda.',
              'synthesis.read',
              'synthesis.write',
              'synthesis.report',
              'recommendation.',
            ].some((p) => a.startsWith(p)) ||
            a === 'case.reference.read' ||
            a === 'case.reference.manage',
        )
        // Administrators set up access tables but never see the register's rows.
        .filter((a) => a !== 'monitoring.read' && a !== 'monitoring.write'),
      researcher: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
        'team.members.read',
        'case.read',
        'case.create',
        'case.update',
        'case.reference.read',
        'timeline.read',
        'timeline.contribute',
        'timeline.edit',
        'instrument.read',
        // Only while dossier consent is complete: see the test on consent below.
        'dossier.read',
        'dossier.write',
        'meeting.read',
        'meeting.write',
        'meeting.report',
        'analysis.read',
        'analysis.write',
        'interview.read',
        'interview.write',
        'coding.read',
        'coding.write',
        'codebook.read',
        'codebook.manage',
        'qda.exchange',
        'action.read',
        'action.write',
        'action.follow_up',
        'action.summary',
        'network.read',
        'network.write',
        // The register only as a member of one of the region's tables (see below).
        'monitoring.read',
        'monitoring.write',
        'monitoring.report',
        'synthesis.read',
        'synthesis.write',
        'recommendation.write',
        'synthesis.aggregates',
        'synthesis.report',
      ],
      professional: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
        'team.members.read',
        'case.read',
        'case.update',
        'case.reference.read',
        'timeline.read',
        'timeline.contribute',
        'timeline.edit',
        'instrument.read',
        'dossier.read',
        'dossier.write',
        'meeting.read',
        'meeting.write',
        'meeting.report',
        'analysis.read',
        'analysis.write',
        // Professionals hold interviews and read the coding; they do not code.
        'interview.read',
        'interview.write',
        'coding.read',
        'codebook.read',
        'action.read',
        'action.write',
        'action.follow_up',
        'action.summary',
        'network.read',
        'network.write',
        'monitoring.read',
        'monitoring.write',
        'monitoring.report',
        'synthesis.read',
        'synthesis.aggregates',
      ],
      expert_by_experience: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
        'team.members.read',
        'case.read',
        'case.reference.read',
        'timeline.read',
        'instrument.read',
        'dossier.read',
        'meeting.read',
        'meeting.report',
        'analysis.read',
        'interview.read',
        'coding.read',
        'coding.write',
        'codebook.read',
        // Reads actions and the network; follows up an action only as its owner person.
        'action.read',
        'action.follow_up',
        'action.summary',
        'network.read',
        'monitoring.read',
        'monitoring.write',
        'monitoring.report',
        // Reviews recommendations before publication.
        'synthesis.read',
        'recommendation.review',
        'synthesis.aggregates',
      ],
      policymaker: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'case.reference.read',
        // The plain summary of any programme; an action only as its owner person.
        'action.read',
        'action.follow_up',
        'action.summary',
        // The access tables' quarterly report of an entitled region, never the register.
        'monitoring.report',
        // The synthesis as suppressed aggregates: threads, counts, recommendations.
        'synthesis.aggregates',
      ],
      // Reads the access log and nothing of the cases, accounts or programme management.
      log_administrator: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'case.reference.read',
        'access_log.read',
      ],
      participant: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'case.reference.read',
        'timeline.read',
        'timeline.contribute',
        'meeting.report',
        'own_case.read',
        'own_case.consent',
        // Only the summary of the programme of their own case: see the test below.
        'action.summary',
      ],
    };
    for (const role of roles) {
      for (const action of actions) {
        expect(can(actorOf(role), action), `${role} ${action}`).toBe(
          allowed[role].includes(action),
        );
      }
    }
  });

  it('limits a session that must first set up two-factor login to doing exactly that', () => {
    const enrolling: Actor = { ...actorOf('admin'), sessionStage: 'enrol_totp' };
    for (const action of actions) {
      expect(can(enrolling, action), action).toBe(
        ['public', 'session.read', 'session.end', 'totp.enrol'].includes(action),
      );
    }
  });

  it('never lets a policymaker perform an action that hands out record-level data', () => {
    for (const action of recordLevelActions)
      expect(can(actorOf('policymaker'), action), action).toBe(false);
  });

  it('grants case data through team membership or explicit assignment only', () => {
    const researcher: Actor = { ...actorOf('researcher'), userId: 'r1', teamIds: ['team-a'] };
    const caseInA = {
      type: 'case' as const,
      teamId: 'team-a',
      assignedUserIds: [],
      participantUserIds: [],
    };
    const caseInB = {
      type: 'case' as const,
      teamId: 'team-b',
      assignedUserIds: [],
      participantUserIds: [],
    };
    const assignedInB = {
      type: 'case' as const,
      teamId: 'team-b',
      assignedUserIds: ['r1'],
      participantUserIds: [],
    };
    expect(can(researcher, 'case.read', caseInA)).toBe(true);
    expect(can(researcher, 'case.read', caseInB)).toBe(false);
    expect(can(researcher, 'case.read', assignedInB)).toBe(true);
    expect(caseAccessGrounds(researcher, caseInA)).toBe('team_membership');
    expect(caseAccessGrounds(researcher, assignedInB)).toBe('case_assignment');
    // Administrators and policymakers never read case records, whatever their teams.
    for (const role of ['admin', 'policymaker', 'participant'] as const) {
      expect(can({ ...actorOf(role), teamIds: ['team-a'] }, 'case.read', caseInA), role).toBe(
        false,
      );
    }
    const expert: Actor = { ...actorOf('expert_by_experience'), teamIds: ['team-a'] };
    expect(can(expert, 'case.read', caseInA)).toBe(true);
    expect(can(expert, 'case.update', caseInA)).toBe(false);
  });

  it('lets participants reach only their own case, and dossier data only with dossier consent', () => {
    const youth: Actor = { ...actorOf('participant'), userId: 'y1' };
    const own = {
      type: 'case' as const,
      teamId: 't',
      assignedUserIds: [],
      participantUserIds: ['y1'],
    };
    const other = { ...own, participantUserIds: ['y2'] };
    expect(can(youth, 'timeline.read', own)).toBe(true);
    expect(can(youth, 'timeline.contribute', own)).toBe(true);
    expect(can(youth, 'timeline.edit', own)).toBe(false);
    expect(can(youth, 'case.read', own)).toBe(false);
    expect(can(youth, 'timeline.read', other)).toBe(false);
    expect(caseAccessGrounds(youth, own)).toBe('self');
    // A staff member in the case's team is not a participant of it.
    const researcher: Actor = { ...actorOf('researcher'), teamIds: ['t'], userId: 'y1' };
    expect(caseAccessGrounds(researcher, own)).toBe('team_membership');
    expect(can(researcher, 'dossier.write', own)).toBe(false);
    expect(can(researcher, 'dossier.write', { ...own, dossierConsent: false })).toBe(false);
    expect(can(researcher, 'dossier.write', { ...own, dossierConsent: true })).toBe(true);
    expect(can(researcher, 'dossier.read', { ...own, dossierConsent: false })).toBe(false);
    expect(can(researcher, 'dossier.read', { ...own, dossierConsent: true })).toBe(true);
    expect(can(youth, 'dossier.read', { ...own, dossierConsent: true })).toBe(false);
  });

  it("shows a team's members to its own members and to administrators only", () => {
    const team = { type: 'team' as const, teamId: 'team-a' };
    expect(
      can({ ...actorOf('professional'), teamIds: ['team-a'] }, 'team.members.read', team),
    ).toBe(true);
    expect(
      can({ ...actorOf('professional'), teamIds: ['team-b'] }, 'team.members.read', team),
    ).toBe(false);
    expect(can(actorOf('admin'), 'team.members.read', team)).toBe(true);
  });

  it('gives improvement actions to the programme staff and their owner person, the summary to its participants', () => {
    const programme = { type: 'programme' as const, programmeId: 'p', teamIds: ['team-a'] };
    const action = { ...programme, type: 'action' as const, ownerUserId: 'owner' };
    const inTeam = (role: Role): Actor => ({ ...actorOf(role), teamIds: ['team-a'] });
    const outside = (role: Role, userId = 'x'): Actor => ({ ...actorOf(role), userId });
    for (const role of ['researcher', 'professional'] as const) {
      expect(can(inTeam(role), 'action.write', action), role).toBe(true);
      expect(can(inTeam(role), 'network.write', programme), role).toBe(true);
      expect(can(outside(role), 'action.read', action), role).toBe(false);
    }
    expect(can(outside('admin'), 'action.write', action)).toBe(true);
    expect(can(inTeam('expert_by_experience'), 'action.read', action)).toBe(true);
    expect(can(inTeam('expert_by_experience'), 'action.write', action)).toBe(false);
    expect(can(inTeam('expert_by_experience'), 'network.read', programme)).toBe(true);
    // The owner person outside the teams: read, status and follow-ups, never the fields.
    for (const role of ['policymaker', 'professional', 'expert_by_experience'] as const) {
      const owner = outside(role, 'owner');
      expect(can(owner, 'action.read', action), role).toBe(true);
      expect(can(owner, 'action.follow_up', action), role).toBe(true);
      expect(can(owner, 'action.write', action), role).toBe(false);
      expect(can(owner, 'action.read', programme), role).toBe(false);
    }
    expect(can(outside('policymaker'), 'action.read', action)).toBe(false);
    expect(can(outside('policymaker'), 'network.read', programme)).toBe(false);
    expect(can(outside('policymaker'), 'action.summary', programme)).toBe(true);
    expect(can(outside('participant', 'owner'), 'action.read', action)).toBe(false);
    expect(can(outside('participant', 'y'), 'action.summary', programme)).toBe(false);
    expect(
      can(outside('participant', 'y'), 'action.summary', { ...programme, ownCaseUserIds: ['y'] }),
    ).toBe(true);
    expect(can(outside('log_administrator'), 'action.summary', programme)).toBe(false);
  });

  it('gives the access-table register to table members of the region, the report also to entitled policymakers', () => {
    const region = (members: string[], organisations: string[]) =>
      ({
        type: 'access_region',
        regionCode: 'JZ13',
        tableMemberUserIds: members,
        reportOrganisationIds: organisations,
      }) as const;
    const member = actorOf('professional');
    expect(can(member, 'monitoring.read', region(['u'], []))).toBe(true);
    expect(can(member, 'monitoring.write', region(['u'], []))).toBe(true);
    expect(can(member, 'monitoring.report', region(['u'], []))).toBe(true);
    expect(can(member, 'monitoring.read', region([], []))).toBe(false);
    expect(can(member, 'monitoring.report', region([], []))).toBe(false);
    const researcher = actorOf('researcher');
    expect(can(researcher, 'monitoring.read', region([], []))).toBe(false);
    expect(can(researcher, 'monitoring.report', region([], []))).toBe(true);
    const admin = actorOf('admin');
    expect(can(admin, 'monitoring.read', region(['u'], []))).toBe(false);
    expect(can(admin, 'monitoring.report', region([], []))).toBe(true);
    const policymaker = { ...actorOf('policymaker'), organisationId: 'o' };
    expect(can(policymaker, 'monitoring.report', region([], ['o']))).toBe(true);
    expect(can(policymaker, 'monitoring.report', region([], ['other']))).toBe(false);
    expect(can(policymaker, 'monitoring.read', region(['u'], ['o']))).toBe(false);
    expect(can(actorOf('policymaker'), 'monitoring.report', region([], []))).toBe(false);
    expect(can(actorOf('participant'), 'monitoring.report', region(['u'], ['o']))).toBe(false);
  });

  it('denies an action it does not know', () => {
    expect(can(actorOf('admin'), 'case.delete' as Action)).toBe(false);
  });

  it('refuses to start an app with a route that declares no policy', async () => {
    const app = Fastify({ logger: false });
    registerPolicyEnforcement(app);
    app.get('/api/forgotten', async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten/);
  });
});

describe('every route of the app', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp('pglite');
  });
  afterAll(() => test.close());

  it('declares a known policy', () => {
    const routes = test.app.routeCatalogue;
    expect(routes.map((r) => r.url)).toContain('/api/health');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(actions as readonly unknown[], `${route.method} ${route.url}`).toContain(route.policy);
    }
  });

  it('keeps every non-public API route closed to an anonymous caller', async () => {
    for (const route of test.app.routeCatalogue) {
      if (route.policy === 'public' || !route.url.startsWith('/api/')) continue;
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await test.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
