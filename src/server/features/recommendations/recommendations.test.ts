import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf, type Session } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { synthesisThreads } from '../synthesis/schema';
import {
  recommendationListSchema,
  recommendationMatrixSchema,
  recommendationSchema,
  type Recommendation,
  type RecommendationList,
  type RecommendationMatrix,
} from '../../../shared/contract/recommendations';
import {
  recommendationHistory,
  recommendationLinks,
  recommendationReviews,
  recommendationThreads,
  recommendations,
} from './schema';

describe.each(testDatabaseKinds())('recommendations and their review (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let expert: Session;
  let secondExpert: Session;
  let professional: Session;
  let policymaker: Session;
  let strangerResearcher: Session;
  let strangerExpert: Session;
  let otherProgrammeId: string;
  let threadA: string;
  let threadB: string;
  let supersededThread: string;
  let otherThread: string;
  let otherRecommendation: string;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });

  async function ok<T = Recommendation>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ): Promise<T> {
    const response = await call(method, url, session, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as T;
  }

  const base = () => `/api/programmes/${fx.programmeId}/recommendations`;
  const input = (overrides: object = {}) => ({
    title: 'Eén vast aanspreekpunt bij elke overdracht',
    body: 'Zorg dat jongeren bij een overdracht één vaste persoon houden.',
    stakeholderGroup: 'zorgaanbieders_branches',
    threadIds: [threadA],
    ...overrides,
  });
  const countOf = async (
    table:
      | typeof recommendations
      | typeof recommendationThreads
      | typeof recommendationLinks
      | typeof recommendationReviews
      | typeof recommendationHistory,
  ) => (await test.database.db.select({ n: count() }).from(table))[0]!.n;
  const counts = async () => ({
    recommendations: await countOf(recommendations),
    threads: await countOf(recommendationThreads),
    links: await countOf(recommendationLinks),
    reviews: await countOf(recommendationReviews),
    history: await countOf(recommendationHistory),
  });

  async function addThread(programmeId: string, number: number, title: string) {
    const [row] = await test.database.db
      .insert(synthesisThreads)
      .values({ programmeId, number, title })
      .returning({ id: synthesisThreads.id });
    return row!.id;
  }

  async function member(role: 'expert_by_experience' | 'professional', teamId: string) {
    const session = await loginAs(test, role);
    await fx.call(fx.admin, 'PUT', `/api/teams/${teamId}/members`, {
      userId: session.user.id,
      roleLabel: 'other',
    });
    return session;
  }

  beforeAll(async () => {
    test = await createTestApp(kind);
    fx = await caseFixture(test);
    expert = await member('expert_by_experience', fx.teamId);
    secondExpert = await member('expert_by_experience', fx.otherTeamId);
    professional = await member('professional', fx.teamId);
    policymaker = await loginAs(test, 'policymaker');
    // Another programme with its own team, researcher, expert, thread and recommendation.
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
    strangerResearcher = await loginAs(test, 'researcher');
    strangerExpert = await loginAs(test, 'expert_by_experience');
    for (const s of [strangerResearcher, strangerExpert])
      await fx.call(fx.admin, 'PUT', `/api/teams/${otherTeam}/members`, {
        userId: s.user.id,
        roleLabel: 'other',
      });
    threadA = await addThread(fx.programmeId, 1, 'Steeds opnieuw je verhaal vertellen');
    threadB = await addThread(fx.programmeId, 2, 'School komt op de tweede plaats');
    supersededThread = await addThread(fx.programmeId, 3, 'Wachten (oude formulering)');
    await test.database.db
      .update(synthesisThreads)
      .set({ status: 'superseded', supersededBy: threadB })
      .where(eq(synthesisThreads.id, supersededThread));
    otherThread = await addThread(otherProgrammeId, 1, 'Draad van een ander programma');
    otherRecommendation = (
      await ok(
        'POST',
        `/api/programmes/${otherProgrammeId}/recommendations`,
        strangerResearcher,
        input({ threadIds: [otherThread] }),
      )
    ).id;
  });
  afterAll(() => test.close());

  it('creates a numbered draft on threads of the programme, with history and an access-log entry', async () => {
    const created = await ok('POST', base(), fx.researcher, input());
    expect(recommendationSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      number: 1,
      reviewState: 'draft',
      version: 1,
      stakeholderGroup: { code: 'zorgaanbieders_branches', label: 'Zorgaanbieders en branches' },
      threads: [{ id: threadA, number: 1, status: 'active' }],
      nextStates: ['in_review', 'withdrawn'],
      abilities: {
        edit: true,
        move: true,
        link: true,
        review: false,
        verdict: false,
        reply: true,
      },
    });
    const second = await ok(
      'POST',
      base(),
      fx.researcher,
      input({
        title: 'Vraag op school naar wat wel lukt',
        stakeholderGroup: 'onderwijs',
        threadIds: [threadA, threadB],
        links: [{ recommendationId: created.id, note: 'Beide gaan over overdracht' }],
      }),
    );
    expect(second.number).toBe(2);
    // The database holds the numbering too: a second number 2 in the programme is refused.
    await expect(
      test.database.db.insert(recommendations).values({
        programmeId: fx.programmeId,
        number: 2,
        stakeholderGroup: 'onderwijs',
        title: 'Dubbel nummer',
      }),
    ).rejects.toThrow();
    expect(second.links).toEqual([
      {
        recommendation: expect.objectContaining({ id: created.id, number: 1 }),
        note: 'Beide gaan over overdracht',
      },
    ]);
    // Stored once, the lower id first.
    const [link] = await test.database.db.select().from(recommendationLinks);
    expect(link!.fromId < link!.toId).toBe(true);
    const entries = await test.database.db
      .select()
      .from(accessLog)
      .where(
        and(eq(accessLog.resourceType, 'recommendation'), eq(accessLog.resourceId, second.id)),
      );
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'read']);
    expect(entries.every((e) => e.caseId === null && e.grounds === 'team_membership')).toBe(true);
  });

  it('refuses bad input with a reason and stores nothing of it', async () => {
    const before = await counts();
    const [first] = (await ok<RecommendationList>('GET', base(), fx.researcher)).items;
    const cases: [object, number, string | undefined][] = [
      [input({ stakeholderGroup: 'bakkers' }), 400, 'unknown_stakeholder_group'],
      [input({ threadIds: [threadA, otherThread] }), 400, 'thread_other_programme'],
      [input({ threadIds: [] }), 400, undefined],
      [input({ threadIds: [supersededThread] }), 400, 'thread_not_active'],
      [input({ threadIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'thread_not_found'],
      [
        input({ links: [{ recommendationId: otherRecommendation, note: '' }] }),
        400,
        'recommendation_other_programme',
      ],
      [input({ title: '   ' }), 400, undefined],
    ];
    for (const [payload, status, reason] of cases) {
      const response = await call('POST', base(), fx.researcher, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe('INVALID_INPUT');
      expect(response.json().error.message).toMatch(/[a-z]/);
      if (reason) expect(response.json().error.details.reason).toBe(reason);
    }
    const self = await call('POST', `${base()}/${first!.id}/links`, fx.researcher, {
      recommendationId: first!.id,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.reason).toBe('link_to_self');
    const foreign = await call('POST', `${base()}/${first!.id}/links`, fx.researcher, {
      recommendationId: otherRecommendation,
    });
    expect(foreign.json().error.details.reason).toBe('recommendation_other_programme');
    const editToOther = await call('PUT', `${base()}/${first!.id}`, fx.researcher, {
      ...input({ threadIds: [otherThread] }),
      version: 1,
    });
    expect(editToOther.json().error.details.reason).toBe('thread_other_programme');
    expect(await counts()).toEqual(before);
  });

  it('answers 404 to whoever may not do it, before looking at the input', async () => {
    const [first] = (await ok<RecommendationList>('GET', base(), fx.researcher)).items;
    const one = `${base()}/${first!.id}`;
    // Reading: the programme's case staff only.
    for (const session of [policymaker, strangerResearcher, strangerExpert, fx.admin])
      expect((await call('GET', base(), session)).statusCode).toBe(404);
    for (const session of [expert, professional, secondExpert])
      expect((await call('GET', one, session)).statusCode).toBe(200);
    // Writing: researchers of the programme; an invalid body still answers 404 first.
    for (const session of [expert, professional, strangerResearcher])
      expect((await call('POST', base(), session, {})).statusCode).toBe(404);
    expect((await call('PUT', one, professional, {})).statusCode).toBe(404);
    // Reviewing: experts by experience of the programme.
    for (const session of [fx.researcher, professional, strangerExpert])
      expect(
        (await call('POST', `${one}/reviews`, session, { verdict: 'approve', version: 1 }))
          .statusCode,
      ).toBe(404);
    // A recommendation of another programme through this programme's URL: 404.
    expect((await call('GET', `${base()}/${otherRecommendation}`, fx.researcher)).statusCode).toBe(
      404,
    );
    const denied = await test.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.resourceType, 'recommendation'), eq(accessLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('goes through review by experts by experience before publication; a reviewed version is the published one', async () => {
    const created = await ok('POST', base(), fx.researcher, input({ title: 'Luister eerst' }));
    const url = `${base()}/${created.id}`;
    const move = (to: string, version: number, reason = '') =>
      call('POST', `${url}/state`, fx.researcher, { to, version, reason });
    const review = (session: Session, verdict: string, version: number, comment = '') =>
      call('POST', `${url}/reviews`, session, { verdict, version, comment });

    const early = await move('published', 1);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('not_approved');
    // Not in review yet: a verdict is refused, a comment is welcome.
    expect((await review(expert, 'approve', 1)).statusCode).toBe(409);
    expect((await review(expert, 'comment', 1, 'Mooi begin')).statusCode).toBe(201);

    expect((await move('in_review', 1)).json().reviewState).toBe('in_review');
    const toReview = await ok<RecommendationList>('GET', `${base()}?toReview=true`, expert);
    expect(toReview.items.map((i) => i.id)).toContain(created.id);
    expect(toReview.items.every((i) => i.awaitsMyReview)).toBe(true);
    const listed = await ok<RecommendationList>('GET', base(), secondExpert);
    expect(listed.items.find((i) => i.id === created.id)!.awaitsMyReview).toBe(true);
    expect(listed.items.filter((i) => i.awaitsMyReview)).toHaveLength(1);

    const noComment = await review(expert, 'request_changes', 1);
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.details.fields[0].path).toBe('comment');
    const changes = await review(expert, 'request_changes', 1, 'Schrijf het in gewone taal');
    expect(changes.statusCode).toBe(201);
    expect(changes.json().reviewState).toBe('changes_requested');
    const afterVerdict = await ok<RecommendationList>('GET', `${base()}?toReview=true`, expert);
    expect(afterVerdict.items.map((i) => i.id)).not.toContain(created.id);
    const mark = async (session: Session) =>
      (await ok<RecommendationList>('GET', base(), session)).items.find((i) => i.id === created.id)!
        .awaitsMyReview;
    expect(await mark(expert)).toBe(false);
    expect(await mark(fx.researcher)).toBe(false);

    // The researcher rewrites it: version 2, still waiting for changes to be sent back.
    const edited = await ok('PUT', url, fx.researcher, {
      ...input({ title: 'Luister eerst naar de jongere' }),
      version: 1,
    });
    expect(edited).toMatchObject({ version: 2, reviewState: 'changes_requested' });
    await ok('POST', `${url}/comments`, fx.researcher, { comment: 'Aangepast, kijk je nog eens?' });
    expect((await move('in_review', 2)).statusCode).toBe(200);
    // A verdict on the version the expert read before is refused.
    const staleVerdict = await review(expert, 'approve', 1);
    expect(staleVerdict.statusCode).toBe(409);
    expect(staleVerdict.json().error.details.reason).toBe('stale_version');
    const approved = await review(secondExpert, 'approve', 2, 'Zo is het duidelijk');
    expect(approved.json().reviewState).toBe('approved');

    // An edit after approval sends it back to review, so publishing must wait.
    const afterApproval = await ok('PUT', url, fx.researcher, {
      ...input({ title: 'Luister eerst naar de jongere zelf' }),
      version: 2,
    });
    expect(afterApproval).toMatchObject({ version: 3, reviewState: 'in_review' });
    expect((await move('published', 3)).statusCode).toBe(409);
    expect((await review(expert, 'approve', 3)).statusCode).toBe(201);
    const published = await move('published', 3);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ reviewState: 'published', version: 3 });
    expect(published.json().publishedAt).not.toBeNull();

    const detail = await ok('GET', url, fx.researcher);
    expect(detail.reviews.map((r) => [r.verdict, r.recommendationVersion])).toEqual([
      ['comment', 1],
      ['request_changes', 1],
      ['comment', 2],
      ['approve', 2],
      ['approve', 3],
    ]);
    const approvals = await test.database.db
      .select()
      .from(recommendationReviews)
      .where(
        and(
          eq(recommendationReviews.recommendationId, created.id),
          eq(recommendationReviews.verdict, 'approve'),
        ),
      );
    expect(approvals.map((a) => a.recommendationVersion)).toContain(detail.version);

    // Editing the published text takes it out of publication and back into review.
    const republish = await ok('PUT', url, fx.researcher, {
      ...input({ title: 'Luister eerst, echt' }),
      version: 3,
    });
    expect(republish).toMatchObject({ reviewState: 'in_review', publishedAt: null, version: 4 });

    // Withdrawing needs a reason; afterwards nothing changes any more.
    const noReason = await move('withdrawn', 4);
    expect(noReason.statusCode).toBe(400);
    const withdrawn = await move('withdrawn', 4, 'Opgegaan in aanbeveling 1');
    expect(withdrawn.json()).toMatchObject({
      reviewState: 'withdrawn',
      withdrawnReason: 'Opgegaan in aanbeveling 1',
      nextStates: [],
      abilities: { edit: false, move: false, review: false, verdict: false, reply: false },
    });
    expect((await call('PUT', url, fx.researcher, { ...input(), version: 4 })).statusCode).toBe(
      409,
    );
    expect((await review(expert, 'comment', 4, 'Jammer')).statusCode).toBe(409);
    const [row] = await test.database.db
      .select()
      .from(recommendations)
      .where(eq(recommendations.id, created.id));
    expect(row!.reviewState).toBe('withdrawn');

    const history = await ok<{ items: { change: string; fields: string[] }[] }>(
      'GET',
      `${url}/history`,
      professional,
    );
    expect(history.items.map((h) => h.change)).toEqual([
      'created',
      'state_changed',
      'reviewed',
      'updated',
      'state_changed',
      'reviewed',
      'updated',
      'reviewed',
      'state_changed',
      'updated',
      'state_changed',
    ]);
    expect(history.items[3]!.fields).toEqual(['title']);
  });

  it('refuses a stale edit with both versions and keeps what was stored', async () => {
    const created = await ok('POST', base(), fx.researcher, input({ title: 'Versietest' }));
    const url = `${base()}/${created.id}`;
    await ok('PUT', url, fx.researcher, { ...input({ title: 'Eerste wijziging' }), version: 1 });
    const response = await call('PUT', url, fx.researcher, {
      ...input({ title: 'Tweede wijziging op oude versie' }),
      version: 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.current).toMatchObject({
      title: 'Eerste wijziging',
      version: 2,
    });
    expect(response.json().error.details.yours).toMatchObject({
      title: 'Tweede wijziging op oude versie',
    });
    expect((await ok('GET', url, fx.researcher)).title).toBe('Eerste wijziging');
    const staleMove = await call('POST', `${url}/state`, fx.researcher, {
      to: 'in_review',
      version: 1,
    });
    expect(staleMove.statusCode).toBe(409);
  });

  it('keeps a superseded thread that was already linked, but does not link it anew', async () => {
    const [row] = await test.database.db
      .insert(synthesisThreads)
      .values({ programmeId: fx.programmeId, number: 4, title: 'Wordt zo vervangen' })
      .returning();
    const created = await ok('POST', base(), fx.researcher, input({ threadIds: [row!.id] }));
    await test.database.db
      .update(synthesisThreads)
      .set({ status: 'superseded', supersededBy: threadB })
      .where(eq(synthesisThreads.id, row!.id));
    const kept = await ok('PUT', `${base()}/${created.id}`, fx.researcher, {
      ...input({ threadIds: [row!.id, threadB], title: 'Met de nieuwe draad erbij' }),
      version: 1,
    });
    expect(kept.threads.map((t) => [t.number, t.status])).toEqual([
      [2, 'active'],
      [4, 'superseded'],
    ]);
    const matrix = await ok<RecommendationMatrix>('GET', `${base()}/matrix`, fx.researcher);
    expect(matrix.rows.map((r) => r.thread.number)).toEqual([1, 2, 4]);
  });

  it('links and unlinks samenhang once, from either side', async () => {
    const list = await ok<RecommendationList>('GET', base(), fx.researcher);
    const [a, b] = list.items.filter((i) => i.reviewState !== 'withdrawn');
    const linkedBefore = list.links.length;
    await ok('POST', `${base()}/${a!.id}/links`, fx.researcher, {
      recommendationId: list.items.at(-1)!.id,
      note: '',
    });
    const twice = await call('POST', `${base()}/${list.items.at(-1)!.id}/links`, fx.researcher, {
      recommendationId: a!.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('already_linked');
    expect((await ok<RecommendationList>('GET', base(), expert)).links).toHaveLength(
      linkedBefore + 1,
    );
    // Unlinked from the other side than where it was made.
    const unlinked = await ok(
      'DELETE',
      `${base()}/${list.items.at(-1)!.id}/links/${a!.id}`,
      fx.researcher,
    );
    expect(unlinked.links.map((l) => l.recommendation.id)).not.toContain(a!.id);
    const foreign = await call(
      'DELETE',
      `${base()}/${b!.id}/links/${otherRecommendation}`,
      fx.researcher,
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.reason).toBe('recommendation_other_programme');
    // Removing it once more changes nothing.
    const history = await countOf(recommendationHistory);
    await ok('DELETE', `${base()}/${list.items.at(-1)!.id}/links/${a!.id}`, fx.researcher);
    expect(await countOf(recommendationHistory)).toBe(history);
    expect((await call('POST', `${base()}/${a!.id}/links`, expert, {})).statusCode).toBe(404);
  });

  it('shows threads × stakeholder groups as a matrix without withdrawn recommendations', async () => {
    const matrix = await ok<RecommendationMatrix>('GET', `${base()}/matrix`, expert);
    expect(recommendationMatrixSchema.parse(matrix)).toEqual(matrix);
    expect(matrix.groups.map((g) => g.code)).toEqual([
      'ervaringsdeskundigen',
      'professionals',
      'zorgaanbieders_branches',
      'gemeenten',
      'opleiders',
      'onderwijs',
    ]);
    const rowA = matrix.rows.find((r) => r.thread.id === threadA)!;
    expect(rowA.cells).toHaveLength(6);
    const onderwijs = rowA.cells[5]!;
    expect(onderwijs.map((c) => c.title)).toEqual(['Vraag op school naar wat wel lukt']);
    const all = matrix.rows.flatMap((r) => r.cells.flat());
    expect(all.some((c) => c.reviewState === 'withdrawn')).toBe(false);
    // The superseded thread without any recommendation is not a row.
    expect(matrix.rows.map((r) => r.thread.id)).not.toContain(supersededThread);
    // Totals count a recommendation once per group even when it rests on two threads.
    expect(matrix.totals[5]).toBe(1);
    const filtered = await ok<RecommendationList>(
      'GET',
      `${base()}?threadId=${threadB}&state=draft`,
      fx.researcher,
    );
    expect(recommendationListSchema.parse(filtered)).toEqual(filtered);
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.threadIds.includes(threadB))).toBe(true);
    expect(filtered.items.every((i) => i.reviewState === 'draft')).toBe(true);
  });
});
