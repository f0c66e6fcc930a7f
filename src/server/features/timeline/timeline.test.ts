import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { pdfText } from '../../testing/documents';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { participants } from '../cases/schema';
import { timelineComments, timelineHistory, timelineItems } from './schema';
import { timelineSchema } from '../../../shared/contract/timeline';

describe.each(testDatabaseKinds())('case timeline (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let youthId: string;
  let motherId: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2010 });
    youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    motherId = await fx.addParticipant({ kind: 'parent', label: 'moeder', hasAuthority: true });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const items = () => `/api/cases/${fx.caseId}/timeline/items`;
  const stored = async () =>
    (
      await test.database.db
        .select({ n: count() })
        .from(timelineItems)
        .where(eq(timelineItems.caseId, fx.caseId))
    )[0]!.n;

  const living = (
    reference: string,
    from: object,
    to: object | null,
    setting = 'foster_family',
  ) => ({
    kind: 'period',
    lane: 'living',
    title: `Wonen: ${reference}`,
    start: from,
    end: to,
    source: 'professional',
    categoryCode: setting,
    reference,
  });

  it('stores events and periods of mixed precision and returns them in time order', async () => {
    const added = [
      await call(
        'POST',
        items(),
        fx.researcher,
        living(
          'thuis',
          { precision: 'age', age: 0 },
          { precision: 'year', year: 2016 },
          'parental_home',
        ),
      ),
      await call(
        'POST',
        items(),
        fx.researcher,
        living(
          'pleeggezin A',
          { precision: 'season', year: 2016, season: 'autumn' },
          { precision: 'month', year: 2019, month: 3 },
        ),
      ),
      await call(
        'POST',
        items(),
        fx.researcher,
        living('pleeggezin B', { precision: 'day', date: '2019-03-15' }, null),
      ),
      await call('POST', items(), fx.researcher, {
        kind: 'event',
        lane: 'family',
        title: 'Ouders gaan uit elkaar',
        start: { precision: 'age', age: 5 },
        valence: 'negative',
        source: 'youth',
        sourceParticipantId: youthId,
        isSignal: true,
      }),
    ];
    for (const response of added) expect(response.statusCode, response.body).toBe(201);
    const timeline = (await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher)).json();
    expect(timeline.caseCode).toMatch(/^KL-2026-\d{3}$/);
    expect(timeline.items.map((i: { title: string }) => i.title)).toEqual([
      'Wonen: thuis',
      'Ouders gaan uit elkaar',
      'Wonen: pleeggezin A',
      'Wonen: pleeggezin B',
    ]);
    expect(timeline.items[1].startRange).toEqual({ earliest: '2015-01-01', latest: '2016-12-30' });
    // Home → foster family A → foster family B: two moves, two placements.
    expect(timeline.indicators).toMatchObject({ placements: 2, placementChanges: 2 });
    expect(timeline.indicators.ageAtFirstSignal).not.toBeNull();
    expect(timeline.abilities).toEqual({ contribute: true, edit: true });
  });

  it('prints the timeline as a PDF with every item, and logs the export', async () => {
    const response = await call('GET', `/api/cases/${fx.caseId}/timeline.pdf`, fx.researcher);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/tijdlijn-KL-2026-\d{3}\.pdf/);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    if (text === null) console.warn('pdftotext is not installed: PDF text not checked');
    else {
      for (const expected of [
        'Tijdlijn KL-2026-',
        'Ouders gaan uit elkaar',
        'pleeggezin B',
        'Wonen',
      ])
        expect(text).toContain(expected);
    }
    const exported = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, fx.caseId), eq(accessLog.action, 'export')));
    expect(exported[0]!.n).toBe(1);
    expect(
      (await call('GET', `/api/cases/${fx.caseId}/timeline.pdf`, fx.outsider)).statusCode,
    ).toBe(404);
  });

  it('refuses impossible dates, unknown lanes, oversized text and stray categories, storing nothing', async () => {
    const before = await stored();
    const cases: [object, string][] = [
      [living('x', { precision: 'year', year: 2020 }, { precision: 'year', year: 2018 }), 'end'],
      [living('x', { precision: 'day', date: '2030-01-01' }, null), 'start'],
      [living('x', { precision: 'day', date: '2019-02-30' }, null), 'start'],
      [{ ...living('x', { precision: 'year', year: 2020 }, null), lane: 'planets' }, 'lane'],
      [
        { ...living('x', { precision: 'year', year: 2020 }, null), title: 'x'.repeat(201) },
        'title',
      ],
      [
        { ...living('x', { precision: 'year', year: 2020 }, null), categoryCode: 'castle' },
        'categoryCode',
      ],
      [
        {
          ...living('x', { precision: 'year', year: 2020 }, { precision: 'year', year: 2021 }),
          kind: 'event',
        },
        'end',
      ],
      [
        { ...living('x', { precision: 'year', year: 2020 }, null), sourceParticipantId: fx.caseId },
        'sourceParticipantId',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await call('POST', items(), fx.researcher, payload);
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json();
      expect(body.error.code).toBe('INVALID_INPUT');
      const paths = body.error.details.fields.map((f: { path: string }) => f.path.split('.')[0]);
      expect(paths).toContain(path);
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    expect(await stored()).toBe(before);
  });

  it('answers a stale edit with 409 and both versions, and keeps the history of every change', async () => {
    const created = (
      await call('POST', items(), fx.researcher, {
        kind: 'event',
        lane: 'care',
        title: 'Aanmelding jeugd-GGZ',
        start: { precision: 'month', year: 2021, month: 9 },
        source: 'professional',
        categoryCode: 'jeugd_ggz',
        reference: 'GGZ-aanbieder X',
        waitingDays: 120,
      })
    ).json();
    const edit = { ...created, title: 'Start behandeling jeugd-GGZ', version: created.version };
    const first = await call('PUT', `${items()}/${created.id}`, fx.researcher, edit);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await call('PUT', `${items()}/${created.id}`, fx.researcher, {
      ...edit,
      title: 'Iets anders',
    });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json().error;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details.current).toMatchObject({
      title: 'Start behandeling jeugd-GGZ',
      version: 2,
    });
    expect(conflict.details.yours).toMatchObject({ title: 'Iets anders', version: 1 });
    const history = (await call('GET', `${items()}/${created.id}/history`, fx.researcher)).json();
    expect(history.changes.map((c: { change: string }) => c.change)).toEqual([
      'created',
      'updated',
    ]);
    expect(history.changes[1].fields).toEqual([
      { field: 'title', before: 'Aanmelding jeugd-GGZ', after: 'Start behandeling jeugd-GGZ' },
    ]);
    expect(history.changes[1].by).toMatch(/researcher/i);

    const staleDelete = await call('DELETE', `${items()}/${created.id}?version=1`, fx.researcher);
    expect(staleDelete.statusCode).toBe(409);
    const removed = await call('DELETE', `${items()}/${created.id}?version=2`, fx.researcher);
    expect(removed.statusCode, removed.body).toBe(204);
    const timeline = (await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher)).json();
    expect(timeline.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const after = (await call('GET', `${items()}/${created.id}/history`, fx.researcher)).json();
    expect(after.changes.at(-1).change).toBe('deleted');
  });

  it('keeps comments from different perspectives side by side', async () => {
    const item = (await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher)).json()
      .items[1];
    for (const [perspective, participantId, text] of [
      ['youth', youthId, 'Ik was toen heel boos.'],
      ['parent', motherId, 'Voor ons kwam het niet onverwacht.'],
    ] as const) {
      const response = await call('POST', `${items()}/${item.id}/comments`, fx.researcher, {
        perspective,
        participantId,
        text,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const again = (await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher)).json();
    const comments = again.items.find((i: { id: string }) => i.id === item.id).comments;
    const sides = comments.map((c: { perspective: string; participantLabel: string }) =>
      [c.perspective, c.participantLabel].join(':'),
    );
    expect(sides.sort()).toEqual(['parent:moeder', 'youth:jongere']);
    // The route serialises without zod: its answer must be exactly the contract, nothing more.
    expect(timelineSchema.parse(again)).toEqual(again);
  });

  it('answers 404 to someone outside the case, before reading the body, and logs the denial', async () => {
    const url = `/api/cases/${fx.caseId}/timeline`;
    expect((await call('GET', url, fx.outsider)).statusCode).toBe(404);
    const bad = await call('POST', items(), fx.outsider, { lane: 'planets' });
    expect(bad.statusCode).toBe(404);
    const policymaker = await loginAs(test, 'policymaker');
    expect((await call('GET', url, policymaker)).statusCode).toBe(404);
    const denied = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.userId, fx.outsider.user.id), eq(accessLog.outcome, 'denied')));
    expect(denied[0]!.n).toBeGreaterThanOrEqual(2);
    const reads = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.userId, fx.researcher.user.id),
          eq(accessLog.resourceType, 'timeline'),
          eq(accessLog.action, 'read'),
        ),
      );
    expect(reads[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('takes dossier data only with dossier consent, and withdrawal removes it after a preview', async () => {
    const dossierItem = {
      kind: 'event',
      lane: 'diagnosis',
      title: 'Diagnose ADHD (dossier)',
      start: { precision: 'year', year: 2018 },
      source: 'dossier',
    };
    const refused = await call('POST', items(), fx.researcher, dossierItem);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('CONSENT_MISSING');
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
    const own = await consent({ participantId: youthId, givenBy: 'self' });
    await consent({
      participantId: youthId,
      givenBy: 'legal_representative',
      representativeId: motherId,
    });
    const accepted = await call('POST', items(), fx.researcher, dossierItem);
    expect(accepted.statusCode, accepted.body).toBe(201);
    const itemId = accepted.json().id;
    await call('POST', `${items()}/${itemId}/comments`, fx.researcher, {
      perspective: 'dossier',
      text: 'Volgens het dossier gesteld door de kinderpsychiater.',
    });

    const preview = await call(
      'GET',
      `/api/cases/${fx.caseId}/consents/${own}/withdrawal-preview`,
      fx.researcher,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().removes).toEqual([
      {
        resourceType: 'timeline_item',
        id: itemId,
        description: expect.stringContaining('Diagnose ADHD'),
      },
    ]);
    const withdraw = `/api/cases/${fx.caseId}/consents/${own}/withdraw`;
    const unconfirmed = await call('POST', withdraw, fx.researcher, { withdrawnOn: '2026-05-20' });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.details.removes).toHaveLength(1);
    expect((await call('GET', `${items()}/${itemId}/history`, fx.researcher)).statusCode).toBe(200);

    const confirmed = await call('POST', withdraw, fx.researcher, {
      withdrawnOn: '2026-05-20',
      confirmRemoval: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().removed.map((r: { id: string }) => r.id)).toEqual([itemId]);
    const db = test.database.db;
    for (const table of [timelineItems, timelineHistory, timelineComments] as const) {
      const [row] = await db
        .select({ n: count() })
        .from(table)
        .where(
          eq(
            table === timelineItems ? timelineItems.id : (table as typeof timelineComments).itemId,
            itemId,
          ),
        );
      expect(row!.n).toBe(0);
    }
    const logged = await db
      .select({ grounds: accessLog.grounds })
      .from(accessLog)
      .where(and(eq(accessLog.resourceId, itemId), eq(accessLog.action, 'delete')));
    expect(logged).toEqual([{ grounds: 'consent' }]);
    expect((await call('POST', items(), fx.researcher, dossierItem)).statusCode).toBe(403);
  });

  it('lets a participant read their own timeline and add from their own perspective only', async () => {
    const youth = await loginAs(test, 'participant');
    await test.database.db
      .update(participants)
      .set({ userId: youth.user.id })
      .where(eq(participants.id, youthId));
    const timeline = await call('GET', `/api/cases/${fx.caseId}/timeline`, youth);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().abilities).toEqual({ contribute: true, edit: false });
    const added = await call('POST', items(), youth, {
      kind: 'event',
      lane: 'people',
      title: 'Mijn mentor op school hielp me echt',
      start: { precision: 'age', age: 13 },
      valence: 'positive',
      source: 'professional',
      sourceParticipantId: motherId,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ source: 'youth', sourceParticipantId: youthId });
    const edit = await call('PUT', `${items()}/${added.json().id}`, youth, {
      ...added.json(),
      title: 'Veranderd',
    });
    expect(edit.statusCode).toBe(404);
    expect((await call('GET', `/api/cases/${fx.caseId}`, youth)).statusCode).toBe(404);
    const other = await call('POST', '/api/cases', fx.researcher, {
      programmeId: fx.programmeId,
      teamId: fx.teamId,
      institutionType: 'jji',
      regionCode: 'JZ16',
      birthYear: 2009,
    });
    expect((await call('GET', `/api/cases/${other.json().id}/timeline`, youth)).statusCode).toBe(
      404,
    );
  });
});
