// The routes of a thread's evidence, supporting segments and quotes, and of saturation, on the
// crafted data of evidence-fixtures.ts: rights (read for the programme's case staff, choosing
// quotes for its researchers, 404 for everyone else and for threads of another programme),
// reach (only cases the reader reaches), clear 4xx answers that store nothing, consent checked
// when choosing and again on every read, and the access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { headersOf, type Session } from '../../testing/fixtures';
import { queryRows } from '../../db/raw';
import {
  saturationSchema,
  threadQuotesSchema,
  threadSegmentsSchema,
  type Saturation,
  type ThreadQuotes,
  type ThreadSegments,
} from '../../../shared/contract/evidence';
import { accessLog } from '../audit/schema';
import { evidenceFixture, type EvidenceFixture } from './evidence-fixtures';

describe.each(testDatabaseKinds())('evidence routes (%s)', (kind) => {
  let test: TestApp;
  let ev: EvidenceFixture;
  let other: EvidenceFixture;
  let expert: Session;
  let stranger: Session;
  const now = new Date('2026-06-01T09:00:00Z');
  const db = () => test.database.db;

  const call = (
    session: Session,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    test.app.inject({
      method,
      url,
      headers: headersOf(session),
      ...(payload ? { payload } : {}),
    });
  const base = () => `/api/programmes/${ev.fx.programmeId}/synthesis`;
  const threadUrl = (threadId = ev.threads.care) => `${base()}/threads/${threadId}`;
  const quoteRows = () =>
    queryRows<{ segment_id: string; sort_order: number }>(
      db(),
      sql`select segment_id, sort_order from synthesis_thread_quotes where thread_id = ${ev.threads.care} order by sort_order`,
    );

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    ev = await evidenceFixture(test);
    other = await evidenceFixture(test);
    expert = await loginAs(test, 'expert_by_experience');
    await ev.fx.call(ev.fx.admin, 'PUT', `/api/teams/${ev.fx.teamId}/members`, {
      userId: expert.user.id,
      roleLabel: 'other',
    });
    stranger = await loginAs(test, 'researcher');
  });
  afterAll(() => test.close());

  describe('evidence', () => {
    it('answers the researcher with the cases they reach, and logs the read', async () => {
      const response = await call(ev.fx.researcher, 'GET', `${threadUrl()}/evidence`);
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toEqual({ cases: 3, of: 4 });
      const logged = await db()
        .select()
        .from(accessLog)
        .where(
          and(
            eq(accessLog.resourceType, 'thread_evidence'),
            eq(accessLog.resourceId, ev.threads.care),
            eq(accessLog.userId, ev.fx.researcher.user.id),
          ),
        );
      expect(logged.length).toBeGreaterThan(0);
      // The researcher of the other team reaches case D only.
      const outsider = await call(ev.fx.outsider, 'GET', `${threadUrl()}/evidence`);
      expect(outsider.json().total).toEqual({ cases: 1, of: 1 });
      // An expert by experience of the programme reads it too.
      expect((await call(expert, 'GET', `${threadUrl()}/evidence`)).statusCode).toBe(200);
    });

    it('is a 404 for a stranger, an unknown thread and a thread of another programme', async () => {
      for (const [session, url] of [
        [stranger, `${threadUrl()}/evidence`],
        [ev.fx.researcher, `${threadUrl('00000000-0000-4000-8000-000000000000')}/evidence`],
        [ev.fx.researcher, `${threadUrl(other.threads.care)}/evidence`],
        [ev.fx.researcher, `${threadUrl(other.threads.care)}/segments?limit=0`],
      ] as const) {
        const response = await call(session, 'GET', url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('supporting segments', () => {
    it('pages through the segments of the cases the reader reaches, with context', async () => {
      const first = await call(ev.fx.researcher, 'GET', `${threadUrl()}/segments?limit=4`);
      expect(first.statusCode).toBe(200);
      const page1 = threadSegmentsSchema.parse(first.json()) as ThreadSegments;
      expect(page1.total).toBe(6);
      expect(page1.items).toHaveLength(4);
      expect(page1.nextCursor).not.toBeNull();
      const second = (
        await call(
          ev.fx.researcher,
          'GET',
          `${threadUrl()}/segments?limit=4&cursor=${page1.nextCursor}`,
        )
      ).json() as ThreadSegments;
      expect(second.items).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
      const all = [...page1.items, ...second.items];
      expect(new Set(all.map((s) => s.id))).toEqual(
        new Set([
          ev.segments.aWait1,
          ev.segments.aWait2,
          ev.segments.aSchool,
          ev.segments.bLong,
          ev.segments.bCare,
          ev.segments.cSchool,
        ]),
      );
      const wait = all.find((s) => s.id === ev.segments.aWait1)!;
      expect(wait.text).toBe('Eerst was er een lange wachtlijst.');
      expect(wait.before).toBe('');
      expect(wait.after.startsWith(' Daarna ging het mis op school.')).toBe(true);
      expect(wait).toMatchObject({ perspective: 'youth', codeName: 'Wachten', quoteUsable: true });
      expect(all.find((s) => s.id === ev.segments.aSchool)!.quoteUsable).toBe(false);
      expect(all.find((s) => s.id === ev.segments.bLong)!).toMatchObject({
        perspective: 'dossier',
        quoteUsable: false,
      });
      // One access-log entry per case shown.
      const logged = await queryRows<{ case_id: string }>(
        db(),
        sql`select distinct case_id from access_log
            where resource_type = 'qda_segment' and resource_id = ${ev.threads.care}
              and user_id = ${ev.fx.researcher.user.id}`,
      );
      expect(new Set(logged.map((r) => r.case_id))).toEqual(
        new Set([ev.cases.A, ev.cases.B, ev.cases.C]),
      );
    });

    it('filters by perspective, institution type, region and code', async () => {
      const get = async (query: string) =>
        (
          await call(ev.fx.researcher, 'GET', `${threadUrl()}/segments?${query}`)
        ).json() as ThreadSegments;
      const dossier = await get('perspective=dossier');
      expect(dossier.items.map((s) => s.id)).toEqual([ev.segments.bLong]);
      expect(dossier.total).toBe(1);
      const obc = await get('institutionType=obc_lvb');
      expect(obc.total).toBe(2);
      expect(obc.items).toHaveLength(2);
      const region = await get('regionCode=JZ16');
      expect(region.total).toBe(4);
      const waiting = await get(`codeId=${ev.codes.Wachten}`);
      expect(waiting.total).toBe(3);
      expect(new Set(waiting.items.map((s) => s.id))).toEqual(
        new Set([ev.segments.aWait1, ev.segments.aWait2, ev.segments.bLong]),
      );
    });

    it('refuses a code outside the thread and a cursor it did not give', async () => {
      const loose = await call(
        ev.fx.researcher,
        'GET',
        `${threadUrl()}/segments?codeId=${ev.codes.Los}`,
      );
      expect(loose.statusCode).toBe(400);
      expect(loose.json().error.code).toBe('INVALID_INPUT');
      const cursor = await call(ev.fx.researcher, 'GET', `${threadUrl()}/segments?cursor=bm9wZQ`);
      expect(cursor.statusCode).toBe(400);
      expect(cursor.json().error.details.fields[0].path).toBe('cursor');
    });
  });

  describe('quotes', () => {
    const choose = (segmentId: string, session: Session = ev.fx.researcher) =>
      call(session, 'POST', `${threadUrl()}/quotes`, { segmentId });

    it('chooses a consented segment, and refuses what may not be a quote, storing nothing', async () => {
      const chosen = await choose(ev.segments.aWait1);
      expect(chosen.statusCode).toBe(201);
      const body = threadQuotesSchema.parse(chosen.json()) as ThreadQuotes;
      expect(body.items.map((q) => q.segmentId)).toEqual([ev.segments.aWait1]);
      expect(body.items[0]).toMatchObject({
        text: 'Eerst was er een lange wachtlijst.',
        perspective: 'youth',
        codeName: 'Wachten',
      });
      expect(body.canEdit).toBe(true);

      const refusals: [string, number, string, string][] = [
        [ev.segments.aSchool, 403, 'CONSENT_MISSING', 'quote_consent_missing'],
        [ev.segments.bLong, 400, 'INVALID_INPUT', 'quote_needs_participant'],
        [ev.segments.eLoose, 400, 'INVALID_INPUT', 'segment_not_in_thread'],
        [ev.segments.dCare, 400, 'INVALID_INPUT', 'segment_not_found'],
        [ev.segments.cRemoved, 400, 'INVALID_INPUT', 'segment_not_found'],
        [ev.segments.fBlind, 400, 'INVALID_INPUT', 'segment_blind'],
        [other.segments.aWait1, 400, 'INVALID_INPUT', 'segment_not_found'],
        [ev.segments.aWait1, 409, 'CONFLICT', 'already_chosen'],
      ];
      for (const [segmentId, status, code, reason] of refusals) {
        const response = await choose(segmentId);
        expect(response.statusCode, reason).toBe(status);
        expect(response.json().error.code, reason).toBe(code);
        expect(response.json().error.details.reason, reason).toBe(reason);
        expect(response.json().error.message.length).toBeGreaterThan(10);
      }
      expect((await quoteRows()).map((q) => q.segment_id)).toEqual([ev.segments.aWait1]);
    });

    it('leaves choosing to researchers: an expert by experience reads, but may not choose', async () => {
      const read = await call(expert, 'GET', `${threadUrl()}/quotes`);
      expect(read.statusCode).toBe(200);
      expect(read.json().canEdit).toBe(false);
      const refused = await choose(ev.segments.cSchool, expert);
      expect(refused.statusCode).toBe(404);
      const strangers = await choose(ev.segments.cSchool, stranger);
      expect(strangers.statusCode).toBe(404);
      // A bad body to a thread of another programme is still a 404 first.
      const elsewhere = await call(
        ev.fx.researcher,
        'POST',
        `${threadUrl(other.threads.care)}/quotes`,
        { segmentId: 'nope' },
      );
      expect(elsewhere.statusCode).toBe(404);
      expect((await quoteRows()).map((q) => q.segment_id)).toEqual([ev.segments.aWait1]);
    });

    it('orders quotes, and refuses an order with unknown or repeated quotes', async () => {
      expect((await choose(ev.segments.bCare)).statusCode).toBe(201);
      expect((await choose(ev.segments.cSchool)).statusCode).toBe(201);
      const ordered = await call(ev.fx.researcher, 'PUT', `${threadUrl()}/quotes/order`, {
        segmentIds: [ev.segments.cSchool, ev.segments.aWait1],
      });
      expect(ordered.statusCode).toBe(200);
      expect((ordered.json() as ThreadQuotes).items.map((q) => q.segmentId)).toEqual([
        ev.segments.cSchool,
        ev.segments.aWait1,
        ev.segments.bCare,
      ]);
      for (const segmentIds of [
        [ev.segments.cSchool, ev.segments.cSchool],
        [ev.segments.aSchool],
      ]) {
        const refused = await call(ev.fx.researcher, 'PUT', `${threadUrl()}/quotes/order`, {
          segmentIds,
        });
        expect(refused.statusCode).toBe(400);
      }
      expect((await quoteRows()).map((q) => q.segment_id)).toEqual([
        ev.segments.cSchool,
        ev.segments.aWait1,
        ev.segments.bCare,
      ]);
    });

    it('hides a quote whose consent was withdrawn after choosing, without its text', async () => {
      await db().execute(
        sql`update consents set withdrawn_on = '2026-05-01' where participant_id = ${ev.people.aYouth}`,
      );
      try {
        const response = await call(ev.fx.researcher, 'GET', `${threadUrl()}/quotes`);
        const body = response.json() as ThreadQuotes;
        expect(body.items.map((q) => q.segmentId)).toEqual([
          ev.segments.cSchool,
          ev.segments.bCare,
        ]);
        expect(body.hidden).toEqual({ consentWithdrawn: 1, noLongerInThread: 0, outOfReach: 0 });
        expect(response.body).not.toContain('lange wachtlijst');
        // Still stored: consent given again shows it again.
        expect(await quoteRows()).toHaveLength(3);
      } finally {
        await db().execute(
          sql`update consents set withdrawn_on = null where participant_id = ${ev.people.aYouth}`,
        );
      }
      // The researcher of the other team reaches none of these cases.
      const outsider = (await call(ev.fx.outsider, 'GET', `${threadUrl()}/quotes`)).json();
      expect(outsider.items).toEqual([]);
      expect(outsider.hidden.outOfReach).toBe(3);
    });

    it('unchooses a quote; unchoosing it again changes nothing', async () => {
      const url = `${threadUrl()}/quotes/${ev.segments.bCare}`;
      const removed = await call(ev.fx.researcher, 'DELETE', url);
      expect(removed.statusCode).toBe(200);
      expect((removed.json() as ThreadQuotes).items.map((q) => q.segmentId)).toEqual([
        ev.segments.cSchool,
        ev.segments.aWait1,
      ]);
      expect((await call(ev.fx.researcher, 'DELETE', url)).statusCode).toBe(200);
      expect(await quoteRows()).toHaveLength(2);
      const logged = await queryRows<{ action: string }>(
        db(),
        sql`select action from access_log where resource_type = 'thread_quote' and resource_id = ${ev.segments.bCare}`,
      );
      expect(logged.map((r) => r.action).sort()).toEqual(['create', 'delete']);
    });

    it('takes no new quotes for a thread that is no longer active', async () => {
      await db().execute(
        sql`update synthesis_threads set status = 'withdrawn', status_reason = 'test' where id = ${ev.threads.care}`,
      );
      try {
        const refused = await choose(ev.segments.bCare);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.details.reason).toBe('thread_not_active');
        // Its quotes stay readable, offered for editing no more.
        const read = await call(ev.fx.researcher, 'GET', `${threadUrl()}/quotes`);
        expect(read.statusCode).toBe(200);
        expect(read.json().canEdit).toBe(false);
      } finally {
        await db().execute(
          sql`update synthesis_threads set status = 'active', status_reason = null where id = ${ev.threads.care}`,
        );
      }
    });
  });

  describe('saturation', () => {
    it('orders the cases by review meeting, else first coding, and counts new codes', async () => {
      const response = await call(ev.fx.researcher, 'GET', `${base()}/saturation`);
      expect(response.statusCode).toBe(200);
      const body = saturationSchema.parse(response.json()) as Saturation;
      expect(body.cases).toBe(4);
      expect(body.bucket).toBe(1);
      expect(
        body.points.map((p) => [p.caseId, p.orderedBy, p.newCodes, p.cumulativeCodes]),
      ).toEqual([
        [ev.cases.B, 'review_meeting', 2, 2],
        [ev.cases.A, 'review_meeting', 2, 4],
        [ev.cases.C, 'first_coding', 0, 4],
        [ev.cases.E, 'first_coding', 1, 5],
      ]);
      expect(new Set(body.points[0]!.newCodeIds)).toEqual(new Set([ev.codes.Lang, ev.codes.Zorg]));
      expect(body.points[2]!.orderedOn).toBe('2026-02-15T10:00:00.000Z');
      const care = body.threads.find((t) => t.threadId === ev.threads.care)!;
      expect(care.growth).toEqual([
        { point: 0, segments: 2, cases: 1, newCodes: 2 },
        { point: 1, segments: 3, cases: 1, newCodes: 2 },
        { point: 2, segments: 1, cases: 1, newCodes: 0 },
      ]);
      expect(care.lastGrowth).toBe(3);
      const loose = body.threads.find((t) => t.threadId === ev.threads.loose)!;
      expect(loose.growth).toEqual([{ point: 3, segments: 1, cases: 1, newCodes: 1 }]);
      expect(body.threads.find((t) => t.threadId === ev.threads.empty)!.lastGrowth).toBeNull();
      // Each case shown is logged.
      const logged = await queryRows<{ case_id: string | null }>(
        db(),
        sql`select case_id from access_log where resource_type = 'synthesis_saturation'
            and user_id = ${ev.fx.researcher.user.id}`,
      );
      expect(new Set(logged.map((r) => r.case_id))).toEqual(
        new Set([null, ev.cases.A, ev.cases.B, ev.cases.C, ev.cases.E]),
      );
    });

    it('bundles cases into runs when asked, without case codes', async () => {
      const body = (
        await call(ev.fx.researcher, 'GET', `${base()}/saturation?bucket=2`)
      ).json() as Saturation;
      expect(
        body.points.map((p) => [p.from, p.to, p.caseCode, p.newCodes, p.cumulativeCodes]),
      ).toEqual([
        [1, 2, null, 4, 4],
        [3, 4, null, 1, 5],
      ]);
      expect(body.threads.find((t) => t.threadId === ev.threads.care)!.growth).toEqual([
        { point: 0, segments: 5, cases: 2, newCodes: 4 },
        { point: 1, segments: 1, cases: 1, newCodes: 0 },
      ]);
    });

    it('is a 404 for a stranger, and leaves out withdrawn threads', async () => {
      expect((await call(stranger, 'GET', `${base()}/saturation`)).statusCode).toBe(404);
      await db().execute(
        sql`update synthesis_threads set status = 'withdrawn', status_reason = 'test' where id = ${ev.threads.loose}`,
      );
      const body = (
        await call(ev.fx.researcher, 'GET', `${base()}/saturation`)
      ).json() as Saturation;
      expect(body.threads.map((t) => t.threadId)).not.toContain(ev.threads.loose);
    });
  });
});
