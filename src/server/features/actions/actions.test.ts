import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { pdfText } from '../../testing/documents';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { participants } from '../cases/schema';
import { users } from '../auth/schema';
import {
  actionSchema,
  actionSummarySchema,
  networkMeetingSchema,
  type Action,
} from '../../../shared/contract/actions';
import {
  actionFollowUps,
  actionHistory,
  actionLinks,
  improvementActions,
  networkMaterials,
} from './schema';
import { recommendations } from '../recommendations/schema';
import { synthesisThreads } from '../synthesis/schema';

describe.each(testDatabaseKinds())('improvement actions and the learning network (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  // Late in the evening in the Netherlands: a few minutes on, it is the next day there.
  let now = new Date('2026-06-01T21:40:00Z');
  let organisationId: string;
  let otherOrganisationId: string;
  let meetingId: string;
  let stepId: string;
  let otherProgrammeId: string;
  let otherMeetingId: string;
  let policymaker: AuthHeaders & { user: { id: string } };
  let otherPolicymaker: AuthHeaders & { user: { id: string } };
  let expert: AuthHeaders & { user: { id: string } };
  let strangerProfessional: AuthHeaders & { user: { id: string } };
  let participant: AuthHeaders & { user: { id: string } };

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });

  async function ok<T = Action>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ): Promise<T> {
    const response = await call(method, url, session, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as T;
  }

  const actionInput = (overrides: object = {}) => ({
    title: 'Eén vast aanspreekpunt bij overdracht',
    description: 'Bij elke overdracht tussen aanbieders blijft Piet Jansen aanspreekpunt.',
    plainSummary: 'Als je van hulp wisselt, houd je één vaste persoon om mee te praten.',
    plainResult: '',
    ownerOrganisationId: organisationId,
    ownerUserId: null,
    dueOn: '2026-09-30',
    stakeholderGroup: 'zorgaanbieders_branches',
    ...overrides,
  });

  const countOf = async (
    table: typeof improvementActions | typeof actionLinks | typeof actionFollowUps,
  ) => (await test.database.db.select({ n: count() }).from(table))[0]!.n;

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2008 });
    organisationId = (
      await fx.call(fx.admin, 'POST', '/api/organisations', {
        name: 'Gemeente Testdorp',
        type: 'municipality',
      })
    ).id;
    otherOrganisationId = (
      await fx.call(fx.admin, 'POST', '/api/organisations', {
        name: 'Zorg Elders',
        type: 'care_provider',
      })
    ).id;
    // A held review meeting of the case with one step of an alternative plan.
    const meeting = await ok<{ id: string }>(
      'POST',
      `/api/cases/${fx.caseId}/meetings`,
      fx.researcher,
      { plannedAt: '2026-05-20T13:00:00+02:00' },
    );
    meetingId = meeting.id;
    const planned = await ok<{ plan: { id: string }[] }>(
      'POST',
      `/api/cases/${fx.caseId}/meetings/${meetingId}/plan`,
      fx.researcher,
      { what: 'Mentor schuift aan bij het overleg', who: 'mentor', due: '2026-07-01' },
    );
    stepId = planned.plan[0]!.id;
    // Another programme, with its own team, researcher, case and meeting.
    otherProgrammeId = (
      await fx.call(fx.admin, 'POST', '/api/programmes', {
        name: 'Ander programma',
        periodStart: '2026-01-01',
      })
    ).id;
    const otherTeam = (
      await fx.call(fx.admin, 'POST', '/api/teams', {
        name: 'Team elders',
        programmeId: otherProgrammeId,
        municipalityCode: '0363',
      })
    ).id;
    strangerProfessional = await loginAs(test, 'professional');
    const otherResearcher = await loginAs(test, 'researcher');
    for (const userId of [otherResearcher.user.id, strangerProfessional.user.id])
      await fx.call(fx.admin, 'PUT', `/api/teams/${otherTeam}/members`, {
        userId,
        roleLabel: 'other',
      });
    const otherCase = (
      await fx.call(otherResearcher, 'POST', '/api/cases', {
        programmeId: otherProgrammeId,
        teamId: otherTeam,
        institutionType: 'jji',
        regionCode: 'JZ16',
        birthYear: 2010,
      })
    ).id;
    otherMeetingId = (
      await ok<{ id: string }>('POST', `/api/cases/${otherCase}/meetings`, otherResearcher, {
        plannedAt: '2026-05-01T10:00:00+02:00',
      })
    ).id;
    policymaker = await loginAs(test, 'policymaker');
    otherPolicymaker = await loginAs(test, 'policymaker');
    expert = await loginAs(test, 'expert_by_experience');
    await fx.call(fx.admin, 'PUT', `/api/teams/${fx.teamId}/members`, {
      userId: expert.user.id,
      roleLabel: 'ervaringsdeskundige',
    });
    // The youth of the case has an account: a participant of this programme.
    participant = await loginAs(test, 'participant');
    const youth = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    await test.database.db
      .update(participants)
      .set({ userId: participant.user.id })
      .where(eq(participants.id, youth));
  });
  afterAll(() => test.close());

  const actionsOf = (programmeId: string) => `/api/programmes/${programmeId}/actions`;

  it('creates an action linked to a review meeting and a step of its plan, with its history', async () => {
    const created = await ok('POST', actionsOf(fx.programmeId), fx.researcher, {
      ...actionInput(),
      links: [
        { kind: 'review_meeting', targetId: meetingId },
        { kind: 'plan_step', targetId: stepId },
      ],
    });
    expect(actionSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      status: 'proposed',
      version: 1,
      isOverdue: false,
      ownerOrganisationName: 'Gemeente Testdorp',
      stakeholderGroupLabel: 'Zorgaanbieders en branches',
      nextStatuses: ['agreed', 'dropped'],
      abilities: { edit: true, changeStatus: true, followUp: true },
    });
    expect(created.links.map((l) => [l.kind, l.caseId, l.detail])).toEqual([
      ['review_meeting', fx.caseId, null],
      ['plan_step', fx.caseId, 'Mentor schuift aan bij het overleg'],
    ]);
    const history = await ok<{ items: { entity: string; change: string }[] }>(
      'GET',
      `/api/actions/${created.id}/history`,
      fx.researcher,
    );
    expect(history.items.map((h) => `${h.entity}:${h.change}`)).toEqual([
      'action:created',
      'link:created',
      'link:created',
    ]);
    // The reader of the action was shown the linked case's plan step: logged against that case.
    const entries = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, fx.caseId), eq(accessLog.resourceType, 'meeting_plan_step')));
    expect(entries[0]!.n).toBeGreaterThan(0);
  });

  it("refuses a link to another programme's meeting and stores nothing", async () => {
    const before = [await countOf(improvementActions), await countOf(actionLinks)];
    const response = await call('POST', actionsOf(fx.programmeId), fx.researcher, {
      ...actionInput({ title: 'Met een verkeerde koppeling' }),
      links: [
        { kind: 'review_meeting', targetId: meetingId },
        { kind: 'review_meeting', targetId: otherMeetingId },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_INPUT');
    expect(response.json().error.message).toMatch(/ander programma/);
    expect(response.json().error.details.fields[0].path).toBe('links.1.targetId');
    expect([await countOf(improvementActions), await countOf(actionLinks)]).toEqual(before);
    // Adding it to an existing action is refused the same way.
    const action = await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput());
    const added = await call('POST', `/api/actions/${action.id}/links`, fx.researcher, {
      kind: 'review_meeting',
      targetId: otherMeetingId,
    });
    expect(added.statusCode).toBe(400);
    expect((await ok('GET', `/api/actions/${action.id}`, fx.researcher)).links).toEqual([]);
  });

  it('links actions to threads and recommendations of their own programme only, and lists the actions per thread', async () => {
    const db = test.database.db;
    const insertThread = async (programmeId: string, number: number, title: string) =>
      (
        await db
          .insert(synthesisThreads)
          .values({ programmeId, number, title })
          .returning({ id: synthesisThreads.id })
      )[0]!.id;
    const thread = await insertThread(fx.programmeId, 901, 'Te lang wachten op hulp');
    const replaced = await insertThread(fx.programmeId, 902, 'Wachten (oude versie)');
    await db
      .update(synthesisThreads)
      .set({ status: 'superseded', supersededBy: thread })
      .where(eq(synthesisThreads.id, replaced));
    const foreignThread = await insertThread(otherProgrammeId, 901, 'Draad elders');
    const insertRecommendation = async (programmeId: string, number: number, title: string) =>
      (
        await db
          .insert(recommendations)
          .values({ programmeId, number, title, stakeholderGroup: 'gemeenten' })
          .returning({ id: recommendations.id })
      )[0]!.id;
    const recommendation = await insertRecommendation(fx.programmeId, 901, 'Overbrugging regelen');
    const withdrawn = await insertRecommendation(fx.programmeId, 902, 'Ingetrokken advies');
    await db
      .update(recommendations)
      .set({ reviewState: 'withdrawn', withdrawnReason: 'Dubbel met 901.' })
      .where(eq(recommendations.id, withdrawn));
    const foreignRecommendation = await insertRecommendation(otherProgrammeId, 901, 'Elders');

    // What may be linked: active threads, recommendations that are not withdrawn.
    const targets = await ok<{
      threads: { id: string; title: string }[];
      recommendations: { id: string }[];
    }>('GET', `/api/programmes/${fx.programmeId}/action-link-targets`, fx.researcher);
    expect(targets.threads.map((t) => t.id)).toContain(thread);
    expect(targets.threads.map((t) => t.id)).not.toContain(replaced);
    expect(targets.threads.map((t) => t.id)).not.toContain(foreignThread);
    expect(targets.recommendations.map((r) => r.id)).toEqual(
      expect.arrayContaining([recommendation]),
    );
    expect(targets.recommendations.map((r) => r.id)).not.toContain(withdrawn);

    // Another programme's thread or recommendation, a superseded thread, a withdrawn
    // recommendation: a clear error naming the field, and nothing stored.
    const before = await countOf(improvementActions);
    for (const [link, words] of [
      [{ kind: 'thread', targetId: foreignThread }, /ander programma/],
      [{ kind: 'recommendation', targetId: foreignRecommendation }, /ander programma/],
      [{ kind: 'thread', targetId: replaced }, /vervangen of ingetrokken/],
      [{ kind: 'recommendation', targetId: withdrawn }, /ingetrokken/],
      [{ kind: 'thread', targetId: meetingId }, /bestaat niet/],
    ] as const) {
      const response = await call('POST', actionsOf(fx.programmeId), fx.researcher, {
        ...actionInput(),
        links: [link],
      });
      expect(response.statusCode, JSON.stringify(link)).toBe(400);
      expect(response.json().error.code).toBe('INVALID_INPUT');
      expect(response.json().error.message).toMatch(words);
      expect(response.json().error.details.fields[0].path).toBe('links.0.targetId');
    }
    expect(await countOf(improvementActions)).toBe(before);

    const linked = await ok('POST', actionsOf(fx.programmeId), fx.researcher, {
      ...actionInput({ title: 'Overbruggingshulp bij elke wachtlijst' }),
      links: [
        { kind: 'thread', targetId: thread },
        { kind: 'recommendation', targetId: recommendation },
      ],
    });
    expect(linked.links.map((l) => [l.kind, l.detail, l.isAvailable])).toEqual([
      ['thread', '901. Te lang wachten op hulp', true],
      ['recommendation', '901. Overbrugging regelen', true],
    ]);
    await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput({ title: 'Los' }));
    const perThread = await ok<{ items: { id: string }[]; total: number }>(
      'GET',
      `${actionsOf(fx.programmeId)}?threadId=${thread}`,
      fx.researcher,
    );
    expect(perThread.items.map((a) => a.id)).toEqual([linked.id]);
    const perRecommendation = await ok<{ items: { id: string }[] }>(
      'GET',
      `${actionsOf(fx.programmeId)}?recommendationId=${recommendation}`,
      fx.researcher,
    );
    expect(perRecommendation.items.map((a) => a.id)).toEqual([linked.id]);
    // A thread superseded later keeps its links, shown as no longer current.
    await db
      .update(synthesisThreads)
      .set({ status: 'withdrawn', statusReason: 'Opgegaan in een bredere draad.' })
      .where(eq(synthesisThreads.id, thread));
    const later = await ok('GET', `/api/actions/${linked.id}`, fx.researcher);
    expect(later.links.find((l) => l.kind === 'thread')?.isAvailable).toBe(false);
    await db
      .update(synthesisThreads)
      .set({ status: 'active', statusReason: null })
      .where(eq(synthesisThreads.id, thread));

    // A thread discussed in a network meeting: kept as it stood; another programme's refused.
    const meeting = await ok<{ id: string }>(
      'POST',
      `/api/programmes/${fx.programmeId}/network-meetings`,
      fx.researcher,
      { theme: 'Wachten', meetsOn: '2026-05-20', location: '' },
    );
    const materials = await test.database.db.select({ n: count() }).from(networkMaterials);
    const foreign = await call(
      'POST',
      `/api/network-meetings/${meeting.id}/materials`,
      fx.researcher,
      {
        kind: 'thread',
        targetId: foreignThread,
      },
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toMatch(/ander programma/);
    expect(await test.database.db.select({ n: count() }).from(networkMaterials)).toEqual(materials);
    const discussed = await ok<{ materials: { kind: string; title: string }[] }>(
      'POST',
      `/api/network-meetings/${meeting.id}/materials`,
      fx.researcher,
      { kind: 'thread', targetId: thread },
    );
    expect(discussed.materials.map((m) => [m.kind, m.title])).toContainEqual([
      'thread',
      'Rode draad 901: Te lang wachten op hulp',
    ]);
  });

  it('refuses a stakeholder group outside the programme and an unknown organisation', async () => {
    const group = await call(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({ stakeholderGroup: 'bestaat_niet' }),
    );
    expect(group.statusCode).toBe(400);
    expect(group.json().error.details.fields[0].path).toBe('stakeholderGroup');
    const organisation = await call(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({ ownerOrganisationId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(organisation.statusCode).toBe(400);
    expect(organisation.json().error.details.fields[0].path).toBe('ownerOrganisationId');
  });

  it('refuses an owner person of another organisation', async () => {
    await test.database.db
      .update(users)
      .set({ organisationId: otherOrganisationId })
      .where(eq(users.id, otherPolicymaker.user.id));
    const response = await call(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({ ownerUserId: otherPolicymaker.user.id }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('ownerUserId');
  });

  it('moves only along the allowed transitions, and dropping needs a reason', async () => {
    const action = await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput());
    const status = (status: string, version: number, reason = '') =>
      call('POST', `/api/actions/${action.id}/status`, fx.researcher, { status, version, reason });
    const skipped = await status('done', 1);
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().error.details.allowed).toEqual(['agreed', 'dropped']);
    const noReason = await status('dropped', 1);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].path).toBe('reason');
    let current = action;
    for (const next of ['agreed', 'in_progress', 'done', 'evaluated']) {
      const moved = await status(next, current.version);
      expect(moved.statusCode, moved.body).toBe(200);
      current = moved.json();
      expect(current.status).toBe(next);
    }
    expect(current.nextStatuses).toEqual([]);
    const final = await status('dropped', current.version, 'Toch niet');
    expect(final.statusCode).toBe(400);
    expect(final.json().error.message).toMatch(/kan niet meer veranderen/);

    const other = await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput());
    const dropped = await call('POST', `/api/actions/${other.id}/status`, fx.researcher, {
      status: 'dropped',
      reason: 'De aanbieder stopt in deze regio.',
      version: 1,
    });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json()).toMatchObject({
      status: 'dropped',
      dropReason: 'De aanbieder stopt in deze regio.',
    });
    const followUp = await call('POST', `/api/actions/${other.id}/follow-ups`, fx.researcher, {
      on: '2026-05-31',
      done: 'Nog iets gedaan',
    });
    expect(followUp.statusCode).toBe(409);
  });

  it('answers a stale version with 409 and both versions, changing nothing', async () => {
    const action = await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput());
    const { id: _id, ...fields } = actionInput({ title: 'Eerste wijziging' }) as Record<
      string,
      unknown
    >;
    await ok('PUT', `/api/actions/${action.id}`, fx.researcher, { ...fields, version: 1 });
    const stale = await call('PUT', `/api/actions/${action.id}`, fx.outsider, {
      ...fields,
      title: 'Tweede wijziging',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({
      title: 'Eerste wijziging',
      version: 2,
    });
    expect(stale.json().error.details.yours).toMatchObject({ title: 'Tweede wijziging' });
    const staleStatus = await call('POST', `/api/actions/${action.id}/status`, fx.researcher, {
      status: 'agreed',
      version: 1,
    });
    expect(staleStatus.statusCode).toBe(409);
    expect((await ok('GET', `/api/actions/${action.id}`, fx.researcher)).title).toBe(
      'Eerste wijziging',
    );
  });

  it('computes overdue from the clock: due date passed and not done, in every view', async () => {
    const due = await ok(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({ title: 'Te laat straks', dueOn: '2026-06-01' }),
    );
    // 23:40 in Amsterdam on the due date itself: not overdue yet.
    expect(due.isOverdue).toBe(false);
    now = new Date('2026-06-01T22:05:00Z');
    expect((await ok('GET', `/api/actions/${due.id}`, fx.researcher)).isOverdue).toBe(true);
    const list = await ok<{ items: Action[]; overdue: number; total: number }>(
      'GET',
      `${actionsOf(fx.programmeId)}?isOverdue=true&pageSize=200`,
      fx.researcher,
    );
    expect(list.items.map((a) => a.id)).toContain(due.id);
    expect(list.items.every((a) => a.isOverdue)).toBe(true);
    expect(list.overdue).toBe(list.total);
    // Done is never overdue.
    let current = due;
    for (const next of ['agreed', 'in_progress', 'done'])
      current = await ok('POST', `/api/actions/${due.id}/status`, fx.researcher, {
        status: next,
        version: current.version,
      });
    expect(current.isOverdue).toBe(false);
  });

  it('filters by organisation, stakeholder group and status, and pages in the database', async () => {
    await ok(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({
        title: 'Voor het onderwijs',
        ownerOrganisationId: otherOrganisationId,
        stakeholderGroup: 'onderwijs',
      }),
    );
    const byGroup = await ok<{ items: Action[]; total: number }>(
      'GET',
      `${actionsOf(fx.programmeId)}?stakeholderGroup=onderwijs`,
      fx.researcher,
    );
    expect(byGroup.items.map((a) => a.title)).toEqual(['Voor het onderwijs']);
    const byOrganisation = await ok<{ items: Action[] }>(
      'GET',
      `${actionsOf(fx.programmeId)}?ownerOrganisationId=${otherOrganisationId}`,
      fx.researcher,
    );
    expect(byOrganisation.items.map((a) => a.title)).toEqual(['Voor het onderwijs']);
    const page = await ok<{ items: Action[]; total: number; page: number }>(
      'GET',
      `${actionsOf(fx.programmeId)}?pageSize=2&page=2&sort=title`,
      fx.researcher,
    );
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(4);
    const status = await ok<{ items: Action[] }>(
      'GET',
      `${actionsOf(fx.programmeId)}?status=dropped`,
      fx.researcher,
    );
    expect(status.items.every((a) => a.status === 'dropped')).toBe(true);
  });

  it('lets the owner person outside the teams read, move and follow up their own action only', async () => {
    const action = await ok(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({ ownerUserId: policymaker.user.id, title: 'Wachtlijst in beeld' }),
    );
    const seen = await ok('GET', `/api/actions/${action.id}`, policymaker);
    expect(seen.abilities).toEqual({ edit: false, changeStatus: true, followUp: true });
    const mine = await ok<{ items: Action[] }>('GET', '/api/actions/mine', policymaker);
    expect(mine.items.map((a) => a.id)).toEqual([action.id]);
    const moved = await ok('POST', `/api/actions/${action.id}/status`, policymaker, {
      status: 'agreed',
      version: 1,
    });
    expect(moved.status).toBe('agreed');
    const followed = await ok('POST', `/api/actions/${action.id}/follow-ups`, policymaker, {
      on: '2026-05-30',
      done: 'Wachtlijst per maand gedeeld met de aanbieders.',
      effect: 'Twee jongeren eerder geholpen.',
      nextStep: 'Na de zomer opnieuw kijken.',
    });
    expect(followed.followUpEntries).toHaveLength(1);
    // Editing the action itself, the programme's list and someone else's action: not theirs.
    const { ...fields } = actionInput();
    expect(
      (await call('PUT', `/api/actions/${action.id}`, policymaker, { ...fields, version: 3 }))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', actionsOf(fx.programmeId), policymaker)).statusCode).toBe(404);
    expect((await call('GET', `/api/actions/${action.id}`, otherPolicymaker)).statusCode).toBe(404);
    // A follow-up dated in the future is refused.
    const future = await call('POST', `/api/actions/${action.id}/follow-ups`, policymaker, {
      on: '2026-07-01',
      done: 'Nog niet gebeurd',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].path).toBe('on');
    // A denied read is in the access log.
    const denied = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.userId, otherPolicymaker.user.id),
          eq(accessLog.resourceType, 'improvement_action'),
          eq(accessLog.outcome, 'denied'),
        ),
      );
    expect(denied[0]!.n).toBe(1);
  });

  it('lets experts by experience read but not write, and keeps other programmes out', async () => {
    const list = await call('GET', actionsOf(fx.programmeId), expert);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities.create).toBe(false);
    const first = list.json().items[0] as Action;
    expect((await ok('GET', `/api/actions/${first.id}`, expert)).abilities.edit).toBe(false);
    expect((await call('POST', actionsOf(fx.programmeId), expert, actionInput())).statusCode).toBe(
      404,
    );
    expect((await call('GET', actionsOf(fx.programmeId), strangerProfessional)).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/api/actions/${first.id}`, strangerProfessional)).statusCode).toBe(
      404,
    );
    // An unknown programme answers 404 before its body is even read.
    const unknown = await call(
      'POST',
      actionsOf('00000000-0000-4000-8000-000000000000'),
      fx.researcher,
      { nonsense: true },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('shows participants only the summary of their own programme', async () => {
    const summary = await call(
      'GET',
      `/api/programmes/${fx.programmeId}/action-summary`,
      participant,
    );
    expect(summary.statusCode).toBe(200);
    expect(
      (await call('GET', `/api/programmes/${otherProgrammeId}/action-summary`, participant))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', actionsOf(fx.programmeId), participant)).statusCode).toBe(404);
    const programmes = await ok<{ items: { id: string; abilities: { readActions: boolean } }[] }>(
      'GET',
      '/api/action-programmes',
      participant,
    );
    expect(programmes.items.map((p) => [p.id, p.abilities.readActions])).toEqual([
      [fx.programmeId, false],
    ]);
    // Policymakers see the summary of any programme.
    expect(
      (await call('GET', `/api/programmes/${otherProgrammeId}/action-summary`, policymaker))
        .statusCode,
    ).toBe(200);
  });

  it('writes a plain summary from agreed on, per stakeholder group, with no names of people', async () => {
    const evaluated = await ok(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({
        title: 'Mentor bij elk overleg',
        plainSummary: 'De mentor van school praat mee als er een plan wordt gemaakt.',
        plainResult: 'Jongeren zeggen dat school en hulp nu beter samenwerken.',
        stakeholderGroup: 'onderwijs',
        ownerUserId: policymaker.user.id,
      }),
    );
    let current = evaluated;
    for (const next of ['agreed', 'in_progress', 'done', 'evaluated'])
      current = await ok('POST', `/api/actions/${evaluated.id}/status`, fx.researcher, {
        status: next,
        version: current.version,
      });
    await ok('POST', `/api/actions/${evaluated.id}/follow-ups`, fx.researcher, {
      on: '2026-05-31',
      done: 'Klaas de Vries heeft het besproken met de scholen.',
      effect: 'Minder uitval bij Sanne.',
    });
    const response = await call(
      'GET',
      `/api/programmes/${fx.programmeId}/action-summary`,
      participant,
    );
    const summary = actionSummarySchema.parse(response.json());
    const education = summary.groups.find((g) => g.code === 'onderwijs')!;
    expect(education.actions.map((a) => a.summary)).toContain(
      'De mentor van school praat mee als er een plan wordt gemaakt.',
    );
    expect(education.sentence).toMatch(/^Voor onderwijs spraken we \d+ ding(en)? af\./);
    // Proposed actions are not in it; counts add up.
    const text = JSON.stringify(summary);
    expect(text).not.toContain('Voor het onderwijs');
    for (const group of summary.groups)
      expect(group.counts.underway + group.counts.done + group.counts.dropped).toBe(
        group.counts.agreed,
      );
    // No names of people: not the owner, not a follow-up's author or text, not the description.
    const names = await test.database.db.select({ name: users.displayName }).from(users);
    for (const { name } of names) expect(text).not.toContain(name);
    for (const secret of ['Klaas de Vries', 'Sanne', 'Piet Jansen', 'De aanbieder stopt'])
      expect(text).not.toContain(secret);

    const english = await ok<{ title: string }>(
      'GET',
      `/api/programmes/${fx.programmeId}/action-summary?lang=en`,
      participant,
    );
    expect(english.title).toBe('What happened with what we learned');

    const pdf = await call(
      'GET',
      `/api/programmes/${fx.programmeId}/action-summary.pdf`,
      participant,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfWords = pdfText(pdf.rawPayload);
    if (pdfWords !== null) {
      const flat = pdfWords.replace(/\s+/g, ' ');
      expect(flat).toContain('Wat er gebeurde met wat we leerden');
      expect(flat).toContain('De mentor van school praat mee');
      expect(flat).toContain('Jongeren zeggen dat school en hulp nu beter samenwerken.');
      for (const { name } of names) expect(flat).not.toContain(name);
      expect(flat).not.toContain('Klaas de Vries');
    }
    const exported = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.userId, participant.user.id),
          eq(accessLog.resourceType, 'action_summary'),
          eq(accessLog.action, 'export'),
        ),
      );
    expect(exported[0]!.n).toBe(1);
  });

  it('plans a network meeting with attendees and material, and creates an action in it', async () => {
    const base = `/api/programmes/${fx.programmeId}/network-meetings`;
    const meeting = await ok<{ id: string; version: number }>('POST', base, fx.researcher, {
      theme: 'Wachttijden en passende hulp',
      meetsOn: '2026-06-20',
    });
    const path = `/api/network-meetings/${meeting.id}`;
    await ok('POST', `${path}/attendees`, fx.researcher, {
      kind: 'group',
      organisationId,
      roleLabel: 'beleidsmedewerker jeugd',
      count: 3,
    });
    await ok('POST', `${path}/attendees`, fx.researcher, {
      kind: 'user',
      userId: policymaker.user.id,
    });
    await ok('POST', `${path}/materials`, fx.researcher, {
      kind: 'quarterly_report',
      regionCode: 'JZ16',
      year: 2026,
      quarter: 1,
    });
    const before = await test.database.db.select({ n: count() }).from(networkMaterials);
    const thread = await call('POST', `${path}/materials`, fx.researcher, {
      kind: 'thread',
      targetId: meetingId,
    });
    expect(thread.statusCode).toBe(400);
    const region = await call('POST', `${path}/materials`, fx.researcher, {
      kind: 'quarterly_report',
      regionCode: 'XX99',
      year: 2026,
      quarter: 1,
    });
    expect(region.statusCode).toBe(400);
    expect(await test.database.db.select({ n: count() }).from(networkMaterials)).toEqual(before);
    await ok('POST', `${path}/materials`, fx.researcher, {
      kind: 'case_summary',
      title: 'Jongere van 15, drie plaatsingen in twee jaar',
      body: 'Na drie wisselingen van woonplek viel school weg.',
    });
    const created = await ok('POST', `${path}/actions`, fx.researcher, actionInput());
    expect(created.links.map((l) => [l.kind, l.targetId, l.detail])).toEqual([
      ['network_meeting', meeting.id, 'Wachttijden en passende hulp'],
    ]);
    const read = networkMeetingSchema.parse(await ok<unknown>('GET', path, fx.researcher));
    expect(read.attendees.map((a) => [a.kind, a.count])).toEqual([
      ['group', 3],
      ['user', 1],
    ]);
    expect(read.materials.map((m) => m.kind)).toEqual(['quarterly_report', 'case_summary']);
    expect(read.materials[0]).toMatchObject({ regionCode: 'JZ16', year: 2026, quarter: 1 });
    expect(read.actions.map((a) => a.id)).toEqual([created.id]);
    // Held, with outcomes; a stale version is refused with both versions.
    const held = await ok<{ version: number; status: string }>('PUT', path, fx.researcher, {
      theme: 'Wachttijden en passende hulp',
      meetsOn: '2026-06-20',
      status: 'held',
      outcomes: 'Afgesproken: één aanspreekpunt.',
      version: read.version,
    });
    expect(held.status).toBe('held');
    const stale = await call('PUT', path, fx.outsider, {
      theme: 'Ander thema',
      meetsOn: '2026-06-20',
      status: 'held',
      version: read.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.theme).toBe('Wachttijden en passende hulp');
    const history = await ok<{ items: { entity: string }[] }>(
      'GET',
      `${path}/history`,
      fx.researcher,
    );
    expect(history.items.map((h) => h.entity)).toEqual([
      'meeting',
      'attendee',
      'attendee',
      'material',
      'material',
      'meeting',
    ]);
    // Removing material; the list counts attendees by head.
    await ok('DELETE', `${path}/materials/${read.materials[1]!.id}`, fx.researcher);
    const list = await ok<{ items: { id: string; attendees: number; actions: number }[] }>(
      'GET',
      base,
      fx.researcher,
    );
    expect(list.items.find((m) => m.id === meeting.id)).toMatchObject({ attendees: 4, actions: 1 });
    // Experts by experience read the network; policymakers and participants do not.
    expect((await call('GET', path, expert)).statusCode).toBe(200);
    expect(
      (await call('POST', base, expert, { theme: 'x', meetsOn: '2026-07-01' })).statusCode,
    ).toBe(404);
    expect((await call('GET', path, policymaker)).statusCode).toBe(404);
    expect((await call('GET', path, participant)).statusCode).toBe(404);
    expect((await call('GET', path, strangerProfessional)).statusCode).toBe(404);
  });

  it('offers owners and link targets to writers, and links and unlinks with history', async () => {
    const owners = await ok<{ items: { id: string }[] }>(
      'GET',
      `/api/programmes/${fx.programmeId}/action-owners?organisationId=${organisationId}`,
      fx.researcher,
    );
    const ownerIds = owners.items.map((o) => o.id);
    expect(ownerIds).toContain(fx.researcher.user.id);
    expect(ownerIds).toContain(expert.user.id);
    expect(ownerIds).not.toContain(participant.user.id);
    expect(
      (await call('GET', `/api/programmes/${fx.programmeId}/action-owners`, expert)).statusCode,
    ).toBe(404);

    const targets = await ok<{
      reviewMeetings: { id: string; caseCode: string; steps: { id: string }[] }[];
      networkMeetings: { id: string }[];
    }>('GET', `/api/programmes/${fx.programmeId}/action-link-targets`, fx.researcher);
    expect(targets.reviewMeetings.map((m) => [m.id, m.steps.map((st) => st.id)])).toEqual([
      [meetingId, [stepId]],
    ]);
    expect(targets.networkMeetings.length).toBeGreaterThan(0);
    // The other programme's meeting is not offered, and listing is logged against the case.
    expect(JSON.stringify(targets)).not.toContain(otherMeetingId);
    const listed = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.caseId, fx.caseId),
          eq(accessLog.resourceType, 'review_meeting'),
          eq(accessLog.action, 'list'),
          eq(accessLog.userId, fx.researcher.user.id),
        ),
      );
    expect(listed[0]!.n).toBeGreaterThan(0);

    const action = await ok('POST', actionsOf(fx.programmeId), fx.researcher, actionInput());
    const linked = await ok('POST', `/api/actions/${action.id}/links`, fx.researcher, {
      kind: 'plan_step',
      targetId: stepId,
    });
    expect(linked.links.map((l) => l.kind)).toEqual(['plan_step']);
    const twice = await call('POST', `/api/actions/${action.id}/links`, fx.researcher, {
      kind: 'plan_step',
      targetId: stepId,
    });
    expect(twice.statusCode).toBe(409);
    // The owner outside the teams sees the link, but not the case behind it.
    const owned = await ok(
      'POST',
      actionsOf(fx.programmeId),
      fx.researcher,
      actionInput({
        ownerUserId: policymaker.user.id,
        links: [{ kind: 'plan_step', targetId: stepId }],
      }),
    );
    const seenByOwner = await ok('GET', `/api/actions/${owned.id}`, policymaker);
    expect(seenByOwner.links[0]).toMatchObject({
      kind: 'plan_step',
      caseId: null,
      caseCode: null,
      detail: null,
    });
    const unlinked = await ok(
      'DELETE',
      `/api/actions/${action.id}/links/${linked.links[0]!.id}`,
      fx.researcher,
    );
    expect(unlinked.links).toEqual([]);
    const history = await ok<{ items: { entity: string; change: string }[] }>(
      'GET',
      `/api/actions/${action.id}/history`,
      fx.researcher,
    );
    expect(history.items.map((h) => `${h.entity}:${h.change}`)).toEqual([
      'action:created',
      'link:created',
      'link:deleted',
    ]);
  });

  it('removes an attendee of a network meeting', async () => {
    const meeting = await ok<{ id: string }>(
      'POST',
      `/api/programmes/${fx.programmeId}/network-meetings`,
      fx.researcher,
      { theme: 'Kort', meetsOn: '2026-05-01' },
    );
    const withAttendee = networkMeetingSchema.parse(
      await ok<unknown>('POST', `/api/network-meetings/${meeting.id}/attendees`, fx.researcher, {
        kind: 'group',
        organisationId,
        roleLabel: 'wijkteam',
        count: 2,
      }),
    );
    const removed = networkMeetingSchema.parse(
      await ok<unknown>(
        'DELETE',
        `/api/network-meetings/${meeting.id}/attendees/${withAttendee.attendees[0]!.id}`,
        fx.researcher,
      ),
    );
    expect(removed.attendees).toEqual([]);
    expect(
      (
        await call(
          'DELETE',
          `/api/network-meetings/${meeting.id}/attendees/${withAttendee.attendees[0]!.id}`,
          fx.researcher,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('keeps every change of an action in its history, follow-ups included', async () => {
    const rows = await test.database.db
      .select({ n: count() })
      .from(actionHistory)
      .where(eq(actionHistory.entity, 'follow_up'));
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
