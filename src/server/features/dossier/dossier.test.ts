import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import type { InstrumentContent } from '../../../shared/contract/instruments';
import { accessLog } from '../audit/schema';
import { dossierAnswerHistory, dossierAnswerLinks, dossierAnswers } from './schema';

describe.each(testDatabaseKinds())('dossier research (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let youthId: string;
  let motherId: string;
  let checklistId: string;
  let checklistV1: string;
  let youthConsentId: string;
  let placementId: string;
  let dossierDiagnosisId: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2010 });
    youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    motherId = await fx.addParticipant({ kind: 'parent', label: 'moeder', hasAuthority: true });
    const list = (await call('GET', '/api/instruments', fx.researcher)).json();
    const checklist = list.items.find((i: { kind: string }) => i.kind === 'dossier_checklist');
    checklistId = checklist.id;
    checklistV1 = checklist.latestPublishedVersionId;
    placementId = (
      await call('POST', `/api/cases/${fx.caseId}/timeline/items`, fx.researcher, {
        kind: 'period',
        lane: 'living',
        title: 'Pleeggezin A',
        start: { precision: 'year', year: 2018 },
        source: 'professional',
        categoryCode: 'foster_family',
        reference: 'pleeggezin A',
      })
    ).json().id;
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const dossier = () => `/api/cases/${fx.caseId}/dossier`;
  const answer = (key: string) => `${dossier()}/answers/${key}`;
  const stored = async () => {
    const db = test.database.db;
    const where = eq(dossierAnswers.caseId, fx.caseId);
    return {
      answers: (await db.select({ n: count() }).from(dossierAnswers).where(where))[0]!.n,
      history: (
        await db
          .select({ n: count() })
          .from(dossierAnswerHistory)
          .where(eq(dossierAnswerHistory.caseId, fx.caseId))
      )[0]!.n,
      links: (
        await db
          .select({ n: count() })
          .from(dossierAnswerLinks)
          .where(eq(dossierAnswerLinks.caseId, fx.caseId))
      )[0]!.n,
    };
  };
  const logged = async (resourceType: string, action: string) =>
    (
      await test.database.db
        .select({ n: count() })
        .from(accessLog)
        .where(
          and(
            eq(accessLog.caseId, fx.caseId),
            eq(accessLog.resourceType, resourceType),
            eq(accessLog.action, action),
            eq(accessLog.outcome, 'success'),
          ),
        )
    )[0]!.n;

  it('refuses reading and writing without dossier consent (403 CONSENT_MISSING), and logs it', async () => {
    const read = await call('GET', dossier(), fx.researcher);
    expect(read.statusCode, read.body).toBe(403);
    expect(read.json().error.code).toBe('CONSENT_MISSING');
    const start = await call('POST', dossier(), fx.researcher, {
      instrumentVersionId: checklistV1,
    });
    expect(start.statusCode).toBe(403);
    expect(start.json().error.code).toBe('CONSENT_MISSING');
    // Consent is asked before the body is read: even a malformed answer gets the 403.
    const write = await call('PUT', answer('hulpvraag_in_dossier'), fx.researcher, {});
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('CONSENT_MISSING');
    const denied = await test.database.db
      .select({ grounds: accessLog.grounds })
      .from(accessLog)
      .where(and(eq(accessLog.userId, fx.researcher.user.id), eq(accessLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect(new Set(denied.map((d) => d.grounds))).toEqual(new Set(['team_membership']));
    // Outside the case, or without case-level rights, it stays a 404.
    expect((await call('GET', dossier(), fx.outsider)).statusCode).toBe(404);
    const policymaker = await loginAs(test, 'policymaker');
    expect((await call('GET', dossier(), policymaker)).statusCode).toBe(404);
    expect((await call('GET', dossier(), fx.admin)).statusCode).toBe(404);
  });

  it('starts one review per case from a published checklist version, once consent is complete', async () => {
    // The youth is 15 or 16: both the youth and the mother (with authority) consent.
    const consent = async (payload: object) =>
      (
        await call('POST', `/api/cases/${fx.caseId}/consents`, fx.researcher, {
          purpose: 'dossier',
          givenOn: '2026-05-01',
          formVersion: 'v1',
          ...payload,
        })
      ).json().id as string;
    youthConsentId = await consent({ participantId: youthId, givenBy: 'self' });
    await consent({
      participantId: youthId,
      givenBy: 'legal_representative',
      representativeId: motherId,
    });
    const empty = await call('GET', dossier(), fx.researcher);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ review: null, abilities: { write: true } });

    const domains = (await call('GET', '/api/instruments', fx.researcher))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'analysis_domains');
    const wrongKind = await call('POST', dossier(), fx.researcher, {
      instrumentVersionId: domains.latestPublishedVersionId,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details.fields[0].path).toBe('instrumentVersionId');

    const started = await call('POST', dossier(), fx.researcher, {
      instrumentVersionId: checklistV1,
    });
    expect(started.statusCode, started.body).toBe(201);
    const review = started.json().review;
    expect(review.instrument).toMatchObject({ number: 1, newerNumber: null });
    expect(review.progress.answered).toBe(0);
    expect(review.progress.total).toBeGreaterThan(20);
    expect(
      (await call('POST', dossier(), fx.researcher, { instrumentVersionId: checklistV1 }))
        .statusCode,
    ).toBe(409);
  });

  it('stores an answer with evidence, source, researcher and a link to a timeline item of the case', async () => {
    const saved = await call('PUT', answer('uithuisplaatsing_onderbouwd'), fx.researcher, {
      value: 'partly',
      evidence: '"Thuis is geen optie meer" — alternatieven worden niet genoemd.',
      sourceDocument: 'Plaatsingsbesluit',
      sourceDate: '2018-03-02',
      timelineItemIds: [placementId],
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      itemKey: 'uithuisplaatsing_onderbouwd',
      instrumentVersionNumber: 1,
      value: 'partly',
      isUnknown: false,
      sourceDocument: 'Plaatsingsbesluit',
      sourceDate: '2018-03-02',
      version: 1,
      researcher: { id: fx.researcher.user.id },
      timelineLinks: [
        { timelineItemId: placementId, title: 'Pleeggezin A', lane: 'living', isDeleted: false },
      ],
    });
    const number = await call('PUT', answer('aantal_overplaatsingen'), fx.researcher, {
      value: 3,
      evidence: 'Drie verhuizingen in het overzicht van de jeugdbeschermer.',
      version: 0,
    });
    expect(number.statusCode, number.body).toBe(200);
    const choice = await call('PUT', answer('hulp_gericht_op'), fx.researcher, {
      value: 'jongere',
      version: 0,
    });
    expect(choice.statusCode, choice.body).toBe(200);
    const date = await call('PUT', answer('eerste_aanmelding'), fx.researcher, {
      value: '2015-09-14',
      version: 0,
    });
    expect(date.statusCode, date.body).toBe(200);
  });

  it('refuses an unknown item, a wrong value and a stray timeline link with a clear code, storing nothing', async () => {
    const other = (
      await call('POST', '/api/cases', fx.researcher, {
        programmeId: fx.programmeId,
        teamId: fx.teamId,
        institutionType: 'jji',
        regionCode: 'JZ16',
        birthYear: 2009,
      })
    ).json().id;
    const strayItem = (
      await call('POST', `/api/cases/${other}/timeline/items`, fx.researcher, {
        kind: 'event',
        lane: 'diagnosis',
        title: 'Diagnose in een andere casus',
        start: { precision: 'year', year: 2019 },
        source: 'professional',
      })
    ).json().id;
    const deleted = (
      await call('POST', `/api/cases/${fx.caseId}/timeline/items`, fx.researcher, {
        kind: 'event',
        lane: 'diagnosis',
        title: 'Verwijderde diagnose',
        start: { precision: 'year', year: 2019 },
        source: 'professional',
      })
    ).json();
    await call(
      'DELETE',
      `/api/cases/${fx.caseId}/timeline/items/${deleted.id}?version=${deleted.version}`,
      fx.researcher,
    );
    const before = await stored();
    const cases: [string, object, number, string | undefined, string][] = [
      ['bestaat_niet', { value: 'yes' }, 400, 'UNKNOWN_ITEM', 'itemKey'],
      ['hulpvraag_in_dossier', { value: 3 }, 400, 'INVALID_VALUE', 'value'],
      ['hulpvraag_in_dossier', { value: 'misschien' }, 400, 'INVALID_VALUE', 'value'],
      ['maanden_zonder_school', { value: 'veel' }, 400, 'INVALID_VALUE', 'value'],
      ['maanden_zonder_school', { value: 2.5 }, 400, 'INVALID_VALUE', 'value'],
      ['maanden_zonder_school', { value: -1 }, 400, 'INVALID_VALUE', 'value'],
      ['hulpvraag_soort', { value: 'kasteel' }, 400, 'INVALID_VALUE', 'value'],
      ['wat_hielp', { value: '   ' }, 400, 'INVALID_VALUE', 'value'],
      [
        'diagnose_bijgesteld',
        { value: 'yes', sourceDate: '2027-01-01' },
        400,
        undefined,
        'sourceDate',
      ],
      [
        'diagnose_bijgesteld',
        { value: 'yes', timelineItemIds: [strayItem] },
        400,
        'INVALID_TIMELINE_LINK',
        'timelineItemIds.0',
      ],
      [
        'diagnose_bijgesteld',
        { value: 'yes', timelineItemIds: [placementId, deleted.id] },
        400,
        'INVALID_TIMELINE_LINK',
        'timelineItemIds.1',
      ],
    ];
    for (const [key, payload, status, reason, path] of cases) {
      const response = await call('PUT', answer(key), fx.researcher, { ...payload, version: 0 });
      expect(response.statusCode, `${key} ${response.body}`).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe('INVALID_INPUT');
      if (reason) expect(error.details.reason).toBe(reason);
      expect(error.details.fields[0].path).toBe(path);
    }
    const future = await call('PUT', answer('eerste_aanmelding'), fx.researcher, {
      value: '2026-06-02',
      version: 1,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.reason).toBe('INVALID_VALUE');
    expect(await stored()).toEqual(before);
  });

  it('answers a stale edit with 409 and both versions, and keeps the history of every change', async () => {
    const first = await call('PUT', answer('hulpvraag_in_dossier'), fx.researcher, {
      value: 'no',
      evidence: 'Het aanmeldformulier noemt alleen "gedragsproblemen".',
      sourceDocument: 'Aanmeldformulier',
      sourceDate: '2015-09-14',
      version: 0,
    });
    expect(first.statusCode, first.body).toBe(200);
    const edit = await call('PUT', answer('hulpvraag_in_dossier'), fx.researcher, {
      value: 'partly',
      evidence: 'Het aanmeldformulier noemt alleen "gedragsproblemen".',
      sourceDocument: 'Aanmeldformulier',
      sourceDate: '2015-09-14',
      version: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().version).toBe(2);
    const stale = await call('PUT', answer('hulpvraag_in_dossier'), fx.researcher, {
      value: 'yes',
      evidence: 'Toch wel.',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json().error;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details.current).toMatchObject({ value: 'partly', version: 2 });
    expect(conflict.details.yours).toMatchObject({
      value: 'yes',
      evidence: 'Toch wel.',
      version: 1,
    });
    // A second "first" answer for the same item is stale too.
    const again = await call('PUT', answer('hulpvraag_in_dossier'), fx.researcher, {
      value: 'yes',
      version: 0,
    });
    expect(again.statusCode).toBe(409);

    const history = await call('GET', `${answer('hulpvraag_in_dossier')}/history`, fx.researcher);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().changes.map((c: { change: string }) => c.change)).toEqual([
      'created',
      'updated',
    ]);
    expect(history.json().changes[1].fields).toEqual([
      { field: 'value', before: 'no', after: 'partly' },
    ]);
    expect(history.json().changes[1].by).toMatch(/researcher/i);
  });

  it('counts progress per section, with unknown answers counted and flagged', async () => {
    await call('PUT', answer('verklarende_analyse'), fx.researcher, {
      value: 'unknown',
      version: 0,
    });
    await call('PUT', answer('langste_wachttijd'), fx.researcher, { value: null, version: 0 });
    const view = (await call('GET', dossier(), fx.researcher)).json();
    const progress = view.review.progress;
    const section = (key: string) => progress.sections.find((s: { key: string }) => s.key === key);
    expect(section('hulpvraag')).toMatchObject({ answered: 2, total: 5, unknown: 1 });
    expect(section('continuiteit')).toMatchObject({ answered: 4, total: 6, unknown: 1 });
    expect(progress).toMatchObject({ answered: 7, unknown: 2 });
    const unknown = view.review.answers.find(
      (a: { itemKey: string }) => a.itemKey === 'langste_wachttijd',
    );
    expect(unknown).toMatchObject({ value: null, isUnknown: true });

    const cleared = await call('DELETE', `${answer('langste_wachttijd')}?version=1`, fx.researcher);
    expect(cleared.statusCode, cleared.body).toBe(204);
    const after = (await call('GET', dossier(), fx.researcher)).json().review.progress;
    expect(after).toMatchObject({ answered: 6, unknown: 1 });
    const history = (
      await call('GET', `${answer('langste_wachttijd')}/history`, fx.researcher)
    ).json();
    expect(history.changes.map((c: { change: string }) => c.change)).toEqual([
      'created',
      'deleted',
    ]);
  });

  it('keeps answers readable with their own questions when a newer checklist version is published', async () => {
    await call('PUT', answer('wisseling_hulpverleners'), fx.researcher, {
      value: 'yes',
      evidence: 'Vier gezinsvoogden in twee jaar.',
      version: 0,
    });
    const v1 = (await call('GET', `/api/instruments/${checklistId}/versions/1`, fx.admin)).json();
    const draft = (
      await call('POST', `/api/instruments/${checklistId}/draft`, fx.admin, {})
    ).json();
    const content: InstrumentContent = structuredClone(v1.content);
    content.sections[0]!.items[0]!.question =
      'Is de hulpvraag in de eigen woorden van het gezin vastgelegd?';
    const continuity = content.sections.find((s) => s.key === 'continuiteit')!;
    continuity.items = continuity.items.filter((i) => i.key !== 'wisseling_hulpverleners');
    continuity.items.push({
      key: 'sleutelfiguur',
      question: 'Had de jongere een vaste sleutelfiguur?',
      help: '',
      answer: { type: 'ynpu' },
    });
    expect(
      (
        await call('PUT', `/api/instruments/${checklistId}/draft`, fx.admin, {
          content,
          revision: draft.revision,
        })
      ).statusCode,
    ).toBe(200);
    const published = await call(
      'POST',
      `/api/instruments/${checklistId}/draft/publish`,
      fx.admin,
      {
        revision: draft.revision + 1,
      },
    );
    expect(published.statusCode, published.body).toBe(200);

    const review = (await call('GET', dossier(), fx.researcher)).json().review;
    expect(review.instrument).toMatchObject({ number: 1, newerNumber: 2 });
    const items = review.instrument.content.sections.flatMap(
      (s: { items: { key: string; question: string }[] }) => s.items,
    );
    const byKey = (key: string) => items.find((i: { key: string }) => i.key === key);
    expect(byKey('hulpvraag_in_dossier').question).toBe(
      'Staat de hulpvraag van de jongere en de ouders in het dossier?',
    );
    expect(byKey('wisseling_hulpverleners')).toBeDefined();
    expect(byKey('sleutelfiguur')).toBeUndefined();
    const answers = review.answers.map(
      (a: { itemKey: string; instrumentVersionNumber: number }) => [
        a.itemKey,
        a.instrumentVersionNumber,
      ],
    );
    expect(answers).toContainEqual(['wisseling_hulpverleners', 1]);
    expect(answers).toContainEqual(['hulpvraag_in_dossier', 1]);
    // The review stays on its own version: an item only version 2 has is unknown to it.
    const newOnly = await call('PUT', answer('sleutelfiguur'), fx.researcher, {
      value: 'yes',
      version: 0,
    });
    expect(newOnly.statusCode).toBe(400);
    expect(newOnly.json().error.details.reason).toBe('UNKNOWN_ITEM');
    const stillEditable = await call('PUT', answer('wisseling_hulpverleners'), fx.researcher, {
      value: 'partly',
      evidence: 'Vier gezinsvoogden in twee jaar.',
      version: 1,
    });
    expect(stillEditable.statusCode, stillEditable.body).toBe(200);

    // Moving the review to version 2: old answers keep their version and stay readable.
    const backwards = await call('POST', `${dossier()}/move`, fx.researcher, {
      instrumentVersionId: checklistV1,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.reason).toBe('NOT_A_NEWER_VERSION');
    const moved = await call('POST', `${dossier()}/move`, fx.researcher, {
      instrumentVersionId: published.json().id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const onV2 = moved.json().review;
    expect(onV2.instrument).toMatchObject({ number: 2, newerNumber: null });
    expect(onV2.earlierVersions.map((v: { number: number }) => v.number)).toEqual([1]);
    expect(JSON.stringify(onV2.earlierVersions[0].content)).toContain('wisseling_hulpverleners');
    expect(
      onV2.answers.find((a: { itemKey: string }) => a.itemKey === 'wisseling_hulpverleners'),
    ).toMatchObject({ instrumentVersionNumber: 1, value: 'partly' });
    const continuityProgress = onV2.progress.sections.find(
      (s: { key: string }) => s.key === 'continuiteit',
    );
    expect(continuityProgress).toMatchObject({ answered: 3, total: 6 });
    const nowKnown = await call('PUT', answer('sleutelfiguur'), fx.researcher, {
      value: 'no',
      version: 0,
    });
    expect(nowKnown.statusCode, nowKnown.body).toBe(200);
    expect(nowKnown.json().instrumentVersionNumber).toBe(2);
  });

  it('leaves an access-log entry for every read and write', async () => {
    expect(await logged('dossier_review', 'read')).toBeGreaterThanOrEqual(4);
    expect(await logged('dossier_review', 'create')).toBe(1);
    expect(await logged('dossier_review', 'update')).toBe(1);
    expect(await logged('dossier_answer', 'create')).toBe(9);
    expect(await logged('dossier_answer', 'update')).toBe(2);
    expect(await logged('dossier_answer', 'delete')).toBe(1);
    expect(await logged('dossier_answer', 'read')).toBe(2);
  });

  it('lists the answers in the withdrawal preview and removes them, links and history included, on confirmation', async () => {
    // A dossier fact on the timeline, linked from an answer: both go, the link first.
    dossierDiagnosisId = (
      await call('POST', `/api/cases/${fx.caseId}/timeline/items`, fx.researcher, {
        kind: 'event',
        lane: 'diagnosis',
        title: 'Diagnose ADHD (dossier)',
        start: { precision: 'year', year: 2017 },
        source: 'dossier',
      })
    ).json().id;
    const linked = await call('PUT', answer('diagnose_bijgesteld'), fx.researcher, {
      value: 'yes',
      timelineItemIds: [dossierDiagnosisId, placementId],
      version: 0,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const answerIds = (
      await test.database.db
        .select({ id: dossierAnswers.id })
        .from(dossierAnswers)
        .where(eq(dossierAnswers.caseId, fx.caseId))
    ).map((r) => r.id);
    expect(answerIds).toHaveLength(10);

    const preview = await call(
      'GET',
      `/api/cases/${fx.caseId}/consents/${youthConsentId}/withdrawal-preview`,
      fx.researcher,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const removes = preview.json().removes as {
      resourceType: string;
      id: string;
      description: string;
    }[];
    expect(removes.filter((r) => r.resourceType === 'timeline_item').map((r) => r.id)).toEqual([
      dossierDiagnosisId,
    ]);
    const answerRemovals = removes.filter((r) => r.resourceType === 'dossier_answer');
    expect(answerRemovals.map((r) => r.id).sort()).toEqual([...answerIds].sort());
    expect(answerRemovals.map((r) => r.description)).toContain(
      'Dossieronderzoek: Hoe vaak is de jongere overgeplaatst naar een andere woonplek?',
    );
    expect(answerRemovals.some((r) => r.description.includes('gewist antwoord'))).toBe(true);

    const withdraw = `/api/cases/${fx.caseId}/consents/${youthConsentId}/withdraw`;
    const unconfirmed = await call('POST', withdraw, fx.researcher, { withdrawnOn: '2026-05-20' });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.details.removes).toHaveLength(removes.length);
    expect((await stored()).answers).toBe(10);

    const confirmed = await call('POST', withdraw, fx.researcher, {
      withdrawnOn: '2026-05-20',
      confirmRemoval: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await stored()).toEqual({ answers: 0, history: 0, links: 0 });
    const deletions = await test.database.db
      .select({ id: accessLog.resourceId, grounds: accessLog.grounds })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.resourceType, 'dossier_answer'),
          eq(accessLog.action, 'delete'),
          inArray(accessLog.resourceId, answerIds),
          eq(accessLog.grounds, 'consent'),
        ),
      );
    expect(deletions.map((d) => d.id).sort()).toEqual([...answerIds].sort());
    // The placement (told by a professional) stays on the timeline.
    const timeline = (await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher)).json();
    expect(timeline.items.map((i: { id: string }) => i.id)).toContain(placementId);
    const after = await call('GET', dossier(), fx.researcher);
    expect(after.statusCode).toBe(403);
    expect(after.json().error.code).toBe('CONSENT_MISSING');
  });
});
